// ModifiableGMPE's site and basin terms (OpenQuake's mgmpe/cy14_site_term.py, ba08_site_term.py,
// bssa14_site_term.py, cb14_basin_term.py, m9_basin_term.py, nrcan15_site_term.py). Each returns statements run after
// the wrapped body (whose mean is then on rock), plus the tables and parameters they read.
// The coefficients come from our own models of those families, looked up by column name.
import { type CoeffsTable, parseCoeffsTable } from "../coeffs.ts";
import { BA08_FNS, BA08_SOIL_RESPONSE } from "../boore_atkinson_2008.ts";
import type { GsimDef, GsimTable } from "../types.ts";
import { type MakeGsim, namespaced } from "./compose.ts";

export interface TermParts {
  tables: GsimTable[];
  consts?: Record<string, number>;
  fns?: string;
  /** context parameters the term reads */
  requires: Partial<GsimDef["requires"]>;
  code: string;
}

/** The columns `names` of a model's IMT-keyed table with the given prefix. */
export function subsetTable(def: GsimDef, prefix: string, names: string[]): CoeffsTable {
  const t = def.tables.find((x) => x.prefix === prefix && !x.imt);
  if (!t) throw new Error(`${def.name} has no coefficient table ${prefix}`);
  const idx = names.map((n) => {
    const i = t.table.names.indexOf(n);
    if (i < 0) throw new Error(`${def.name} has no coefficient ${n}`);
    return i;
  });
  const pick = (row: Float64Array) => Float64Array.from(idx, (i) => row[i]);
  return {
    names,
    named: new Map([...t.table.named].map(([k, row]) => [k, pick(row)])),
    periods: t.table.periods,
    saRows: t.table.saRows.map(pick),
  };
}

/**
 * Chiou & Youngs (2014) linear and non-linear site term on a reference motion computed at
 * vs30 = 1130 m/s (the wrapped model's mean): phi1 min(ln(vs30/1130), 0) +
 * phi2 (e^{phi3 (min(vs30,1130) - 360)} - e^{phi3 770}) ln((y_ref + phi4) / phi4).
 */
export function cy14SiteTerm(id: string, make: MakeGsim): TermParts {
  const cy14 = make("ChiouYoungs2014", {});
  const p = (n: string) => `${id}_${n}`;
  return {
    tables: [{ prefix: id, table: subsetTable(cy14, "C", ["phi1", "phi2", "phi3", "phi4"]) }],
    requires: { sites: ["vs30"] },
    code: `{
let ${p("yref")} = exp(mean);
mean = mean + ${p("phi1")} * min(log(vs30 / 1130.0), 0.0) + ${p("phi2")} *
  (exp(${p("phi3")} * (min(vs30, 1130.0) - 360.0)) - exp(${p("phi3")} * (1130.0 - 360.0))) *
  log((${p("yref")} + ${p("phi4")}) / ${p("phi4")});
}`,
  };
}

/**
 * The linear + non-linear site term of a model whose site term vanishes at vs30 = 760 m/s
 * (BA08; BSSA14 without basin term): its ln(Y) at the site's vs30 minus its ln(Y) at 760 m/s,
 * on the same rupture and distance, which is exactly that term (the non-linear part driven by
 * the model's own PGA on rock, as OpenQuake's _get_ba08_site_term/_get_bssa14_site_term).
 */
export function siteTermOf(id: string, make: MakeGsim, model: string): TermParts {
  const ns = namespaced(make(model, {}), id);
  const p = (n: string) => `${id}_${n}`;
  return {
    tables: ns.tables,
    consts: ns.consts,
    fns: ns.fns,
    requires: ns.requires,
    code: `{
let ${p("m")} = mean;
let ${p("s")} = sig;
let ${p("t")} = tau;
let ${p("p")} = phi;
{
${ns.body}
}
let ${p("soil")} = mean;
let ${p("vs")} = vs30;
vs30 = 760.0;
{
${ns.body}
}
vs30 = ${p("vs")};
mean = ${p("m")} + (${p("soil")} - mean);
sig = ${p("s")};
tau = ${p("t")};
phi = ${p("p")};
}`,
  };
}

