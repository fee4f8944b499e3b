// Python `json.dumps` bytes (default separators, ASCII only, repr floats, bare NaN/Infinity):
// OpenQuake clients and tests compare these bodies byte for byte.
import { pyFloatStr } from "../engine/input/oqparam.ts";

/** A number that must be written as a Python float (`1.0`, not `1`). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Wraps a number so that it serialises as a float; null stays null. */
export function pyFloat(v: number | null | undefined): PyFloat | null {
  return v === null || v === undefined ? null : new PyFloat(v);
}

/** Python's `json.dumps` spelling of a float: `repr` but NaN/Infinity for the non-finite. */
export function floatRepr(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
  return pyFloatStr(v);
}

function strRepr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += "\\\\";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c === 0x09) out += "\\t";
    else if (c === 0x08) out += "\\b";
    else if (c === 0x0c) out += "\\f";
    else if (c < 0x20 || c > 0x7e) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += s[i];
  }
  return out + '"';
}

/** `json.dumps(v)` as Python writes it; integers stay integers, PyFloat and fractions are floats. */
export function pyDumps(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof PyFloat) return floatRepr(v.value);
  switch (typeof v) {
    case "boolean":
      return v ? "true" : "false";
    case "number":
      return Number.isInteger(v) && Math.abs(v) < 1e16 ? String(v) : floatRepr(v);
    case "bigint":
      return v.toString();
    case "string":
      return strRepr(v);
  }
  if (Array.isArray(v)) return "[" + v.map(pyDumps).join(", ") + "]";
  if (ArrayBuffer.isView(v)) return pyDumps(Array.from(v as unknown as ArrayLike<number>));
  if (typeof v === "object") {
    return "{" +
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .map(([k, x]) => `${strRepr(k)}: ${pyDumps(x)}`)
        .join(", ") +
      "}";
  }
  return strRepr(String(v));
}
