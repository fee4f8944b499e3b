import { ok } from "node:assert";
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim, unsupportedReason } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

tableTest("BindiEtAl2011", {}, "BINDI2011/BINDI2011_MEAN.csv", 0.1);
tableTest("BindiEtAl2011", {}, "BINDI2011/BINDI2011_STD_INTER.csv", 0.1);
tableTest("BindiEtAl2011", {}, "BINDI2011/BINDI2011_STD_INTRA.csv", 0.1);
tableTest("BindiEtAl2011", {}, "BINDI2011/BINDI2011_STD_TOTAL.csv", 0.1);

Deno.test("BindiEtAl2011Ita19Low/Upp: the base mean -/+ delta(M) of the ITA19 backbone", () => {
  const block = {
    n: 2,
    cols: {
      rake: Float64Array.of(0, 90),
      mag: Float64Array.of(5, 6.5),
      vs30: Float64Array.of(300, 800),
      rjb: Float64Array.of(10, 40),
    },
  };
  const imts = [parseImt("PGA"), parseImt("SA(1.0)")];
  const base = evaluateGsim(makeGsim("BindiEtAl2011"), imts, block);
  const lo = evaluateGsim(makeGsim("BindiEtAl2011Ita19Low"), imts, block);
  const up = evaluateGsim(makeGsim("BindiEtAl2011Ita19Upp"), imts, block);
  // delta = a M^2 + b M + c, PGA row of the ITA19 table: a = 0.101, b = -1.136
  const dPga = (m: number) => 0.101 * m * m - 1.136 * m;
  for (let i = 0; i < 2; i++) {
    const m = block.cols.mag[i];
    ok(Math.abs(up.mean[i] - base.mean[i] - (base.mean[i] - lo.mean[i])) < 1e-12);
    ok(
      Math.abs(up.mean[i] - base.mean[i] - (dPga(m) - dPga(5)) - (up.mean[0] - base.mean[0])) <
        1e-9,
    );
    ok(Math.abs(up.mean[2 + i] + lo.mean[2 + i] - 2 * base.mean[2 + i]) < 1e-12);
  }
  ok(unsupportedReason(makeGsim("BindiEtAl2011Ita19Upp"), parseImt("SA(0.04)")) !== null);
  ok(unsupportedReason(makeGsim("BindiEtAl2011"), parseImt("SA(0.04)")) === null);
});
