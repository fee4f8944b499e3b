// All implemented models by OpenQuake class name, plus OpenQuake's legacy alias names.
// Each family file exports GSIMS (name -> factory) and ALIASES (name -> [base, args]); the
// wrapper models (ModifiableGMPE, MultiGMPE, AvgGMPE, the site/basin-term classes,
// SplitSigmaGMPE, NSHMP2014) are built from them by name.
import type { GsimDef, GsimFactory } from "./types.ts";
import * as asc from "./families_asc.ts";
import * as scr from "./families_scr.ts";
import * as asc2 from "./families_asc2.ts";
import * as asc3 from "./families_asc3.ts";
import * as sub from "./families_sub.ts";
import * as sub2 from "./families_sub2.ts";
import { modifiableGmpe } from "./modifiable.ts";
import { avgGmpe } from "./mgmpe/avg.ts";
import { minimumDistanceArg, splitCommonArgs, withMinimumDistance } from "./mgmpe/common.ts";
import type { MakeGsim } from "./mgmpe/compose.ts";
import { multiGmpe } from "./mgmpe/multi.ts";
import {
  ba08SiteTerm,
  bssa14SiteTerm,
  cb14BasinTermClass,
  m9BasinTermClass,
  nshmp2014,
  NSHMP2014_ALIASES,
  splitSigmaGmpe,
} from "./mgmpe/standalone.ts";
import { parseToml, type TomlTable } from "./toml.ts";

const FAMILIES = [asc, asc2, asc3, scr, sub, sub2];

export const GSIMS: Record<string, GsimFactory> = Object.assign(
  {},
  ...FAMILIES.map((f) => f.GSIMS),
);
export const ALIASES: Record<string, [string, Record<string, unknown>]> = Object.assign(
  {},
  ...FAMILIES.map((f) => f.ALIASES),
);

/**
 * The wrapper (meta) models: built from other models by name, so they take `make`. Not in
 * GSIMS, whose every entry builds with no arguments.
 */
export const WRAPPERS: Record<string, (args: Record<string, unknown>, make: MakeGsim) => GsimDef> =
  {
    ModifiableGMPE: modifiableGmpe,
    MultiGMPE: multiGmpe,
    AvgGMPE: avgGmpe,
    BA08SiteTerm: ba08SiteTerm,
    BSSA14SiteTerm: bssa14SiteTerm,
    CB14BasinTerm: cb14BasinTermClass,
    M9BasinTerm: m9BasinTermClass,
    SplitSigmaGMPE: splitSigmaGmpe,
    NSHMP2014: nshmp2014,
  };

/** Legacy names of wrapper models with fixed arguments. */
export const WRAPPER_ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...NSHMP2014_ALIASES,
};

/** Every name a job may use, sorted (what /v1/available_gsims lists). */
export function availableGsims(): string[] {
  return [
    ...Object.keys(GSIMS),
    ...Object.keys(ALIASES),
    ...Object.keys(WRAPPERS),
    ...Object.keys(WRAPPER_ALIASES),
  ].sort();
}

export class UnknownGsimError extends Error {}

/**
 * Instantiate a model by class (or alias, or wrapper) name with constructor keyword arguments.
 * The keyword arguments every OpenQuake GSIM accepts (minimum_distance) are handled here; the
 * others go to the model's factory, which rejects the ones it does not know.
 */
export function makeGsim(name: string, args: Record<string, unknown> = {}): GsimDef {
  const { own, common } = splitCommonArgs(args);
  const mindist = minimumDistanceArg(name, common);
  let def: GsimDef;
  const factory = GSIMS[name];
  const alias = ALIASES[name];
  const wrapper = WRAPPERS[name];
  const walias = WRAPPER_ALIASES[name];
  if (factory) def = factory(own);
  else if (alias) def = { ...GSIMS[alias[0]]({ ...alias[1], ...own }), name };
  else if (wrapper) def = wrapper(own, makeGsim);
  else if (walias) def = { ...WRAPPERS[walias[0]]({ ...walias[1], ...own }, makeGsim), name };
  else throw new UnknownGsimError(`Unknown GSIM: ${name}`);
  if (Object.keys(common).length === 0) return def;
  return { ...withMinimumDistance(def, mindist), args: { ...def.args, ...common } };
}

/**
 * Parse a GSIM as written in a logic tree or job.ini: a bare name `BooreAtkinson2008`, or
 * OpenQuake's TOML form, one top-level table holding the constructor arguments:
 * `[BooreEtAl2014]\nregion = "CAL"`, `[LinLee2008SSlab]\nminimum_distance = 10`,
 * `[ModifiableGMPE]\ngmpe.BooreAtkinson2008 = {}\nset_between_epsilon.epsilon_tau = 0.5`,
 * `[MultiGMPE."PGA".AkkarBommer2010]`, ...
 */
export function parseGsimSpec(spec: string): GsimDef {
  const s = spec.trim();
  if (!s.startsWith("[")) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) {
      throw new UnknownGsimError(`Unknown GSIM: ${JSON.stringify(s)}`);
    }
    return makeGsim(s);
  }
  let doc: TomlTable;
  try {
    doc = parseToml(s);
  } catch (e) {
    throw new Error(`invalid GSIM specification ${JSON.stringify(s)}: ${(e as Error).message}`);
  }
  const names = Object.keys(doc);
  if (names.length !== 1) {
    throw new Error(
      `a GSIM specification holds one model, not ${names.length} (${names.join(", ")}): ` +
        JSON.stringify(s),
    );
  }
  const args = doc[names[0]];
  if (typeof args !== "object" || args === null || Array.isArray(args)) {
    throw new Error(`invalid GSIM specification ${JSON.stringify(s)}: ${names[0]} is not a table`);
  }
  return makeGsim(names[0], args as Record<string, unknown>);
}
