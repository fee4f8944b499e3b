import { ok } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { tableTest } from "./_tables.ts";

tableTest("Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_INTER_EVENT_STDDEV.csv", 0.1);
tableTest("Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_INTRA_EVENT_STDDEV.csv", 0.1);
tableTest("Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_MEAN.csv", 0.1);
tableTest("Bradley2013Volc", {}, "BRADLEY13/Bradley2013Volc_TOTAL_STDDEV.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_INTER_EVENT_STDDEV_NM.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_INTER_EVENT_STDDEV_RV.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_INTER_EVENT_STDDEV_SS.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_INTRA_EVENT_STDDEV_NM.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_INTRA_EVENT_STDDEV_RV.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_INTRA_EVENT_STDDEV_SS.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_MEAN_NM.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_MEAN_RV.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_MEAN_SS.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_TOTAL_STDDEV_NM.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_TOTAL_STDDEV_RV.csv", 0.1);
tableTest("Bradley2013", {}, "BRADLEY13/Bradley2013_TOTAL_STDDEV_SS.csv", 0.1);

Deno.test("Bradley2013LHC / AdditionalSigma: component ratio and Christchurch extra sigma", () => {
  const block = {
    n: 1,
    cols: {
      dip: Float64Array.of(60),
      rake: Float64Array.of(0),
      mag: Float64Array.of(6.2),
      ztor: Float64Array.of(1),
      vs30: Float64Array.of(250),
      vs30measured: Float64Array.of(0),
      z1pt0: Float64Array.of(330),
      rrup: Float64Array.of(10),
      rjb: Float64Array.of(8),
      rx: Float64Array.of(-8),
    },
  };
  const imts = [parseImt("PGA"), parseImt("SA(1.0)")];
  const base = evaluateGsim(makeGsim("Bradley2013"), imts, block);
  const lhc = evaluateGsim(makeGsim("Bradley2013LHC"), imts, block);
  const add = evaluateGsim(makeGsim("Bradley2013AdditionalSigma"), imts, block);
  // Boore & Kishida (2016) ratio: 1.106 below 0.08 s (PGA as 0.01 s); at 1 s on the 0.56-4.4 s leg
  const r1 = 1.158 + (1.178 - 1.158) / Math.log(4.4 / 0.56) * Math.log(1 / 0.56);
  ok(Math.abs(lhc.mean[0] - base.mean[0] - Math.log(1.106)) < 1e-12);
  ok(Math.abs(lhc.mean[1] - base.mean[1] - Math.log(r1)) < 1e-12);
  for (let k = 0; k < 2; k++) {
    ok(Math.abs(add.sig[k] ** 2 - base.sig[k] ** 2 - 0.35 ** 2) < 1e-12);
    ok(Math.abs(add.phi[k] ** 2 - base.phi[k] ** 2 - 0.35 ** 2 / 2) < 1e-12);
  }
});
