// CoeffsTable: OpenQuake's text tables of coefficients, keyed by IMT, with linear
// interpolation of every coefficient against ln(period) between tabulated SA periods.
import type { Imt } from "./imt.ts";

export interface CoeffsTable {
  /** coefficient names, in column order */
  names: string[];
  /** rows keyed by "PGA"/"PGV"/... or by SA period */
  named: Map<string, Float64Array>;
  /** SA rows sorted by period */
  periods: number[];
  saRows: Float64Array[];
}

/**
 * Parse a table whose first row is `IMT name1 name2 ...` and whose other rows start with
 * `pga`, `pgv`, `pgd`, ... or an SA period. Blank lines are skipped.
 */
export function parseCoeffsTable(text: string): CoeffsTable {
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  const header = lines[0].split(/\s+/);
  if (header[0].toUpperCase() !== "IMT") throw new Error("coefficient table must start with IMT");
  const names = header.slice(1);
  const named = new Map<string, Float64Array>();
  const sa: [number, Float64Array][] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(/\s+/);
    if (cells.length !== header.length) {
      throw new Error(
        `coefficient row ${cells[0]} has ${cells.length - 1} values, not ${names.length}`,
      );
    }
    const values = Float64Array.from(cells.slice(1), Number);
    const key = cells[0];
    const period = Number(key);
    if (!isNaN(period)) sa.push([period, values]);
    else named.set(key.toUpperCase(), values);
  }
  sa.sort((a, b) => a[0] - b[0]);
  return { names, named, periods: sa.map((r) => r[0]), saRows: sa.map((r) => r[1]) };
}

/** The coefficient row for one IMT; throws for an IMT or period the table lacks. */
export function coeffsFor(table: CoeffsTable, imt: Imt): Float64Array {
  if (imt.kind !== "SA") {
    const row = table.named.get(imt.kind);
    if (!row) throw new Error(`IMT ${imt.name} not in coefficient table`);
    return row;
  }
  const { periods, saRows } = table;
  const t = imt.period;
  const n = periods.length;
  if (n === 0 || t < periods[0] - 1e-12 || t > periods[n - 1] + 1e-12) {
    throw new Error(
      `period ${t} is outside the coefficient table's range [${periods[0]}, ${periods[n - 1]}]`,
    );
  }
  let hi = 0;
  while (hi < n - 1 && periods[hi] < t) hi++;
  if (Math.abs(periods[hi] - t) <= 1e-12 * Math.max(1, t)) return saRows[hi];
  const lo = hi - 1;
  const x = (Math.log(t) - Math.log(periods[lo])) / (Math.log(periods[hi]) - Math.log(periods[lo]));
  const a = saRows[lo], b = saRows[hi];
  return a.map((v, i) => v + (b[i] - v) * x);
}

/** Is this IMT covered by the table (exact row or inside the SA period range)? */
export function tableSupports(table: CoeffsTable, imt: Imt): boolean {
  if (imt.kind !== "SA") return table.named.has(imt.kind);
  const p = table.periods;
  return p.length > 0 && imt.period >= p[0] - 1e-12 && imt.period <= p[p.length - 1] + 1e-12;
}
