// All implemented models by OpenQuake class name, plus OpenQuake's legacy alias names.
// Each family file exports GSIMS (name -> factory) and ALIASES (name -> [base, args]).
import type { GsimDef, GsimFactory } from "./types.ts";
import * as asc from "./families_asc.ts";
import * as scr from "./families_scr.ts";
import * as asc2 from "./families_asc2.ts";
import * as asc3 from "./families_asc3.ts";
import * as sub from "./families_sub.ts";
import * as sub2 from "./families_sub2.ts";

const FAMILIES = [asc, asc2, asc3, scr, sub, sub2];

export const GSIMS: Record<string, GsimFactory> = Object.assign(
  {},
  ...FAMILIES.map((f) => f.GSIMS),
);
export const ALIASES: Record<string, [string, Record<string, unknown>]> = Object.assign(
  {},
  ...FAMILIES.map((f) => f.ALIASES),
);

/** Every name a job may use, sorted (what /v1/available_gsims lists). */
export function availableGsims(): string[] {
  return [...Object.keys(GSIMS), ...Object.keys(ALIASES)].sort();
}

export class UnknownGsimError extends Error {}

/** Instantiate a model by class (or alias) name with constructor keyword arguments. */
export function makeGsim(name: string, args: Record<string, unknown> = {}): GsimDef {
  const factory = GSIMS[name];
  if (factory) return factory(args);
  const alias = ALIASES[name];
  if (alias) {
    const def = GSIMS[alias[0]]({ ...alias[1], ...args });
    return { ...def, name };
  }
  throw new UnknownGsimError(`Unknown GSIM: ${name}`);
}

/**
 * Parse a GSIM as written in a logic tree or job.ini: `BooreAtkinson2008`, or TOML
 * `[BooreEtAl2014]\nregion = "CAL"` (one table; string, number and boolean values).
 */
export function parseGsimSpec(spec: string): GsimDef {
  const s = spec.trim();
  const head = /^\[([A-Za-z0-9_]+)\]\s*([\s\S]*)$/.exec(s);
  if (!head) return makeGsim(s);
  const args: Record<string, unknown> = {};
  for (const raw of head[2].split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const kv = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`invalid GSIM argument line ${JSON.stringify(line)} in ${head[1]}`);
    args[kv[1]] = parseTomlValue(kv[2].trim());
  }
  return makeGsim(head[1], args);
}

function parseTomlValue(v: string): unknown {
  if (/^".*"$|^'.*'$/.test(v)) return v.slice(1, -1);
  if (v === "true") return true;
  if (v === "false") return false;
  const x = Number(v);
  if (!isNaN(x)) return x;
  throw new Error(`invalid GSIM argument value ${v}`);
}
