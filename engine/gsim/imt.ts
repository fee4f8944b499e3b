// Intensity measure types, named as OpenQuake names them: PGA, PGV, PGD, SA(0.1), ...

export type ImtKind = "PGA" | "PGV" | "PGD" | "SA" | "IA" | "CAV" | "MMI";

/** Numeric code of an IMT kind, visible to gsim bodies as `imt_kind`. */
export const IMT_KIND_CODE: Record<ImtKind, number> = {
  PGA: 0,
  PGV: 1,
  PGD: 2,
  SA: 3,
  IA: 4,
  CAV: 5,
  MMI: 6,
};

export interface Imt {
  /** the canonical string, e.g. "SA(0.1)" */
  name: string;
  kind: ImtKind;
  /** SA period in seconds; 0 for every other kind */
  period: number;
}

/** Parse "PGA", "SA(0.1)", "SA(1)", or a bare number (an SA period, as in verification tables). */
export function parseImt(s: string): Imt {
  const t = s.trim();
  const sa = /^SA\(\s*([0-9.eE+-]+)\s*\)$/i.exec(t);
  if (sa) return makeSA(Number(sa[1]));
  if (/^[0-9.eE+-]+$/.test(t) && !isNaN(Number(t))) return makeSA(Number(t));
  const kind = t.toUpperCase() as ImtKind;
  if (kind in IMT_KIND_CODE && kind !== "SA") return { name: kind, kind, period: 0 };
  throw new Error(`invalid IMT ${JSON.stringify(s)}`);
}

function makeSA(period: number): Imt {
  if (!(period > 0)) throw new Error(`invalid SA period ${period}`);
  return { name: `SA(${formatPeriod(period)})`, kind: "SA", period };
}

/** OpenQuake prints periods with Python's repr of a float: 0.1, 1.0, 2.0. */
export function formatPeriod(p: number): string {
  return Number.isInteger(p) ? p.toFixed(1) : String(p);
}

/** OpenQuake sorts IMTs by period with PGA (0) first; non-SA kinds keep their names. */
export function imtSortKey(imt: Imt): [number, string] {
  return [imt.kind === "SA" ? imt.period : 0, imt.kind === "SA" ? "SA" : imt.name];
}
