// SPDX-License-Identifier: AGPL-3.0-or-later
// The f64 reference backend of the classical hot loop (science.md §4.2–§4.3.1): for every
// rupture-site row, the GSIM's mean and total sigma of ln(IM) per IMT, the truncated-normal
// probability of exceeding each level, and the sum of −rate·T·PoE per (site, level).
// Clear and exact on purpose: the GPU and worker-pool backends are checked against it.
import { evaluateGsim } from "../gsim/evaluate.ts";
import type { GsimOutput } from "../gsim/types.ts";
import type { Backend, PneJob } from "./types.ts";

/** Natural log of the levels, except MMI whose GSIM mean is linear (science.md §4.2). */
export function logLevels(job: Pick<PneJob, "imts" | "levels" | "offsets">): Float64Array {
  const out = new Float64Array(job.levels.length);
  job.imts.forEach((imt, m) => {
    for (let l = job.offsets[m]; l < job.offsets[m + 1]; l++) {
      out[l] = imt.kind === "MMI" ? job.levels[l] : Math.log(job.levels[l]);
    }
  });
  return out;
}

/**
 * Conditional probabilities of exceedance, [row][level] (row-major, L = levels.length),
 * from a GSIM output laid out [imt][row].
 */
export function computePoes(
  job: Pick<PneJob, "imts" | "levels" | "offsets" | "truncationLevel">,
  gsimOut: GsimOutput,
): Float64Array {
  const n = gsimOut.n;
  const L = job.levels.length;
  const loglevels = logLevels(job);
  const tl = job.truncationLevel;
  const phi_b = phiB(tl);
  const poes = new Float64Array(n * L);
  for (let m = 0; m < job.imts.length; m++) {
    for (let r = 0; r < n; r++) {
      const mean = gsimOut.mean[m * n + r];
      const sig = gsimOut.sig[m * n + r];
      for (let l = job.offsets[m]; l < job.offsets[m + 1]; l++) {
        poes[r * L + l] = truncnormSf(phi_b, tl, (loglevels[l] - mean) / sig);
      }
    }
  }
  return poes;
}

/** Evaluate the GSIM and return PoEs [row][level]: used for non-Poissonian ruptures too. */
export function blockPoes(job: PneJob): Float64Array {
  return computePoes(job, evaluateGsim(job.gsim, job.imts, job.block));
}

export const cpuBackend: Backend = {
  name: "cpu",
  description: "f64 on one thread",
  accumulateLogPne(job: PneJob, acc: Float64Array): Promise<void> {
    const L = job.levels.length;
    if (acc.length < job.nSites * L) {
      throw new Error(`accumulator has ${acc.length} cells, need ${job.nSites * L}`);
    }
    if (job.block.n === 0) return Promise.resolve();
    const poes = blockPoes(job);
    const T = job.investigationTime;
    for (let r = 0; r < job.block.n; r++) {
      const rt = job.rate[r] * T;
      const base = job.sid[r] * L;
      for (let l = 0; l < L; l++) acc[base + l] -= rt * poes[r * L + l];
    }
    return Promise.resolve();
  },
  close(): Promise<void> {
    return Promise.resolve();
  },
};

// ---- the standard normal CDF as scipy.special.ndtr computes it (Cephes ndtr.c) ----

const SQRTH = Math.SQRT1_2;
// Cephes coefficients: erfc for 1 <= x < 8 (P/Q), x >= 8 (R/S); erf for |x| <= 1 (T/U).
const P = [
  2.46196981473530512524e-10,
  5.64189564831068821977e-1,
  7.46321056442269912687e0,
  4.86371970985681366614e1,
  1.96520832956077098242e2,
  5.26445194995477358631e2,
  9.3452852717195760754e2,
  1.02755188689515710272e3,
  5.57535335369399327526e2,
];
const Q = [
  1.32281951154744992508e1,
  8.67072140885989742329e1,
  3.54937778887819891062e2,
  9.75708501743205489753e2,
  1.82390916687909736289e3,
  2.24633760818710981792e3,
  1.65666309194161350182e3,
  5.57535340817727675546e2,
];
const R = [
  5.64189583547755073984e-1,
  1.27536670759978104416e0,
  5.01905042251180477414e0,
  6.1602109799305358519e0,
  7.4097426995044893916e0,
  2.9788666537210024067e0,
];
const S = [
  2.2605286322011727659e0,
  9.39603524938001434673e0,
  1.20489539808096656605e1,
  1.70814450747565897222e1,
  9.60896809063285878198e0,
  3.3690764510008151605e0,
];
const T = [
  9.60497373987051638749e0,
  9.00260197203842689217e1,
  2.23200534594684319226e3,
  7.00332514112805075473e3,
  5.55923013010394962768e4,
];
const U = [
  3.35617141647503099647e1,
  5.21357949780152679795e2,
  4.59432382970980127987e3,
  2.26290000613890934246e4,
  4.92673942608635921086e4,
];

/** c[0] x^n + ... + c[n] */
function polevl(x: number, c: number[]): number {
  let y = c[0];
  for (let i = 1; i < c.length; i++) y = y * x + c[i];
  return y;
}

/** x^n + c[0] x^(n-1) + ... + c[n-1] (leading coefficient 1) */
function p1evl(x: number, c: number[]): number {
  let y = x + c[0];
  for (let i = 1; i < c.length; i++) y = y * x + c[i];
  return y;
}

function erf(x: number): number {
  if (Math.abs(x) > 1) return 1 - erfc(x);
  const z = x * x;
  return x * polevl(z, T) / p1evl(z, U);
}

function erfc(a: number): number {
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const z = Math.exp(-a * a);
  const y = x < 8 ? z * polevl(x, P) / p1evl(x, Q) : z * polevl(x, R) / p1evl(x, S);
  return a < 0 ? 2 - y : y;
}

/** Φ(a), the standard normal cumulative distribution function. */
export function ndtr(a: number): number {
  if (a === Infinity) return 1;
  if (a === -Infinity) return 0;
  if (Number.isNaN(a)) return NaN;
  const x = a * SQRTH;
  const z = Math.abs(x);
  if (z < SQRTH) return 0.5 + 0.5 * erf(x);
  const y = 0.5 * erfc(z);
  return x > 0 ? 1 - y : y;
}

/** Φ(tl); an untruncated model (Infinity, negative or OQ's default 99) gives exactly 1. */
export function phiB(truncationLevel: number): number {
  if (!(truncationLevel >= 0) || truncationLevel === Infinity) return 1;
  return ndtr(truncationLevel);
}

/**
 * P(Z > z) for a standard normal truncated symmetrically at ±tl (phi_b = Φ(tl)):
 * (Φ(tl) − Φ(z)) / (2Φ(tl) − 1) clipped to [0, 1], as OpenQuake's truncnorm_sf.
 * truncationLevel 0 is the step at the median: 1 below, 0.5 at, 0 above.
 */
export function truncnormSf(phi_b: number, truncationLevel: number, z: number): number {
  if (truncationLevel === 0) return z < 0 ? 1 : z > 0 ? 0 : 0.5;
  // outside ±tl the formula clips to exactly 0 or 1: skip the CDF (most levels of a curve)
  if (phi_b < 1) {
    if (z >= truncationLevel) return 0;
    if (z <= -truncationLevel) return 1;
  }
  const p = (phi_b - ndtr(z)) / (2 * phi_b - 1);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
