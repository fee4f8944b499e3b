// SPDX-License-Identifier: AGPL-3.0-or-later
// Source groups that are not a plain sum of Poissonian rates (science.md §4.3.3–§4.3.4), in
// f64 on the CPU: mutually exclusive sources (src_interdep="mutex", weighted by srcs_weights)
// and cluster groups (cluster="true": every rupture happens when the cluster does, the
// cluster occurring k times with Poisson probability). Both give a probability of no
// exceedance per (site, level) that the calculator turns into −log PNE like the others.
import type { RuptureContextBlock } from "../context.ts";
import { blockPoes } from "../kernels/cpu.ts";
import type { PneJob } from "../kernels/types.ts";

/** Multiplies `pne` by the no-exceedance probability of each row of the block. */
export function multiplyPne(
  job: PneJob,
  block: RuptureContextBlock,
  pne: Float64Array,
  cluster: boolean,
): void {
  const L = job.levels.length;
  const T = job.investigationTime;
  const poes = blockPoes(job);
  for (let r = 0; r < block.n; r++) {
    const base = block.sid[r] * L;
    const rup = block.ruptures[block.rupIndex[r]];
    const probs = rup.probsOccur;
    for (let l = 0; l < L; l++) {
      const poe = poes[r * L + l];
      let p: number;
      if (cluster) p = 1 - poe; // rates are not used inside a cluster
      else if (probs && probs.length) {
        let qk = 1;
        p = 0;
        for (let k = 0; k < probs.length; k++) {
          p += probs[k] * qk;
          qk *= 1 - poe;
        }
        p = Math.min(Math.max(p, 0), 1);
      } else p = Math.exp(-block.rate[r] * T * poe);
      pne[base + l] *= p;
    }
  }
}

/** Poisson probabilities of 0..19 occurrences of a cluster, those above the f32 minimum. */
export function clusterOccurrenceProbs(rate: number, T: number): number[] {
  const mu = rate * T;
  const out: number[] = [];
  let p = Math.exp(-mu);
  for (let k = 0; k < 20; k++) {
    if (k > 0) p *= mu / k;
    if (Math.fround(p) > 1.4e-45) out.push(Math.fround(p));
  }
  return out;
}

/** P_ne of a cluster group: Σ_k Pois(k) · P_ne(one occurrence)^k. */
export function clusterPne(pne: Float64Array, probs: number[]): Float64Array {
  return pne.map((x) => {
    let s = probs[0];
    for (let k = 1; k < probs.length; k++) s += probs[k] * x ** k;
    return s;
  });
}

/**
 * Mutually exclusive ruptures (rup_interdep="mutex"): adds Σ_j w_j·(1 − P_ne,j) to `poe` for
 * the rows of the block, `weightOf` giving the weight of each rupture.
 */
export function addMutexRupturePoe(
  job: PneJob,
  block: RuptureContextBlock,
  poe: Float64Array,
  weightOf: (rupIndex: number) => number,
): void {
  const L = job.levels.length;
  // each row alone: multiply a fresh P_ne = 1 by its no-exceedance probability
  const rowPne = new Float64Array(block.n * L).fill(1);
  const perRow: RuptureContextBlock = {
    ...block,
    sid: Uint32Array.from({ length: block.n }, (_, r) => r),
  };
  multiplyPne({ ...job, sid: perRow.sid, nSites: block.n }, perRow, rowPne, false);
  for (let r = 0; r < block.n; r++) {
    const w = weightOf(block.rupIndex[r]);
    const base = block.sid[r] * L;
    for (let l = 0; l < L; l++) poe[base + l] += (1 - rowPne[r * L + l]) * w;
  }
}
