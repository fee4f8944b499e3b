import { ok, throws } from "node:assert";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

for (
  const [name, file] of [
    ["AbrahamsonEtAl2015SInter", "SINTER_CENTRAL"],
    ["AbrahamsonEtAl2015SInterHigh", "SINTER_HIGH"],
    ["AbrahamsonEtAl2015SInterLow", "SINTER_LOW"],
    ["AbrahamsonEtAl2015SSlab", "SSLAB_CENTRAL"],
    ["AbrahamsonEtAl2015SSlabHigh", "SSLAB_HIGH"],
    ["AbrahamsonEtAl2015SSlabLow", "SSLAB_LOW"],
  ]
) {
  for (const kind of ["MEAN", "STDDEV_INTER", "STDDEV_INTRA", "STDDEV_TOTAL"]) {
    tableTest(name, {}, `BCHYDRO/BCHYDRO_${file}_${kind}.csv`, 0.1);
  }
}
for (const kind of ["INTRA", "TOTAL"]) {
  tableTest(
    "AbrahamsonEtAl2015SInter",
    { ergodic: false },
    `BCHYDRO/BCHYDRO_SINTER_CENTRAL_STDDEV_NONERGODIC_${kind}.csv`,
    0.1,
  );
}

Deno.test("AbrahamsonEtAl2015SInter rejects unknown constructor arguments", () => {
  throws(() => makeGsim("AbrahamsonEtAl2015SInter", { ergodik: false }), /ergodik/);
});

Deno.test("AbrahamsonEtAl2015SSlab sigma_mu_epsilon shifts the mean by eps * sigma_mu / 1.65", () => {
  const block = {
    n: 1,
    cols: {
      mag: Float64Array.of(7),
      hypo_depth: Float64Array.of(50),
      vs30: Float64Array.of(400),
      backarc: Float64Array.of(0),
      rhypo: Float64Array.of(80),
    },
  };
  const imts = [parseImt("PGA"), parseImt("SA(0.4)")];
  const a = evaluateGsim(makeGsim("AbrahamsonEtAl2015SSlab"), imts, block);
  const b = evaluateGsim(makeGsim("AbrahamsonEtAl2015SSlab", { sigma_mu_epsilon: 2 }), imts, block);
  // BC Hydro 2018 sigma_mu for slab: 0.50 at PGA, 0.38 at 0.4 s
  ok(Math.abs(b.mean[0] - a.mean[0] - 2 * 0.5 / 1.65) < 1e-12);
  ok(Math.abs(b.mean[1] - a.mean[1] - 2 * 0.38 / 1.65) < 1e-12);
});
