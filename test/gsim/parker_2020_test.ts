import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";
import { ok, throws } from "node:assert";

const P = "PARKER20/ParkerEtAl2020";
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_MEAN.csv`, 0.1);
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_INTER_EVENT_STDDEV.csv`, 0.1);
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_INTRA_EVENT_STDDEV.csv`, 0.1);
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_TOTAL_STDDEV.csv`, 0.1);
tableTest("ParkerEtAl2020SSlab", {}, `${P}SSlab_MEAN.csv`, 0.1);
for (const kind of ["SInter", "SSlab"]) {
  const plain = `ParkerEtAl2020${kind}`;
  const b = `ParkerEtAl2020${kind}B`;
  tableTest(plain, { region: "AK" }, `${P}${kind}Alaska_MEAN.csv`, 0.1);
  tableTest(
    plain,
    { region: "AK", saturation_region: "Aleutian" },
    `${P}${kind}Aleutian_MEAN.csv`,
    0.1,
  );
  tableTest(plain, { region: "CAM", saturation_region: "CAM_N" }, `${P}${kind}CAMN_MEAN.csv`, 0.1);
  tableTest(plain, { region: "CAM", saturation_region: "CAM_S" }, `${P}${kind}CAMS_MEAN.csv`, 0.1);
  tableTest(b, { region: "Cascadia", basin: "out" }, `${P}${kind}CascadiaOut_MEAN.csv`, 0.1);
  tableTest(
    b,
    { region: "Cascadia", basin: "Seattle" },
    `${P}${kind}CascadiaSeattle_MEAN.csv`,
    0.1,
  );
  tableTest(b, { region: "Cascadia" }, `${P}${kind}Cascadia_MEAN.csv`, 0.1);
  tableTest(b, { region: "JP", saturation_region: "JP_Pac" }, `${P}${kind}JapanPac_MEAN.csv`, 0.1);
  tableTest(b, { region: "JP", saturation_region: "JP_Phi" }, `${P}${kind}JapanPhi_MEAN.csv`, 0.1);
  tableTest(plain, { region: "SA", saturation_region: "SA_N" }, `${P}${kind}SAN_MEAN.csv`, 0.1);
  tableTest(plain, { region: "SA", saturation_region: "SA_S" }, `${P}${kind}SAS_MEAN.csv`, 0.1);
  tableTest(plain, { region: "TW", saturation_region: "TW_E" }, `${P}${kind}TaiwanE_MEAN.csv`, 0.1);
  tableTest(plain, { region: "TW", saturation_region: "TW_W" }, `${P}${kind}TaiwanW_MEAN.csv`, 0.1);
  // the legacy alias names load the same models
  tableTest(`${plain}JapanPhi`, {}, `${P}${kind}JapanPhi_MEAN.csv`, 0.1);
}

const row = (z2pt5: number) => ({
  n: 1,
  cols: {
    mag: Float64Array.of(8),
    vs30: Float64Array.of(300),
    z2pt5: Float64Array.of(z2pt5),
    rrup: Float64Array.of(60),
  },
});
const IMTS = ["PGA", "SA(0.3)", "SA(1.0)", "SA(2.0)"].map(parseImt);

Deno.test("ParkerEtAl2020SInter ak23_bias_adj adds the USGS Alaska bias", () => {
  const a = evaluateGsim(makeGsim("ParkerEtAl2020SInter"), IMTS, row(0));
  const b = evaluateGsim(makeGsim("ParkerEtAl2020SInter", { ak23_bias_adj: true }), IMTS, row(0));
  [-0.26167, -0.3811, 0.15648, 0.22739].forEach((bias, m) =>
    ok(Math.abs(b.mean[m] - a.mean[m] - bias) < 1e-12)
  );
  throws(() => makeGsim("ParkerEtAl2020SInter", { region: "AK", ak23_bias_adj: true }), /global/);
});

Deno.test("ParkerEtAl2020SInterB Cascadia: M9 basin term only from 1.9 s on deep basins; USGS scaling", () => {
  const cas = { region: "Cascadia" };
  const plain = makeGsim("ParkerEtAl2020SInterB", cas);
  const m9 = makeGsim("ParkerEtAl2020SInterB", { ...cas, m9_basin_term: true });
  const a = evaluateGsim(plain, IMTS, row(7));
  const b = evaluateGsim(m9, IMTS, row(7));
  for (const m of [0, 1, 2]) ok(Math.abs(a.mean[m] - b.mean[m]) < 1e-12);
  ok(Math.abs(a.mean[3] - b.mean[3]) > 1e-3);
  const shallow = evaluateGsim(m9, IMTS, row(5));
  ok(Math.abs(shallow.mean[3] - evaluateGsim(plain, IMTS, row(5)).mean[3]) < 1e-12);
  // USGS scaling removes the basin term up to 0.5 s (a zero z2pt5 has none either)
  const usgs = evaluateGsim(
    makeGsim("ParkerEtAl2020SInterB", { ...cas, usgs_basin_scaling: true }),
    IMTS,
    row(7),
  );
  const none = evaluateGsim(plain, IMTS, row(0));
  ok(Math.abs(usgs.mean[1] - none.mean[1]) < 1e-12);
  ok(Math.abs(usgs.mean[2] - a.mean[2]) < 1e-12);
  throws(
    () => makeGsim("ParkerEtAl2020SInter", { region: "Cascadia", m9_basin_term: true }),
    /B class/,
  );
});
