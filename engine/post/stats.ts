// SPDX-License-Identifier: AGPL-3.0-or-later
// Statistics across realizations as OpenQuake's hazardlib/stats.py computes them: weighted
// mean, std, quantiles (interpolated on the cumulative weights) and max, point by point.
// With use_rates the statistic is taken on −ln(1 − PoE) and converted back.
import { interp } from "./interp.ts";

export type StatName = "mean" | "std" | "max" | `quantile-${string}`;

/** A statistic over R values with R weights (weights sum to 1). */
export type StatFn = (values: Float64Array, weights: ArrayLike<number>) => number;

export function meanStat(values: Float64Array, weights: ArrayLike<number>): number {
  // numpy.average: Σ w v / Σ w
  let s = 0, sw = 0;
  for (let r = 0; r < values.length; r++) {
    s += weights[r] * values[r];
    sw += weights[r];
  }
  return s / sw;
}

export function stdStat(values: Float64Array, weights: ArrayLike<number>): number {
  const m = meanStat(values, weights);
  let s = 0;
  for (let r = 0; r < values.length; r++) s += weights[r] * (m - values[r]) ** 2;
  return Math.sqrt(s);
}

export function maxStat(values: Float64Array): number {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

/** OQ's quantile_curve: sort (value, weight) by value, interp q on the cumulated weights. */
export function quantileStat(q: number): StatFn {
  return (values, weights) => {
    const R = values.length;
    const idx = Array.from({ length: R }, (_, i) => i);
    // numpy sorts the (c, w) records by c, then w
    idx.sort((a, b) => values[a] - values[b] || weights[a] - weights[b]);
    const cum = new Float64Array(R);
    const sorted = new Float64Array(R);
    let c = 0;
    idx.forEach((i, k) => {
      c += weights[i];
      cum[k] = c;
      sorted[k] = values[i];
    });
    return interp(q, cum, sorted);
  };
}

/** The statistic function for `mean`, `std`, `max`, `quantile-0.15`. */
export function statFunction(name: string): StatFn {
  if (name === "mean") return meanStat;
  if (name === "std") return stdStat;
  if (name === "max") return maxStat;
  const m = /^quantile-(.+)$/.exec(name);
  if (m) return quantileStat(Number(m[1]));
  throw new Error(`unknown statistic ${name}`);
}

/**
 * The names of the requested statistics, in OpenQuake's order (oq.hazard_stats()): mean,
 * std, quantile-q..., max.
 */
export function hazardStats(
  opts: { mean?: boolean; std?: boolean; max?: boolean; quantiles?: number[] },
): string[] {
  const out: string[] = [];
  if (opts.mean ?? true) out.push("mean");
  if (opts.std) out.push("std");
  for (const q of opts.quantiles ?? []) out.push(`quantile-${pyFloat(q)}`);
  if (opts.max) out.push("max");
  return out;
}

/** Python's str() of a float, as OpenQuake prints poes and quantiles (0.1, 1e-05, 2.0). */
export function pyFloat(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  // Python switches to exponent notation below 1e-4 (JS below 1e-6), with 2-digit exponents
  const s = x !== 0 && Math.abs(x) < 1e-4 ? x.toExponential() : String(x);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}

/**
 * One statistic curve per site: `curves[r]` is realization r's PoEs laid out [site][level]
 * (L levels, IMT-major within a site). `weights[r]` is the realization weight, or
 * `weightsByImt[m][r]` for IMT-dependent weights (levels offsets[m]..offsets[m+1]).
 */
export function computeStatCurves(
  curves: Float64Array[],
  nSites: number,
  offsets: number[],
  stat: StatFn,
  weights: ArrayLike<number> | ArrayLike<number>[],
  useRates = false,
): Float64Array {
  const R = curves.length;
  const L = offsets[offsets.length - 1];
  const out = new Float64Array(nSites * L);
  const values = new Float64Array(R);
  const M = offsets.length - 1;
  for (let m = 0; m < M; m++) {
    const w = (Array.isArray(weights) && typeof weights[0] !== "number")
      ? (weights as ArrayLike<number>[])[m]
      : weights as ArrayLike<number>;
    let wsum = 0;
    for (let r = 0; r < R; r++) wsum += w[r];
    if (wsum === 0) continue; // no data for this IMT
    for (let s = 0; s < nSites; s++) {
      for (let l = offsets[m]; l < offsets[m + 1]; l++) {
        for (let r = 0; r < R; r++) {
          const p = curves[r][s * L + l];
          values[r] = useRates ? toRate(p) : p;
        }
        const v = stat(values, w);
        out[s * L + l] = useRates ? 1 - Math.exp(-v) : v;
      }
    }
  }
  return out;
}

/** OQ's to_rates: −ln(1 − p), with 1 − p = 0 read as 1e-45, cut below 1e-12 and above 100. */
export function toRate(p: number): number {
  let pne = 1 - p;
  if (pne === 0) pne = 1e-45;
  const r = -Math.log(pne);
  return r < 1e-12 ? 0 : r > 100 ? 100 : r;
}
