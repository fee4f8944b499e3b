// Every verification table of the families_asc.ts models recomputed on WebGPU (llvmpipe in CI)
// in f32 through the same WGSL body the GPU kernels run: each value must meet OpenQuake's
// tolerance (floored at 1e-4 %, the f32 resolution: Sadigh's sigma asks 1e-10 %), and the f32
// results must agree with the f64 CPU path within 0.01 %. GSIM_REPORT=1 prints the worst
// discrepancies per model.
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import type { Imt } from "../../engine/gsim/imt.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import type { ContextBlock, GsimDef, GsimOutput } from "../../engine/gsim/types.ts";
import { compareTable, parseVerificationTable, tableContext } from "../../engine/gsim/verify.ts";
import { coeffNames, coeffVector, contextParams, wgslSource } from "../../engine/gsim/wgsl.ts";
import { TABLES_DIR } from "./_tables.ts";

/** [model, constructor args, table file, tolerance %], from INDEX.md */
const TABLES: [string, Record<string, unknown>, string, number][] = [
  ["SadighEtAl1997", {}, "SADIGH97/SADIGH1997_ROCK_MEAN.csv", 0.4],
  ["SadighEtAl1997", {}, "SADIGH97/SADIGH1997_ROCK_STD_TOTAL.csv", 1e-10],
  ["SadighEtAl1997", {}, "SADIGH97/SADIGH1997_SOIL_MEAN.csv", 0.5],
  ["SadighEtAl1997", {}, "SADIGH97/SADIGH1997_SOIL_STD_TOTAL.csv", 1e-10],
  ["BooreAtkinson2008", {}, "NGA/BA08/BA08_MEDIAN_NM.csv", 0.6],
  ["BooreAtkinson2008", {}, "NGA/BA08/BA08_MEDIAN_RV.csv", 0.6],
  ["BooreAtkinson2008", {}, "NGA/BA08/BA08_MEDIAN_SS.csv", 0.6],
  ["BooreAtkinson2008", {}, "NGA/BA08/BA08_SIGTM_SS.csv", 0.1],
  ["BooreAtkinson2008", {}, "NGA/BA08/BA08_STD_INTER.csv", 0.1],
  ["BooreAtkinson2008", {}, "NGA/BA08/BA08_STD_INTRA.csv", 0.1],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_INTER_EVENT_SIGMA.csv", 0.002],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_INTRA_EVENT_SIGMA.csv", 0.001],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_MEDIAN_MS_HW_NM.csv", 0.05],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_MEDIAN_MS_HW_RV.csv", 0.05],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_MEDIAN_MS_HW_SS.csv", 0.05],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_SIGINFER_MS_HW_SS.csv", 0.015],
  ["ChiouYoungs2008", {}, "NGA/CY08/CY08_SIGMEAS_MS_HW_SS.csv", 0.015],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_CALIFORNIA_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_CALIFORNIA_INTRA_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "CAL", sof: true }, "BSSA2014/BSSA_2014_CALIFORNIA_MEAN.csv", 2.0],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_CALIFORNIA_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_JAPAN_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_HIGHQ_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014HighQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_HIGHQ_TOTAL_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "nobasin", sof: true }, "BSSA2014/BSSA_2014_INTER_STD.csv", 1.0],
  ["BooreEtAl2014", { region: "nobasin", sof: true }, "BSSA2014/BSSA_2014_INTRA_STD.csv", 1.0],
  ["BooreEtAl2014", { region: "JPN", sof: true }, "BSSA2014/BSSA_2014_JAPAN_INTER_STD.csv", 1.0],
  ["BooreEtAl2014", { region: "JPN", sof: true }, "BSSA2014/BSSA_2014_JAPAN_INTRA_STD.csv", 1.0],
  ["BooreEtAl2014", { region: "JPN", sof: true }, "BSSA2014/BSSA_2014_JAPAN_MEAN.csv", 2.0],
  [
    "BooreEtAl2014",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_JAPAN_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_JAPAN_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "JPN", sof: false }, "BSSA2014/BSSA_2014_JAPAN_NOSOF_MEAN.csv", 2.0],
  [
    "BooreEtAl2014",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_JAPAN_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "JPN", sof: true }, "BSSA2014/BSSA_2014_JAPAN_TOTAL_STD.csv", 1.0],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "CAL", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "JPN", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_JAPAN_TOTAL_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014LowQ", { region: "nobasin", sof: true }, "BSSA2014/BSSA_2014_LOWQ_MEAN.csv", 2.0],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_NOSOF_MEAN.csv",
    2.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_LOWQ_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014LowQ",
    { region: "nobasin", sof: true },
    "BSSA2014/BSSA_2014_LOWQ_TOTAL_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "nobasin", sof: true }, "BSSA2014/BSSA_2014_MEAN.csv", 2.0],
  [
    "BooreEtAl2014",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_NOSOF_INTER_STD.csv",
    1.0,
  ],
  [
    "BooreEtAl2014",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_NOSOF_INTRA_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "nobasin", sof: false }, "BSSA2014/BSSA_2014_NOSOF_MEAN.csv", 2.0],
  [
    "BooreEtAl2014",
    { region: "nobasin", sof: false },
    "BSSA2014/BSSA_2014_NOSOF_TOTAL_STD.csv",
    1.0,
  ],
  ["BooreEtAl2014", { region: "nobasin", sof: true }, "BSSA2014/BSSA_2014_TOTAL_STD.csv", 1.0],
  ["ChiouYoungs2014", {}, "NGA/CY14/CY14_INTER_EVENT_SIGMA.csv", 0.05],
  ["ChiouYoungs2014", {}, "NGA/CY14/CY14_INTRA_EVENT_SIGMA.csv", 0.05],
  ["ChiouYoungs2014", { region: "ITA" }, "NGA/CY14/CY14_Italy_MEAN.csv", 1.0],
  ["ChiouYoungs2014", { region: "JPN" }, "NGA/CY14/CY14_Japan_MEAN.csv", 1.0],
  ["ChiouYoungs2014", {}, "NGA/CY14/CY14_MEDIAN_MS_HW_NM.csv", 0.05],
  ["ChiouYoungs2014PEER", {}, "NGA/CY14/CY14_MEDIAN_MS_HW_NM.csv", 0.05],
  ["ChiouYoungs2014", {}, "NGA/CY14/CY14_MEDIAN_MS_HW_RV.csv", 0.05],
  ["ChiouYoungs2014PEER", {}, "NGA/CY14/CY14_MEDIAN_MS_HW_RV.csv", 0.05],
  ["ChiouYoungs2014", {}, "NGA/CY14/CY14_MEDIAN_MS_HW_SS.csv", 0.05],
  ["ChiouYoungs2014PEER", {}, "NGA/CY14/CY14_MEDIAN_MS_HW_SS.csv", 0.05],
  ["ChiouYoungs2014NearFaultEffect", {}, "NGA/CY14/CY14_MEDIAN_RCDPP.csv", 0.05],
  ["ChiouYoungs2014", {}, "NGA/CY14/CY14_TOTAL_EVENT_SIGMA.csv", 0.05],
  ["ChiouYoungs2014PEER", {}, "NGA/CY14/CY14_TOTAL_EVENT_SIGMA_PEER.csv", 0.05],
  ["ChiouYoungs2014", { region: "WEN" }, "NGA/CY14/CY14_Wenchuan_MEAN.csv", 1.0],
  ["ChiouYoungs2014", {}, "NGA/CY14/cy14_extended_table_mean.csv", 0.001],
  ["ChiouYoungs2014", {}, "NGA/CY14/cy14_extended_table_total_stddev.csv", 0.001],
  ["Idriss2014", {}, "IDRISS14/IDRISS_2014_MEAN.csv", 0.1],
  ["Idriss2014", {}, "IDRISS14/IDRISS_2014_TOTAL_STD.csv", 0.1],
  ["CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_INTER_STD.csv", 0.1],
  ["CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_INTRA_STD.csv", 0.1],
  ["CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_MEAN.csv", 0.1],
  ["CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_TOTAL_STD.csv", 0.1],
  ["CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_INTER_STD.csv", 0.1],
  ["CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_INTRA_STD.csv", 0.1],
  ["CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_MEAN.csv", 0.1],
  ["CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_TOTAL_STD.csv", 0.1],
  ["CauzziEtAl2014", {}, "C14/CAUZZI_INTER_STD.csv", 0.1],
  ["CauzziEtAl2014", {}, "C14/CAUZZI_INTRA_STD.csv", 0.1],
  ["CauzziEtAl2014", {}, "C14/CAUZZI_MEAN.csv", 0.1],
  ["CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_INTER_STD.csv", 0.1],
  ["CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_INTRA_STD.csv", 0.1],
  ["CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_MEAN.csv", 0.1],
  ["CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_TOTAL_STD.csv", 0.1],
  ["CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_INTER_STD.csv", 0.1],
  ["CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_INTRA_STD.csv", 0.1],
  ["CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_MEAN.csv", 0.1],
  ["CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_TOTAL_STD.csv", 0.1],
  ["CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_INTER_STD.csv", 0.1],
  ["CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_INTRA_STD.csv", 0.1],
  ["CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_MEAN.csv", 0.1],
  ["CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_TOTAL_STD.csv", 0.1],
  ["CauzziEtAl2014", {}, "C14/CAUZZI_TOTAL_STD.csv", 0.1],
  ["BindiEtAl2014RhypEC8", {}, "BINDI2014/B14_Rhypo_EC8_INTER_STD.csv", 0.1],
  ["BindiEtAl2014RhypEC8", {}, "BINDI2014/B14_Rhypo_EC8_INTRA_STD.csv", 0.1],
  ["BindiEtAl2014RhypEC8", {}, "BINDI2014/B14_Rhypo_EC8_MEAN.csv", 0.1],
  ["BindiEtAl2014RhypEC8NoSOF", {}, "BINDI2014/B14_Rhypo_EC8_NoSOF_INTER_STD.csv", 0.1],
  ["BindiEtAl2014RhypEC8NoSOF", {}, "BINDI2014/B14_Rhypo_EC8_NoSOF_INTRA_STD.csv", 0.1],
  ["BindiEtAl2014RhypEC8NoSOF", {}, "BINDI2014/B14_Rhypo_EC8_NoSOF_MEAN.csv", 0.1],
  ["BindiEtAl2014RhypEC8NoSOF", {}, "BINDI2014/B14_Rhypo_EC8_NoSOF_TOTAL_STD.csv", 0.1],
  ["BindiEtAl2014RhypEC8", {}, "BINDI2014/B14_Rhypo_EC8_TOTAL_STD.csv", 0.1],
  ["BindiEtAl2014Rhyp", {}, "BINDI2014/B14_Rhypo_Vs30_INTER_STD.csv", 0.1],
  ["BindiEtAl2014Rhyp", {}, "BINDI2014/B14_Rhypo_Vs30_INTRA_STD.csv", 0.1],
  ["BindiEtAl2014Rhyp", {}, "BINDI2014/B14_Rhypo_Vs30_MEAN.csv", 0.1],
  ["BindiEtAl2014Rhyp", {}, "BINDI2014/B14_Rhypo_Vs30_TOTAL_STD.csv", 0.1],
  ["BindiEtAl2014RjbEC8", {}, "BINDI2014/B14_Rjb_EC8_INTER_STD.csv", 0.1],
  ["BindiEtAl2014RjbEC8", {}, "BINDI2014/B14_Rjb_EC8_INTRA_STD.csv", 0.1],
  ["BindiEtAl2014RjbEC8", {}, "BINDI2014/B14_Rjb_EC8_MEAN.csv", 0.1],
  ["BindiEtAl2014RjbEC8NoSOF", {}, "BINDI2014/B14_Rjb_EC8_NoSOF_INTER_STD.csv", 0.1],
  ["BindiEtAl2014RjbEC8NoSOF", {}, "BINDI2014/B14_Rjb_EC8_NoSOF_INTRA_STD.csv", 0.1],
  ["BindiEtAl2014RjbEC8NoSOF", {}, "BINDI2014/B14_Rjb_EC8_NoSOF_MEAN.csv", 0.1],
  ["BindiEtAl2014RjbEC8NoSOF", {}, "BINDI2014/B14_Rjb_EC8_NoSOF_TOTAL_STD.csv", 0.1],
  ["BindiEtAl2014RjbEC8", {}, "BINDI2014/B14_Rjb_EC8_TOTAL_STD.csv", 0.1],
  ["BindiEtAl2014Rjb", {}, "BINDI2014/B14_Rjb_Vs30_INTER_STD.csv", 0.1],
  ["BindiEtAl2014Rjb", {}, "BINDI2014/B14_Rjb_Vs30_INTRA_STD.csv", 0.1],
  ["BindiEtAl2014Rjb", {}, "BINDI2014/B14_Rjb_Vs30_MEAN.csv", 0.1],
  ["BindiEtAl2014Rjb", {}, "BINDI2014/B14_Rjb_Vs30_TOTAL_STD.csv", 0.1],
  ["AkkarCagnan2010", {}, "AC10/AC10_MEAN.csv", 0.1],
  ["AkkarCagnan2010", {}, "AC10/AC10_STD_INTER.csv", 0.1],
  ["AkkarCagnan2010", {}, "AC10/AC10_STD_INTRA.csv", 0.1],
  ["AkkarCagnan2010", {}, "AC10/AC10_STD_TOTAL.csv", 0.1],
  ["BindiEtAl2011", {}, "BINDI2011/BINDI2011_MEAN.csv", 0.1],
  ["BindiEtAl2011", {}, "BINDI2011/BINDI2011_STD_INTER.csv", 0.1],
  ["BindiEtAl2011", {}, "BINDI2011/BINDI2011_STD_INTRA.csv", 0.1],
  ["BindiEtAl2011", {}, "BINDI2011/BINDI2011_STD_TOTAL.csv", 0.1],
  ["CauzziFaccioli2008", {}, "CF08/CF08_MEAN.csv", 0.1],
  ["CauzziFaccioli2008", {}, "CF08/CF08_STD_TOTAL.csv", 0.1],
  ["FaccioliEtAl2010", {}, "F10/F10_MEAN.csv", 0.1],
  ["FaccioliEtAl2010", {}, "F10/F10_STD_TOTAL.csv", 0.1],
  ["Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_INTER_EVENT_STDDEV.csv", 0.1],
  ["Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_INTRA_EVENT_STDDEV.csv", 0.1],
  ["Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_MEAN.csv", 0.1],
  ["Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_TOTAL_STDDEV.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_INTER_EVENT_STDDEV_NM.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_INTER_EVENT_STDDEV_RV.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_INTER_EVENT_STDDEV_SS.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_INTRA_EVENT_STDDEV_NM.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_INTRA_EVENT_STDDEV_RV.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_INTRA_EVENT_STDDEV_SS.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_MEAN_NM.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_MEAN_RV.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_MEAN_SS.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_TOTAL_STDDEV_NM.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_TOTAL_STDDEV_RV.csv", 0.1],
  ["Bradley2013", {}, "BRADLEY13/Bradley2013_TOTAL_STDDEV_SS.csv", 0.1],
];

