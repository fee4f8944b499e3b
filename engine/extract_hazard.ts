// SPDX-License-Identifier: AGPL-3.0-or-later
// Extractors of a classical calculation (api.md §7.2): hcurves, hmaps, uhs (QGIS layout without
// parameters, else one array per kind), sitecol, realizations, oqparam.
import type { Datastore } from "./datastore.ts";
import type { Extracted, Extractor } from "./extract.ts";
import { hazardAllRecords } from "./export/hazard.ts";
import { type NdArray, packRecords, type RecField } from "./npz.ts";
import { getKinds, readHazardInfo, readKind, readRealizations, readSitecol } from "./post/store.ts";

function kindsOf(ds: Datastore, query: URLSearchParams): string[] {
  const info = readHazardInfo(ds);
  const out: string[] = [];
  for (const k of query.getAll("kind")) {
    if (k === "stats" || k === "rlzs") out.push(...getKinds(info, k));
    else out.push(k);
  }
  return out.length ? out : getKinds(info, "stats");
}

/** `hcurves`/`hmaps`/`uhs` with kind, imt, site_id: one (N', M', X) array per kind. */
function perKind(
  ds: Datastore,
  name: "hcurves" | "hmaps" | "uhs",
  query: URLSearchParams,
): Extracted {
  const info = readHazardInfo(ds);
  const imt = query.get("imt");
  const siteId = query.get("site_id");
  const out: Extracted = {};
  const kinds = kindsOf(ds, query);
  for (const kind of kinds) {
    const key = /^rlz-\d+$/.test(kind)
      ? `rlz-${String(Number(kind.slice(4))).padStart(3, "0")}`
      : kind;
    const { data, inner } = readKind(ds, name, info, kind);
    const N = data.length / inner.reduce((a, b) => a * b, 1);
    let sids = Array.from({ length: N }, (_, i) => i);
    if (siteId !== null) sids = [Number(siteId)];
    let [A, B] = inner; // (M, L1) or (M, P) or (P, Muhs)
    let pick = Array.from({ length: A }, (_, a) => a);
    if (imt !== null && name !== "uhs") {
      const m = info.imts.indexOf(imt);
      if (m < 0) throw new Error(`unknown IMT ${imt}`);
      pick = [m];
    }
    const arr = new Float64Array(sids.length * pick.length * B);
    sids.forEach((s, i) =>
      pick.forEach((a, j) =>
        arr.set(data.subarray((s * A + a) * B, (s * A + a + 1) * B), (i * pick.length + j) * B)
      )
    );
    A = pick.length;
    out[key] = { data: arr, shape: [sids.length, A, B] };
  }
  out.kind = kinds;
  if (imt !== null) out.imt = imt;
  if (siteId !== null) out.site_id = Number(siteId);
  return out;
}

function hazardExtractor(name: "hcurves" | "hmaps" | "uhs"): Extractor {
  return (ds, _what, query) => {
    if ([...query.keys()].length === 0) {
      const rec = hazardAllRecords(ds, name);
      if (!rec) return {};
      return { investigation_time: rec.investigation_time, all: rec.all };
    }
    return perKind(ds, name, query);
  };
}

const sitecol: Extractor = (ds, _what, query) => {
  const sc = readSitecol(ds);
  const field = query.get("field");
  const numeric = [
    "lon",
    "lat",
    "depth",
    "vs30",
    "vs30measured",
    "z1pt0",
    "z2pt5",
    "backarc",
  ] as const;
  if (field) {
    if (field === "custom_site_id" && sc.custom_site_id) return { array: sc.custom_site_id };
    if (field === "sids") return { array: Uint32Array.from(sc.sids) };
    const col = (sc as unknown as Record<string, number[] | undefined>)[field];
    if (!col) throw new Error(`sitecol has no field ${field}`);
    return { array: Float64Array.from(col) };
  }
  const fields: RecField[] = [{ name: "sids", dtype: "<u4" }];
  const cols: Record<string, ArrayLike<unknown>> = { sids: sc.sids };
  for (const f of numeric) {
    const col = sc[f];
    if (!col) continue;
    fields.push({ name: f, dtype: f === "vs30measured" || f === "backarc" ? "|u1" : "<f8" });
    cols[f] = col;
  }
  if (sc.custom_site_id) {
    const w = Math.max(1, ...sc.custom_site_id.map((s) => new TextEncoder().encode(s).length));
    fields.push({ name: "custom_site_id", dtype: `|S${w}` });
    cols.custom_site_id = sc.custom_site_id;
  }
  return { array: packRecords(fields, cols, sc.sids.length) };
};

const realizations: Extractor = (ds) => {
  const rlzs = readRealizations(ds);
  const w = Math.max(1, ...rlzs.map((r) => new TextEncoder().encode(r.branch_path).length));
  const arr: NdArray = packRecords(
    [{ name: "rlz_id", dtype: "<u4" }, { name: "branch_path", dtype: `|S${w}` }, {
      name: "weight",
      dtype: "<f4",
    }],
    {
      rlz_id: rlzs.map((r) => r.rlz_id),
      branch_path: rlzs.map((r) => r.branch_path),
      weight: rlzs.map((r) => r.weight),
    },
    rlzs.length,
  );
  return { array: arr };
};

const oqparam: Extractor = (ds) => ({ json: JSON.stringify(ds.get("oqparam").data) });

const weights: Extractor = (ds) => ({
  array: Float64Array.from(readRealizations(ds), (r) => r.weight),
});

export const HAZARD_EXTRACTORS: Record<string, Extractor> = {
  hcurves: hazardExtractor("hcurves"),
  hmaps: hazardExtractor("hmaps"),
  uhs: hazardExtractor("uhs"),
  sitecol,
  realizations,
  oqparam,
  weights,
};
