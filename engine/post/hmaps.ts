// SPDX-License-Identifier: AGPL-3.0-or-later
// Hazard maps and uniform hazard spectra from hazard curves, as OpenQuake's
// compute_hazard_maps: log-log interpolation of the reversed curve, PoEs floored at 1e-30,
// 0 when the target poe exceeds the PoE of the lowest level, the highest level when it is
// below the PoE of the highest level.
import { interp } from "./interp.ts";

const EPSILON = 1e-30;

/** IML at each poe for one curve (PoEs at ascending imls). */
export function hazardMap(curve: ArrayLike<number>, imls: ArrayLike<number>, poes: number[]) {
  const L = imls.length;
  const x = new Float64Array(L); // ln(imls) reversed
  const y = new Float64Array(L); // ln(max(poe, EPSILON)) reversed
  for (let i = 0; i < L; i++) {
    x[i] = Math.log(imls[L - 1 - i]);
    y[i] = Math.log(Math.max(curve[L - 1 - i], EPSILON));
  }
  return poes.map((p) => {
    const lp = Math.log(p);
    return lp > y[L - 1] ? 0 : Math.exp(interp(lp, y, x));
  });
}

/**
 * Hazard maps of curves laid out [site][level] (IMT-major levels, imt m owns
 * offsets[m]..offsets[m+1]): returns [site][imt][poe].
 */
export function computeHazardMaps(
  curves: Float64Array,
  nSites: number,
  levels: ArrayLike<number>,
  offsets: number[],
  poes: number[],
): Float64Array {
  const M = offsets.length - 1, P = poes.length, L = offsets[M];
  const out = new Float64Array(nSites * M * P);
  for (let s = 0; s < nSites; s++) {
    for (let m = 0; m < M; m++) {
      const a = offsets[m], b = offsets[m + 1];
      const vals = hazardMap(
        curves.subarray(s * L + a, s * L + b),
        Array.prototype.slice.call(levels, a, b),
        poes,
      );
      for (let p = 0; p < P; p++) out[(s * M + m) * P + p] = vals[p];
    }
  }
  return out;
}

/** Indices of the IMTs that enter a UHS: PGA and SA(T), in imtls order. */
export function uhsImtIndices(imtNames: string[]): number[] {
  return imtNames.flatMap((n, m) => (n === "PGA" || n.startsWith("SA(")) ? [m] : []);
}

/** UHS from hazard maps [site][imt][poe]: returns [site][poe][uhs imt]. */
export function computeUhs(
  hmaps: Float64Array,
  nSites: number,
  imtNames: string[],
  nPoes: number,
): Float64Array {
  const M = imtNames.length;
  const idx = uhsImtIndices(imtNames);
  const K = idx.length;
  const out = new Float64Array(nSites * nPoes * K);
  for (let s = 0; s < nSites; s++) {
    for (let p = 0; p < nPoes; p++) {
      for (let k = 0; k < K; k++) {
        out[(s * nPoes + p) * K + k] = hmaps[(s * M + idx[k]) * nPoes + p];
      }
    }
  }
  return out;
}
