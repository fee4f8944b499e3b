// The WebGPU backend against the f64 CPU reference (llvmpipe in CI, a real GPU where lent).
import { ok } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { cpuBackend } from "../../engine/kernels/cpu.ts";
import type { PneJob } from "../../engine/kernels/types.ts";
import { randomBlock } from "./_blocks.ts";
import { evaluateGsimGpu, getGpu, makeGpuBackend } from "../../engine/kernels/webgpu.ts";

const gpu = await getGpu();
if (!gpu) console.warn("!!! no WebGPU adapter: WebGPU kernel tests SKIPPED");

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
