import { deepStrictEqual, ok, throws } from "node:assert";
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

const D = "NGA/CY14";
const CY14 = "ChiouYoungs2014";
tableTest(CY14, {}, `${D}/CY14_MEDIAN_MS_HW_NM.csv`, 0.05);
tableTest(CY14, {}, `${D}/CY14_MEDIAN_MS_HW_RV.csv`, 0.05);
tableTest(CY14, {}, `${D}/CY14_MEDIAN_MS_HW_SS.csv`, 0.05);
tableTest(CY14, {}, `${D}/CY14_INTER_EVENT_SIGMA.csv`, 0.05);
tableTest(CY14, {}, `${D}/CY14_INTRA_EVENT_SIGMA.csv`, 0.05);
tableTest(CY14, {}, `${D}/CY14_TOTAL_EVENT_SIGMA.csv`, 0.05);
tableTest(CY14, {}, `${D}/cy14_extended_table_mean.csv`, 0.001);
tableTest(CY14, {}, `${D}/cy14_extended_table_total_stddev.csv`, 0.001);
tableTest(CY14, { region: "JPN" }, `${D}/CY14_Japan_MEAN.csv`, 1.0);
tableTest(CY14, { region: "ITA" }, `${D}/CY14_Italy_MEAN.csv`, 1.0);
tableTest(CY14, { region: "WEN" }, `${D}/CY14_Wenchuan_MEAN.csv`, 1.0);
const PEER = "ChiouYoungs2014PEER";
tableTest(PEER, {}, `${D}/CY14_MEDIAN_MS_HW_NM.csv`, 0.05);
tableTest(PEER, {}, `${D}/CY14_MEDIAN_MS_HW_RV.csv`, 0.05);
tableTest(PEER, {}, `${D}/CY14_MEDIAN_MS_HW_SS.csv`, 0.05);
tableTest(PEER, {}, `${D}/CY14_TOTAL_EVENT_SIGMA_PEER.csv`, 0.05);
tableTest("ChiouYoungs2014NearFaultEffect", {}, `${D}/CY14_MEDIAN_RCDPP.csv`, 0.05);

Deno.test("ChiouYoungs2014: aliases, options and argument errors", () => {
  deepStrictEqual(
    makeGsim("ChiouYoungs2014Japan").consts,
    makeGsim(CY14, { region: "JPN" }).consts,
  );
  ok(makeGsim("ChiouYoungs2014NearFaultEffect").requires.distances.includes("rcdpp"));
  deepStrictEqual(makeGsim(PEER).imts, ["PGA"]);
  throws(() => makeGsim(CY14, { region: "NZL" }), /region must be one of/);
  throws(() => makeGsim(CY14, { delta_gamma_tab: "x.txt" }), /not supported/);
  throws(() => makeGsim(CY14, { foo: 1 }), /unknown argument foo/);
});

Deno.test("ChiouYoungs2014: use_hw=false drops the hanging-wall term only on the hanging wall", () => {
  const block = {
    n: 2,
    cols: {
      dip: Float64Array.of(45, 45),
      rake: Float64Array.of(90, 90),
      mag: Float64Array.of(7, 7),
      ztor: Float64Array.of(2, 2),
      vs30: Float64Array.of(760, 760),
      vs30measured: Float64Array.of(1, 1),
      z1pt0: Float64Array.of(-999, -999),
      rrup: Float64Array.of(5, 12),
      rjb: Float64Array.of(0, 10),
      rx: Float64Array.of(5, -10),
    },
  };
  const imts = [parseImt("SA(1.0)")];
  const hw = evaluateGsim(makeGsim(CY14), imts, block);
  const nohw = evaluateGsim(makeGsim(CY14, { use_hw: false }), imts, block);
  ok(hw.mean[0] > nohw.mean[0] + 0.05);
  deepStrictEqual(hw.mean[1], nohw.mean[1]);
});
