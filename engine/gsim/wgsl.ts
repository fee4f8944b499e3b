// Turn a GsimDef into code: a JavaScript evaluator (the f64 CPU reference) and a WGSL
// function `gsim_eval(row, imt) -> vec4<f32>` (mean, sig, tau, phi) for the GPU kernels.
import { coeffsFor } from "./coeffs.ts";
import { type Imt, IMT_KIND_CODE, parseImt } from "./imt.ts";
import type { GsimDef } from "./types.ts";

/** The context parameters a model reads, in a fixed order (the column order of a block). */
export function contextParams(def: GsimDef): string[] {
  const r = def.requires;
  return [...r.rupture, ...r.sites, ...r.distances];
}

/** Names of the coefficient vector slots: every table column, then imt_period, imt_kind. */
export function coeffNames(def: GsimDef): string[] {
  const names: string[] = [];
  for (const t of def.tables) for (const n of t.table.names) names.push(`${t.prefix}_${n}`);
  names.push("imt_period", "imt_kind");
  return names;
}

/** The coefficient vector of one IMT (interpolated per OpenQuake's CoeffsTable rule). */
export function coeffVector(def: GsimDef, imt: Imt): Float64Array {
  const parts: number[] = [];
  for (const t of def.tables) {
    const row = coeffsFor(t.table, t.imt ? parseImt(t.imt) : imt);
    for (const v of row) parts.push(v);
  }
  parts.push(imt.period, IMT_KIND_CODE[imt.kind]);
  return Float64Array.from(parts);
}

/** WGSL subset -> JavaScript: strip types, map `fn` and `var`. */
export function wgslToJs(src: string): string {
  return src
    .replace(
      /\bfn\s+(\w+)\s*\(([^)]*)\)\s*(->\s*[\w<>, ]+)?\s*\{/g,
      (_m, name: string, params: string) => {
        const ps = params.split(",").map((p) => p.split(":")[0].trim()).filter((p) => p);
        return `function ${name}(${ps.join(", ")}) {`;
      },
    )
    .replace(
      /\b(var|let|const)\s+(\w+)\s*:\s*[\w<>]+/g,
      (_m, k: string, n: string) => `${k === "const" ? "const" : "let"} ${n}`,
    )
    .replace(/\bvar\s+/g, "let ")
    .replace(/(\d)f\b/g, "$1");
}

const JS_PRELUDE = `
const {exp, log, log10, sqrt, pow, abs, min, max, tanh, sinh, cosh, atan, atan2, sin, cos, tan,
  floor, ceil, sign, log2, asin, acos, trunc, round} = Math;
const clamp = (x, lo, hi) => Math.min(Math.max(x, lo), hi);
const select = (f, t, c) => (c ? t : f);
const radians = (d) => d * Math.PI / 180;
const degrees = (r) => r * 180 / Math.PI;
const f32 = (x) => Number(x);
const i32 = (x) => Math.trunc(x);
const u32 = (x) => Math.trunc(x);
`;

export type JsEvaluator = (
  cols: ArrayLike<number>[],
  n: number,
  coeffs: Float64Array,
  out: { mean: Float64Array; sig: Float64Array; tau: Float64Array; phi: Float64Array },
  offset: number,
) => void;

const jsCache = new WeakMap<GsimDef, JsEvaluator>();

/** Compile (once per model instance) the CPU evaluator of a model. */
export function jsEvaluator(def: GsimDef): JsEvaluator {
  const cached = jsCache.get(def);
  if (cached) return cached;
  const params = contextParams(def);
  const cnames = coeffNames(def);
  const consts = Object.entries(def.consts ?? {}).map(([k, v]) => `const ${k} = ${v};`).join("\n");
  const src = `${JS_PRELUDE}
return function (cols, n, coeffs, out, offset) {
  let ${[...params, ...cnames].join(", ")};
  ${consts}
  ${wgslToJs(def.fns ?? "")}
  ${cnames.map((c, k) => `${c} = coeffs[${k}];`).join("\n")}
  ${params.map((p, k) => `const col_${p} = cols[${k}];`).join("\n")}
  for (let i = 0; i < n; i++) {
    ${params.map((p) => `${p} = col_${p}[i];`).join("\n")}
    let mean = 0, sig = 0, tau = 0, phi = 0;
    {
${wgslToJs(def.body)}
    }
    out.mean[offset + i] = mean; out.sig[offset + i] = sig;
    out.tau[offset + i] = tau; out.phi[offset + i] = phi;
  }
};`;
  const fn = new Function(src)() as JsEvaluator;
  jsCache.set(def, fn);
  return fn;
}

const WGSL_PRELUDE = `
fn log10(x: f32) -> f32 { return log(x) * 0.4342944819032518; }
`;

/**
 * WGSL source of `fn gsim_eval(row: u32, imt: u32) -> vec4<f32>`. The including shader must
 * define `fn ctx_col(c: u32, row: u32) -> f32` (context column c of contextParams order) and
 * `fn coef(imt: u32, k: u32) -> f32` (slot k of coeffNames order of that IMT's vector).
 */
export function wgslSource(def: GsimDef): string {
  const params = contextParams(def);
  const cnames = coeffNames(def);
  const consts = Object.entries(def.consts ?? {})
    .map(([k, v]) => `const ${k}: f32 = ${wgslFloat(v)};`).join("\n");
  return `${WGSL_PRELUDE}
${[...params, ...cnames].map((p) => `var<private> ${p}: f32;`).join("\n")}
${consts}
${def.fns ?? ""}
fn gsim_eval(row: u32, imt: u32) -> vec4<f32> {
${params.map((p, k) => `  ${p} = ctx_col(${k}u, row);`).join("\n")}
${cnames.map((c, k) => `  ${c} = coef(imt, ${k}u);`).join("\n")}
  var mean = 0.0;
  var sig = 0.0;
  var tau = 0.0;
  var phi = 0.0;
  {
${def.body}
  }
  return vec4<f32>(mean, sig, tau, phi);
}
`;
}

function wgslFloat(v: number): string {
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}
