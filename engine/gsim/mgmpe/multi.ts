// OpenQuake's MultiGMPE: one model per IMT (`[MultiGMPE."PGA".AkkarBommer2010]`,
// `[MultiGMPE."SA(0.1)".SadighEtAl1997]`). One GsimDef: the models' bodies under their own
// namespaces, chosen by a selector looked up per IMT; each model's coefficient tables are
// re-keyed to the MultiGMPE's IMTs (its own rows where it is selected, zeros elsewhere).
import type { CoeffsTable } from "../coeffs.ts";
import { coeffsFor } from "../coeffs.ts";
import { unsupportedReason } from "../evaluate.ts";
import { type Imt, parseImt } from "../imt.ts";
import type { GsimDef, GsimTable, ImtKindList, StdDevType } from "./_types.ts";
import { freshTag, type MakeGsim, namespaced, unionRequires } from "./compose.ts";
import { singleGsim } from "../modifiable.ts";

/**
 * A selector row that refuses to be interpolated: a MultiGMPE has no model for an SA period
 * between two of its own, and coeffsFor interpolates rows with `map`, so asking for one
 * throws (naming the IMTs it has) instead of blending two models' selectors.
 */
class ExactRow extends Float64Array {
  constructor(value: number, readonly listed: string) {
    super(1);
    this[0] = value;
  }
  override map(): never {
    throw new Error(`MultiGMPE: no model for this SA period (it has ${this.listed})`);
  }
}

/** A table holding, for each IMT of `imts`, `row(imt)` (SA rows at exactly those periods). */
function tableByImt(names: string[], imts: Imt[], row: (imt: Imt) => Float64Array): CoeffsTable {
  const named = new Map<string, Float64Array>();
  const sa: [number, Float64Array][] = [];
  for (const imt of imts) {
    if (imt.kind === "SA") sa.push([imt.period, row(imt)]);
    else named.set(imt.kind, row(imt));
  }
  sa.sort((a, b) => a[0] - b[0]);
  return { names, named, periods: sa.map((r) => r[0]), saRows: sa.map((r) => r[1]) };
}

export function multiGmpe(args: Record<string, unknown>, make: MakeGsim): GsimDef {
  const owner = "MultiGMPE";
  const entries = Object.entries(args);
  if (!entries.length) throw new Error(`${owner}: no {IMT = {GsimName = {...}}} given`);
  const imts: Imt[] = [];
  const subs: GsimDef[] = [];
  for (const [key, v] of entries) {
    let imt: Imt;
    try {
      imt = parseImt(key);
    } catch {
      throw new Error(`${owner}: ${key} is not an intensity measure type`);
    }
    if (imts.some((i) => i.name === imt.name)) throw new Error(`${owner}: ${key} given twice`);
    const [name, kw] = singleGsim(`${owner} ${key}`, v);
    const def = make(name, kw);
    const why = unsupportedReason(def, imt);
    if (why) throw new Error(`${owner}: IMT ${key} not supported by ${name} (${why})`);
    imts.push(imt);
    subs.push(def);
  }
  const tag = freshTag(subs, "mu");
  const listed = imts.map((i) => i.name).join(", ");
  const tables: GsimTable[] = [{
    prefix: tag,
    table: tableByImt(["sel"], imts, (imt) => new ExactRow(imts.indexOf(imt), listed)),
  }];
  const consts: Record<string, number> = {};
  let fns = "";
  const branches: string[] = [];
  subs.forEach((sub, k) => {
    const ns = namespaced(sub, `${tag}_${k}`);
    for (const t of ns.tables) {
      if (t.imt) {
        tables.push(t);
        continue;
      }
      const zeros = new Float64Array(t.table.names.length);
      tables.push({
        prefix: t.prefix,
        table: tableByImt(
          t.table.names,
          imts,
          (imt) => imt === imts[k] ? coeffsFor(t.table, imt) : zeros,
        ),
      });
    }
    Object.assign(consts, ns.consts);
    fns += (ns.fns ?? "") + "\n";
    branches.push(`if (${tag}_sel == ${k}.0) {\n${ns.body}\n}`);
  });
  const trts = new Set(subs.map((s) => s.trt));
  const stddevs: StdDevType[] = [];
  for (const s of subs) for (const t of s.stddevs) if (!stddevs.includes(t)) stddevs.push(t);
  const kinds: ImtKindList = [];
  for (const i of imts) if (!kinds.includes(i.kind)) kinds.push(i.kind);
  return {
    name: owner,
    args,
    trt: trts.size === 1 ? subs[0].trt : "",
    imts: kinds,
    stddevs,
    requires: unionRequires(subs),
    tables,
    consts,
    fns,
    body: branches.join(" else "),
  };
}
