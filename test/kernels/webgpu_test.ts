// The WebGPU backend against the f64 CPU reference (llvmpipe in CI, a real GPU where lent).
import { ok } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import type { ContextBlock, GsimDef } from "../../engine/gsim/types.ts";
import { contextParams } from "../../engine/gsim/wgsl.ts";
import { cpuBackend } from "../../engine/kernels/cpu.ts";
import type { PneJob } from "../../engine/kernels/types.ts";
import { evaluateGsimGpu, getGpu, makeGpuBackend } from "../../engine/kernels/webgpu.ts";

const gpu = await getGpu();
if (!gpu) console.warn("!!! no WebGPU adapter: WebGPU kernel tests SKIPPED");

/** A deterministic pseudo-random context block with plausible values for every parameter. */
export function randomBlock(def: GsimDef, n: number, seed = 1): ContextBlock {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const range: Record<string, [number, number]> = {
    mag: [4.5, 8],
    rake: [-180, 180],
    dip: [30, 90],
    ztor: [0, 15],
    width: [5, 30],
    hypo_depth: [5, 25],
    vs30: [180, 1200],
    vs30measured: [0, 1],
    z1pt0: [10, 600],
    z2pt5: [0.3, 4],
    backarc: [0, 0],
    rrup: [1, 250],
    rjb: [0, 250],
    rx: [-100, 100],
    ry0: [0, 50],
    rhypo: [5, 250],
    repi: [1, 250],
  };
  const cols: Record<string, Float64Array> = {};
  for (const p of contextParams(def)) {
    const [lo, hi] = range[p] ?? [0, 1];
    cols[p] = Float64Array.from({ length: n }, () => {
      const v = lo + (hi - lo) * rnd();
      return p === "vs30measured" ? Math.round(v) : v;
    });
  }
  if (cols.rjb && cols.rrup) { for (let i = 0; i < n; i++) cols.rjb[i] = cols.rrup[i] * 0.9; }
  return { n, cols };
}

Deno.test({
  name: "WebGPU GSIM pass agrees with the f64 CPU evaluation (SadighEtAl1997)",
  ignore: !gpu,
  async fn() {
    const def = makeGsim("SadighEtAl1997");
    const imts = ["PGA", "SA(0.1)", "SA(1.0)"].map(parseImt);
    const block = randomBlock(def, 5000);
    const cpu = evaluateGsim(def, imts, block);
    const g = await evaluateGsimGpu(gpu!, def, imts, block);
    let worst = 0;
    for (let k = 0; k < cpu.mean.length; k++) {
      worst = Math.max(worst, Math.abs(Math.exp(g.mean[k] - cpu.mean[k]) - 1));
      worst = Math.max(worst, Math.abs(g.sig[k] / cpu.sig[k] - 1));
    }
    console.log(`worst relative f32 discrepancy of median/sigma: ${worst.toExponential(2)}`);
    ok(worst < 1e-5, `worst ${worst}`);
  },
});

Deno.test({
  name: "WebGPU classical kernel agrees with the f64 CPU reference for every truncation mode",
  ignore: !gpu,
  async fn() {
    const def = makeGsim("SadighEtAl1997");
    const imts = ["PGA", "SA(0.2)"].map(parseImt);
    const lv = [0.005, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5];
    const levels = Float64Array.from([...lv, ...lv]);
    const n = 20000, nSites = 37;
    const block = randomBlock(def, n, 7);
    const sid = Uint32Array.from({ length: n }, (_, i) => (i * 7919) % nSites);
    const rate = Float64Array.from({ length: n }, (_, i) => 1e-4 * (1 + (i % 13)));
    const backend = makeGpuBackend(gpu!);
    for (const tl of [3, 0, 99]) {
      const job: PneJob = {
        gsim: def,
        imts,
        levels,
        offsets: [0, 8, 16],
        truncationLevel: tl,
        investigationTime: 50,
        block,
        rate,
        sid,
        nSites,
      };
      const a = new Float64Array(nSites * 16), b = new Float64Array(nSites * 16);
      await cpuBackend.accumulateLogPne(job, a);
      await backend.accumulateLogPne(job, b);
      let worst = 0;
      for (let k = 0; k < a.length; k++) {
        // probabilities of exceedance, in units of OpenQuake's QA rule |d| <= 1e-5 (1 + |e|)
        const pa = -Math.expm1(a[k]), pb = -Math.expm1(b[k]);
        worst = Math.max(worst, Math.abs(pa - pb) / (1e-5 * (1 + Math.abs(pa))));
      }
      console.log(`truncation ${tl}: worst PoE difference = ${worst.toFixed(4)} x QA tolerance`);
      ok(worst < 0.1, `truncation ${tl}: worst ${worst}`);
    }
    await backend.close();
  },
});
