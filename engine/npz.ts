// NumPy .npy (format v1.0) and .npz (a deflated ZIP of .npy entries) encoding, so that
// OpenQuake clients can `numpy.load(..., allow_pickle=False)` what /extract returns.
import { zipSync } from "fflate";

export type NumericArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint8Array;

/** An n-dimensional array; `descr` (a numpy dtype literal) with raw bytes for record dtypes. */
export interface NdArray {
  data: NumericArray | BigInt64Array | string[];
  shape: number[];
  descr?: string;
}

/** A record (structured) dtype field: scalar numpy type string, or nested fields. */
export interface RecField {
  name: string;
  dtype: string | RecField[];
}

const enc = new TextEncoder();

function descrOf(a: NumericArray | BigInt64Array): string {
  if (a instanceof Float64Array) return "<f8";
  if (a instanceof Float32Array) return "<f4";
  if (a instanceof Int32Array) return "<i4";
  if (a instanceof Uint32Array) return "<u4";
  if (a instanceof BigInt64Array) return "<i8";
  return "|u1";
}

function pyTuple(shape: number[]): string {
  if (shape.length === 0) return "()";
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(", ")})`;
}

function pyStr(s: string): string {
  return "'" + s.replace(/\\/g, "\\\\").replace(/'/g, "\\'") + "'";
}

/** The numpy `descr` literal of a record dtype: `[('lon', '<f8'), ('mean', [('PGA', ...)])]`. */
export function recordDescr(fields: RecField[]): string {
  return "[" +
    fields.map((f) =>
      `(${pyStr(f.name)}, ${typeof f.dtype === "string" ? pyStr(f.dtype) : recordDescr(f.dtype)})`
    ).join(", ") + "]";
}

function itemSize(dtype: string | RecField[]): number {
  if (typeof dtype !== "string") return dtype.reduce((s, f) => s + itemSize(f.dtype), 0);
  const m = /^[<>|=]?([a-zA-Z])(\d+)$/.exec(dtype);
  if (!m) throw new Error(`unsupported dtype ${dtype}`);
  return Number(m[2]);
}

/** Byte strings as numpy `|S<n>` (n = longest UTF-8 length, at least 1). */
function packStrings(strs: string[]): { bytes: Uint8Array; width: number } {
  const encoded = strs.map((s) => enc.encode(s));
  const width = Math.max(1, ...encoded.map((e) => e.length));
  const bytes = new Uint8Array(width * strs.length);
  encoded.forEach((e, i) => bytes.set(e, i * width));
  return { bytes, width };
}

function writeScalar(view: DataView, bytes: Uint8Array, off: number, dtype: string, v: unknown) {
  const m = /^[<>|=]?([a-zA-Z])(\d+)$/.exec(dtype)!;
  const [kind, size] = [m[1], Number(m[2])];
  if (kind === "S") {
    bytes.set(enc.encode(String(v ?? "")).subarray(0, size), off);
  } else if (kind === "f") {
    if (size === 8) view.setFloat64(off, Number(v), true);
    else view.setFloat32(off, Number(v), true);
  } else if (kind === "i") {
    if (size === 8) view.setBigInt64(off, BigInt(Math.trunc(Number(v))), true);
    else if (size === 4) view.setInt32(off, Number(v), true);
    else if (size === 2) view.setInt16(off, Number(v), true);
    else view.setInt8(off, Number(v));
  } else if (kind === "u") {
    if (size === 8) view.setBigUint64(off, BigInt(Math.trunc(Number(v))), true);
    else if (size === 4) view.setUint32(off, Number(v), true);
    else if (size === 2) view.setUint16(off, Number(v), true);
    else view.setUint8(off, Number(v));
  } else if (kind === "b") {
    view.setUint8(off, v ? 1 : 0);
  } else throw new Error(`unsupported dtype ${dtype}`);
}

/**
 * A 1-D record array from columns. Nested fields read the column named by their dotted path
 * (`mean.PGA.0.005`): `columns["mean.PGA.0.005"][row]`.
 */
export function packRecords(
  fields: RecField[],
  columns: Record<string, ArrayLike<unknown>>,
  nrows: number,
): NdArray {
  const size = itemSize(fields);
  const bytes = new Uint8Array(size * nrows);
  const view = new DataView(bytes.buffer);
  const leaves: { path: string; dtype: string; off: number }[] = [];
  const walk = (fs: RecField[], prefix: string, base: number): number => {
    let off = base;
    for (const f of fs) {
      const path = prefix ? `${prefix}.${f.name}` : f.name;
      if (typeof f.dtype === "string") {
        leaves.push({ path, dtype: f.dtype, off });
        off += itemSize(f.dtype);
      } else off = walk(f.dtype, path, off);
    }
    return off;
  };
  walk(fields, "", 0);
  for (const leaf of leaves) {
    const col = columns[leaf.path];
    if (!col) throw new Error(`packRecords: missing column ${leaf.path}`);
    for (let r = 0; r < nrows; r++) {
      writeScalar(view, bytes, r * size + leaf.off, leaf.dtype, col[r]);
    }
  }
  return { data: bytes, shape: [nrows], descr: recordDescr(fields) };
}

/** One .npy file (format version 1.0, header padded to a multiple of 64 bytes). */
export function toNpy(data: Uint8Array, descr: string, shape: number[]): Uint8Array {
  let header = `{'descr': ${descr.startsWith("[") ? descr : pyStr(descr)}, ` +
    `'fortran_order': False, 'shape': ${pyTuple(shape)}, }`;
  const pad = 64 - ((10 + header.length + 1) % 64);
  header += " ".repeat(pad % 64) + "\n";
  if (header.length > 65535) throw new Error("npy header too long for format 1.0");
  const h = enc.encode(header);
  const out = new Uint8Array(10 + h.length + data.byteLength);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  out[8] = h.length & 0xff;
  out[9] = h.length >> 8;
  out.set(h, 10);
  out.set(data, 10 + h.length);
  return out;
}

function bytesOf(a: NumericArray | BigInt64Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

/** Encode one value the way numpy would hold it. */
export function npyOf(
  v: NdArray | NumericArray | string[] | number | string | boolean,
): Uint8Array {
  if (typeof v === "number") {
    return Number.isInteger(v) && Math.abs(v) < 2 ** 53 && !Object.is(v, -0)
      ? toNpy(bytesOf(BigInt64Array.of(BigInt(v))), "<i8", [])
      : toNpy(bytesOf(Float64Array.of(v)), "<f8", []);
  }
  if (typeof v === "boolean") return toNpy(Uint8Array.of(v ? 1 : 0), "|b1", []);
  if (typeof v === "string") {
    const { bytes, width } = packStrings([v]);
    return toNpy(bytes, `|S${width}`, []);
  }
  if (Array.isArray(v)) {
    const { bytes, width } = packStrings(v);
    return toNpy(bytes, `|S${width}`, [v.length]);
  }
  if (ArrayBuffer.isView(v)) return toNpy(bytesOf(v), descrOf(v), [v.length]);
  const nd = v as NdArray;
  if (Array.isArray(nd.data)) {
    const { bytes, width } = packStrings(nd.data);
    return toNpy(bytes, nd.descr ?? `|S${width}`, nd.shape);
  }
  const data = nd.data as NumericArray | BigInt64Array;
  return toNpy(bytesOf(data), nd.descr ?? descrOf(data), nd.shape);
}

/** A .npz archive: one deflated `<key>.npy` entry per key. */
export function npz(entries: Record<string, Parameters<typeof npyOf>[0]>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(entries)) files[`${k}.npy`] = npyOf(v);
  return zipSync(files, { level: 6 });
}
