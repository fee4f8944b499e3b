// The extract API: named extractors read the datastore and return arrays that /extract sends
// as a NumPy .npz archive. Unknown names fall back to the raw datastore item of that name.
import type { Datastore } from "./datastore.ts";
import { type NdArray, npz } from "./npz.ts";
import { HAZARD_EXTRACTORS } from "./extract_hazard.ts";

export type { NdArray, RecField } from "./npz.ts";
export { packRecords, recordDescr } from "./npz.ts";

export type Extracted = Record<
  string,
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Uint8Array
  | string[]
  | number
  | string
  | NdArray
>;
export type Extractor = (ds: Datastore, what: string, query: URLSearchParams) => Extracted;

/** By spec name, the part before the first `/` (e.g. `agg_losses` for `agg_losses/structural`). */
export const EXTRACTORS: Record<string, Extractor> = { ...HAZARD_EXTRACTORS };

export function toNpz(x: Extracted): Uint8Array {
  return npz(x);
}

/** Runs the extractor for `what` (or the raw-dataset fallback); throws on unknown specs. */
export function extract(ds: Datastore, what: string, query: URLSearchParams): Extracted {
  const key = what.split("/")[0];
  if (Object.hasOwn(EXTRACTORS, key)) return EXTRACTORS[key](ds, what, query);
  if (ds.has(what)) return rawDataset(ds, what);
  const group = ds.list(what + "/");
  if (group.length) return { array: group.map((n) => n.slice(what.length + 1)) };
  throw new KeyError(`'${what}'`);
}

/** Python-like KeyError: the 500 body of /extract starts with the class name. */
export class KeyError extends Error {
  override name = "KeyError";
}

function rawDataset(ds: Datastore, name: string): Extracted {
  const d = ds.get(name);
  const out: Extracted = {};
  if (ArrayBuffer.isView(d.data) && !(d.data instanceof BigInt64Array)) {
    out.array = { data: d.data as Float64Array, shape: d.shape };
  } else if (d.data instanceof BigInt64Array) {
    out.array = { data: d.data, shape: d.shape };
  } else if (Array.isArray(d.data) && d.data.every((s) => typeof s === "string")) {
    out.array = { data: d.data as string[], shape: d.shape };
  } else {
    out.json = JSON.stringify(d.data);
  }
  for (const [k, v] of Object.entries(d.attrs)) {
    if (k === "array" || k === "json") continue;
    if (typeof v === "number" || typeof v === "string") out[k] = v;
    else if (Array.isArray(v) && v.every((s) => typeof s === "string")) out[k] = v as string[];
    else if (Array.isArray(v) && v.every((s) => typeof s === "number")) {
      out[k] = Float64Array.from(v as number[]);
    }
  }
  return out;
}
