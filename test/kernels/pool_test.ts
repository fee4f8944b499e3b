// The worker pool gives the f64 reference's numbers (up to summation order).
import { ok } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { cpuBackend } from "../../engine/kernels/cpu.ts";
import { makePoolBackend } from "../../engine/kernels/pool.ts";
import type { PneJob } from "../../engine/kernels/types.ts";
import { randomBlock } from "./_blocks.ts";

Deno.test("worker pool agrees with the single-thread f64 reference", async () => {
  const def = makeGsim("SadighEtAl1997");
  const n = 12000, nSites = 53;
  const job: PneJob = {
    gsim: def,
    imts: ["PGA", "SA(0.5)"].map(parseImt),
    levels: Float64Array.of(0.01, 0.1, 0.3, 1, 0.01, 0.1, 0.3, 1),
    offsets: [0, 4, 8],
    truncationLevel: 3,
    investigationTime: 1,
    block: randomBlock(def, n, 3),
    rate: Float64Array.from({ length: n }, (_, i) => 1e-3 / (1 + (i % 5))),
    sid: Uint32Array.from({ length: n }, (_, i) => (i * 31) % nSites),
    nSites,
  };
  const a = new Float64Array(nSites * 8), b = new Float64Array(nSites * 8);
  await cpuBackend.accumulateLogPne(job, a);
  const pool = makePoolBackend(3);
  try {
    await pool.accumulateLogPne(job, b);
    await pool.accumulateLogPne(
      { ...job, block: { ...job.block, n: 100 } },
      new Float64Array(nSites * 8),
    );
  } finally {
    await pool.close();
  }
  let worst = 0;
  for (let k = 0; k < a.length; k++) {
    worst = Math.max(worst, Math.abs(a[k] - b[k]) / Math.abs(a[k]));
  }
  ok(a.some((x) => x < 0), "the job produced hazard");
  ok(worst < 1e-12, `worst relative difference ${worst}`);
});
