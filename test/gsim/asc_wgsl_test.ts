// Every model registered in families_asc.ts must be valid WGSL as well as valid JS: compile
// its gsim_eval with stub context/coefficient accessors on the WebGPU adapter (llvmpipe in CI).
import { ok } from "node:assert";
import { ALIASES, GSIMS } from "../../engine/gsim/families_asc.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import type { GsimDef } from "../../engine/gsim/types.ts";
import { wgslSource } from "../../engine/gsim/wgsl.ts";

const STUBS = `
fn ctx_col(c: u32, row: u32) -> f32 { return f32(c + row) + 1.0; }
fn coef(imt: u32, k: u32) -> f32 { return f32(k + imt) * 0.5; }
@group(0) @binding(0) var<storage, read_write> out_buf: array<vec4<f32>>;
@compute @workgroup_size(1)
fn main(@builtin(global_invocation_id) id: vec3<u32>) {
  out_buf[id.x] = gsim_eval(id.x, 0u);
}
`;

const adapter = await navigator.gpu?.requestAdapter();
const device = await adapter?.requestDevice();

async function compileErrors(def: GsimDef): Promise<string[]> {
  const module = device!.createShaderModule({ code: wgslSource(def) + STUBS });
  const info = await module.getCompilationInfo();
  return info.messages.filter((m) => m.type === "error").map((m) => m.message);
}

/** Constructor options that change the generated body (beyond the defaults and aliases). */
const OPTIONS: [string, Record<string, unknown>][] = [
  ["BooreEtAl2014", { region: "CAL", usgs_basin_scaling: true, sigma_mu_epsilon: 1 }],
  ["ChiouYoungs2014", { add_delta_c1: true, usgs_basin_scaling: true, sigma_mu_epsilon: 1 }],
];

/** One instance per distinct definition: every class, plus aliases (their args change consts). */
function instances(): [string, GsimDef][] {
  const out: [string, GsimDef][] = Object.keys(GSIMS).map((n) => [n, makeGsim(n)]);
  for (const a of Object.keys(ALIASES)) out.push([a, makeGsim(a)]);
  for (const [n, args] of OPTIONS) out.push([`${n}${JSON.stringify(args)}`, makeGsim(n, args)]);
  return out;
}

Deno.test({
  name: "families_asc: every model body compiles as WGSL",
  ignore: !device,
  async fn() {
    const bad: string[] = [];
    for (const [name, def] of instances()) {
      const errors = await compileErrors(def);
      if (errors.length) bad.push(`${name}:\n${errors.join("\n")}`);
    }
    ok(bad.length === 0, bad.join("\n\n"));
  },
});

Deno.test({
  name: "families_asc: a broken body is caught by the WGSL check",
  ignore: !device,
  async fn() {
    const def = makeGsim("SadighEtAl1997");
    const errors = await compileErrors({ ...def, body: "mean = mag > 5.0 ? 1.0 : 2.0;" });
    ok(errors.length > 0);
  },
});

if (!device) console.warn("!!! no WebGPU adapter: WGSL compile checks SKIPPED");
