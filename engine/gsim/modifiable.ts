// OpenQuake's ModifiableGMPE: a wrapped model (`gmpe = {Name = {args}}`) followed by modifiers
// applied in the order written: closed forms on mean/sig/tau/phi (ln units), site and basin
// terms (the wrapped model then runs on rock) and the Al Atik (2015) sigma model. It is a
// GsimDef transformer: the wrapped body, then the modifier statements; scalar parameters are
// consts, per-IMT ones an extra coefficient table keyed by IMT (interpolated in ln(period) as
// OpenQuake's CoeffsTable.fromdict), so both backends run it.
import type { GsimDef, GsimTable, StdDevType } from "./types.ts";
import {
  freshTag,
  type MakeGsim,
  saveContext,
  tableFromDict,
  unionRequires,
} from "./mgmpe/compose.ts";
import {
  cb14BasinTerm,
  cy14SiteTerm,
  m9BasinTerm,
  nrcan15SiteTerm,
  siteTermOf,
  type TermParts,
} from "./mgmpe/site_terms.ts";
import { AL_ATIK_ARGS, alAtik2015Sigma } from "./mgmpe/al_atik_2015.ts";
import { CEUS2020_ARGS, ceus2020SiteTerm } from "./mgmpe/ceus2020.ts";

interface Modifier {
  /** keyword arguments, all required (they are positional in OpenQuake's functions) */
  params: string[];
  /** the parameter that is a {IMT: value} dictionary, if any */
  vector?: string;
  /** needs the wrapped model's between-event stddev */
  needsTau?: boolean;
  /**
   * WGSL statements; `p(name)` is the identifier holding a scalar parameter or, for the
   * vector parameter, the IMT's (interpolated) value.
   */
  code(p: (name: string) => string, v: Record<string, number>): string;
  /** consts derived from the scalar parameters (e.g. a log), by parameter name */
  derive?(v: Record<string, number>): Record<string, number>;
  /** keyword arguments that may be left out (only for `term` modifiers, which read them) */
  optional?: string[];
  /** a site or basin term: its statements, tables and requirements (then `code` is unused) */
  term?: (
    id: string,
    make: MakeGsim,
    kw: Record<string, unknown>,
    gmpe: GsimDef,
  ) => TermParts;
  /** the stddev types the wrapper then has */
  stddevs?: StdDevType[];
  /** a site term: the wrapped model then runs on rock of this vs30 (OpenQuake's ctx_copy) */
  rockVs30?: number;
}

const signedSquare = (d: number) => Math.sign(d) * d * d;

