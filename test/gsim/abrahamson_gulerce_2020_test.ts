import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";
import { ok, throws } from "node:assert";

const KINDS = [
  ["MEAN", "MEAN"],
  ["INTER_EVENT_STDDEV", "INTER_EVENT_STDDEV"],
  ["INTRA_EVENT_STDDEV", "INTRA_EVENT_STDDEV"],
  ["TOTAL_STDDEV", "TOTAL_STDDEV"],
];
for (const [trt, model] of [["INTERFACE", "SInter"], ["INSLAB", "SSlab"]]) {
  for (
    const [region, file, adjust] of [
      ["GLO", "GLO_", false],
      ["USA-AK", "USA_AK_", false],
      ["USA-AK", "USA_AK_Adjust", true],
      ["CAS", "CAS_", false],
      ["CAS", "CAS_Adjust", true],
      ["CAM", "CAM_", false],
      ["JPN", "JPN_", false],
      ["NZL", "NZL_", false],
      ["SAM", "SAM_", false],
      ["TWN", "TWN_", false],
    ] as const
  ) {
    const args = { region, apply_usa_adjustment: adjust, sigma_mu_epsilon: 0.0 };
    for (const [kind] of KINDS) {
      tableTest(
        `AbrahamsonGulerce2020${model}`,
        args,
        `ag2020/AG2020_${trt}_${file}_${kind}.csv`,
        0.1,
      );
    }
  }
}
tableTest(
  "AbrahamsonGulerce2020SInter",
  { ergodic: false },
  "ag2020/AG2020_INTERFACE_GLO__NONERGODIC_INTRA_EVENT_STDDEV.csv",
  0.1,
);
tableTest(
  "AbrahamsonGulerce2020SInter",
  { ergodic: false },
  "ag2020/AG2020_INTERFACE_GLO__NONERGODIC_TOTAL_STDDEV.csv",
  0.1,
);

const row = (z2pt5: number) => ({
  n: 1,
  cols: {
    mag: Float64Array.of(8),
    ztor: Float64Array.of(20),
    vs30: Float64Array.of(300),
    z2pt5: Float64Array.of(z2pt5),
    rrup: Float64Array.of(60),
  },
});
const IMTS = ["PGA", "SA(0.3)", "SA(1.0)"].map(parseImt);

Deno.test("AbrahamsonGulerce2020SInter ak23_bias_adj adds the USGS Alaska bias", () => {
  const a = evaluateGsim(makeGsim("AbrahamsonGulerce2020SInter"), IMTS, row(0));
  const b = evaluateGsim(
    makeGsim("AbrahamsonGulerce2020SInter", { ak23_bias_adj: true }),
    IMTS,
    row(0),
  );
  [-0.26167, -0.3811, 0.15648].forEach((bias, m) =>
    ok(Math.abs(b.mean[m] - a.mean[m] - bias) < 1e-12)
  );
  throws(() => makeGsim("AbrahamsonGulerce2020SSlab", { ak23_bias_adj: true }), /global interface/);
});

Deno.test("AbrahamsonGulerce2020 usgs_basin_scaling: no basin term up to 0.5 s, full term on deep basins", () => {
  const plain = makeGsim("AbrahamsonGulerce2020SInter", { region: "CAS" });
  const usgs = makeGsim("AbrahamsonGulerce2020SInter", { region: "CAS", usgs_basin_scaling: true });
  const deep = evaluateGsim(usgs, IMTS, row(5));
  const ref = evaluateGsim(plain, IMTS, row(-999)); // z2.5 at its reference: no basin term
  const full = evaluateGsim(plain, IMTS, row(5));
  ok(Math.abs(deep.mean[1] - ref.mean[1]) < 1e-12);
  ok(Math.abs(deep.mean[2] - full.mean[2]) < 1e-12);
  ok(Math.abs(full.mean[2] - ref.mean[2]) > 1e-3);
  throws(() => makeGsim("AbrahamsonGulerce2020SInter", { usgs_basin_scaling: true }), /Cascadia/);
});
