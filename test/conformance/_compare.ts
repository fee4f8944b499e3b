// OpenQuake's assertEqualFiles (calculators/tests/__init__.py, oq-cases INDEX.md §3): drop
// `#,` lines of the expected file and `#` lines of the actual one, same number of lines,
// identical header, then field by field |a - e| <= delta + delta*|e| for every numeric field.

export interface FileComparison {
  ok: boolean;
  /** largest |a - e| / max(|e|, delta) over the numeric fields (0 when identical) */
  maxRelDiff: number;
  /** largest (|a - e| - delta*|e|) / delta: > 1 means outside the tolerance */
  worstRatio: number;
  message: string;
}

function numbers(field: string): number[] | null {
  const parts = field.trim().split(/\s+/);
  const out: number[] = [];
  for (const p of parts) {
    if (p === "") return null;
    const x = Number(p);
    if (Number.isNaN(x) && !/^nan$/i.test(p)) return null;
    out.push(x);
  }
  return out;
}

function splitLine(line: string): string[] {
  if (line.includes(",")) return line.split(",");
  if (line.includes("|")) return line.split("|");
  return line.split(" ");
}

export function compareText(expected: string, actual: string, delta: number): FileComparison {
  const exp = expected.split(/\r?\n/).filter((l) => l !== "" && !l.startsWith("#,"));
  const act = actual.split(/\r?\n/).filter((l) => l !== "" && !l.startsWith("#"));
  const res: FileComparison = { ok: true, maxRelDiff: 0, worstRatio: 0, message: "" };
  if (exp.length !== act.length) {
    return { ...res, ok: false, message: `${act.length} lines instead of ${exp.length}` };
  }
  if (exp.length && exp[0] !== act[0] && !exp[0].startsWith("+")) {
    return { ...res, ok: false, message: `header ${act[0]} != ${exp[0]}` };
  }
  for (let i = 1; i < exp.length; i++) {
    const ef = splitLine(exp[i]), af = splitLine(act[i]);
    if (ef.length !== af.length) {
      return { ...res, ok: false, message: `line ${i + 1}: ${af.length} fields, not ${ef.length}` };
    }
    for (let j = 0; j < ef.length; j++) {
      const e = numbers(ef[j]);
      if (!e) continue; // non-numeric fields are not compared
      const a = numbers(af[j]);
      if (!a || a.length !== e.length) {
        res.ok = false;
        res.message ||= `line ${i + 1} field ${j + 1}: ${af[j]} vs ${ef[j]}`;
        res.worstRatio = Infinity;
        continue;
      }
      for (let k = 0; k < e.length; k++) {
        const d = Math.abs(a[k] - e[k]);
        // relative to the expected value, floored at delta so that zeros do not dominate
        const rel = d === 0 ? 0 : d / Math.max(Math.abs(e[k]), delta);
        if (rel > res.maxRelDiff) res.maxRelDiff = rel;
        const ratio = d / (delta + delta * Math.abs(e[k]));
        if (ratio > res.worstRatio) res.worstRatio = ratio;
        if (!(d <= delta + delta * Math.abs(e[k]))) {
          res.ok = false;
          res.message ||= `line ${i + 1} field ${j + 1}: ${af[j]} vs ${ef[j]} (delta ${delta})`;
        }
      }
    }
  }
  return res;
}