/** The modifiers implemented, by OpenQuake function name. */
export const MODIFIERS: Record<string, Modifier> = {
  set_between_epsilon: {
    params: ["epsilon_tau"],
    needsTau: true,
    code: (p) => `mean = mean + ${p("epsilon_tau")} * tau;\ntau = 0.0;\nsig = phi;`,
  },
  add_between_within_stds: {
    params: ["with_betw_ratio"],
    stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
    code: (p) =>
      `tau = sqrt(sig * sig / (1.0 + ${p("with_betw_ratio")} * ${p("with_betw_ratio")}));\n` +
      `phi = ${p("with_betw_ratio")} * tau;`,
  },
  set_scale_median_scalar: {
    params: ["scaling_factor"],
    derive: (v) => ({ scaling_factor: positiveLog(v.scaling_factor) }),
    code: (p) => `mean = mean + ${p("scaling_factor")};`,
  },
  set_scale_median_vector: {
    params: ["scaling_factor"],
    vector: "scaling_factor",
    code: (p) => `mean = mean + log(${p("scaling_factor")});`,
  },
  set_scale_total_sigma_scalar: {
    params: ["scaling_factor"],
    code: (p) => `sig = sig * ${p("scaling_factor")};`,
  },
  set_scale_total_sigma_vector: {
    params: ["scaling_factor"],
    vector: "scaling_factor",
    code: (p) => `sig = sig * ${p("scaling_factor")};`,
  },
  set_fixed_total_sigma: {
    params: ["total_sigma"],
    vector: "total_sigma",
    code: (p) => `sig = ${p("total_sigma")};`,
  },
  add_delta_std_to_total_std: {
    params: ["delta"],
    derive: (v) => ({ delta: signedSquare(v.delta) }),
    code: (p) => `sig = sqrt(sig * sig + ${p("delta")});`,
  },
  // OpenQuake writes ta[2] (the third row's tau) here; the per-row tau is what is meant and is
  // the same for the models whose tau does not vary with the context
  set_total_std_as_tau_plus_delta: {
    params: ["delta"],
    needsTau: true,
    derive: (v) => ({ delta: signedSquare(v.delta) }),
    code: (p) => `sig = sqrt(tau * tau + ${p("delta")});`,
  },
  // site terms: the wrapped model on rock (1130 m/s with the CY14 term, else 760 m/s, as
  // OpenQuake decides it for all site terms at once), then the term at the site's vs30
  cy14_site_term: { params: [], code: () => "", term: cy14SiteTerm, rockVs30: 1130 },
  ba08_site_term: {
    params: [],
    code: () => "",
    term: (id, make) => siteTermOf(id, make, "BooreAtkinson2008"),
    rockVs30: 760,
  },
  bssa14_site_term: {
    params: [],
    code: () => "",
    term: (id, make) => siteTermOf(id, make, "BooreEtAl2014"),
    rockVs30: 760,
  },
  nrcan15_site_term: {
    params: [],
    optional: ["kind"],
    code: () => "",
    term: (id, _make, kw) => nrcan15SiteTerm(id, kw),
    rockVs30: 760,
  },
  ceus2020_site_term: {
    params: [],
    optional: CEUS2020_ARGS,
    code: () => "",
    term: (id, _make, kw, gmpe) => ceus2020SiteTerm(id, gmpe, kw),
    rockVs30: 760,
  },
  cb14_basin_term: { params: [], code: () => "", term: cb14BasinTerm },
  sigma_model_alatik2015: {
    params: [],
    optional: AL_ATIK_ARGS,
    code: () => "",
    term: (id, _make, kw) => alAtik2015Sigma(id, kw),
    stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
  },
  m9_basin_term: { params: [], code: () => "", term: m9BasinTerm },
};

/** OpenQuake's other modifiers: known names that this port does not provide yet. */
export const MODIFIERS_NOT_IMPLEMENTED = [
  "apply_swiss_amplification",
  "apply_swiss_amplification_sa",
  "conditional_gmpe",
];

const NONE: GsimDef["requires"] = { rupture: [], sites: [], distances: [] };

function positiveLog(x: number): number {
  if (!(x > 0)) throw new Error(`ModifiableGMPE: scaling_factor must be > 0, not ${x}`);
  return Math.log(x);
}

