// Every stable-continental and subduction model body must be valid WGSL, not just valid JS:
// compile wgslSource(def) on the WebGPU adapter (llvmpipe in CI) with stub context and
// coefficient accessors.
import { ok } from "node:assert";
import * as scr from "../../engine/gsim/families_scr.ts";
import * as sub from "../../engine/gsim/families_sub.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { wgslSource } from "../../engine/gsim/wgsl.ts";

const STUBS = `
fn ctx_col(c: u32, row: u32) -> f32 { return f32(c + row) + 1.0; }
fn coef(imt: u32, k: u32) -> f32 { return f32(k + imt) * 0.5; }
@group(0) @binding(0) var<storage, read_write> gsim_out: array<vec4<f32>>;
@compute @workgroup_size(1) fn main() { gsim_out[0] = gsim_eval(0u, 0u); }
`;

const names = [
  ...Object.keys(scr.GSIMS),
  ...Object.keys(scr.ALIASES),
  ...Object.keys(sub.GSIMS),
  ...Object.keys(sub.ALIASES),
];

const gpu = (globalThis.navigator as { gpu?: GPU }).gpu;
const adapter = gpu ? await gpu.requestAdapter() : null;
if (!adapter) console.warn("!!! no WebGPU adapter: WGSL compile tests SKIPPED");

Deno.test({
  name: `WGSL bodies of ${names.length} SCR/subduction models compile`,
  ignore: !adapter,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const device = await adapter!.requestDevice();
    const errors: string[] = [];
    for (const name of names) {
      const code = wgslSource(makeGsim(name)) + STUBS;
      const module = device.createShaderModule({ code });
      const info = await module.getCompilationInfo();
      const bad = info.messages.filter((m) => m.type === "error");
      if (bad.length) errors.push(`${name}: ${bad.map((m) => m.message).join("\n")}`);
    }
    device.destroy();
    ok(errors.length === 0, errors.join("\n\n"));
  },
});
