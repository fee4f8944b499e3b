// SPDX-License-Identifier: AGPL-3.0-or-later
// Logic-tree sampling random numbers, bit-identical to OpenQuake's: numpy's legacy global
// generator (MT19937 seeded with init_genrand(seed)) and numpy.random.uniform(size=(S, B)).

const N = 624;
const M = 397;

/** The Mersenne Twister MT19937 as numpy's RandomState uses it. */
export class MT19937 {
  private mt = new Uint32Array(N);
  private mti = N;

  /** numpy.random.seed(seed) for an integer seed in [0, 2**32) (mt19937_seed == init_genrand). */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new Error(`Seed must be between 0 and 2**32 - 1, got ${seed}`);
    }
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  nextUint32(): number {
    const mt = this.mt;
    if (this.mti >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + M] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk] & 0x80000000) | (mt[kk + 1] & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[N - 1] & 0x80000000) | (mt[0] & 0x7fffffff);
      mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.mti = 0;
    }
    let y = mt[this.mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** A double in [0, 1) with 53 random bits: (a >> 5, b >> 6) -> (a * 2^26 + b) / 2^53. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
  }
}

/**
 * OpenQuake's lt.random((rows, cols), seed, sampling_method): uniform numbers row-major; the
 * `*_latin` methods replace each column u by (argsort(u) + u) / rows (argsort, not ranks).
 */
export function ltRandom(
  rows: number,
  cols: number,
  seed: number,
  samplingMethod = "early_weights",
): number[][] {
  const rng = new MT19937(seed);
  const xs: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) row.push(rng.nextDouble());
    xs.push(row);
  }
  if (samplingMethod.endsWith("latin")) {
    for (let j = 0; j < cols; j++) {
      const col = xs.map((r) => r[j]);
      const order = col.map((_, i) => i).sort((a, b) => col[a] - col[b]);
      for (let i = 0; i < rows; i++) xs[i][j] = (order[i] + col[i]) / rows;
    }
  }
  return xs;
}

/** numpy.searchsorted(a, x) with side="left": the first index i with a[i] >= x. */
export function searchsorted(a: ArrayLike<number>, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** numpy.cumsum of the weights (sequential float64 additions). */
export function cumsum(ws: number[]): number[] {
  const out: number[] = [];
  let s = 0;
  for (const w of ws) out.push(s += w);
  return out;
}

/** numpy.arange(1/n, 1, 1/n): length ceil((stop - start) / step), values start + i * delta. */
export function equalCdf(n: number): number[] {
  const start = 1 / n, step = 1 / n;
  const len = Math.max(0, Math.ceil((1 - start) / step));
  const delta = (start + step) - start;
  const out: number[] = [];
  for (let i = 0; i < len; i++) out.push(start + i * delta);
  return out;
}

/**
 * lt.sample: the index of the branch picked by the uniform number x, from the CDF of the weights
 * (`early_*`) or treating all weights as equal (`late_*`).
 */
export function sampleIndex(weights: number[], x: number, samplingMethod: string): number {
  let idx: number;
  if (samplingMethod.startsWith("early")) idx = searchsorted(cumsum(weights), x);
  else if (samplingMethod.startsWith("late")) idx = searchsorted(equalCdf(weights.length), x);
  else throw new Error(`unknown sampling_method ${samplingMethod}`);
  // numpy would raise IndexError past the end; weights summing to 1 - eps make that possible
  return Math.min(idx, weights.length - 1);
}
