// KothaEtAl2020 and its variants against OpenQuake's kotha20 verification tables (0.01 %).
// The slope-geology tables give site_geology as text, read as the model's unit codes.
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { geologyCode, kotha2020C3 } from "../../engine/gsim/kotha_2020.ts";
import { ok, strictEqual, throws } from "node:assert";

const TOL = 0.01;

const D = "kotha20/KOTHA_2020";
tableTest("KothaEtAl2020", {}, `${D}_CENTRAL_MEAN.csv`, TOL);
for (const s of ["INTER_EVENT", "INTRA_EVENT", "TOTAL"]) {
  tableTest("KothaEtAl2020", {}, `${D}_STDDEV_${s}.csv`, TOL);
  tableTest("KothaEtAl2020Site", {}, `${D}_VS30_STDDEV_${s}.csv`, TOL);
  tableTest("KothaEtAl2020Slope", {}, `${D}_SLOPE_STDDEV_${s}.csv`, TOL);
  tableTest("KothaEtAl2020regional", {}, `${D}_REGIONAL_STDDEV_${s}.csv`, TOL);
  tableTest("KothaEtAl2020ESHM20", {}, `${D}_ESHM_STDDEV_${s}.csv`, TOL);
}
tableTest("KothaEtAl2020Site", {}, `${D}_VS30_MEAN.csv`, TOL);
tableTest("KothaEtAl2020Slope", {}, `${D}_SLOPE_MEAN.csv`, TOL);
tableTest("KothaEtAl2020regional", {}, `${D}_REGIONAL_MEAN.csv`, TOL);
tableTest("KothaEtAl2020ESHM20", {}, `${D}_ESHM_CENTRAL_MEAN.csv`, TOL);
tableTest("KothaEtAl2020ESHM20", { c3_epsilon: -1.0 }, `${D}_ESHM_FAST_ATTEN_MEAN.csv`, TOL);
tableTest(
  "KothaEtAl2020ESHM20",
  { sigma_mu_epsilon: 1.0 },
  `${D}_ESHM_HIGH_SIGMA_MU_MEAN.csv`,
  TOL,
);
tableTest(
  "KothaEtAl2020ESHM20",
  { ergodic: false },
  `${D}_ESHM_STDDEV_NONERGODIC_INTRA_EVENT.csv`,
  TOL,
);
tableTest("KothaEtAl2020ESHM20", { ergodic: false }, `${D}_ESHM_STDDEV_NONERGODIC_TOTAL.csv`, TOL);
// direct source-region scaling and residual attenuation, per IMT, as OpenQuake's test builds them
const c3 = kotha2020C3();
const dl2lHigh = Object.fromEntries(Object.keys(c3).map((k) => [k, 1.0]));
const c3Fast = Object.fromEntries(
  Object.entries(c3).map(([k, v]) => [k, v.c3 - 1.732051 * v.tau_c3]),
);
tableTest("KothaEtAl2020ESHM20", { dl2l: dl2lHigh }, `${D}_ESHM_DL2L_HIGH_MEAN.csv`, TOL);
tableTest("KothaEtAl2020ESHM20", { c3: c3Fast }, `${D}_ESHM_c3_FAST_MEAN.csv`, TOL);
for (const f of ["INTER_EVENT_STDDEV", "INTRA_EVENT_STDDEV", "MEAN", "TOTAL_STDDEV"]) {
  tableTest("KothaEtAl2020ESHM20SlopeGeology", {}, `${D}_SLOPE_GEOLOGY_${f}.csv`, TOL);
}

Deno.test("KothaEtAl2020: arguments", () => {
  throws(() => makeGsim("KothaEtAl2020", { dl2l: 1.0 }), /dl2l must be a dictionary/);
  throws(() => makeGsim("KothaEtAl2020", { region: 1 }), /unknown argument region/);
  strictEqual(geologyCode("jurassic-triassic"), 3);
  strictEqual(geologyCode("BASALT"), 0);
  // an ESHM20 logic-tree alias
  ok(makeGsim("ESHM20ShallowCrustHighStressFastAtten").consts!.C3_EPSILON === -1.732051);
});
