import { ok } from "node:assert";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

for (
  const [kind, file, tol] of [
    ["MblgAB1987", "MblgAB1987", 1.9],
    ["MblgJ1996", "MblgJ1996", 2.0],
    ["Mw", "Mw", 1.8],
  ] as const
) {
  tableTest(`FrankelEtAl1996${kind}NSHMP2008`, {}, `FRANKEL1996/FRANKEL96${file}_MEAN.csv`, tol);
  tableTest(
    `FrankelEtAl1996${kind}NSHMP2008`,
    {},
    `FRANKEL1996/FRANKEL96${file}_STD_TOTAL.csv`,
    0.1,
  );
}

// Values at the table's own nodes are the tabulated ones (the spline interpolates them)
Deno.test("FrankelEtAl1996 reproduces its tabulated log10 values at the nodes", () => {
  const block = {
    n: 3,
    cols: { mag: Float64Array.of(4.4, 6.0, 8.2), rhypo: Float64Array.of(10, 10 ** 1.5, 1000) },
  };
  const out = evaluateGsim(makeGsim("FrankelEtAl1996MwNSHMP2008"), [parseImt("SA(1.0)")], block);
  // SA(1.0) table, log10 g: -2.22 at (M4.4, log r 1.0), -1.18 at (M6.0, 1.5), -1.69 at (M8.2, 3.0)
  const expected = [-2.22, -1.18, -1.69].map((v) => v * Math.log(10));
  out.mean.forEach((v, i) => ok(Math.abs(v - expected[i]) < 1e-7, `${v} vs ${expected[i]}`));
});
