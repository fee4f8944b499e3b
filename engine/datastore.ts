// One SQLite file per calculation holding named, typed, shaped arrays with JSON attributes:
// what OpenQuake keeps in its HDF5 datastore. Large arrays are stored in chunks.
import { DatabaseSync } from "node:sqlite";

export type DType = "f64" | "f32" | "i32" | "u32" | "u8" | "i64" | "str" | "json";
export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Uint32Array
  | Uint8Array
  | BigInt64Array;

export interface Dataset {
  name: string;
  dtype: DType;
  shape: number[];
  attrs: Record<string, unknown>;
  data: TypedArray | string[] | unknown;
}

const CHUNK_BYTES = 16 << 20;

const CTORS = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  u8: Uint8Array,
  i64: BigInt64Array,
} as const;

function dtypeOf(a: TypedArray): DType {
  if (a instanceof Float64Array) return "f64";
  if (a instanceof Float32Array) return "f32";
  if (a instanceof Int32Array) return "i32";
  if (a instanceof Uint32Array) return "u32";
  if (a instanceof Uint8Array) return "u8";
  return "i64";
}

export class Datastore {
  readonly db: DatabaseSync;
  constructor(readonly path: string, opts: { readOnly?: boolean } = {}) {
    this.db = new DatabaseSync(path, { readOnly: opts.readOnly ?? false });
    if (!opts.readOnly) {
      this.db.exec(`PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS dataset (name TEXT PRIMARY KEY, dtype TEXT NOT NULL,
          shape TEXT NOT NULL, attrs TEXT NOT NULL DEFAULT '{}', nchunks INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS chunk (name TEXT NOT NULL, idx INTEGER NOT NULL,
          data BLOB NOT NULL, PRIMARY KEY (name, idx));`);
    }
  }

  /** Store (or replace) an array; strings and JSON values are stored as one JSON chunk. */
  put(
    name: string,
    data: TypedArray | string[] | unknown,
    shape?: number[],
    attrs: Record<string, unknown> = {},
  ): void {
    this.db.exec("BEGIN");
    try {
      this.db.prepare("DELETE FROM chunk WHERE name = ?").run(name);
      const ins = this.db.prepare("INSERT INTO chunk (name, idx, data) VALUES (?, ?, ?)");
      let dtype: DType, nchunks: number, shp: number[];
      if (ArrayBuffer.isView(data)) {
        const a = data as TypedArray;
        dtype = dtypeOf(a);
        const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        nchunks = Math.max(1, Math.ceil(bytes.byteLength / CHUNK_BYTES));
        for (let i = 0; i < nchunks; i++) {
          ins.run(name, i, bytes.slice(i * CHUNK_BYTES, (i + 1) * CHUNK_BYTES));
        }
        shp = shape ?? [a.length];
      } else {
        dtype = Array.isArray(data) && data.every((x) => typeof x === "string") ? "str" : "json";
        ins.run(name, 0, new TextEncoder().encode(JSON.stringify(data)));
        nchunks = 1;
        shp = shape ?? (Array.isArray(data) ? [data.length] : []);
      }
      this.db.prepare(
        "INSERT OR REPLACE INTO dataset (name, dtype, shape, attrs, nchunks) VALUES (?, ?, ?, ?, ?)",
      ).run(name, dtype, JSON.stringify(shp), JSON.stringify(attrs), nchunks);
      this.db.exec("COMMIT");
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  has(name: string): boolean {
    return this.db.prepare("SELECT 1 FROM dataset WHERE name = ?").get(name) !== undefined;
  }

  /** Dataset names, optionally under a prefix ("hcurves-rlzs", "oqparam", ...). */
  list(prefix = ""): string[] {
    return (this.db.prepare("SELECT name FROM dataset WHERE name LIKE ? ORDER BY name")
      .all(prefix + "%") as { name: string }[]).map((r) => r.name);
  }

  get(name: string): Dataset {
    const row = this.db.prepare("SELECT dtype, shape, attrs FROM dataset WHERE name = ?")
      .get(name) as { dtype: DType; shape: string; attrs: string } | undefined;
    if (!row) throw new Error(`no dataset ${name} in ${this.path}`);
    const chunks = (this.db.prepare("SELECT data FROM chunk WHERE name = ? ORDER BY idx")
      .all(name) as { data: Uint8Array }[]).map((c) => c.data);
    const total = chunks.reduce((s, c) => s + c.byteLength, 0);
    const bytes = new Uint8Array(total);
    let off = 0;
    for (const c of chunks) {
      bytes.set(c, off);
      off += c.byteLength;
    }
    let data: unknown;
    if (row.dtype === "str" || row.dtype === "json") {
      data = JSON.parse(new TextDecoder().decode(bytes));
    } else {
      const C = CTORS[row.dtype];
      data = new C(bytes.buffer, 0, total / C.BYTES_PER_ELEMENT);
    }
    return {
      name,
      dtype: row.dtype,
      shape: JSON.parse(row.shape),
      attrs: JSON.parse(row.attrs),
      data,
    };
  }

  getAttrs(name: string): Record<string, unknown> {
    const row = this.db.prepare("SELECT attrs FROM dataset WHERE name = ?").get(name) as
      | { attrs: string }
      | undefined;
    if (!row) throw new Error(`no dataset ${name} in ${this.path}`);
    return JSON.parse(row.attrs);
  }

  setAttrs(name: string, attrs: Record<string, unknown>): void {
    const merged = { ...this.getAttrs(name), ...attrs };
    this.db.prepare("UPDATE dataset SET attrs = ? WHERE name = ?").run(
      JSON.stringify(merged),
      name,
    );
  }

  close(): void {
    this.db.close();
  }
}
