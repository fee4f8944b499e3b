// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The typed job parameters (OpenQuake's `OqParam`): one table of every job.ini parameter with its
 * validator and default (the single source for defaults and for `/v1/ini_defaults`), and the
 * checks OpenQuake performs when it builds the parameters (commonlib/oqvalidation.py,
 * hazardlib/valid.py, commonlib/readinput.py::get_params).
 *
 * Values keep OpenQuake's shapes: Python `None` is `null`, tuples are arrays, dictionaries are
 * plain objects (key order kept), NaN stays NaN.
 */
import { dirname, isAbsolute, join, normalize, resolve } from "node:path";
import { InputError } from "./errors.ts";
import { readJobIni } from "./ini.ts";
import { parseGsimSpec, UnknownGsimError } from "../gsim/registry.ts";
import type { GsimDef } from "../gsim/types.ts";

// ---------------------------------------------------------------------------------------------
// Python float/int formatting and parsing

/** Python's `repr(float)`: shortest round-trip digits, ".0" on integers, exponent form "1e-05". */
export function pyFloatStr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant, expStr] = x.toExponential().split("e");
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let out: string;
  if (exp >= -4 && exp < 16) {
    // Python's repr uses fixed notation when -4 <= exp < 16
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
      const frac = digits.slice(exp + 1);
      out = `${intPart}.${frac || "0"}`;
    } else {
      out = `0.${"0".repeat(-exp - 1)}${digits}`;
    }
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    out = `${m}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" + e : e}`;
  }
  return neg ? "-" + out : out;
}

/** Python's `float(str)` (error message as Python's). */
export function pyFloat(value: string): number {
  const s = value.trim().replaceAll("_", "");
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
  const m = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (m) {
    if (m[2].toLowerCase() === "nan") return NaN;
    return m[1] === "-" ? -Infinity : Infinity;
  }
  throw new Error(`could not convert string to float: '${value}'`);
}

/** Python's `int(str)`. */
export function pyInt(value: string): number {
  const s = value.trim().replaceAll("_", "");
  if (/^[+-]?\d+$/.test(s)) return Number(s);
  throw new Error(`invalid literal for int() with base 10: '${value}'`);
}

// ---------------------------------------------------------------------------------------------
// A Python literal parser (ast.literal_eval subset) with OpenQuake's logscale/linscale calls

/** Numbers keep whether they were written as Python ints (needed by logscale's check). */
interface Tok {
  t: "num" | "str" | "name" | "punct";
  v: string;
  isInt?: boolean;
}

