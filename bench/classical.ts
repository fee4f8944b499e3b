// deno task bench: the classical hot loop on one thread (f64), the worker pool and WebGPU.
// Part 1 times the kernel alone on synthetic rupture-site blocks; part 2 (when the classical
// calculator is present) times a whole synthetic classical job end to end.
// Prints rupture-site pairs per second, the ratios between backends, and peak memory.
import { makeGsim } from "../engine/gsim/registry.ts";
import { parseImt } from "../engine/gsim/imt.ts";
import { cpuBackend } from "../engine/kernels/cpu.ts";
import { makePoolBackend } from "../engine/kernels/pool.ts";
import type { Backend, PneJob } from "../engine/kernels/types.ts";
import { getGpu, makeGpuBackend } from "../engine/kernels/webgpu.ts";
import { randomBlock } from "../test/kernels/_blocks.ts";

const ROWS = Number(Deno.env.get("BENCH_ROWS") ?? 200_000);
const SITES = Number(Deno.env.get("BENCH_SITES") ?? 1000);
const BLOCK = 50_000;
const GSIMS = ["BooreAtkinson2008", "BooreEtAl2014"];

/**
 * Peak resident memory of this process (workers included) since the last reset: Linux's VmHWM,
 * reset through /proc/self/clear_refs; elsewhere the current RSS.
 */
function peakRssMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return Deno.memoryUsage().rss / 2 ** 20;
}

function resetPeakRss(): void {
  try {
    Deno.writeTextFileSync("/proc/self/clear_refs", "5");
  } catch {
    // not Linux, or not allowed: the peak then covers the whole process
  }
}

function levels(): Float64Array {
  const l: number[] = [];
  for (let i = 0; i < 20; i++) l.push(0.005 * Math.pow(2 / 0.005, i / 19));
  return Float64Array.from([...l, ...l]);
}

/** Time one backend over every GSIM and block; returns seconds and the accumulators. */
async function timeBackend(b: Backend): Promise<{ seconds: number; acc: Float64Array[] }> {
  const imts = ["PGA", "SA(1.0)"].map(parseImt);
  const lv = levels();
  const accs: Float64Array[] = [];
  let seconds = 0;
  for (const name of GSIMS) {
    const gsim = makeGsim(name);
    const acc = new Float64Array(SITES * lv.length);
    for (let first = 0, k = 0; first < ROWS; first += BLOCK, k++) {
      const n = Math.min(BLOCK, ROWS - first);
      const job: PneJob = {
        gsim,
        imts,
        levels: lv,
        offsets: [0, 20, 40],
        truncationLevel: 3,
        investigationTime: 50,
        block: randomBlock(gsim, n, 11 + k),
        rate: Float64Array.from({ length: n }, (_, i) => 1e-5 * (1 + (i % 7))),
        sid: Uint32Array.from({ length: n }, (_, i) => (first + i) % SITES),
        nSites: SITES,
      };
      const t0 = performance.now();
      await b.accumulateLogPne(job, acc);
      seconds += (performance.now() - t0) / 1000;
    }
    accs.push(acc);
  }
  return { seconds, acc: accs };
}

function maxPoeDiff(a: Float64Array[], b: Float64Array[]): number {
  let worst = 0;
  a.forEach((x, g) => {
    for (let k = 0; k < x.length; k++) {
      const pa = -Math.expm1(x[k]), pb = -Math.expm1(b[g][k]);
      worst = Math.max(worst, Math.abs(pa - pb) / (1 + pa));
    }
  });
  return worst;
}

const pairs = ROWS * GSIMS.length;
console.log(
  `classical kernel: ${ROWS} rupture-site rows x ${GSIMS.join(" + ")}, ${SITES} sites, ` +
    `2 IMTs x 20 levels, truncation 3, blocks of ${BLOCK}`,
);
const results: { name: string; seconds: number }[] = [];

// warm up the compiled evaluators
await cpuBackend.accumulateLogPne({
  gsim: makeGsim(GSIMS[0]),
  imts: [parseImt("PGA")],
  levels: Float64Array.of(0.1),
  offsets: [0, 1],
  truncationLevel: 3,
  investigationTime: 1,
  block: randomBlock(makeGsim(GSIMS[0]), 10),
  rate: new Float64Array(10),
  sid: new Uint32Array(10),
  nSites: 1,
}, new Float64Array(1));

