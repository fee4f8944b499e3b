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
