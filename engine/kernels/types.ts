// The compute boundary of the classical hot loop (DESIGN.md §3): a block of rupture-site rows
// in, log-probabilities of no exceedance per (site, level) out. Every backend (cpu f64
// reference, worker pool, WebGPU) implements the same contract and gives the same numbers.
import type { Imt } from "../gsim/imt.ts";
import type { ContextBlock, GsimDef } from "../gsim/types.ts";

export interface PneJob {
  gsim: GsimDef;
  imts: Imt[];
  /** intensity levels in natural units (g, cm/s), IMT-major: imt m owns levels[offsets[m]..offsets[m+1]) */
  levels: Float64Array;
  /** length imts.length + 1 */
  offsets: number[];
  /** truncation_level; 0 means the median only; Infinity (or a negative value) means untruncated */
  truncationLevel: number;
  investigationTime: number;
  /** rupture-site rows: the gsim's context columns */
  block: ContextBlock;
  /** annual occurrence rate of the rupture of each row (Poissonian) */
  rate: Float64Array;
  /** index of the site of each row in the accumulator */
  sid: Uint32Array;
  nSites: number;
}

export interface Backend {
  name: "cpu" | "pool" | "gpu";
  /** for the job log: e.g. "WebGPU f32 on NVIDIA H100", "f64 on 16 workers" */
  description: string;
  /**
   * acc[sid * L + l] += sum over rows of (-rate * investigationTime * poe(row, l)),
   * L = levels.length: the log of the probability of no exceedance, summed in log space.
   */
  accumulateLogPne(job: PneJob, acc: Float64Array): Promise<void>;
  close(): Promise<void>;
}