/**
 * Campbell & Bozorgnia (2014) basin term (global, equation 20): c14 (z2.5 - 1) below 1 km,
 * c16 k3 e^{-0.75} (1 - e^{-0.25 (z2.5 - 3)}) above 3 km; z2.5 = -999 takes the Californian
 * vs30 model exp(7.089 - 1.144 ln vs30).
 */
export function cb14BasinTerm(id: string, make: MakeGsim): TermParts {
  const cb14 = make("CampbellBozorgnia2014", {});
  const p = (n: string) => `${id}_${n}`;
  return {
    tables: [{ prefix: id, table: subsetTable(cb14, "C", ["c14", "c16", "k3"]) }],
    requires: { sites: ["vs30", "z2pt5"] },
    code: `{
let ${p("z")} = select(z2pt5, exp(7.089 - 1.144 * log(vs30)), z2pt5 == -999.0);
var ${p("fb")} = 0.0;
if (${p("z")} < 1.0) {
  ${p("fb")} = ${p("c14")} * (${p("z")} - 1.0);
} else if (${p("z")} > 3.0) {
  ${p("fb")} = ${p("c16")} * ${p("k3")} * exp(-0.75) * (1.0 - exp(-0.25 * (${p("z")} - 3.0)));
}
mean = mean + ${p("fb")};
}`,
  };
}

/**
 * The US 2023 NSHM "M9" Seattle basin adjustment: ln 2 added to SA above 1.9 s where
 * z2.5 >= 6 km. (OpenQuake refuses z2.5 = -999 here; a kernel cannot raise, so such sites
 * simply get no adjustment.)
 */
export function m9BasinTerm(): TermParts {
  return {
    tables: [],
    requires: { sites: ["z2pt5"] },
    code: `if (imt_period > 1.9 && z2pt5 >= 6.0) {
  mean = mean + ${Math.LN2};
}`,
  };
}

/** Atkinson & Boore (2006) revised factors c (NRCan15SiteTerm.COEFFS_AB06r) */
const AB06R = parseCoeffsTable(`
IMT  c
pgv  1.230
pga  0.891
0.05 0.891
0.10 1.072
0.20 1.318
0.30 1.380
0.50 1.380
1.00 1.288
2.00 1.230
5.00 1.148
10.0 1.072
`);

/**
 * The NRCan 2015 (Canadian building code) site term on motion at 760 m/s: ln fa =
 * blin ln(vs/760) + fnl(y_rock, bnl(vs)) with the BA08 coefficients, y_rock the wrapped
 * model's motion of the same IMT, vs = min(vs30, 1999); kind "linear": above 760 m/s
 * -ln(c) ln(vs/760) / ln(2000/760) instead, vs = min(vs30, 2000) (OpenQuake's BA08_AB06).
 */
export function nrcan15SiteTerm(id: string, kw: Record<string, unknown>): TermParts {
  const kind = kw.kind;
  if (kind === undefined) {
    throw new Error("ModifiableGMPE: nrcan15_site_term needs the argument kind");
  }
  if (kind !== "base" && kind !== "linear") {
    throw new Error(
      `ModifiableGMPE nrcan15_site_term: kind must be "base" or "linear", not ${
        JSON.stringify(kind)
      }`,
    );
  }
  const fns = namespaced(
    { tables: [], consts: {}, fns: BA08_FNS, body: "" } as unknown as GsimDef,
    id,
  ).fns;
  const p = (n: string) => `${id}_${n}`;
  const nonlinear = `${p("ba08_fnl")}(exp(mean), ${p("ba08_bnl")}(${p("vs")}, ${p("b1")}, ${
    p("b2")
  })) + ${p("blin")} * log(${p("vs")} / 760.0)`;
  return {
    tables: [
      { prefix: id, table: BA08_SOIL_RESPONSE },
      { prefix: `${id}_r`, table: AB06R },
    ],
    fns,
    requires: { sites: ["vs30"] },
    code: kind === "base"
      ? `{
let ${p("vs")} = min(vs30, 1999.0);
mean = mean + ${nonlinear};
}`
      : `{
let ${p("vs")} = min(vs30, 2000.0);
mean = mean + select(${nonlinear},
  -log(${p("r_c")}) * log(${p("vs")} / 760.0) / log(2000.0 / 760.0), vs30 > 760.0);
}`,
  };
}
