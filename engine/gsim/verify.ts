// OpenQuake GMPE verification tables: read one, recompute it with a model, measure the
// discrepancy as OpenQuake's tests do: |computed / expected * 100 - 100| in percent.
import { parseImt } from "./imt.ts";
import type { ContextBlock, GsimDef, GsimOutput } from "./types.ts";
import { evaluateGsim } from "./evaluate.ts";
import type { Imt } from "./imt.ts";
import { geologyCode } from "./kotha_2020.ts";

export type ResultType = "MEAN" | "TOTAL_STDDEV" | "INTER_EVENT_STDDEV" | "INTRA_EVENT_STDDEV";

export interface VerificationTable {
  header: string[];
  /** trimmed cell text, one array per data row */
  rows: string[][];
  /** header index of each IMT column, with its IMT */
  imtCols: { index: number; imt: Imt }[];
}

// pandas writes its index as an empty or "Unnamed: N" column (ASK14 tables)
const NON_IMT = /^(rup_|site_|dist_)|^(result_type|damping|component_type)$|^unnamed/i;

/** Text site parameters with an encoding of their own (other text: its first letter's code). */
const TEXT_CODES: Record<string, (s: string) => number> = { geology: geologyCode };

export function parseVerificationTable(text: string): VerificationTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const header = lines[0].split(",").map((h) => h.trim());
  const rows = lines.slice(1).map((l) => l.split(",").map((c) => c.trim()));
  const imtCols: { index: number; imt: Imt }[] = [];
  header.forEach((h, index) => {
    if (!h || NON_IMT.test(h)) return;
    imtCols.push({ index, imt: parseImt(h) });
  });
  return { header, rows, imtCols };
}

/** The context block of a table's rows; a parameter the table lacks is 0 (as OpenQuake does). */
export function tableContext(t: VerificationTable, params: string[]): ContextBlock {
  const n = t.rows.length;
  const cols: Record<string, Float64Array> = {};
  const lower = t.header.map((h) => h.toLowerCase());
  for (const p of params) {
    const idx = ["rup_", "site_", "dist_"].map((pre) => lower.indexOf(pre + p)).find((i) => i >= 0);
    const col = new Float64Array(n);
    if (idx !== undefined) {
      const code = TEXT_CODES[p];
      for (let i = 0; i < n; i++) {
        col[i] = code ? code(t.rows[i][idx] ?? "") : parseCell(t.rows[i][idx]);
      }
    }
    cols[p] = col;
  }
  return { n, cols };
}

function parseCell(s: string | undefined): number {
  if (s === undefined || s === "") return 0;
  const l = s.toLowerCase();
  if (l === "true") return 1;
  if (l === "false") return 0;
  const x = Number(s);
  // site classes are letters (McVerry): their char code
  return isNaN(x) ? s.charCodeAt(0) : x;
}

export function resultTypeOf(t: VerificationTable, row: number): ResultType {
  const i = t.header.findIndex((h) => h.toLowerCase() === "result_type");
  return t.rows[row][i].toUpperCase() as ResultType;
}

export interface TableCheck {
  values: number;
  failures: number;
  /** the largest |computed/expected*100-100| over all values, percent */
  maxDiscrepancy: number;
  /** a few failing values, for the error message */
  examples: string[];
}

/** Compare model output with a table (both laid out per IMT column, row order). */
export function compareTable(
  t: VerificationTable,
  out: GsimOutput,
  tolPercent: number,
): TableCheck {
  const check: TableCheck = { values: 0, failures: 0, maxDiscrepancy: 0, examples: [] };
  const n = t.rows.length;
  t.imtCols.forEach(({ index, imt }, m) => {
    for (let i = 0; i < n; i++) {
      const cell = t.rows[i][index];
      if (cell === undefined || cell === "") continue;
      const expected = Number(cell);
      const rt = resultTypeOf(t, i);
      const k = m * n + i;
      const computed = rt === "MEAN"
        ? Math.exp(out.mean[k])
        : rt === "TOTAL_STDDEV"
        ? out.sig[k]
        : rt === "INTER_EVENT_STDDEV"
        ? out.tau[k]
        : out.phi[k];
      const d = expected === 0 && computed === 0 ? 0 : Math.abs((computed / expected) * 100 - 100);
      check.values++;
      if (!(d <= tolPercent)) {
        check.failures++;
        if (check.examples.length < 5) {
          check.examples.push(
            `row ${i + 2} ${rt} ${imt.name}: computed ${computed}, expected ${expected}`,
          );
        }
      }
      if (!(d <= check.maxDiscrepancy)) check.maxDiscrepancy = isNaN(d) ? Infinity : d;
    }
  });
  return check;
}

/** Recompute a table on the CPU and compare. */
export function verifyOnCpu(def: GsimDef, text: string, tolPercent: number): TableCheck {
  const t = parseVerificationTable(text);
  const params = [...def.requires.rupture, ...def.requires.sites, ...def.requires.distances];
  const out = evaluateGsim(def, t.imtCols.map((c) => c.imt), tableContext(t, params));
  return compareTable(t, out, tolPercent);
}