function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let s = "";
      while (j < n && text[j] !== c) {
        if (text[j] === "\\" && j + 1 < n) {
          const e = text[j + 1];
          s += e === "n" ? "\n" : e === "t" ? "\t" : e;
          j += 2;
        } else {
          s += text[j++];
        }
      }
      if (j >= n) throw new Error("unterminated string");
      toks.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    const num = /^(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      const v = num[0].replaceAll("_", "");
      toks.push({ t: "num", v, isInt: /^\d+$/.test(v) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(text.slice(i));
    if (name) {
      toks.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    if ("{}[](),:+-".includes(c)) {
      toks.push({ t: "punct", v: c });
      i++;
      continue;
    }
    throw new Error(`unexpected character ${JSON.stringify(c)}`);
  }
  return toks;
}

/** Python values: dicts are Maps (any key type, insertion order), tuples/lists are arrays. */
export type PyValue = number | string | boolean | null | PyValue[] | Map<PyKey, PyValue>;
export type PyKey = string | number | boolean | null;

let lastNumWasInt = false;

/** Evaluate a Python literal (like `ast.literal_eval`) plus `logscale(a, b, n)`/`linscale`. */
export function pyLiteral(text: string): PyValue {
  const toks = tokenize(text);
  let p = 0;
  const peek = () => toks[p];
  const expect = (v: string) => {
    const t = toks[p++];
    if (!t || t.v !== v || t.t !== "punct") throw new Error(`expected '${v}'`);
  };
  const parseValue = (): PyValue => {
    const t = toks[p++];
    if (!t) throw new Error("unexpected end of input");
    lastNumWasInt = false;
    if (t.t === "num") {
      lastNumWasInt = !!t.isInt;
      return Number(t.v);
    }
    if (t.t === "str") {
      let s = t.v;
      while (peek() && peek().t === "str") s += toks[p++].v; // implicit concatenation
      return s;
    }
    if (t.t === "name") {
      if (t.v === "True") return true;
      if (t.v === "False") return false;
      if (t.v === "None") return null;
      if ((t.v === "logscale" || t.v === "linscale") && peek()?.v === "(") {
        p++;
        const args: number[] = [];
        const ints: boolean[] = [];
        while (peek() && peek().v !== ")") {
          const a = parseValue();
          if (typeof a !== "number") throw new Error(`${t.v} needs numbers`);
          args.push(a);
          ints.push(lastNumWasInt);
          if (peek()?.v === ",") p++;
        }
        expect(")");
        if (args.length !== 3) throw new Error(`${t.v} takes 3 arguments`);
        if (!ints[2]) throw new Error(`n must be a positive integer, got ${pyFloatStr(args[2])}`);
        return t.v === "logscale"
          ? logscale(args[0], args[1], args[2])
          : linscale(args[0], args[1], args[2]);
      }
      throw new Error(`malformed node or string: ${t.v}`);
    }
    // punctuation
    if (t.v === "-" || t.v === "+") {
      const v = parseValue();
      if (typeof v !== "number") throw new Error("bad operand for unary " + t.v);
      return t.v === "-" ? -v : v;
    }
    if (t.v === "[" || t.v === "(") {
      const close = t.v === "[" ? "]" : ")";
      const items: PyValue[] = [];
      let sawComma = false;
      while (peek() && peek().v !== close) {
        items.push(parseValue());
        if (peek()?.v === ",") {
          p++;
          sawComma = true;
        } else break;
      }
      expect(close);
      if (t.v === "(" && items.length === 1 && !sawComma) return items[0]; // parenthesized
      return items;
    }
    if (t.v === "{") {
      const m = new Map<PyKey, PyValue>();
      while (peek() && peek().v !== "}") {
        const k = parseValue();
        if (typeof k === "object" && k !== null) throw new Error("unhashable key");
        expect(":");
        m.set(k, parseValue());
        if (peek()?.v === ",") p++;
        else break;
      }
      expect("}");
      return m;
    }
    throw new Error(`unexpected '${t.v}'`);
  };
  const v = parseValue();
  if (p !== toks.length) throw new Error("trailing characters");
  return v;
}

/** Convert Maps to plain objects (recursively) for JSON-friendly values. */
export function pyToJs(v: PyValue): unknown {
  if (v instanceof Map) {
    const o: Record<string, unknown> = {};
    for (const [k, x] of v) o[String(k)] = pyToJs(x);
    return o;
  }
  if (Array.isArray(v)) return v.map(pyToJs);
  return v;
}

/** OpenQuake's logscale: n values from a to b equally spaced in log. */
export function logscale(xMin: number, xMax: number, n: number): number[] {
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`n must be a positive integer, got ${n}`);
  if (xMin <= 0) throw new Error(`x_min must be positive, got ${pyFloatStr(xMin)}`);
  if (xMax <= xMin) {
    throw new Error(`x_max (${xMax}) must be bigger than x_min (${xMin})`);
  }
  const delta = Math.log(xMax / xMin);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(Math.exp(delta * i / (n - 1)) * xMin);
  return out;
}

/** numpy.linspace(a, b, n) as OpenQuake's linscale. */
export function linscale(xMin: number, xMax: number, n: number): number[] {
  if (!(Number.isInteger(n) && n > 0)) throw new Error(`n must be a positive integer, got ${n}`);
  if (xMin <= 0) throw new Error(`x_min must be positive, got ${xMin}`);
  if (xMax <= xMin) throw new Error(`x_max (${xMax}) must be bigger than x_min (${xMin})`);
  const step = (xMax - xMin) / (n - 1);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(i * step + xMin);
  if (n > 1) out[n - 1] = xMax;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Intensity measure types (hazardlib/imt.py::from_string, sort_by_imt)

const IMT_NAMES = new Set(
  (
    "PGA PGV PGD EAS FAS DRVT SA FIV3 Sa_avg2 Sa_avg3 SDi AvgSA IA CAV RSD RSD595 RSD575 " +
    "RSD2080 MMI JMA ASH LAVA LAHAR PYRO Disp DispProb LiqProb LiqOccur LSE PGDMax LSD " +
    "PGDGeomMean LsProb"
  ).split(" "),
);

/** An IMT normalized as OpenQuake writes it ("SA(0.10)" -> "SA(0.1)") and its period. */
export function normalizeImt(value: string): { imt: string; period: number } {
  const s = value.trim();
  const freq = /^(EAS|FAS|DRVT|AvgSA)\((\d+\.*\d*)\)/.exec(s);
  if (freq) {
    const f = Number(freq[2]);
    if (freq[1] === "AvgSA") return { imt: `AvgSA(${pyFloatStr(f)})`, period: f };
    return { imt: `${freq[1]}(${f.toFixed(6)})`, period: 1 / f };
  }
  const sdi = /^SDi\((\d+\.?\d*),(\d+\.?\d*)\)$/.exec(s);
  if (sdi) {
    const [p, r] = [Number(sdi[1]), Number(sdi[2])];
    return { imt: `SDi(${pyFloatStr(p)},${pyFloatStr(r)})`, period: p };
  }
  if (/^[ +\d.]/.test(s)) {
    const p = pyFloat(s);
    return { imt: `SA(${pyFloatStr(p)})`, period: p };
  }
  const [name, ...rest] = s.split("(");
  if (!IMT_NAMES.has(name)) throw new Error(`Invalid IMT: '${value}'`);
  if (!rest.length) {
    if (name === "SA") throw new Error("Missing period in SA");
    return { imt: s, period: 0 };
  }
  const args = rest[0].slice(0, -1).split(",");
  const period = pyFloat(args[0]);
  if (args.length > 2) throw new Error(`IMT attributes not recognizable: ${rest[0].slice(0, -1)}`);
  if (name === "SDi") {
    return { imt: `SDi(${pyFloatStr(period)},${pyFloatStr(pyFloat(args[1]))})`, period };
  }
  if (["Sa_avg2", "Sa_avg3", "SA", "FIV3"].includes(name)) {
    return { imt: `${name}(${pyFloatStr(period)})`, period };
  }
  throw new Error(`IMT class name not recognizable: ${name}`);
}

/** OpenQuake's sort_by_imt: a stable sort by period (PGA, PGV, ... have period 0). */
export function sortByImt<T extends { imt: string }>(items: T[]): T[] {
  return items
    .map((x, i) => ({ x, i, p: normalizeImt(x.imt).period }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((e) => e.x);
}

// ---------------------------------------------------------------------------------------------
// Integration distance (hazardlib/calc/filters.py)

export const MINMAG = 2.5;
export const MAXMAG = 10.2;

/** `getdefault`: the value for `key`, else the one for "default". */
export function getdefault<T>(dic: Record<string, T>, key: string): T {
  if (key in dic) return dic[key];
  if ("default" in dic) return dic.default;
  throw new Error(`missing "default" key and no key ${JSON.stringify(key)}`);
}

/** scipy interp1d(mags, dists, bounds_error=False, fill_value=0) evaluated at `x`. */
function interpMagDist(pairs: [number, number][], x: number): number {
  const n = pairs.length;
  if (Number.isNaN(x) || x < pairs[0][0] || x > pairs[n - 1][0]) return 0;
  if (n === 1) return pairs[0][1];
  // searchsorted(left), clipped to [1, n-1]
  let hi = 0;
  while (hi < n && pairs[hi][0] < x) hi++;
  hi = Math.min(Math.max(hi, 1), n - 1);
  const [x0, y0] = pairs[hi - 1];
  const [x1, y1] = pairs[hi];
  const slope = (y1 - y0) / (x1 - x0);
  return slope * (x - x0) + y0;
}

/**
 * OpenQuake's IntegrationDistance: for each TRT a list of (mag, dist) pairs, linearly interpolated
 * in magnitude, 0 outside the magnitude range; a scalar d means [(2.5, d), (10.2, d)].
 * `call(trt, mag)` is OpenQuake's `maximum_distance(trt)(mag)`.
 */
export class IntegrationDistance {
  constructor(public readonly byTrt: Record<string, [number, number][]>) {}

  static parse(value: string): IntegrationDistance {
    let items: Record<string, unknown>;
    if (value === "magdist") {
      items = { default: [[3, 0], [6, 150], [10, 600]] };
    } else {
      items = floatdict(value);
    }
    const byTrt: Record<string, [number, number][]> = {};
    for (const [trt, it] of Object.entries(items)) {
      if (Array.isArray(it)) {
        const pairs = it.map((p) => {
          if (!Array.isArray(p) || p.length !== 2) throw new Error(`Invalid pair ${p}`);
          return [Number(p[0]), Number(p[1])] as [number, number];
        });
        const keys = pairs.map((p) => `${p[0]},${p[1]}`);
        if (new Set(keys).size < keys.length) throw new Error(`Found duplicates in ${value}`);
        for (let i = 1; i < pairs.length; i++) {
          const [a, b] = [pairs[i - 1], pairs[i]];
          if (a[0] > b[0] || (a[0] === b[0] && a[1] > b[1])) {
            throw new Error(`${fmtPairs(pairs)} is not ordered`);
          }
        }
        for (const [mag] of pairs) {
          if (mag < MINMAG || mag > MAXMAG) throw new Error(`Invalid magnitude ${mag}`);
        }
        byTrt[trt] = pairs;
      } else if (typeof it === "number") {
        if (!(it >= 0)) throw new Error(`${it}`);
        byTrt[trt] = [[MINMAG, it], [MAXMAG, it]];
      } else {
        throw new Error(`invalid distance ${JSON.stringify(it)}`);
      }
    }
    return new IntegrationDistance(byTrt);
  }

  /** the (mag, dist) pairs of a TRT, falling back on "default" */
  pairs(trt: string): [number, number][] {
    const p = this.byTrt[trt] ?? this.byTrt.default;
    if (!p) throw new Error('missing "default" key in maximum_distance');
    return p;
  }

  /** the integration distance for a rupture of magnitude `mag` in the TRT */
  call(trt: string, mag: number): number {
    return interpMagDist(this.pairs(trt), mag);
  }

  /** a function of magnitude, like OpenQuake's `maximum_distance(trt)` */
  forTrt(trt: string): (mag: number) => number {
    const pairs = this.pairs(trt);
    return (mag) => interpMagDist(pairs, mag);
  }

  /** the largest distance of a TRT (its last pair), or of all TRTs */
  upper(trt?: string): number {
    if (trt !== undefined) {
      const p = this.pairs(trt);
      return p[p.length - 1][1];
    }
    return Math.max(...Object.values(this.byTrt).map((p) => Math.max(...p.map((x) => x[1]))));
  }

  /**
   * Drop the magnitudes below minimum_magnitude (OpenQuake's `cut`, done when the parameters are
   * built); it also adds a "default" key to both dictionaries as OpenQuake does.
   */
  cut(minMagByTrt: Record<string, number>): void {
    if (!("default" in this.byTrt)) {
      let best: [number, number][] | undefined;
      let bestMax = -Infinity;
      for (const v of Object.values(this.byTrt)) {
        const m = Math.max(...v.map((x) => x[1]));
        if (m > bestMax) [best, bestMax] = [v, m];
      }
      this.byTrt.default = best!;
    }
    if (!("default" in minMagByTrt)) {
      minMagByTrt.default = Math.min(...Object.values(minMagByTrt));
    }
    const trts = new Set([...Object.keys(this.byTrt), ...Object.keys(minMagByTrt)]);
    for (const trt of trts) {
      const minMag = getdefault(minMagByTrt, trt);
      if (!minMag) continue;
      const first: [number, number] = [minMag, this.call(trt, minMag)];
      const magdists = this.pairs(trt).filter(([mag]) => mag >= minMag);
      if (!magdists.length || minMag < magdists[0][0]) this.byTrt[trt] = [first, ...magdists];
      else this.byTrt[trt] = magdists;
    }
  }

  toJSON(): Record<string, [number, number][]> {
    return this.byTrt;
  }
}

function fmtPairs(pairs: [number, number][]): string {
  return "[" + pairs.map(([a, b]) => `(${a}, ${b})`).join(", ") + "]";
}

// ---------------------------------------------------------------------------------------------
// Validators (hazardlib/valid.py): each converts the raw string or throws with OQ's message

export interface Validator {
  (raw: string): unknown;
  /** the name OpenQuake shows in "could not convert to <name>" */
  validatorName: string;
}

function v(name: string, fn: (raw: string) => unknown): Validator {
  const f = fn as Validator;
  f.validatorName = name;
  return f;
}

function notEmpty(value: string): string {
  if (value === undefined || value === null || value.trim() === "") {
    throw new Error("Got an empty string");
  }
  return value;
}

const SOURCE_ID_RE = /^[\w\-_:]+$/;
function simpleIdCheck(value: string, length: number, re: RegExp, reText: string): string {
  if (value.length === 0) throw new Error("Invalid ID: can not be empty");
  if ([...value].some((c) => c.charCodeAt(0) > 127)) {
    throw new Error(`Invalid ID '${value}': the only accepted chars are ${reText}`);
  }
  if (value.length > length) {
    throw new Error(`The ID '${value}' is longer than ${length} character`);
  }
  if (re.test(value)) return value;
  throw new Error(`Invalid ID '${value}': the only accepted chars are ${reText}`);
}

function positivefloat(value: string): number {
  const f = pyFloat(notEmpty(value));
  if (f < 0) throw new Error(`float ${pyFloatStr(f)} < 0`);
  return f;
}

function positiveint(value: string): number {
  const s = String(value).toLowerCase();
  if (s === "true") return 1;
  if (s === "false") return 0;
  const i = pyInt(notEmpty(s));
  if (i < 0) throw new Error(`integer ${i} < 0`);
  return i;
}

const BOOL: Record<string, boolean> = {
  "": false,
  "0": false,
  "1": true,
  false: false,
  true: true,
};

export const valid = {
  boolean: v("boolean", (value) => {
    const s = String(value).trim().toLowerCase();
    if (!(s in BOOL)) throw new Error(`Not a boolean: ${s}`);
    return BOOL[s];
  }),
  positivefloat: v("positivefloat", positivefloat),
  positiveint: v("positiveint", positiveint),
  int: v("int", (value) => pyInt(value)),
  str: v("str", (value) => value),
  utf8: v("utf8", (value) => value),
  utf8_not_empty: v("utf8_not_empty", (value) => notEmpty(value)),
  positivefloatorsentinel: v("positivefloatorsentinel", (value) => {
    const f = pyFloat(notEmpty(value));
    if (f < 0 && f !== -999) throw new Error(`float ${pyFloatStr(f)} < 0 or not equal to -999`);
    return f;
  }),
  positivefloats: v("positivefloats", (value) => {
    return value.replace(/^[[\]]+|[[\]]+$/g, "").split(/\s+/).filter((x) => x).map((x) =>
      positivefloat(x)
    );
  }),
  positiveints: v("positiveints", (value) => {
    if (value.includes(".")) throw new Error(`There are decimal points in ${value}`);
    const vals = value.replace(/^[[\]]+|[[\]]+$/g, "").replaceAll(",", " ").split(/\s+/)
      .filter((x) => x);
    if (!vals.length) throw new Error(`Not a list of integers: '${value}'`);
    const ints = vals.map((x) => {
      const f = Number(x);
      if (!Number.isFinite(f)) throw new Error(`Not a list of integers: '${value}'`);
      return Math.trunc(f);
    });
    for (const i of ints) if (i < 0) throw new Error(`${i} is negative in '${value}'`);
    return ints;
  }),
  probabilities: v("probabilities", (value) => {
    const val = value.replaceAll("[", "").replaceAll("]", "").replaceAll(",", " ");
    return val.split(/\s+/).filter((x) => x).map((x) => {
      let f: number;
      try {
        f = pyFloat(x);
      } catch {
        throw new Error(`'${x}' is not a float`);
      }
      if (f > 1) throw new Error(` ${pyFloatStr(f)} is bigger than the maximum (1)`);
      if (f < 0) throw new Error(` ${pyFloatStr(f)} is smaller than the minimum (0)`);
      return f;
    });
  }),
  namelist: v("namelist", (value) => {
    const names = value.replaceAll(",", " ").split(/\s+/).filter((x) => x);
    for (const n of names) {
      try {
        simpleIdCheck(n, 75, SOURCE_ID_RE, "^[\\w\\-_:]+$");
      } catch {
        throw new Error(`List of names containing an invalid name: ${n}`);
      }
    }
    return names;
  }),
  namelists: v("namelists", (value) => {
    return value.split(";").map((chunk) => {
      const names = chunk.replaceAll(",", " ").split(/\s+/).filter((x) => x);
      for (const n of names) {
        if (!SOURCE_ID_RE.test(n) || n.length > 75) throw new Error(`Invalid name: ${n}`);
      }
      return names;
    });
  }),
  base64names: v("base64names", (value) => {
    const names = value.split(/\s+/).filter((x) => x);
    for (const n of names) {
      if (!/^[A-Za-z0-9_-]+$/.test(n)) {
        throw new Error(`List of names containing an invalid name: '${n}'`);
      }
    }
    return names;
  }),
  floatdict: v("floatdict", (value) => floatdict(value)),
  dictionary: v("dictionary", (value) => dictionary(value)),
  uint8dict: v("uint8dict", (value) => {
    if (!value) return {};
    const d = dictionary(value) as Record<string, unknown>;
    for (const [k, x] of Object.entries(d)) {
      if (typeof x !== "number" || !Number.isInteger(x)) {
        throw new Error(`${k} must be integer, got ${x}`);
      }
      if (!(x > 0 && x < 256)) throw new Error(`${k} must be in the range 1-255, got ${x}`);
    }
    return d;
  }),
  list_of_dict: v("list_of_dict", (value) => JSON.parse(value)),
  coordinates: v("coordinates", (value) => coordinates(value)),
  wkt_polygon: v("wkt_polygon", (value) => {
    const pts = coordinates(value).map(([lon, lat]) => `${pyFloatStr(lon)} ${pyFloatStr(lat)}`);
    pts.push(pts[0]);
    return `POLYGON((${pts.join(", ")}))`;
  }),
  export_formats: v(
    "Choice('', 'xml', 'geojson', 'txt', 'csv', 'npz', 'hdf5')",
    (value) => {
      const vals = value.toLowerCase().split(",");
      const ok = ["", "xml", "geojson", "txt", "csv", "npz", "hdf5"];
      for (const x of vals) {
        if (!ok.includes(x)) {
          throw new Error(
            `'${x}' is not a valid choice in ('', 'xml', 'geojson', 'txt', 'csv', 'npz', 'hdf5')`,
          );
        }
      }
      return vals;
    },
  ),
  intensity_measure_type: v("intensity_measure_type", (value) => {
    try {
      return normalizeImt(value).imt;
    } catch {
      throw new Error(`Invalid IMT: '${value}'`);
    }
  }),
  intensity_measure_types: v("intensity_measure_types", (value) => {
    if (!value) return [];
    const imts = value.split(",").map((c) => normalizeImt(c.trim()));
    const names = imts.map((x) => x.imt);
    if (new Set(names).size < names.length) throw new Error(`Duplicated IMTs in ${value}`);
    return imts.map((x, i) => ({ ...x, i }))
      .sort((a, b) => a.period - b.period || a.i - b.i)
      .map((x) => x.imt);
  }),
  intensity_measure_types_and_levels: v(
    "intensity_measure_types_and_levels",
    (value) => intensityMeasureTypesAndLevels(value),
  ),
  disagg_outputs: v("disagg_outputs", (value) => {
    const ok = (
      "Mag Dist Mag_Dist Mag_Dist_Eps Lon_Lat Mag_Lon_Lat TRT TRT_Mag TRT_Lon_Lat " +
      "TRT_Mag_Dist TRT_Mag_Dist_Eps"
    ).split(" ");
    const vals = value.replaceAll(",", " ").split(/\s+/).filter((x) => x);
    for (const x of vals) if (!ok.includes(x)) throw new Error(`Invalid disagg output: ${x}`);
    return vals;
  }),
  simple_id: v("SimpleId(75, ^[\\w_\\-:]+$)", (value) => {
    return simpleIdCheck(value, 75, /^[\w_\-:]+$/, "^[\\w_\\-:]+$");
  }),
  mod_func: v("SimpleId(75, [\\w_]+\\.[\\w_]+)", (value) => {
    return simpleIdCheck(value, 75, /^[\w_]+\.[\w_]+/, "[\\w_]+\\.[\\w_]+");
  }),
  three_letters: v("SimpleId(3, ^[A-Z]+$)", (value) => {
    return simpleIdCheck(value, 3, /^[A-Z]+$/, "^[A-Z]+$");
  }),
  nice_string: v("SimpleId(50, [a-zA-Z0-9\\.`!#$%\\(\\)\\+/,;@\\[\\]\\^_{|}~-]+)", (value) => {
    return simpleIdCheck(
      value,
      50,
      /^[a-zA-Z0-9.`!#$%()+/,;@[\]^_{|}~-]+/,
      "[a-zA-Z0-9\\.`!#$%\\(\\)\\+/,;@\\[\\]\\^_{|}~-]+",
    );
  }),
  version: v("version", (value) => {
    const vers = [0, 0, 0];
    value.split(".").forEach((n, i) => {
      if (!n.includes("git")) vers[i] = pyInt(n);
    });
    return vers;
  }),
  local_timestamp: v(
    "Regex[^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}([+-]\\d{2}:\\d{2})$]",
    (value) => {
      if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2})$/.test(value)) {
        throw new Error(`'${value}' does not match the regex`);
      }
      return value;
    },
  ),
  tile_spec: v("tile_spec", (value) => {
    const t = pyLiteral(value);
    if (!Array.isArray(t) || t.length !== 2) throw new Error(`invalid tile_spec ${value}`);
    const [no, nt] = t as number[];
    if (!(nt > 0) || !(no > 0 && no <= nt)) throw new Error(`invalid tile_spec ${value}`);
    return [no, nt];
  }),
  calculation: v("calculation", (value) => {
    if (/^\s*[+-]?\d+\s*$/.test(value)) return pyInt(value);
    if (!value.endsWith(".ini") && !value.endsWith(".hdf5")) throw new Error(value);
    return value;
  }),
  truncation_level: v("<lambda>", (value) => {
    const f = positivefloat(value);
    return f || 1e-9; // 0 means a step function: OpenQuake uses 1E-9
  }),
  ses_per_logic_tree_path: v("compose(nonzero,positiveint)", (value) => {
    if (pyFloat(value) === 0) throw new Error(`'${value}' is zero`);
    return positiveint(value);
  }),
  maximum_distance: v("new", (value) => IntegrationDistance.parse(value)),
};

function choice(...choices: string[]): Validator {
  return v(`Choice(${choices.map((c) => `'${c}'`).join(", ")})`, (value) => {
    if (!choices.includes(value)) {
      throw new Error(`Got '${value}', expected ${choices.join("|")}`);
    }
    return value;
  });
}

function noneOr(cast: Validator): Validator {
  return v(cast.validatorName, (value) => (value ? cast(value) : null));
}

/** valid.point / valid.coordinates: "lon lat [depth], ..." rounded to 5 digits, no duplicates. */
export function coordinates(value: string): [number, number, number][] {
  if (!value.trim()) throw new Error(`Empty list of coordinates: '${value}'`);
  const out: [number, number, number][] = [];
  const seen = new Set<string>();
  value.split(",").forEach((line, i) => {
    const lst = line.split(/\s+/).filter((x) => x);
    if (lst.length !== 2 && lst.length !== 3) throw new Error(`Invalid point format: ${line}`);
    const pnt: [number, number, number] = [
      longitude(lst[0]),
      latitude(lst[1]),
      lst.length === 3 ? floatOrErr(lst[2]) : 0,
    ];
    const key = `${pnt[0]},${pnt[1]}`;
    if (seen.has(key)) throw new Error(`Found overlapping site #${i + 1}, ${line}`);
    seen.add(key);
    out.push(pnt);
  });
  return out;
}

function floatOrErr(value: string): number {
  try {
    return pyFloat(value);
  } catch {
    throw new Error(`'${value}' is not a float`);
  }
}

/** Python's round(x, 5) (correctly rounded from the exact binary value, as toFixed is). */
export function round5(x: number): number {
  // toFixed rounds exact ties away from zero, Python to even; x·10^5 is an exact tie only when
  // x·64 is an odd integer (x = j/64)
  const t = x * 64;
  if (Number.isInteger(t) && t % 2 !== 0 && Math.abs(x) < 2 ** 40) {
    const y = Math.abs(x) * 1e5, f = Math.floor(y);
    const r = f % 2 === 0 ? f : f + 1;
    return Math.sign(x) * r / 1e5;
  }
  return Number(x.toFixed(5));
}

/** numpy.round(x, 5): rint(x * 1e5) / 1e5 with half-to-even (may differ from Python's round) */
export function npRound5(x: number): number {
  const y = x * 1e5;
  let r = Math.round(y);
  if (Math.abs(y % 1) === 0.5 && r % 2 !== 0) r -= 1; // Math.round takes ties up
  return r / 1e5;
}

export function longitude(value: string): number {
  const lon = round5(floatOrErr(value));
  if (lon > 180) throw new Error(`longitude ${pyFloatStr(lon)} > 180`);
  if (lon < -180) throw new Error(`longitude ${pyFloatStr(lon)} < -180`);
  return lon;
}

export function latitude(value: string): number {
  const lat = round5(floatOrErr(value));
  if (lat > 90) throw new Error(`latitude ${pyFloatStr(lat)} > 90`);
  if (lat < -90) throw new Error(`latitude ${pyFloatStr(lat)} < -90`);
  return lat;
}

/** valid.dictionary: a Python literal dictionary (empty string -> {}), logscale allowed. */
export function dictionary(value: string): Record<string, unknown> {
  if (!value) return {};
  let lit: PyValue;
  try {
    lit = pyLiteral(value);
  } catch (err) {
    if (err instanceof Error && /^(n must|x_min|x_max)/.test(err.message)) throw err;
    throw new Error(`'${value}' is not a valid Python dictionary`);
  }
  if (lit instanceof Map) return pyToJs(lit) as Record<string, unknown>;
  // dict(...) of a list of pairs is accepted by Python too
  if (Array.isArray(lit) && lit.every((x) => Array.isArray(x) && x.length === 2)) {
    return Object.fromEntries((lit as PyValue[][]).map(([k, x]) => [String(k), pyToJs(x)]));
  }
  throw new Error(`'${value}' is not a valid Python dictionary`);
}

/** filters.floatdict: a number or list gives {default: value}, else the dictionary. */
export function floatdict(value: string): Record<string, any> {
  const lit = pyLiteral(value);
  if (typeof lit === "number" || Array.isArray(lit)) return { default: pyToJs(lit) };
  if (lit instanceof Map) {
    // OpenQuake fails later on anything but numbers (or (mag, value) lists): fail here
    for (const x of lit.values()) {
      if (typeof x === "string") throw new Error(`could not convert string to float: '${x}'`);
      if (typeof x !== "number" && !Array.isArray(x)) {
        throw new Error(`could not convert to float: ${JSON.stringify(pyToJs(x))}`);
      }
    }
    return pyToJs(lit) as Record<string, any>;
  }
  throw new Error(`malformed node or string: ${value}`);
}

/** valid.intensity_measure_types_and_levels + check_levels, order as given. */
function intensityMeasureTypesAndLevels(value: string): Record<string, number[]> {
  const dic = new Map(Object.entries(dictionary(value)));
  // as valid.py: a key that is not normalized is re-inserted (at the end) under its normal form
  for (const [imtStr, imls0] of [...dic]) {
    const norm = normalizeImt(imtStr).imt;
    if (!Array.isArray(imls0)) throw new Error(`No imls for ${imtStr}: ${imls0}`);
    const imls = imls0.map(Number);
    if (norm !== imtStr) {
      dic.set(norm, imls);
      dic.delete(imtStr);
    } else dic.set(norm, imls);
    checkLevels(imls, imtStr);
  }
  return Object.fromEntries(dic) as Record<string, number[]>;
}

function checkLevels(imls: number[], imt: string, minIml = 1e-10): void {
  if (imls.length === 1 && imls[0] === 0) return;
  const show = () => "[" + imls.map(pyFloatStr).join(", ") + "]";
  if (imls.length < 1) throw new Error(`No imls for ${imt}: []`);
  for (let i = 1; i < imls.length; i++) {
    if (imls[i] < imls[i - 1]) throw new Error(`The imls for ${imt} are not sorted: ${show()}`);
  }
  if (new Set(imls).size < imls.length) {
    throw new Error(`Found duplicated levels for ${imt}: ${show()}`);
  }
  if (imls[0] === 0 && imls[1] <= minIml) {
    throw new Error(
      `The min_iml ${imt}=${minIml} is larger than the second level for ${show()}`,
    );
  }
  if (imls[0] === 0 && imls[1] > minIml) imls[0] = minIml;
}

// ---------------------------------------------------------------------------------------------
// The parameter table

export const ALL_CALCULATORS = (
  "aftershock classical_risk classical_damage classical custom event_based scenario post_risk " +
  "ebrisk scenario_risk event_based_risk disaggregation multi_risk classical_bcr preclassical " +
  "event_based_damage scenario_damage workflow"
).split(" ");

const COST_TYPES = ["structural", "nonstructural", "contents", "business_interruption"];
/** every "+"-joined combination of the cost types, in canonical order */
export const ALL_COST_TYPES: string[] = (() => {
  const out: string[] = [];
  const combos = (k: number, start: number, acc: string[]) => {
    if (acc.length === k) {
      out.push(acc.join("+"));
      return;
    }
    for (let i = start; i < COST_TYPES.length; i++) combos(k, i + 1, [...acc, COST_TYPES[i]]);
  };
  for (let k = 1; k <= COST_TYPES.length; k++) combos(k, 0, []);
  return out;
})();

/** config.performance.pointsource_distance of openquake.cfg */
export const PSDIST = 100;

const NODEFAULT = Symbol("NODEFAULT");

export interface ParamDef {
  /** the validator's name, as OpenQuake reports it */
  type: string;
  /** the default value (absent: the parameter has no default, like calculation_mode) */
  default?: unknown;
  /** true when the parameter has a default */
  hasDefault: boolean;
  /** the default as OpenQuake's /v1/ini_defaults prints it; undefined: not listed there */
  defaultJson?: string;
  validate: Validator;
}

// name -> [validator, default as JSON text | NODEFAULT | NaN, listed in /v1/ini_defaults]
type Row = [Validator, string | typeof NODEFAULT | number, boolean?];
const ROWS: Record<string, Row> = {
  aggregate_by: [valid.namelists, "[]"],
  aggregate_exposure: [valid.boolean, "false"],
  aggregate_loss_curves_types: [
    choice(
      "ep",
      "aep",
      "oep",
      "ep, aep",
      "ep, oep",
      "aep, ep",
      "aep, oep",
      "oep, ep",
      "oep, aep",
      "ep, aep, oep",
      "ep, oep, aep",
      "aep, ep, oep",
      "aep, oep, ep",
      "oep, ep, aep",
      "oep, aep, ep",
    ),
    '"ep"',
  ],
  amplification_method: [choice("convolution", "kernel"), '"convolution"'],
  area_source_discretization: [noneOr(valid.positivefloat), "null"],
  asce_version: [choice("ASCE7-16", "ASCE7-22"), '"ASCE7-16"'],
  ash_wet_amplification_factor: [valid.positivefloat, "1.0"],
  asset_correlation: [choice("0", "1"), "0"],
  asset_hazard_distance: [valid.floatdict, '{"default": 15}'],
  asset_life_expectancy: [valid.positivefloat, NODEFAULT],
  assets_per_site_limit: [valid.positivefloat, "1000"],
  avg_losses: [valid.boolean, "true"],
  base_path: [valid.utf8, '"."'],
  cache: [valid.boolean, "false", false],
  cache_distances: [valid.boolean, "false"],
  calculation_mode: [choice(...ALL_CALCULATORS), NODEFAULT],
  cholesky_limit: [valid.positiveint, "10000"],
  collapse_gsim_logic_tree: [valid.namelist, "[]"],
  collapse_level: [valid.int, "-1"],
  collect_rlzs: [valid.boolean, "null"],
  compare_with_classical: [valid.boolean, "false"],
  complex_fault_mesh_spacing: [noneOr(valid.positivefloat), "null"],
  concurrent_tasks: [valid.positiveint, "CT"],
  conditional_loss_poes: [valid.probabilities, "[]"],
  continuous_fragility_discretization: [valid.positiveint, "20"],
  coordinate_bin_width: [valid.positivefloat, "100.0"],
  correlation_cutoff: [valid.positivefloat, "1e-12"],
  countries: [valid.namelist, "[]"],
  cross_correlation: [valid.utf8_not_empty, '"yes"'],
  description: [valid.utf8_not_empty, '"no description"'],
  disagg_bin_edges: [valid.dictionary, "{}"],
  disagg_by_src: [valid.boolean, "false"],
  disagg_outputs: [
    valid.disagg_outputs,
    '["Mag", "Dist", "Mag_Dist", "Mag_Dist_Eps", "Lon_Lat", "Mag_Lon_Lat", "TRT", "TRT_Mag", ' +
    '"TRT_Lon_Lat", "TRT_Mag_Dist", "TRT_Mag_Dist_Eps"]',
  ],
  discard_assets: [valid.boolean, "false"],
  discard_trts: [valid.str, '""'],
  discrete_damage_distribution: [valid.boolean, "false"],
  distance_bin_width: [valid.positivefloat, NODEFAULT],
  epsilon_star: [valid.boolean, "false"],
  export_dir: [valid.utf8, '"."'],
  exports: [valid.export_formats, "[]"],
  extreme_gmv: [valid.floatdict, '{"default": Infinity}'],
  floating_x_step: [valid.positivefloat, "0"],
  floating_y_step: [valid.positivefloat, "0"],
  gmf_max_gb: [valid.positivefloat, "0.1"],
  ground_motion_correlation_model: [noneOr(choice("JB2009", "HM2018")), "null"],
  ground_motion_correlation_params: [valid.dictionary, "{}"],
  ground_motion_fields: [valid.boolean, "true"],
  gsim: [valid.utf8, '"[FromFile]"'],
  hazard_calculation_id: [noneOr(valid.calculation), "null"],
  hazard_curves_from_gmfs: [valid.boolean, "false"],
  hazard_maps: [valid.boolean, "false"],
  horiz_comp_to_geom_mean: [valid.boolean, "false"],
  ignore_covs: [valid.boolean, "false"],
  ignore_encoding_errors: [valid.boolean, "false"],
  ignore_master_seed: [valid.boolean, "false"],
  ignore_missing_costs: [valid.namelist, "[]"],
  iml_disagg: [valid.floatdict, "{}"],
  imt_ref: [valid.intensity_measure_type, '""'],
  individual_rlzs: [valid.boolean, "null"],
  infer_occur_rates: [valid.boolean, "false"],
  infrastructure_connectivity_analysis: [valid.boolean, "false"],
  inputs: [v("dict", () => ({})), "{}"],
  intensity_measure_types: [valid.intensity_measure_types, '""'],
  intensity_measure_types_and_levels: [valid.intensity_measure_types_and_levels, "null"],
  interest_rate: [valid.positivefloat, NODEFAULT],
  investigation_time: [valid.positivefloat, "null"],
  job_id: [valid.positiveint, "0"],
  limit_states: [valid.namelist, "[]"],
  local_timestamp: [valid.local_timestamp, "null"],
  lrem_steps_per_interval: [valid.positiveint, "0"],
  mag_bin_width: [valid.positivefloat, "1.0"],
  master_seed: [valid.positiveint, "123456789"],
  max: [valid.boolean, "false"],
  max_blocks: [valid.positiveint, "100"],
  max_data_transfer: [valid.positivefloat, "200000000000.0"],
  max_potential_gmfs: [valid.positiveint, "1000000000000.0"],
  max_potential_paths: [valid.positiveint, "15000"],
  max_sites_correl: [valid.positiveint, "1200"],
  max_sites_disagg: [valid.positiveint, "10"],
  maximum_distance: [valid.maximum_distance, NODEFAULT],
  maximum_distance_stations: [valid.positivefloat, "null"],
  mea_tau_phi: [valid.boolean, "false"],
  mean: [valid.boolean, "true"],
  mean_hazard_curves: [valid.boolean, "true"],
  minimum_asset_loss: [valid.floatdict, '{"default": 0}'],
  minimum_distance: [valid.positivefloat, "0"],
  minimum_engine_version: [valid.version, "null"],
  minimum_intensity: [valid.floatdict, "{}"],
  minimum_magnitude: [valid.floatdict, '{"default": 0}'],
  modal_damage_state: [valid.boolean, "false"],
  mosaic_model: [noneOr(valid.three_letters), '""'],
  num_epsilon_bins: [valid.positiveint, "1"],
  num_rlzs_disagg: [valid.positiveint, "0"],
  number_of_ground_motion_fields: [valid.positiveint, NODEFAULT],
  number_of_logic_tree_samples: [valid.positiveint, "0"],
  outs_per_task: [valid.positiveint, "4"],
  override_vs30: [valid.positivefloats, "[]"],
  oversampling: [choice("forbid", "tolerate"), '"tolerate"'],
  poes: [valid.probabilities, "[]"],
  poes_disagg: [valid.probabilities, "[]"],
  pointsource_distance: [valid.floatdict, "PSDIST"],
  postproc_args: [valid.dictionary, "{}"],
  postproc_func: [valid.mod_func, '"dummy.main"'],
  prefer_global_site_params: [valid.boolean, "null"],
  ps_grid_spacing: [valid.positivefloat, "0"],
  quantile_hazard_curves: [valid.probabilities, "[]"],
  quantiles: [valid.probabilities, "[]"],
  random_seed: [valid.positiveint, "42"],
  reaggregate_by: [valid.namelist, "[]"],
  reference_depth_to_1pt0km_per_sec: [valid.positivefloatorsentinel, NaN],
  reference_depth_to_2pt5km_per_sec: [valid.positivefloatorsentinel, NaN],
  reference_vs30_type: [choice("measured", "inferred"), '"inferred"'],
  reference_vs30_value: [valid.positivefloat, NaN],
  region: [valid.wkt_polygon, "null"],
  region_grid_spacing: [valid.positivefloat, "null"],
  reqv_ignore_sources: [valid.namelist, "[]"],
  return_periods: [valid.positiveints, "[]"],
  risk_imtls: [valid.intensity_measure_types_and_levels, "{}"],
  risk_investigation_time: [valid.positivefloat, "null"],
  rlz_index: [valid.positiveints, "null"],
  rupture_dict: [valid.dictionary, "{}"],
  rupture_mesh_spacing: [valid.positivefloat, "5.0"],
  sampling_method: [
    choice("early_weights", "late_weights", "early_latin", "late_latin"),
    '"early_weights"',
  ],
  sec_peril_params: [valid.list_of_dict, "[]"],
  secondary_perils: [v("secondary_perils", (x) => valid.namelist(x)), "[]"],
  ses_per_logic_tree_path: [valid.ses_per_logic_tree_path, "1"],
  ses_seed: [valid.positiveint, "42"],
  shakemap_id: [valid.nice_string, "null"],
  shakemap_uri: [valid.dictionary, "{}"],
  shift_hypo: [valid.boolean, "false"],
  site_class: [
    noneOr(choice("A", "B", "BC", "C", "CD", "D", "DE", "E", "default", "custom")),
    "null",
  ],
  site_labels: [valid.uint8dict, "{}"],
  siteid: [valid.base64names, "[]", false],
  sites: [valid.coordinates, "null"],
  smlt_branch: [valid.simple_id, '""'],
  soil_intensities: [valid.positivefloats, "null"],
  source_id: [valid.namelist, "[]"],
  source_nodes: [valid.namelist, "[]"],
  spatial_correlation: [choice("yes", "no", "full"), '"yes"'],
  specific_assets: [valid.namelist, "[]"],
  split_by_gsim: [valid.positiveint, "0"],
  split_sources: [valid.boolean, "true"],
  std: [valid.boolean, "false"],
  steps_per_interval: [valid.positiveint, "1"],
  tectonic_region_type: [valid.utf8, '"*"'],
  tile_spec: [valid.tile_spec, "null"],
  tiling: [valid.boolean, "null"],
  time_event: [choice("avg", "day", "night", "transit"), '"avg"'],
  time_per_task: [valid.positivefloat, "600"],
  total_losses: [choice(...ALL_COST_TYPES), "null"],
  truncation_level: [valid.truncation_level, NODEFAULT],
  uniform_hazard_spectra: [valid.boolean, "false"],
  use_rates: [valid.boolean, "false"],
  vs30_tolerance: [valid.int, "0"],
  width_of_mfd_bin: [valid.positivefloat, "null"],
  with_betw_ratio: [valid.positivefloat, "null"],
};

function concurrentTasksDefault(): number {
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency || 1 : 1;
  return 2 * cores;
}

function defaultJsonOf(text: string): string {
  if (text === "CT") return String(concurrentTasksDefault());
  if (text === "PSDIST") return `{"default": ${pyFloatStr(PSDIST)}}`;
  return text;
}

function parseDefault(text: string): unknown {
  if (text === "CT") return concurrentTasksDefault();
  if (text === "PSDIST") return { default: PSDIST };
  return JSON.parse(text.replace("Infinity", "1e999"));
}

/** Every job.ini parameter OpenQuake knows: validator, default. The single source of defaults. */
export const PARAMS: Record<string, ParamDef> = Object.fromEntries(
  Object.entries(ROWS).map(([name, [validate, dflt, listed]]) => {
    const def: ParamDef = {
      type: validate.validatorName,
      hasDefault: dflt !== NODEFAULT,
      validate,
    };
    if (typeof dflt === "number") def.default = dflt; // NaN: a default, but not listed
    else if (typeof dflt === "string") {
      def.default = parseDefault(dflt);
      if (listed !== false) def.defaultJson = defaultJsonOf(dflt);
    }
    return [name, def];
  }),
);

/** old name -> new name (OqParam.ALIASES) */
export const ALIASES: Record<string, string> = {
  individual_curves: "individual_rlzs",
  quantile_hazard_curves: "quantiles",
  mean_hazard_curves: "mean",
  max_hazard_curves: "max",
};

/** the input-file kinds OpenQuake accepts as `<kind>_file` / `<kind>_csv` */
export const KNOWN_INPUTS = new Set([
  ...(
    "rupture_model exposure site_model delta_rates source_model shakemap gmfs gsim_logic_tree " +
    "source_model_logic_tree geometry hazard_curves insurance reinsurance ins_loss job_ini " +
    "multi_peril taxonomy_mapping fragility consequence reqv input_zip reqv_ignore_sources " +
    "amplification station_data mmi nonstructural_fragility nonstructural_consequence " +
    "structural_fragility structural_consequence contents_fragility contents_consequence " +
    "business_interruption_fragility business_interruption_consequence " +
    "structural_vulnerability_retrofitted groundshaking_fragility groundshaking_vulnerability " +
    "liquefaction_fragility liquefaction_vulnerability landslide_fragility " +
    "landslide_vulnerability post_loss_amplification"
  ).split(" "),
  ...[...COST_TYPES, "number", "area", "occupants", "residents", "affectedpop", "injured"].map(
    (t) => `${t}_vulnerability`,
  ),
]);

/**
 * The body of GET /v1/ini_defaults (api.md §5.4, Appendix A): parameters with a non-NaN default,
 * sorted by name, then the legacy aliases individual_curves and max_hazard_curves.
 */
export function iniDefaults(): Record<string, unknown> {
  return JSON.parse(iniDefaultsJson().replace(/\bInfinity\b/, "1e999"));
}

/** The same body as OpenQuake's JSON text (floats keep their ".0", Infinity as Python dumps it). */
export function iniDefaultsJson(): string {
  const names = Object.keys(PARAMS).filter((n) => PARAMS[n].defaultJson !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const parts = names.map((n) => `${JSON.stringify(n)}: ${PARAMS[n].defaultJson}`);
  for (const alias of ["individual_curves", "max_hazard_curves"]) {
    if (!names.includes(alias)) {
      parts.push(`${JSON.stringify(alias)}: ${PARAMS[ALIASES[alias]].defaultJson}`);
    }
  }
  return `{${parts.join(", ")}}`;
}

// ---------------------------------------------------------------------------------------------
// OqParam

/** a (mag, dist) list or a scalar distance, by TRT */
export type DistByTrt = Record<string, number | [number, number][]>;

/**
 * The validated parameters. The fields named here are the ones the hazard calculators use;
 * every other parameter of PARAMS is present too under its own name, with its default.
 */
export interface OqParam {
  [name: string]: unknown;
  calculation_mode: string;
  description: string;
  /** years; null when not given (scenario) */
  investigation_time: number | null;
  /**
   * IMTs and levels sorted as OpenQuake's `oq.imtls` (sort_by_imt: stable sort by period, so
   * PGA/PGV/... first, then SA by period); levels [0] when only intensity_measure_types is given.
   */
  imtls: { imt: string; levels: number[] }[];
  /** the IMTs and levels in the order of the job.ini (OpenQuake's hazard_imtls) */
  hazard_imtls: Record<string, number[]>;
  /** 0 in the job.ini becomes 1e-9; absent (scenario) becomes 99, hazardlib's default */
  truncation_level: number;
  maximum_distance: IntegrationDistance;
  /** by TRT, always with a "default" key (0 = no cut) */
  minimum_magnitude: Record<string, number>;
  minimum_distance: number;
  poes: number[];
  quantiles: number[];
  mean: boolean;
  std: boolean;
  max: boolean;
  /** null when not given (OpenQuake then exports rlzs only when there are no statistics) */
  individual_rlzs: boolean | null;
  uniform_hazard_spectra: boolean;
  hazard_maps: boolean;
  use_rates: boolean;
  number_of_logic_tree_samples: number;
  random_seed: number;
  ses_seed: number;
  ses_per_logic_tree_path: number;
  sampling_method: string;
  rupture_mesh_spacing: number;
  /** = rupture_mesh_spacing when not given */
  complex_fault_mesh_spacing: number;
  width_of_mfd_bin: number | null;
  area_source_discretization: number | null;
  /** by TRT, default {default: 100}; ps_grid_spacing without it gives {default: 40} */
  pointsource_distance: DistByTrt;
  ps_grid_spacing: number;
  reference_vs30_type: string;
  reference_vs30_value: number;
  reference_depth_to_1pt0km_per_sec: number;
  reference_depth_to_2pt5km_per_sec: number;
  /**
   * absolute paths: job_ini, source_model_logic_tree, gsim_logic_tree (strings); source_model,
   * site_model, exposure, hazard_curves, gmfs (lists); `sites_csv` becomes site_model.
   */
  inputs: Record<string, any>;
  /** "[FromFile]" unless a single GSIM is given with `gsim = ...` */
  gsim: string;
  /** `sites = lon lat [depth], ...` rounded to 5 digits, in the given order; null if absent */
  sites: [number, number, number][] | null;
  /** WKT polygon or null */
  region: string | null;
  region_grid_spacing: number | null;
  prefer_global_site_params: boolean | null;
  /** absolute folder */
  export_dir: string;
  exports: string[];
  source_id: string[];
  source_nodes: string[];
  discard_trts: string;
  minimum_intensity: Record<string, number>;
  hazard_calculation_id: number | string | null;
  /** folder of the job.ini */
  base_path: string;
}

/** OpenQuake's hazard_stats(): the statistics names in OpenQuake's order. */
export function hazardStats(oq: OqParam): string[] {
  const names: string[] = [];
  if (oq.mean) names.push("mean");
  if (oq.std) names.push("std");
  for (const q of oq.quantiles) names.push(`quantile-${pyFloatStr(q)}`);
  if (oq.max) names.push("max");
  return names;
}

/** the pointsource_distance of a TRT (a number or (mag, dist) pairs) */
export function psdistFor(oq: OqParam, trt: string): number | [number, number][] {
  return getdefault(oq.pointsource_distance, trt);
}

/** the minimum magnitude of a TRT */
export function minMagFor(oq: OqParam, trt: string): number {
  return getdefault(oq.minimum_magnitude, trt);
}

// keys whose value is a whitespace-separated list of files (readinput.update)
const MULTI_FILE_KEYS = new Set(
  (
    "hazard_curves_csv hazard_curves_file gmfs_csv gmfs_file site_model_csv site_model_file " +
    "source_model_file exposure_csv exposure_file"
  ).split(" "),
);

function clone<T>(x: T): T {
  if (x instanceof IntegrationDistance) {
    return new IntegrationDistance(structuredClone(x.byTrt)) as T;
  }
  return x === null || typeof x !== "object" ? x : structuredClone(x);
}

/**
 * Build the OqParam from the raw strings of a job.ini (readJobIni's output), with OpenQuake's
 * conversions, defaults and checks. `file` is the job.ini path (file paths are relative to its
 * folder). Unknown parameters give warnings; wrong values throw an InputError naming the file,
 * line and field.
 */
export function makeOqParam(
  params: Record<string, string>,
  lines: Record<string, number>,
  file: string,
): { oq: OqParam; warnings: string[] } {
  const warnings: string[] = [];
  const jobIni = resolve(file);
  const base = dirname(jobIni);
  const err = (field: string | undefined, msg: string): never => {
    throw new InputError(file, field ? lines[field] : undefined, field, msg);
  };
  const warn = (field: string | undefined, msg: string) => {
    const line = field !== undefined ? lines[field] : undefined;
    warnings.push(`${file}${line !== undefined ? ":" + line : ""}: ${msg}`);
  };

  // 1. file parameters -> inputs (readinput.get_params/update/_normalize)
  const inputs: Record<string, any> = { job_ini: jobIni };
  const names: Record<string, string> = {};
  const srcLine: Record<string, string> = {}; // param name -> job.ini key (for line numbers)
  const keys = Object.keys(params);
  if (keys.includes("source_model_logic_tree_file")) {
    keys.splice(keys.indexOf("source_model_logic_tree_file"), 1);
    keys.unshift("source_model_logic_tree_file");
  }
  const normFile = (key: string, fname: string): string => {
    const path = isAbsolute(fname) ? normalize(fname) : normalize(join(base, fname));
    try {
      Deno.statSync(path);
    } catch {
      err(key, `No such file: ${path}`);
    }
    return path;
  };
  for (const key of keys) {
    const value = params[key];
    if (MULTI_FILE_KEYS.has(key)) {
      const kind = key.slice(0, key.lastIndexOf("_"));
      inputs[kind] = value.split(/\s+/).filter((x) => x).map((f) => normFile(key, f));
    } else if (/_(file|csv|hdf5)$/.test(key)) {
      const kind = key.slice(0, key.lastIndexOf("_"));
      if (value.startsWith("{")) {
        let dic: Record<string, unknown>;
        try {
          dic = dictionary(value);
        } catch (e) {
          return err(key, (e as Error).message);
        }
        inputs[kind] = Object.fromEntries(
          Object.entries(dic).map((
            [k, f],
          ) => [
            k,
            Array.isArray(f) ? f.map((x) => normFile(key, String(x))) : normFile(key, String(f)),
          ]),
        );
        names[kind] = Object.keys(dic).join(" ");
        srcLine[kind] = key;
      } else if (value) {
        inputs[kind] = normFile(key, value);
      } else {
        delete inputs[kind];
      }
    } else if (value.endsWith(".hdf5") && key !== "description") {
      warn(key, "The [reqv] syntax has been deprecated");
      inputs.reqv = { ...(inputs.reqv ?? {}), [key]: normFile(key, value) };
    } else {
      names[key] = value;
      srcLine[key] = key;
    }
  }
  const lineOf = (name: string) => lines[srcLine[name] ?? name];
  const errAt = (name: string, msg: string): never => {
    throw new InputError(file, lineOf(name), name, msg);
  };

  // 2. legacy names (OqParam.fix_legacy_names)
  const oq: Record<string, any> = {};
  for (const name of Object.keys(names)) {
    const alias = ALIASES[name];
    if (alias === undefined) continue;
    if (alias in names) errAt(name, `Please remove ${name}, you should use only ${alias}`);
    names[alias] = names[name];
    srcLine[alias] = srcLine[name];
    delete names[name];
  }
  if ("sites" in inputs) {
    if (inputs.site_model) errAt("sites", "Please remove sites, you should use only site_model");
    inputs.site_model = [inputs.sites];
    delete inputs.sites;
    oq.prefer_global_site_params = true;
  }

  // 3. defaults, then the converted values (ParamSet.__init__)
  for (const [name, def] of Object.entries(PARAMS)) {
    if (def.hasDefault && !(name in oq)) oq[name] = clone(def.default);
  }
  oq.inputs = inputs;
  oq.base_path = base; // readinput.get_params: the folder of the job.ini unless given
  for (const [name, raw] of Object.entries(names)) {
    if (name.startsWith("_") || name.startsWith("is_valid_")) {
      errAt(name, `The parameter name ${name} is not acceptable`);
    }
    const def = PARAMS[name];
    if (!def) {
      if (!KNOWN_INPUTS.has(name)) {
        warn(srcLine[name], `The parameter '${name}' is unknown, ignoring`);
      }
      continue;
    }
    try {
      oq[name] = def.validate(raw);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      errAt(name, `${msg}: could not convert to ${def.type}: ${name}=${raw}`);
    }
  }
  // the old name and the new one are the same attribute in OpenQuake
  oq.quantile_hazard_curves = oq.quantiles;
  oq.mean_hazard_curves = oq.mean;

  // 4. OqParam.__init__
  if (!("calculation_mode" in names)) err(undefined, "Missing calculation_mode");
  if ("region_constraint" in params) {
    if ("region" in names) {
      errAt("region", "You cannot have both region and region_constraint");
    }
    warn("region_constraint", "region_constraint is obsolete, use region instead");
    try {
      oq.region = valid.wkt_polygon(params.region_constraint);
    } catch (e) {
      errAt("region_constraint", (e as Error).message);
    }
  }
  if ("intensity_measure_types_and_levels" in names && "intensity_measure_types" in names) {
    warn(
      "intensity_measure_types",
      "Ignoring intensity_measure_types since intensity_measure_types_and_levels is set",
    );
  }
  let hazardImtls: Record<string, number[]> = {};
  if ("iml_disagg" in names) {
    const dic: Record<string, number[]> = {};
    for (const [imt, iml] of Object.entries(oq.iml_disagg as Record<string, unknown>)) {
      dic[normalizeImt(imt).imt] = [Number(iml)];
    }
    oq.iml_disagg = dic;
    hazardImtls = dic;
    if ("intensity_measure_types_and_levels" in names) {
      errAt(
        "intensity_measure_types_and_levels",
        "Please remove the intensity_measure_types_and_levels : they will be inferred from " +
          "the iml_disagg dictionary",
      );
    }
  } else if ("intensity_measure_types_and_levels" in names) {
    hazardImtls = oq.intensity_measure_types_and_levels;
    const lens = new Set(Object.values(hazardImtls).map((l) => l.length));
    if (lens.size > 1) {
      const dic = Object.entries(hazardImtls).map(([k, l]) => `'${k}': ${l.length}`).join(", ");
      errAt(
        "intensity_measure_types_and_levels",
        `Each IMT must have the same number of levels, instead you have {${dic}}`,
      );
    }
  } else if ("intensity_measure_types" in names) {
    for (const imt of oq.intensity_measure_types as string[]) hazardImtls[imt] = [0];
  }
  oq.hazard_imtls = hazardImtls;
  const imtlsSrc = Object.keys(hazardImtls).length ? hazardImtls : oq.risk_imtls;
  oq.imtls = sortByImt(
    Object.entries(imtlsSrc as Record<string, number[]>).map(([imt, levels]) => ({
      imt,
      levels,
    })),
  );
  if ("minimum_intensity" in names) {
    const dic: Record<string, number> = {};
    for (const [imt, iml] of Object.entries(oq.minimum_intensity as Record<string, number>)) {
      dic[imt === "default" ? imt : normalizeImt(imt).imt] = iml;
    }
    oq.minimum_intensity = dic;
  }
  if ("ps_grid_spacing" in names && oq.ps_grid_spacing && !("pointsource_distance" in names)) {
    oq.pointsource_distance = { default: 40 };
  }
  if (oq.collapse_level >= 0) oq.time_per_task = 1_000_000;
  if (oq.maximum_distance instanceof IntegrationDistance) {
    try {
      oq.maximum_distance.cut(oq.minimum_magnitude);
    } catch (e) {
      errAt("maximum_distance", (e as Error).message);
    }
  }
  if (!("truncation_level" in oq)) {
    const hazardGiven = "hazard_curves" in inputs || "gmfs" in inputs;
    if (
      !hazardGiven && oq.calculation_mode !== "scenario" && oq.hazard_calculation_id === null &&
      !("multi_peril" in inputs)
    ) {
      err(undefined, "Missing truncation_level");
    }
    oq.truncation_level = 99; // hazardlib's default when absent (contexts.py)
  }
  const jobType = /risk|damage|bcr/.test(oq.calculation_mode) ? "risk" : "hazard";
  oq.job_type = jobType;
  checkHazard(oq, names, errAt, err);
  checkGsimLt(oq, errAt, err);
  checkRisk(oq, names, errAt, err, jobIni);

  // 5. validate(): the is_valid_* checks in name order, then check_source_model
  isValid(oq, names, base, errAt, err);
  checkSourceModel(oq, jobIni, err);
  GIVEN.set(oq, Object.keys(names));
  return { oq: oq as OqParam, warnings };
}

type ErrAt = (name: string, msg: string) => never;
type Err = (field: string | undefined, msg: string) => never;

function checkHazard(
  oq: Record<string, any>,
  _names: Record<string, string>,
  errAt: ErrAt,
  err: Err,
) {
  const inputs = oq.inputs;
  const gmfs0: string = (inputs.gmfs ?? [""])[0];
  if (gmfs0.endsWith(".csv") && !("site_model" in inputs) && !oq.sites) {
    err(undefined, "You forgot to specify a site_model");
  } else if (gmfs0.endsWith(".xml")) {
    err(undefined, "GMFs in XML are not supported anymore");
  } else if (oq.number_of_logic_tree_samples >= 2 ** 16) {
    errAt(
      "number_of_logic_tree_samples",
      `number_of_logic_tree_samples too big: ${oq.number_of_logic_tree_samples}`,
    );
  }
  if (oq.calculation_mode.includes("event_based") && oq.ses_per_logic_tree_path >= 2 ** 32) {
    errAt(
      "ses_per_logic_tree_path",
      `ses_per_logic_tree_path too big: ${oq.ses_per_logic_tree_path}`,
    );
  }
  if (oq.calculation_mode === "disaggregation") {
    const same = (a: number[], b: number[]) =>
      a.length === b.length && a.every((x, i) => x === b[i]);
    if (!oq.poes_disagg.length && oq.poes.length) oq.poes_disagg = oq.poes;
    else if (!oq.poes.length && oq.poes_disagg.length) oq.poes = oq.poes_disagg;
    else if (!same(oq.poes, oq.poes_disagg)) {
      errAt("poes_disagg", `poes_disagg != poes: ${oq.poes_disagg}!=${oq.poes}`);
    }
    const hasIml = Object.keys(oq.iml_disagg).length > 0;
    if (!oq.poes_disagg.length && !hasIml) err(undefined, "poes_disagg or iml_disagg must be set");
    else if (oq.poes_disagg.length && hasIml) {
      errAt("iml_disagg", "iml_disagg and poes_disagg cannot be set at the same time");
    }
    if (!Object.keys(oq.disagg_bin_edges).length) {
      for (const k of ["mag_bin_width", "distance_bin_width", "coordinate_bin_width"]) {
        if (!(k in oq)) err(undefined, `${k} must be set`);
      }
    }
    if (oq.disagg_outputs.length && !oq.disagg_outputs.some((o: string) => o.includes("Eps"))) {
      oq.num_epsilon_bins = 1;
    }
    if (oq.rlz_index !== null && oq.num_rlzs_disagg !== 1) {
      err(undefined, "you cannot set rlzs_index and num_rlzs_disagg at the same time");
    }
  }
  if (String(oq.postproc_func).includes("rtgm")) {
    const imts = oq.imtls.map((x: { imt: string }) => x.imt);
    if (!imts.includes("SA(1.0)")) {
      errAt("postproc_func", "the IMTs PGA, SA(0.2), and SA(1.0) are required to use compute_rtgm");
    }
  }
}

function checkGsimLt(oq: Record<string, any>, errAt: ErrAt, err: Err) {
  // the GSIMs of a logic tree are checked when the logic tree is read (elsewhere)
  if (oq.inputs.gsim_logic_tree) {
    if (oq.gsim !== "[FromFile]") {
      errAt("gsim", "if `gsim_logic_tree_file` is set, there must be no `gsim` key");
    }
  } else if (!oq.gsim) {
    err(undefined, "Missing gsim or gsim_logic_tree_file");
  } else if (oq.gsim !== "[FromFile]") {
    // OqParam.check_gsims for `gsim = ...`: a known model, accepting the IMTs, and the global
    // site parameters it requires when there is no site model
    let def: GsimDef;
    try {
      def = parseGsimSpec(oq.gsim);
    } catch (e) {
      return errAt("gsim", e instanceof UnknownGsimError ? e.message : `${(e as Error).message}`);
    }
    const shown = `[${def.name}]`;
    const hasSites = !!oq.sites || "site_model" in oq.inputs;
    if (!hasSites) return;
    const kinds = new Set<string>(def.imts);
    const bad = [
      ...new Set(
        (oq.imtls as { imt: string }[]).map((x) => (x.imt.startsWith("SA") ? "SA" : x.imt)),
      ),
    ].filter((k) => kinds.size && !kinds.has(k));
    if (bad.length) errAt("gsim", `The IMT ${bad.join(", ")} is not accepted by the GSIM ${shown}`);
    try {
      checkGsimSiteParams(oq as OqParam, shown, def.requires.sites);
    } catch (e) {
      if (e instanceof InputError) errAt(e.field ?? "gsim", e.reason);
      throw e;
    }
  }
}

function checkRisk(
  oq: Record<string, any>,
  _names: Record<string, string>,
  errAt: ErrAt,
  err: Err,
  jobIni: string,
) {
  const inputs = oq.inputs;
  const riskKeys = Object.keys(inputs).filter((k) =>
    /(vulnerability|fragility|consequence)/.test(k)
  );
  const hc = oq.hazard_calculation_id;
  if (oq.job_type === "risk" && !Object.keys(oq.shakemap_uri).length) {
    if (oq.calculation_mode.includes("damage") && hc === null) {
      if (!riskKeys.some((k) => k.includes("fragility"))) err(undefined, "Missing fragility files");
    } else if (oq.calculation_mode.includes("risk") && !("multi_peril" in inputs) && hc === null) {
      if (!riskKeys.some((k) => k.includes("vulnerability"))) {
        err(undefined, "missing vulnerability files");
      }
    }
  }
  if (oq.investigation_time && oq.calculation_mode.startsWith("scenario")) {
    errAt(
      "investigation_time",
      `there cannot be investigation_time in ${oq.calculation_mode}`,
    );
  }
  for (const kind of Object.keys(inputs)) {
    if (!KNOWN_INPUTS.has(kind)) err(`${kind}_file`, `Unknown key ${kind}_file in ${jobIni}`);
  }
  if (oq.return_periods.length && !oq.poes.length && oq.investigation_time) {
    oq.poes = oq.return_periods.map((rp: number) => 1 - Math.exp(-oq.investigation_time / rp));
  }
  if (oq.calculation_mode === "classical_damage") {
    if (oq.conditional_loss_poes.length) {
      errAt(
        "conditional_loss_poes",
        "conditional_loss_poes are not defined for classical_damage calculations",
      );
    }
    if (!oq.investigation_time && hc === null) err(undefined, "missing investigation_time");
  }
}

function isValid(
  oq: Record<string, any>,
  _names: Record<string, string>,
  base: string,
  errAt: ErrAt,
  err: Err,
) {
  const inputs = oq.inputs;
  // collect_rlzs
  if (oq.job_type === "risk") {
    if (oq.collect_rlzs === null) oq.collect_rlzs = oq.number_of_logic_tree_samples > 1;
    if (oq.collect_rlzs && oq.individual_rlzs) {
      err(undefined, "you cannot have individual_rlzs=true with collect_rlzs=true");
    }
    if (oq.collect_rlzs && oq.calculation_mode !== "event_based_damage") {
      const stats = hazardStats(oq as OqParam);
      if (stats.length && !(stats.length === 1 && stats[0] === "mean")) {
        err(undefined, "quantiles are not supported with collect_rlzs=true");
      }
      if (oq.number_of_logic_tree_samples === 0) {
        errAt("collect_rlzs", "collect_rlzs=true is inconsistent with full enumeration");
      }
      if (oq.sampling_method !== "early_weights") {
        errAt("collect_rlzs", "sampling_method must be early_weights with collect_rlzs=true");
      }
    }
    if (oq.calculation_mode === "event_based_damage" && !oq.investigation_time) {
      err(undefined, "Missing investigation_time");
    }
  }
  // complex_fault_mesh_spacing
  if (oq.rupture_mesh_spacing && !oq.complex_fault_mesh_spacing) {
    oq.complex_fault_mesh_spacing = oq.rupture_mesh_spacing;
  }
  // concurrent_tasks
  if (oq.concurrent_tasks > 30_000) errAt("concurrent_tasks", "At most you can use 30_000 tasks");
  // disagg_by_src
  if (oq.disagg_by_src && oq.ps_grid_spacing !== 0) {
    errAt("disagg_by_src", "disagg_by_src can be set only if ps_grid_spacing = 0");
  }
  // export_dir: relative to the job.ini folder
  if (!isAbsolute(oq.export_dir)) oq.export_dir = normalize(join(base, oq.export_dir));
  // geometry
  if (oq.calculation_mode !== "preclassical") {
    const hasSites = !!oq.sites || "site_model" in inputs;
    if ("hazard_curves" in inputs && hasSites) {
      err(
        undefined,
        "It is possible to infer the geometry only if exactly one of sites, sites_csv, " +
          "hazard_curves_csv, region is set. You did set more than one, or nothing.",
      );
    }
    const needsCheck = (hasSites || oq.ground_motion_fields) && oq.job_type !== "risk";
    if (needsCheck) {
      const flags = [
        !!oq.sites,
        !!inputs.site_model,
        !!inputs.hazard_curves,
        !!inputs.gmfs,
        !!(oq.region && oq.region_grid_spacing),
      ];
      const n = flags.filter((x) => x).length;
      if (!(n === 1 || inputs.exposure || inputs.site_model)) {
        err(
          undefined,
          "It is possible to infer the geometry only if exactly one of sites, sites_csv, " +
            "hazard_curves_csv, region is set. You did set more than one, or nothing.",
        );
      }
    }
  }
  // intensity_measure_levels
  const noImls = oq.imtls.every((x: { levels: number[] }) =>
    x.levels.length === 1 && x.levels[0] === 0
  );
  const hasRiskFiles = Object.keys(inputs).some((k) =>
    /(vulnerability|fragility|consequence)/.test(k)
  );
  if (
    noImls && !hasRiskFiles &&
    (oq.hazard_curves_from_gmfs || ["classical", "disaggregation"].includes(oq.calculation_mode))
  ) {
    err(
      "intensity_measure_types_and_levels",
      "In order to compute hazard curves, `intensity_measure_types_and_levels` must be set or " +
        "extracted from the risk models.",
    );
  }
  // intensity_measure_types
  if (oq.ground_motion_correlation_model) {
    for (const { imt } of oq.imtls) {
      if (!(imt.startsWith("SA") || imt === "PGA" || imt === "PGV")) {
        errAt(
          "ground_motion_correlation_model",
          `Correlation model ${oq.ground_motion_correlation_model} does not accept IMT=${imt}`,
        );
      }
    }
  }
  // poes
  if ((oq.hazard_maps || oq.uniform_hazard_spectra) && !oq.poes.length) {
    err(
      "poes",
      "When computing hazard maps and/or uniform hazard spectra, the poes list must be non-empty.",
    );
  }
  // soil_intensities
  const classical = oq.calculation_mode.includes("classical") ||
    oq.calculation_mode.includes("disaggregation");
  if (classical && "amplification" in inputs && oq.amplification_method === "convolution") {
    if (!(oq.soil_intensities && oq.soil_intensities.length > 1)) {
      err(
        "soil_intensities",
        "soil_intensities must be defined only in classical calculations " +
          "with amplification_method=convolution",
      );
    }
  } else if (oq.soil_intensities !== null) {
    errAt(
      "soil_intensities",
      "soil_intensities must be defined only in classical calculations " +
        "with amplification_method=convolution",
    );
  }
  // truncation_level
  if (oq.ground_motion_correlation_model && oq.truncation_level === 0) {
    errAt(
      "truncation_level",
      "In presence of a correlation model the truncation level must be nonzero",
    );
  }
  if (oq.uniform_hazard_spectra) {
    const ok = oq.imtls.filter((x: { imt: string }) => x.imt === "PGA" || x.imt.startsWith("SA"));
    if (!ok.length) {
      errAt(
        "uniform_hazard_spectra",
        "The `uniform_hazard_spectra` can be True only if the IMT set contains SA(...) or PGA, " +
          `got [${oq.imtls.map((x: { imt: string }) => `'${x.imt}'`).join(", ")}]`,
      );
    }
  }
}

function checkSourceModel(oq: Record<string, any>, jobIni: string, err: Err) {
  const inputs = oq.inputs;
  if (
    "hazard_curves" in inputs || "gmfs" in inputs || "rupture_model" in inputs ||
    oq.calculation_mode.includes("scenario") || "ins_loss" in inputs
  ) return;
  if (
    !("source_model_logic_tree" in inputs) && !("source_model" in inputs) &&
    !("multi_peril" in inputs) && oq.hazard_calculation_id === null
  ) {
    err(undefined, `Missing source_model_logic_tree in ${jobIni} or missing --hc option`);
  }
}

/** Read a job.ini and build its OqParam; `overrides` are raw strings like OpenQuake's `kw`. */
export function readOqParam(
  jobIniPath: string,
  overrides?: Record<string, string>,
): { oq: OqParam; warnings: string[] } {
  const { params, lines } = readJobIni(jobIniPath, overrides);
  return makeOqParam(params, lines, jobIniPath);
}

/**
 * OqParam.is_valid_maximum_distance, which needs the TRTs of the GSIM logic tree: a TRT in
 * maximum_distance must be one of them (or of minimum_magnitude). `trts` are the logic tree's
 * TRTs; those listed in discard_trts are ignored as OpenQuake does. Returns the warnings.
 */
export function checkMaximumDistanceTrts(oq: OqParam, trts: Iterable<string>): string[] {
  const discard = new Set(oq.discard_trts.split(",").map((t) => t.trim()));
  const known = new Set([...trts].filter((t) => !discard.has(t)));
  const gsimLt = String(oq.inputs.gsim_logic_tree ?? "");
  const unknown = Object.keys(oq.maximum_distance.byTrt).filter((t) =>
    !known.has(t) && !(t in oq.minimum_magnitude) && t !== "default"
  );
  if (unknown.length) {
    const md = JSON.stringify(oq.maximum_distance.byTrt);
    throw new InputError(
      String(oq.inputs.job_ini),
      undefined,
      "maximum_distance",
      `Invalid maximum_distance=${md}: setting the maximum_distance for ${
        unknown.join(", ")
      } which is not in ${gsimLt}`,
    );
  }
  return Object.keys(oq.maximum_distance.byTrt)
    .filter((t) => t !== "default" && !known.has(t))
    .map((t) => `tectonic region '${t}' not in ${gsimLt}`);
}

/**
 * OqParam.check_gsims for a single `gsim = ...` (not a logic tree): with sites given and no site
 * model, each site parameter the GSIM requires must have a global value.
 */
export function checkGsimSiteParams(oq: OqParam, gsim: string, requires: Iterable<string>): void {
  if (!(oq.sites || "site_model" in oq.inputs)) return;
  if (oq.hazard_calculation_id !== null || "site_model" in oq.inputs) return;
  const names: Record<string, string> = {
    vs30: "reference_vs30_value",
    z1pt0: "reference_depth_to_1pt0km_per_sec",
    z2pt5: "reference_depth_to_2pt5km_per_sec",
  };
  for (const p of requires) {
    const name = names[p];
    if (name && Number.isNaN(oq[name] as number)) {
      throw new InputError(
        String(oq.inputs.job_ini),
        undefined,
        name,
        `Please set a value for '${name}', this is required by the GSIM ${gsim}`,
      );
    }
  }
}

const GIVEN = new WeakMap<object, string[]>();

function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return Object.is(a, b) || a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The parameters OpenQuake keeps as instance attributes (`vars(oqparam)`, what
 * /extract/oqparam dumps): base_path, inputs, the parameters given in the job.ini and those the
 * checks changed (hazard_imtls, export_dir, complex_fault_mesh_spacing, ...); the rest are
 * class defaults OpenQuake does not dump. Values are OqParam's (IntegrationDistance as a dict).
 */
export function oqVars(oq: OqParam): Record<string, unknown> {
  const given = GIVEN.get(oq) ?? [];
  const out: Record<string, unknown> = { base_path: oq.base_path, inputs: oq.inputs };
  // converted into hazard_imtls and deleted; old names renamed (OqParam.__init__)
  const dropped = new Set([
    "intensity_measure_types_and_levels",
    "intensity_measure_types",
    ...Object.keys(ALIASES),
  ]);
  for (const name of given) if (name in PARAMS && !dropped.has(name)) out[name] = oq[name];
  if (!given.includes("mosaic_model")) out.mosaic_model = null; // get_params sets it
  for (const [name, def] of Object.entries(PARAMS)) {
    if (name in out || dropped.has(name) || !(name in oq) || oq[name] === undefined) continue;
    if (name === "truncation_level" && !given.includes(name)) continue; // 99 is hazardlib's
    if (!def.hasDefault || !sameValue(oq[name], def.default)) out[name] = oq[name];
  }
  if (Object.keys(oq.hazard_imtls).length) out.hazard_imtls = oq.hazard_imtls;
  for (const [k, x] of Object.entries(out)) {
    if (x instanceof IntegrationDistance) out[k] = x.toJSON();
  }
  return out;
}
