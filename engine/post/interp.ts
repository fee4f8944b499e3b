// SPDX-License-Identifier: AGPL-3.0-or-later
// numpy.interp, reproduced exactly (binary search for the last xp[j] <= x, clamping at both
// ends, exact knots returned as is): OpenQuake's quantiles and hazard maps are built on it.

/** Linear interpolation of (xp, fp) at x; xp ascending. */
export function interp(x: number, xp: ArrayLike<number>, fp: ArrayLike<number>): number {
  const n = xp.length;
  if (n === 0) throw new Error("interp: empty xp");
  if (Number.isNaN(x)) return NaN;
  if (x < xp[0]) return fp[0];
  if (x > xp[n - 1]) return fp[n - 1];
  // last j with xp[j] <= x
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (x >= xp[mid]) lo = mid + 1;
    else hi = mid;
  }
  const j = lo - 1;
  if (j >= n - 1) return fp[n - 1];
  if (xp[j] === x) return fp[j];
  const slope = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]);
  let y = slope * (x - xp[j]) + fp[j];
  if (Number.isNaN(y)) {
    y = slope * (x - xp[j + 1]) + fp[j + 1];
    if (Number.isNaN(y) && fp[j] === fp[j + 1]) y = fp[j];
  }
  return y;
}
