// Every model of families_sub2 (and the constructor-argument variants no table exercises:
// Kuehn et al. 2020 regions with their basin terms, ESHM20Craton sigma models and site
// epsilon) must compile as WGSL on the WebGPU adapter, and evaluate to finite values on the
// CPU for an ordinary scenario.
import { ok } from "node:assert";
import * as sub2 from "../../engine/gsim/families_sub2.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import type { GsimDef } from "../../engine/gsim/types.ts";
import { contextParams, wgslSource } from "../../engine/gsim/wgsl.ts";
import { evaluateGsimGpu, getGpu } from "../../engine/kernels/webgpu.ts";

const STUBS = `
fn ctx_col(c: u32, row: u32) -> f32 { return f32(c + row) + 1.0; }
fn coef(imt: u32, k: u32) -> f32 { return f32(k + imt) * 0.5; }
@group(0) @binding(0) var<storage, read_write> gsim_out: array<vec4<f32>>;
@compute @workgroup_size(1) fn main() { gsim_out[0] = gsim_eval(0u, 0u); }
`;

const variants: [string, Record<string, unknown>][] = [
  ...Object.keys(sub2.GSIMS).map((n): [string, Record<string, unknown>] => [n, {}]),
  ...Object.keys(sub2.ALIASES).map((n): [string, Record<string, unknown>] => [n, {}]),
  ["KuehnEtAl2020SInter", { sigma_mu_epsilon: 1 }],
  ["KuehnEtAl2020SSlab", { sigma_mu_epsilon: -1 }],
  ["KuehnEtAl2020SInter", { region: "JPN", m_b: 8.0 }],
  ["ESHM20Craton", { tau_model: "cena", phi_model: "cena", site_epsilon: 1 }],
  ["ESHM20Craton", { tau_model: "cena_constant", phi_model: "cena_constant", ergodic: false }],
  ["MontalvaEtAl2017SSlab", { sigma_mu_epsilon: 1, theta6_adjustment: -0.0015 }],
];
const defs: GsimDef[] = variants.map(([n, a]) => makeGsim(n, a));

/** one ordinary scenario per model, with a known and an unknown (-999) basin depth */
const SCENARIO: Record<string, [number, number]> = {
  mag: [6.5, 7.5],
  rake: [90, -90],
  dip: [45, 45],
  ztor: [20, 40],
  hypo_depth: [25, 50],
  vs30: [250, 800],
  vs30measured: [1, 0],
  z1pt0: [-999, 300],
  z2pt5: [2, -999],
  backarc: [0, 1],
  siteclass: [68, 66],
  region: [0, 0],
  rrup: [30, 120],
  rjb: [25, 110],
  rhypo: [40, 130],
  rvolc: [0, 20],
};

const IMTS = ["PGA", "SA(0.1)", "SA(0.2)", "SA(1.0)", "SA(3.0)"].map(parseImt);
const blockOf = (def: GsimDef) => ({
  n: 2,
  cols: Object.fromEntries(contextParams(def).map((p) => [p, Float64Array.from(SCENARIO[p])])),
});

Deno.test("families_sub2 models evaluate finite values on the CPU", () => {
  const bad: string[] = [];
  for (const def of defs) {
    const out = evaluateGsim(def, IMTS, blockOf(def));
    for (const a of [out.mean, out.sig, out.tau, out.phi]) {
      if (!a.every(Number.isFinite)) bad.push(`${def.name}${JSON.stringify(def.args)}`);
    }
  }
  ok(bad.length === 0, `non-finite output: ${bad.join(", ")}`);
});

const gpu = (globalThis.navigator as { gpu?: GPU }).gpu;
const adapter = gpu ? await gpu.requestAdapter() : null;
if (!adapter) console.warn("!!! no WebGPU adapter: WGSL compile tests SKIPPED");

Deno.test({
  name: `WGSL bodies of ${defs.length} families_sub2 model variants compile`,
  ignore: !adapter,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const device = await adapter!.requestDevice();
    const errors: string[] = [];
    for (const def of defs) {
      const module = device.createShaderModule({ code: wgslSource(def) + STUBS });
      const info = await module.getCompilationInfo();
      const bad = info.messages.filter((m) => m.type === "error");
      if (bad.length) {
        errors.push(
          `${def.name}${JSON.stringify(def.args)}: ${bad.map((m) => m.message).join("\n")}`,
        );
      }
    }
    device.destroy();
    ok(errors.length === 0, errors.join("\n\n"));
  },
});

const gpuCtx = await getGpu();

Deno.test({
  name: "families_sub2 model variants agree on the GPU (f32) and the CPU (f64)",
  ignore: !gpuCtx,
  async fn() {
    const bad: string[] = [];
    for (const def of defs) {
      const cpu = evaluateGsim(def, IMTS, blockOf(def));
      const gpu = await evaluateGsimGpu(gpuCtx!, def, IMTS, blockOf(def));
      for (const k of ["mean", "sig", "tau", "phi"] as const) {
        for (let i = 0; i < cpu[k].length; i++) {
          // ln units: 1e-4 is 0.01 % on the median
          if (!(Math.abs(cpu[k][i] - gpu[k][i]) <= 1e-4)) {
            bad.push(
              `${def.name}${JSON.stringify(def.args)} ${k}[${i}]: ${cpu[k][i]} vs ${gpu[k][i]}`,
            );
          }
        }
      }
    }
    ok(bad.length === 0, bad.join("\n"));
  },
});