const F32_FLOOR = 1e-4;
const F32_VS_F64 = 0.01;

/** One model over a context block on the GPU: one invocation per (row, IMT). */
async function gpuEvaluate(
  device: GPUDevice,
  def: GsimDef,
  imts: Imt[],
  block: ContextBlock,
): Promise<GsimOutput> {
  const n = block.n;
  const params = contextParams(def);
  const k = coeffNames(def).length;
  const ctx = new Float32Array(Math.max(1, params.length * n));
  params.forEach((p, c) => ctx.set(block.cols[p as keyof typeof block.cols]!, c * n));
  const coef = new Float32Array(imts.length * k);
  imts.forEach((imt, m) => coef.set(coeffVector(def, imt), m * k));
  const module = device.createShaderModule({
    code: `${wgslSource(def)}
@group(0) @binding(0) var<storage, read> ctx_buf: array<f32>;
@group(0) @binding(1) var<storage, read> coef_buf: array<f32>;
@group(0) @binding(2) var<storage, read_write> out_buf: array<vec4<f32>>;
fn ctx_col(c: u32, row: u32) -> f32 { return ctx_buf[c * ${n}u + row]; }
fn coef(imt: u32, k: u32) -> f32 { return coef_buf[imt * ${k}u + k]; }
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  if (id.x < ${n}u) { out_buf[id.y * ${n}u + id.x] = gsim_eval(id.x, id.y); }
}`,
  });
  const errors = (await module.getCompilationInfo()).messages.filter((m) => m.type === "error");
  if (errors.length) throw new Error(`${def.name}: ${errors.map((e) => e.message).join("\n")}`);
  const input = (data: Float32Array) => {
    const b = device.createBuffer({
      size: data.byteLength,
      usage: GPUBufferUsage.STORAGE,
      mappedAtCreation: true,
    });
    new Float32Array(b.getMappedRange()).set(data);
    b.unmap();
    return b;
  };
  const size = imts.length * n * 16;
  const ctxBuf = input(ctx);
  const coefBuf = input(coef);
  const outBuf = device.createBuffer({
    size,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const readBuf = device.createBuffer({
    size,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const pipeline = device.createComputePipeline({ layout: "auto", compute: { module } });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [ctxBuf, coefBuf, outBuf].map((buffer, binding) => ({
      binding,
      resource: { buffer },
    })),
  });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(Math.ceil(n / 64), imts.length);
  pass.end();
  enc.copyBufferToBuffer(outBuf, 0, readBuf, 0, size);
  device.queue.submit([enc.finish()]);
  await readBuf.mapAsync(GPUMapMode.READ);
  const raw = new Float32Array(readBuf.getMappedRange().slice(0));
  readBuf.unmap();
  for (const b of [ctxBuf, coefBuf, outBuf, readBuf]) b.destroy();
  const len = imts.length * n;
  const out: GsimOutput = {
    n,
    mean: new Float64Array(len),
    sig: new Float64Array(len),
    tau: new Float64Array(len),
    phi: new Float64Array(len),
  };
  for (let i = 0; i < len; i++) {
    out.mean[i] = raw[4 * i];
    out.sig[i] = raw[4 * i + 1];
    out.tau[i] = raw[4 * i + 2];
    out.phi[i] = raw[4 * i + 3];
  }
  return out;
}

const adapter = await navigator.gpu?.requestAdapter();
let tablesPresent = false;
try {
  tablesPresent = Deno.statSync(TABLES_DIR).isDirectory;
} catch {
  tablesPresent = false;
}
if (!adapter) console.warn("!!! no WebGPU adapter: ASC GPU table tests SKIPPED");

Deno.test({
  name: `families_asc: ${TABLES.length} verification tables on WebGPU (f32)`,
  ignore: !adapter || !tablesPresent,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const device = await adapter!.requestDevice();
    const failures: string[] = [];
    const worst = new Map<string, [number, number]>();
    for (const [name, args, file, tol] of TABLES) {
      const t = parseVerificationTable(Deno.readTextFileSync(`${TABLES_DIR}/${file}`));
      const def = makeGsim(name, args);
      const imts = t.imtCols.map((c) => c.imt);
      const block = tableContext(t, contextParams(def));
      const gpu = await gpuEvaluate(device, def, imts, block);
      const check = compareTable(t, gpu, Math.max(tol, F32_FLOOR));
      if (check.values === 0 || check.failures > 0) {
        failures.push(
          `${name} ${file}: ${check.failures}/${check.values} off by > ${tol}%` +
            ` (max ${check.maxDiscrepancy}%)\n  ${check.examples.join("\n  ")}`,
        );
      }
      // f32 against the f64 CPU path: median ratio and each sigma, percent
      const cpu = evaluateGsim(def, imts, block);
      let d = 0;
      for (let i = 0; i < cpu.mean.length; i++) {
        d = Math.max(d, Math.abs(Math.expm1(gpu.mean[i] - cpu.mean[i])) * 100);
        for (const key of ["sig", "tau", "phi"] as const) {
          if (cpu[key][i] !== 0) d = Math.max(d, Math.abs(gpu[key][i] / cpu[key][i] - 1) * 100);
        }
      }
      if (!(d < F32_VS_F64)) failures.push(`${name} ${file}: f32 differs from f64 by ${d}%`);
      const [w0, w1] = worst.get(name) ?? [0, 0];
      worst.set(name, [Math.max(w0, check.maxDiscrepancy), Math.max(w1, d)]);
    }
    device.destroy();
    if (Deno.env.get("GSIM_REPORT")) {
      for (const [name, [w, d]] of worst) {
        console.log(
          `${name}: worst vs table ${w.toExponential(3)}%, f32 vs f64 ${d.toExponential(2)}%`,
        );
      }
    }
    if (failures.length) throw new Error(failures.join("\n"));
  },
});