function isDict(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The single `{Name: {args}}` entry of a wrapper's gmpe argument. */
export function singleGsim(owner: string, v: unknown): [string, Record<string, unknown>] {
  const entries = isDict(v) ? Object.entries(v) : [];
  if (entries.length !== 1 || !isDict(entries[0][1])) {
    throw new Error(
      `${owner}: gmpe must be one {GsimName = {arguments}}, not ${JSON.stringify(v)}`,
    );
  }
  return [entries[0][0], { ...(entries[0][1] as Record<string, unknown>) }];
}

/** ModifiableGMPE(gmpe = {Name = {...}}, <modifier> = {<param> = value}, ...). */
export function modifiableGmpe(args: Record<string, unknown>, make: MakeGsim): GsimDef {
  const owner = "ModifiableGMPE";
  if (args.gmpe === undefined) throw new Error(`${owner}: missing the gmpe argument`);
  const [gname, gargs] = singleGsim(owner, args.gmpe);
  const gmpe = make(gname, gargs);
  const tag = freshTag([gmpe], "mg");
  const consts: Record<string, number> = { ...(gmpe.consts ?? {}) };
  const tables: GsimTable[] = [...gmpe.tables];
  let stddevs: StdDevType[] = [...gmpe.stddevs];
  let fns = gmpe.fns ?? "";
  const stmts: string[] = [];
  const terms: TermParts[] = [];
  let rockVs30 = 0;
  let k = 0;
  for (const [method, kw] of Object.entries(args)) {
    if (method === "gmpe") continue;
    const mod = MODIFIERS[method];
    if (!mod) {
      throw new Error(
        MODIFIERS_NOT_IMPLEMENTED.includes(method)
          ? `${owner}: the modifier ${method} is not implemented`
          : `${owner}: unknown modifier ${method} (known: ${Object.keys(MODIFIERS).join(", ")})`,
      );
    }
    if (!isDict(kw)) {
      throw new Error(`${owner}: ${method} takes a table of arguments, not ${JSON.stringify(kw)}`);
    }
    const accepted = [...mod.params, ...(mod.optional ?? [])];
    for (const key of Object.keys(kw)) {
      if (!accepted.includes(key)) {
        throw new Error(
          `${owner}: ${method} has no argument ${key}` +
            (accepted.length ? ` (it takes ${accepted.join(", ")})` : " (it takes none)"),
        );
      }
    }
    if (mod.needsTau && !gmpe.stddevs.includes("INTER_EVENT")) {
      throw new Error(`${owner}: ${gname} does not have between event std (needed by ${method})`);
    }
    const scalars: Record<string, number> = {};
    const ids: Record<string, string> = {};
    for (const name of mod.params) {
      const v = kw[name];
      if (v === undefined) throw new Error(`${owner}: ${method} needs the argument ${name}`);
      const id = `${tag}_${k}_${name}`;
      ids[name] = id;
      if (name === mod.vector) {
        if (!isDict(v)) {
          throw new Error(`${owner}: ${method}.${name} must be a table {IMT = value}`);
        }
        tables.push({
          prefix: `${tag}_${k}`,
          table: tableFromDict(`${owner} ${method}`, name, v),
        });
      } else {
        if (typeof v !== "number" || !Number.isFinite(v)) {
          throw new Error(`${owner}: ${method}.${name} must be a number, not ${JSON.stringify(v)}`);
        }
        scalars[name] = v;
      }
    }
    const derived = { ...scalars, ...(mod.derive?.(scalars) ?? {}) };
    for (const [name, v] of Object.entries(derived)) consts[ids[name]] = v;
    if (mod.term) {
      const t = mod.term(`${tag}_${k}`, make, kw, gmpe);
      tables.push(...t.tables);
      Object.assign(consts, t.consts ?? {});
      if (t.fns) fns += "\n" + t.fns;
      terms.push(t);
      stmts.push(`// ${method}\n${t.code}`);
    } else {
      stmts.push(`// ${method}\n${mod.code((name) => ids[name], scalars)}`);
    }
    if (mod.rockVs30) rockVs30 = rockVs30 === 1130 ? 1130 : mod.rockVs30;
    if (mod.stddevs) stddevs = mod.stddevs;
    k++;
  }
  const requires = terms.length
    ? unionRequires([gmpe, ...terms.map((t) => ({ requires: { ...NONE, ...t.requires } }))])
    : gmpe.requires;
  let body = `{\n${gmpe.body}\n}`;
  if (rockVs30) {
    // the wrapped model on rock; the terms then see the site's own context
    const ctx = saveContext({ requires }, `${tag}_ctx`);
    body = `${ctx.save}\nvs30 = ${rockVs30}.0;\n${body}\n${ctx.restore}`;
  }
  return {
    ...gmpe,
    name: owner,
    args,
    stddevs,
    requires,
    tables,
    consts,
    fns: fns || undefined,
    body: `${body}\n${stmts.join("\n")}`,
  };
}
