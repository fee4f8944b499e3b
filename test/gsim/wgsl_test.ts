import { deepStrictEqual as assertEquals, ok as assert } from "node:assert";
import { parseCoeffsTable } from "../../engine/gsim/coeffs.ts";
import { evaluateGsim, unsupportedReason } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import type { GsimDef } from "../../engine/gsim/types.ts";
import { wgslToJs } from "../../engine/gsim/wgsl.ts";

const toy: GsimDef = {
  name: "Toy",
  args: {},
  trt: "Active Shallow Crust",
  imts: ["PGA", "SA"],
  stddevs: ["TOTAL"],
  requires: { rupture: ["mag"], sites: [], distances: ["rrup"] },
  tables: [{
    prefix: "C",
    table: parseCoeffsTable(`IMT a b
pga 1.0 -1.0
0.1 2.0 -1.0
1.0 4.0 -2.0`),
  }],
  consts: { K: 2 },
  fns: `fn dterm(r: f32, b: f32) -> f32 { var x: f32 = b * log(r + 1.0); return x; }`,
  body: `mean = C_a + K * mag + dterm(rrup, C_b);
    if (imt_kind == 3.0) { sig = imt_period; } else { sig = select(0.5, 0.7, mag > 6.0); }`,
};

Deno.test("wgsl subset transpiles to JS", () => {
  assertEquals(
    wgslToJs("fn f(a: f32, b: f32) -> f32 { var x: f32 = 1.0; let y = 2.0f; return x; }"),
    "function f(a, b) { let x = 1.0; let y = 2.0; return x; }",
  );
});

Deno.test("a model evaluates per IMT with interpolated coefficients", () => {
  const block = { n: 2, cols: { mag: Float64Array.of(5, 7), rrup: Float64Array.of(9, 19) } };
  const imts = ["PGA", "SA(0.1)", "SA(0.31622776601683794)"].map(parseImt);
  const out = evaluateGsim(toy, imts, block);
  assertEquals(out.mean[0], 1 + 10 - Math.log(10));
  assertEquals(out.sig[1], 0.7);
  // halfway in ln(T) between 0.1 and 1.0: a = 3, b = -1.5
  assert(Math.abs(out.mean[5] - (3 + 14 - 1.5 * Math.log(20))) < 1e-12);
  assert(Math.abs(out.sig[4] - 0.31622776601683794) < 1e-15);
  assertEquals(unsupportedReason(toy, parseImt("PGV")), "Toy does not support PGV");
  assert(unsupportedReason(toy, parseImt("SA(2.0)"))!.includes("outside"));
});
