// OpenQuake's single-purpose wrapper classes, taking `gmpe_name` (+ the model's arguments):
// BA08SiteTerm, BSSA14SiteTerm, CB14BasinTerm and M9BasinTerm are the ModifiableGMPE with the
// one term; SplitSigmaGMPE splits a total-only sigma with a fixed between- or within-event part.
// (CY14SiteTerm and NRCan15SiteTerm check the wrapped model's reference velocity, metadata
// these models do not carry, so they are not provided.)
import type { GsimDef } from "../types.ts";
import { freshTag, type MakeGsim } from "./compose.ts";
import { modifiableGmpe } from "../modifiable.ts";

function gmpeName(owner: string, args: Record<string, unknown>): string {
  const v = args.gmpe_name;
  if (typeof v !== "string" || !v) {
    throw new Error(`${owner}: gmpe_name must name a GSIM, not ${JSON.stringify(v)}`);
  }
  return v;
}

/**
 * A ModifiableGMPE with one term, named after the class. `passArgs`: the class builds the
 * wrapped model with the other keyword arguments (BA08/BSSA14SiteTerm); the others build it
 * with none and OpenQuake ignores the rest, which here are refused instead.
 */
function termClass(owner: string, term: string, passArgs: boolean) {
  return (args: Record<string, unknown>, make: MakeGsim): GsimDef => {
    const { gmpe_name: _, ...rest } = args;
    const name = gmpeName(owner, args);
    if (!passArgs && Object.keys(rest).length) {
      throw new Error(`${owner}: unknown argument ${Object.keys(rest)[0]} (it takes gmpe_name)`);
    }
    const def = modifiableGmpe({ gmpe: { [name]: rest }, [term]: {} }, make);
    return { ...def, name: owner, args };
  };
}

export const ba08SiteTerm = termClass("BA08SiteTerm", "ba08_site_term", true);
export const bssa14SiteTerm = termClass("BSSA14SiteTerm", "bssa14_site_term", true);
export const cb14BasinTermClass = termClass("CB14BasinTerm", "cb14_basin_term", false);
export const m9BasinTermClass = termClass("M9BasinTerm", "m9_basin_term", false);

/**
 * SplitSigmaGMPE(gmpe_name, between_absolute | within_absolute): tau (or phi) set to the
 * given value and the other part the rest of the total in quadrature. (OpenQuake raises when
 * the given part exceeds the total; here that part's complement is NaN.)
 */
export function splitSigmaGmpe(args: Record<string, unknown>, make: MakeGsim): GsimDef {
  const owner = "SplitSigmaGMPE";
  for (const k of Object.keys(args)) {
    if (!["gmpe_name", "between_absolute", "within_absolute"].includes(k)) {
      throw new Error(
        `${owner}: unknown argument ${k} (accepted: gmpe_name, between_absolute, within_absolute)`,
      );
    }
  }
  const gmpe = make(gmpeName(owner, args), {});
  const num = (k: string) => {
    const v = args[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "number" || !(v >= 0)) {
      throw new Error(`${owner}: ${k} must be a number >= 0, not ${JSON.stringify(v)}`);
    }
    return v;
  };
  const between = num("between_absolute"), within = num("within_absolute");
  const tag = freshTag([gmpe], "ss");
  let code: string;
  const consts = { ...(gmpe.consts ?? {}) };
  if (between !== undefined) {
    consts[`${tag}_between`] = between;
    code = `tau = ${tag}_between;\nphi = sqrt(sig * sig - tau * tau);`;
  } else if (within !== undefined) {
    consts[`${tag}_within`] = within;
    code = `phi = ${tag}_within;\ntau = sqrt(sig * sig - phi * phi);`;
  } else {
    throw new Error(`${owner}: give between_absolute or within_absolute`);
  }
  return {
    ...gmpe,
    name: owner,
    args,
    stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
    consts,
    body: `{\n${gmpe.body}\n}\n${code}`,
  };
}

/**
 * NSHMP2014(gmpe_name, sgn = +1 | -1, model arguments): the NGA-West2 model with the
 * Petersen et al. (2014) table 17 epistemic adjustment added (sgn +1) or subtracted (-1):
 * 0.37/0.22 (M < 6), 0.25/0.23 (6 <= M < 7), 0.40/0.36/0.33 (M >= 7) for rrup < 10,
 * [10, 30), >= 30 km. sgn = 0 is OpenQuake's three-branch mixture of probabilities of
 * exceedance (weights 0.185/0.63/0.185), which is not one mean and sigma: not provided.
 */
export function nshmp2014(args: Record<string, unknown>, make: MakeGsim): GsimDef {
  const owner = "NSHMP2014";
  const { gmpe_name: _, sgn, ...rest } = args;
  const name = gmpeName(owner, args);
  if (!NSHMP2014_MODELS.includes(name)) {
    throw new Error(`${owner}: gmpe_name must be one of ${NSHMP2014_MODELS.join(", ")}`);
  }
  if (sgn === 0) {
    throw new Error(
      `${owner}: sgn = 0 (the weighted mixture of the lower, central and upper branches) is ` +
        `not supported; use sgn = -1 and +1 as logic-tree branches`,
    );
  }
  if (sgn !== 1 && sgn !== -1) throw new Error(`${owner}: sgn must be -1, 0 or 1`);
  const gmpe = make(name, rest);
  const requires = { ...gmpe.requires };
  if (!requires.distances.includes("rrup")) requires.distances = [...requires.distances, "rrup"];
  return {
    ...gmpe,
    name: owner,
    args,
    requires,
    body: `{
${gmpe.body}
}
{
// Petersen et al. (2014) table 17
var nshmp_adj = select(select(0.33, 0.36, rrup < 30.0), 0.40, rrup < 10.0);
if (mag < 6.0) {
  nshmp_adj = select(0.22, 0.37, rrup < 10.0);
} else if (mag < 7.0) {
  nshmp_adj = select(0.23, 0.25, rrup < 10.0);
}
mean = mean + ${sgn}.0 * nshmp_adj;
}`,
  };
}

export const NSHMP2014_MODELS = [
  "Idriss2014",
  "ChiouYoungs2014",
  "CampbellBozorgnia2014",
  "BooreEtAl2014",
  "AbrahamsonEtAl2014",
];

/** OpenQuake's NSHMP2014 aliases (`<model>NSHMPUpper`/`Lower`; `Mean` is sgn = 0, refused). */
export const NSHMP2014_ALIASES: Record<string, [string, Record<string, unknown>]> = Object
  .fromEntries(
    NSHMP2014_MODELS.flatMap((m) => [
      [`${m}NSHMPUpper`, ["NSHMP2014", { gmpe_name: m, sgn: 1 }]],
      [`${m}NSHMPLower`, ["NSHMP2014", { gmpe_name: m, sgn: -1 }]],
    ]),
  );