const one = await timeBackend(cpuBackend);
results.push({ name: "one thread (f64)", seconds: one.seconds });

const pool = makePoolBackend();
await timeBackend(pool); // workers compile their evaluators
const pooled = await timeBackend(pool);
await pool.close();
results.push({
  name: `worker pool x${navigator.hardwareConcurrency} (f64)`,
  seconds: pooled.seconds,
});
console.log(
  `pool vs one thread: max PoE difference ${maxPoeDiff(one.acc, pooled.acc).toExponential(2)}`,
);

const gpu = await getGpu();
if (gpu) {
  const backend = makeGpuBackend(gpu);
  await timeBackend(backend); // pipelines compile once
  const g = await timeBackend(backend);
  await backend.close();
  results.push({ name: `WebGPU f32 (${gpu.description})`, seconds: g.seconds });
  console.log(
    `WebGPU vs f64: max |dPoE|/(1+PoE) ${maxPoeDiff(one.acc, g.acc).toExponential(2)} ` +
      `(OpenQuake's QA tolerance: 1e-5)`,
  );
} else {
  console.log("WebGPU: no adapter");
}

console.log("\n| backend | seconds | rupture-site pairs/s | vs one thread |");
console.log("|---|---|---|---|");
for (const r of results) {
  console.log(
    `| ${r.name} | ${r.seconds.toFixed(3)} | ${(pairs / r.seconds).toExponential(3)} | ${
      (one.seconds / r.seconds).toFixed(2)
    }x |`,
  );
}
console.log(`\npeak RSS ${peakRssMiB().toFixed(0)} MiB`);

// Part 2: a whole synthetic classical job through the real calculator, on each backend.
const { runClassical } = await import("../engine/calculators/classical.ts");
const { writeSyntheticJob } = await import("./synthetic_job.ts");
const jobIni = writeSyntheticJob({
  discretization: Number(Deno.env.get("BENCH_DISCRETIZATION") ?? 15),
  gridSpacing: Number(Deno.env.get("BENCH_GRID") ?? 12),
  halfSize: Number(Deno.env.get("BENCH_HALF_SIZE") ?? 1),
});
console.log(`\nclassical job (${jobIni}): area source, region grid, BA08 + BSSA14`);
const jobRuns: { name: string; seconds: number; contexts: number; peak: number }[] = [];
let reference: Float64Array | undefined;
for (const name of ["cpu", "pool", "gpu"] as const) {
  if (name === "gpu" && !gpu) continue;
  resetPeakRss();
  const t0 = performance.now();
  const res = await runClassical(jobIni, { backend: name });
  const seconds = (performance.now() - t0) / 1000;
  const curves = res.datastore.get("hcurves-stats").data as Float64Array;
  if (!reference) reference = curves;
  let worst = 0;
  for (let k = 0; k < curves.length; k++) {
    worst = Math.max(worst, Math.abs(curves[k] - reference[k]) / (1 + reference[k]));
  }
  res.datastore.close();
  jobRuns.push({ name, seconds, contexts: res.numContexts, peak: peakRssMiB() });
  console.log(
    `${name}: ${seconds.toFixed(2)} s, ${res.numRuptures} ruptures, ${res.numContexts} ` +
      `rupture-site contexts; mean curves vs cpu: max |d|/(1+e) ${worst.toExponential(2)}`,
  );
}
console.log("\n| backend | seconds | contexts x GSIMs / s | vs one thread | peak RSS MiB |");
console.log("|---|---|---|---|---|");
for (const r of jobRuns) {
  console.log(
    `| ${r.name} | ${r.seconds.toFixed(2)} | ${(r.contexts * 2 / r.seconds).toExponential(3)} | ${
      (jobRuns[0].seconds / r.seconds).toFixed(2)
    }x | ${r.peak.toFixed(0)} |`,
  );
}
const { closeBackends } = await import("../engine/kernels/select.ts");
await closeBackends();
