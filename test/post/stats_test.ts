// Statistics, hazard maps and UHS against numpy computations of OpenQuake's formulas.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import {
  computeStatCurves,
  hazardStats,
  meanStat,
  pyFloat,
  quantileStat,
  stdStat,
} from "../../engine/post/stats.ts";
import { computeHazardMaps, computeUhs, hazardMap } from "../../engine/post/hmaps.ts";
import { interp } from "../../engine/post/interp.ts";

function close(a: number, e: number, rtol = 1e-14) {
  ok(Math.abs(a - e) <= 1e-300 + rtol * Math.abs(e), `${a} != ${e}`);
}

Deno.test("numpy.interp semantics", () => {
  strictEqual(interp(-1, [0, 1, 2], [10, 20, 30]), 10);
  strictEqual(interp(3, [0, 1, 2], [10, 20, 30]), 30);
  strictEqual(interp(1, [0, 1, 2], [10, 20, 30]), 20);
  strictEqual(interp(1.5, [0, 1, 2], [10, 20, 30]), 25);
  strictEqual(interp(2, [0, 1, 2], [10, 20, 30]), 30);
});

Deno.test("quantile_curve as OpenQuake's docstring and weighted", () => {
  const arr = Float64Array.of(.15, .25, .3, .4, .5, .6, .75, .8, .9);
  const w = new Float64Array(9).fill(1 / 9);
  close(quantileStat(0.8)(arr, w), 0.76);
  close(quantileStat(0.85)(Float64Array.of(.15, .15, .15), [1 / 3, 1 / 3, 1 / 3]), 0.15);
  const v = Float64Array.of(0.3, 0.1, 0.2), ws = [0.5, 0.25, 0.25];
  close(quantileStat(0.1)(v, ws), 0.1);
  close(quantileStat(0.3)(v, ws), 0.12);
  close(quantileStat(0.5)(v, ws), 0.2);
  close(quantileStat(0.9)(v, ws), 0.28);
  close(meanStat(v, ws), 0.22499999999999998);
  close(stdStat(v, ws), 0.08291561975888499);
});

Deno.test("mean with use_rates averages -ln(1-p)", () => {
  // two realizations, one site, two levels
  const curves = [Float64Array.of(0.3, 0.9), Float64Array.of(0.1, 0.5)];
  const out = computeStatCurves(curves, 1, [0, 2], meanStat, [0.6, 0.4], true);
  close(out[0], 0.22597350338556144, 1e-13);
  close(out[1], 0.8096346061284122, 1e-13);
  const plain = computeStatCurves(curves, 1, [0, 2], meanStat, [0.6, 0.4]);
  close(plain[0], 0.22);
  close(plain[1], 0.74);
});

Deno.test("hazard maps: log-log interpolation, 0 above the curve, clamp below", () => {
  const imls = [0.005, 0.02, 0.1, 0.5, 2.0];
  const curve = [0.9, 0.5, 0.1, 0.001, 0.0];
  const got = hazardMap(curve, imls, [0.95, 0.5, 0.3, 0.01, 1e-5, 1e-40]);
  strictEqual(got[0], 0);
  close(got[1], 0.02);
  close(got[2], 0.03333333333333335, 1e-13);
  close(got[3], 0.22360679774997905, 1e-13);
  close(got[4], 0.5540730679275097, 1e-13);
  close(got[5], 2.0);
  // two sites x two IMTs, then UHS keeps PGA and SA only
  const curves = Float64Array.of(...curve, ...curve, ...curve, ...curve.map((p) => p / 2));
  const levels = [...imls, ...imls];
  const hm = computeHazardMaps(curves, 2, levels, [0, 5, 10], [0.5, 0.01]);
  close(hm[0], 0.02);
  close(hm[1], 0.22360679774997905, 1e-13);
  const uhs = computeUhs(hm, 2, ["PGV", "SA(0.1)"], 2);
  deepStrictEqual(Array.from(uhs), [hm[2], hm[3], hm[6], hm[7]]);
});

Deno.test("statistics names and Python float formatting", () => {
  deepStrictEqual(hazardStats({ mean: true, std: true, max: true, quantiles: [0.1, 0.9] }), [
    "mean",
    "std",
    "quantile-0.1",
    "quantile-0.9",
    "max",
  ]);
  strictEqual(pyFloat(1), "1.0");
  strictEqual(pyFloat(0.002105), "0.002105");
  strictEqual(pyFloat(1e-5), "1e-05");
});
