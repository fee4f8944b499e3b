import { strictEqual, throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

const D = "eshm20_craton/ESHM20_CRATON";
tableTest("ESHM20Craton", { ergodic: false }, `${D}_MEAN_MEDIAN_MODEL.csv`, 0.01);
tableTest("ESHM20Craton", { epsilon: 1.0 }, `${D}_MEAN_PLUS1SIGMA_MODEL.csv`, 0.01);
tableTest("ESHM20Craton", { ergodic: true }, `${D}_TOTAL_STDDEV_ERGODIC.csv`, 0.01);
tableTest("ESHM20Craton", { ergodic: false }, `${D}_TOTAL_STDDEV_NONERGODIC.csv`, 0.01);

Deno.test("ESHM20Craton branch aliases and refused arguments", () => {
  const g = makeGsim("ESHM20CratonVHighStressLowSite", {});
  strictEqual(g.consts?.EPSILON, 2.85697);
  strictEqual(g.consts?.SITE_EPSILON, -1.732051);
  strictEqual(makeGsim("ESHM20CratonShallowMidStressSlowAtten", {}).args.c3_epsilon, 1.732051);
  throws(() => makeGsim("ESHM20Craton", { tau_model: "x" }), /tau_model/);
  throws(() => makeGsim("ESHM20Craton", { tau_quantile: 0.5 }), /tau_quantile/);
  throws(() => makeGsim("ESHM20Craton", { region: 1 }), /region/);
});
