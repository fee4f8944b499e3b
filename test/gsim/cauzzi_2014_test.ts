import { ok, throws } from "node:assert";
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

tableTest("CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_INTER_STD.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_INTRA_STD.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_MEAN.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8", {}, "C14/CAUZZI_EC8_TOTAL_STD.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_INTER_STD.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_INTRA_STD.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_MEAN.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30", {}, "C14/CAUZZI_FIXEDVS_TOTAL_STD.csv", 0.1);
tableTest("CauzziEtAl2014", {}, "C14/CAUZZI_INTER_STD.csv", 0.1);
tableTest("CauzziEtAl2014", {}, "C14/CAUZZI_INTRA_STD.csv", 0.1);
tableTest("CauzziEtAl2014", {}, "C14/CAUZZI_MEAN.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_INTER_STD.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_INTRA_STD.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_MEAN.csv", 0.1);
tableTest("CauzziEtAl2014Eurocode8NoSOF", {}, "C14/CAUZZI_NoSOF_EC8_TOTAL_STD.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_INTER_STD.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_INTRA_STD.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_MEAN.csv", 0.1);
tableTest("CauzziEtAl2014FixedVs30NoSOF", {}, "C14/CAUZZI_NoSOF_FIXEDVS_TOTAL_STD.csv", 0.1);
tableTest("CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_INTER_STD.csv", 0.1);
tableTest("CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_INTRA_STD.csv", 0.1);
tableTest("CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_MEAN.csv", 0.1);
tableTest("CauzziEtAl2014NoSOF", {}, "C14/CAUZZI_NoSOF_TOTAL_STD.csv", 0.1);
tableTest("CauzziEtAl2014", {}, "C14/CAUZZI_TOTAL_STD.csv", 0.1);

Deno.test("CauzziEtAl2014: adjustment_factor scales the median", () => {
  const block = {
    n: 1,
    cols: {
      mag: Float64Array.of(6),
      rake: Float64Array.of(0),
      vs30: Float64Array.of(400),
      rrup: Float64Array.of(20),
    },
  };
  const imts = [parseImt("PGA"), parseImt("SA(0.5)")];
  const a = evaluateGsim(makeGsim("CauzziEtAl2014"), imts, block);
  const b = evaluateGsim(makeGsim("CauzziEtAl2014", { adjustment_factor: 1.25 }), imts, block);
  for (let k = 0; k < 2; k++) ok(Math.abs(b.mean[k] - a.mean[k] - Math.log(1.25)) < 1e-12);
  throws(() => makeGsim("CauzziEtAl2014NoSOF", { sof: true }), /unknown argument sof/);
});
