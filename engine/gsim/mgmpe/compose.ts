// Building blocks of the wrapper models (ModifiableGMPE, MultiGMPE, AvgGMPE, minimum_distance):
// every wrapper is again one GsimDef whose body runs the wrapped bodies and then its own
// statements, so it runs unchanged on the CPU (transpiled) and on the GPU.
import type { CoeffsTable } from "../coeffs.ts";
import { type Imt, parseImt } from "../imt.ts";
import type { GsimDef, GsimTable } from "../types.ts";

/** Build a model from a class name and keyword arguments (the registry's makeGsim). */
export type MakeGsim = (name: string, args: Record<string, unknown>) => GsimDef;

/** A WGSL float literal (2 -> "2.0"; never an integer literal, which WGSL would not promote). */
export function wgslFloat(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  const s = String(v);
  return /[.eE]/.test(s) ? s : `${s}.0`;
}

/** The identifiers a model defines at module scope: coefficients, consts and functions. */
export function moduleNames(def: GsimDef): string[] {
  const names: string[] = [];
  for (const t of def.tables) for (const n of t.table.names) names.push(`${t.prefix}_${n}`);
  names.push(...Object.keys(def.consts ?? {}));
  for (const m of (def.fns ?? "").matchAll(/\bfn\s+(\w+)/g)) names.push(m[1]);
  return names;
}

/** A prefix `base<k>` such that no identifier of these models starts with `base<k>_`. */
export function freshTag(defs: GsimDef[], base: string): string {
  const text = defs.map((d) =>
    [d.body, d.fns ?? "", ...moduleNames(d), ...d.tables.map((t) => t.prefix + "_")].join("\n")
  ).join("\n");
  for (let k = 0;; k++) {
    const tag = `${base}${k}`;
    if (!new RegExp(`\\b${tag}_`).test(text)) return tag;
  }
}

/**
 * The model with every module-scope identifier (coefficients, consts, helper functions)
 * prefixed by `tag_`, so that several models can share one shader. Context parameters,
 * imt_period/imt_kind and the outputs are shared and keep their names.
 */
export function namespaced(def: GsimDef, tag: string): GsimDef {
  const map = new Map<string, string>();
  for (const n of moduleNames(def)) map.set(n, `${tag}_${n}`);
  const rename = (src: string) => src.replace(/\b[A-Za-z_]\w*\b/g, (id) => map.get(id) ?? id);
  const consts: Record<string, number> = {};
  for (const [k, v] of Object.entries(def.consts ?? {})) consts[`${tag}_${k}`] = v;
  return {
    ...def,
    tables: def.tables.map((t) => ({ ...t, prefix: `${tag}_${t.prefix}` })),
    consts,
    fns: def.fns ? rename(def.fns) : undefined,
    body: rename(def.body),
  };
}

function union<T extends string>(lists: T[][]): T[] {
  const out: T[] = [];
  for (const l of lists) for (const x of l) if (!out.includes(x)) out.push(x);
  return out;
}

/** The union of the context parameters several models need (first model's order first). */
export function unionRequires(defs: Pick<GsimDef, "requires">[]): GsimDef["requires"] {
  return {
    rupture: union(defs.map((d) => d.requires.rupture)),
    sites: union(defs.map((d) => d.requires.sites)),
    distances: union(defs.map((d) => d.requires.distances)),
  };
}

/**
 * Statements that restore every context parameter from the copies `save` made, so that a
 * wrapped body that clips its inputs (minimum_distance) cannot affect the next one.
 */
export function saveContext(
  def: Pick<GsimDef, "requires">,
  tag: string,
): { save: string; restore: string } {
  const params = [...def.requires.rupture, ...def.requires.sites, ...def.requires.distances];
  return {
    save: params.map((p) => `let ${tag}_${p} = ${p};`).join("\n"),
    restore: params.map((p) => `${p} = ${tag}_${p};`).join("\n"),
  };
}

/** A one-column coefficient table from `{IMT: value}` (OpenQuake's CoeffsTable.fromdict). */
export function tableFromDict(
  owner: string,
  column: string,
  dict: Record<string, unknown>,
): CoeffsTable {
  const named = new Map<string, Float64Array>();
  const sa: [number, Float64Array][] = [];
  for (const [key, v] of Object.entries(dict)) {
    const x = typeof v === "number" ? v : NaN;
    if (!Number.isFinite(x)) {
      throw new Error(`${owner}: ${column} of ${key} must be a number, not ${JSON.stringify(v)}`);
    }
    let imt: Imt;
    try {
      imt = parseImt(key);
    } catch {
      throw new Error(`${owner}: ${key} is not an intensity measure type`);
    }
    if (imt.kind === "SA") sa.push([imt.period, Float64Array.of(x)]);
    else named.set(imt.kind, Float64Array.of(x));
  }
  sa.sort((a, b) => a[0] - b[0]);
  return { names: [column], named, periods: sa.map((r) => r[0]), saRows: sa.map((r) => r[1]) };
}

/** A GsimTable whose every column is looked up at the requested IMT. */
export function imtTable(prefix: string, table: CoeffsTable): GsimTable {
  return { prefix, table };
}
