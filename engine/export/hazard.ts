// SPDX-License-Identifier: AGPL-3.0-or-later
// Hazard curves, maps, UHS and realizations exported with the byte layout of OpenQuake's
// CSV files (science.md §9.1–§9.5): a `#,,,"k=v, ..."` comment line, a header, lon/lat/depth
// `%.5f`, values `%.6E`; plus the npz archives (§9.10) and legacy NRML XML writers.
import { join } from "node:path";
import type { Datastore } from "../datastore.ts";
import { npz, packRecords, type RecField } from "../npz.ts";
import { pyFloat } from "../post/stats.ts";
import {
  getKinds,
  type HazardInfo,
  readHazardInfo,
  readKind,
  readRealizations,
  readSitecol,
  type StoredSitecol,
} from "../post/store.ts";
import { uhsImtIndices } from "../post/hmaps.ts";
import type { Exporter } from "./registry.ts";

/** Python's `'%.<d>E' % x`. */
export function fmtE(x: number, d = 6): string {
  if (Number.isNaN(x)) return "NAN";
  if (!Number.isFinite(x)) return x > 0 ? "INF" : "-INF";
  const [mant, exp] = x.toExponential(d).split("e");
  const e = Number(exp);
  return `${mant}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
}

/** Python's `'%.<d>f' % x`. */
export function fmtF(x: number, d: number): string {
  const s = x.toFixed(d);
  return Object.is(x, -0) || (x < 0 && !s.startsWith("-")) ? "-" + s : s;
}

/** Python repr of a comment value: strings quoted, floats with a decimal point. */
function pyRepr(v: unknown): string {
  if (typeof v === "string") return `'${v.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (typeof v === "number") return pyFloat(v);
  if (typeof v === "bigint") return String(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(", ")}]`;
  return String(v);
}

/** A CSV field as Python's csv writer writes it (quoted when it holds , " or a newline). */
function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The OpenQuake CSV text: comment line, header, rows (each already formatted). */
export function csvText(
  header: string[],
  rows: string[][],
  comment: Record<string, unknown>,
): string {
  const c = Object.entries(comment).map(([k, v]) => `${k}=${integerRepr(k, v)}`).join(", ");
  const lines = [
    ["#", ...Array(Math.max(header.length - 2, 0)).fill(""), c].map(csvField).join(","),
    header.map(csvField).join(","),
    ...rows.map((r) => r.map(csvField).join(",")),
  ];
  return lines.join("\n") + "\n";
}

function integerRepr(k: string, v: unknown): string {
  // checksums are integers in OpenQuake's comment
  return k === "checksum" && typeof v === "number" ? String(v) : pyRepr(v);
}

/** generated_by, start_date, checksum: what OpenQuake puts first in every comment. */
export function metadata(ds: Datastore): Record<string, unknown> {
  const meta = ds.has("metadata") ? ds.get("metadata").data as Record<string, unknown> : {};
  return {
    generated_by: meta.generated_by ?? "OpenQuake engine 3.26.0-quakeserver",
    start_date: meta.start_date ?? new Date().toISOString().slice(0, 19),
    checksum: meta.checksum ?? 0,
  };
}

/** `<prefix>-<kind>_<id>.<fmt>`, quantiles as `quantile_<x>-<q>` (OpenQuake's hazard_name). */
export function hazardName(prefix: string, kind: string, calcId: number, fmt: string): string {
  if (kind.startsWith("quantile-")) {
    return `quantile_${prefix.slice(7)}-${kind.slice(9)}_${calcId}.${fmt}`;
  }
  return `${prefix}-${kind}_${calcId}.${fmt}`;
}

/** `hazard_curve-mean_7.csv` -> `hazard_curve-mean-PGA_7.csv` */
export function addImt(fname: string, imt: string): string {
  return fname.replace(/(_\d+\.)/, `-${imt}$1`);
}

function atSeaLevel(sc: StoredSitecol): boolean {
  return sc.depth.every((d) => d === 0);
}

/** The site columns of maps and UHS: [custom_site_id,] lon, lat[, depth]. */
function siteColumns(
  sc: StoredSitecol,
  withDepth: boolean,
): { header: string[]; rows: string[][] } {
  const header = [...(sc.custom_site_id ? ["custom_site_id"] : []), "lon", "lat"];
  if (withDepth) header.push("depth");
  const rows = sc.lon.map((lon, i) => {
    const r = [
      ...(sc.custom_site_id ? [sc.custom_site_id[i]] : []),
      fmtF(f32(lon), 5),
      fmtF(f32(sc.lat[i]), 5),
    ];
    if (withDepth) r.push(fmtF(f32(sc.depth[i]), 5));
    return r;
  });
  return { header, rows };
}

/** OpenQuake writes site coordinates through float32 arrays. */
function f32(x: number): number {
  return Math.fround(x);
}

/** The header name of a level: `poe-0.1000000` (PGA/PGV/SA) or `poe-1.00000e+00`. */
export function poeColumn(imt: string, iml: number): string {
  if (/^(PGA|PGV|SA)/.test(imt)) return `poe-${fmtF(iml, 7)}`;
  return `poe-${fmtE(iml, 5).toLowerCase()}`;
}

async function writeFile(dir: string, name: string, text: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  if (typeof text === "string") await Deno.writeTextFile(path, text);
  else await Deno.writeFile(path, text);
  return path;
}

/** hcurves, hmaps and uhs as CSV; `kind` narrows to one kind (`mean`, `rlz-001`, `stats`). */
export async function exportHazardCsv(
  ds: Datastore,
  key: "hcurves" | "hmaps" | "uhs",
  dir: string,
  calcId: number,
  kind = "",
): Promise<string[]> {
  const info = readHazardInfo(ds);
  const sc = readSitecol(ds);
  const N = sc.lon.length;
  const meta = metadata(ds);
  const out: string[] = [];
  for (const k of getKinds(info, kind)) {
    const comment = { ...meta, kind: k, investigation_time: info.investigation_time };
    if (key === "hcurves") {
      const fname = hazardName("hazard_curve", k, calcId, "csv");
      const { data } = readKind(ds, "hcurves", info, k); // (N, M, L1)
      const L1 = info.levels[0].length, M = info.imts.length;
      for (let m = 0; m < M; m++) {
        const imt = info.imts[m];
        const header = [
          ...(sc.custom_site_id ? ["custom_site_id"] : []),
          "lon",
          "lat",
          "depth",
          ...info.levels[m].map((iml) => poeColumn(imt, iml)),
        ];
        const rows: string[][] = [];
        for (let s = 0; s < N; s++) {
          const r = sc.custom_site_id ? [sc.custom_site_id[s]] : [];
          r.push(fmtF(f32(sc.lon[s]), 5), fmtF(f32(sc.lat[s]), 5), fmtF(f32(sc.depth[s]), 5));
          for (let l = 0; l < L1; l++) r.push(fmtE(f32(data[(s * M + m) * L1 + l])));
          rows.push(r);
        }
        const name = addImt(fname, imt);
        out.push(await writeFile(dir, name, csvText(header, rows, { ...comment, imt })));
      }
    } else if (key === "hmaps" && info.poes.length && info.hazard_maps) {
      const { data } = readKind(ds, "hmaps", info, k); // (N, M, P)
      const site = siteColumns(sc, !atSeaLevel(sc));
      const P = info.poes.length, M = info.imts.length;
      const header = [
        ...site.header,
        ...info.imts.flatMap((imt) => info.poes.map((p) => `${imt}-${pyFloat(p)}`)),
      ];
      const rows = site.rows.map((r, s) => [
        ...r,
        ...Array.from({ length: M * P }, (_, j) => fmtE(f32(data[s * M * P + j]))),
      ]);
      out.push(
        await writeFile(
          dir,
          hazardName("hazard_map", k, calcId, "csv"),
          csvText(header, rows, comment),
        ),
      );
    } else if (key === "uhs" && info.poes.length && info.uniform_hazard_spectra) {
      const { data } = readKind(ds, "hmaps", info, k); // (N, M, P)
      const site = siteColumns(sc, !atSeaLevel(sc));
      const idx = uhsImtIndices(info.imts);
      const P = info.poes.length, M = info.imts.length;
      const header = [
        ...site.header,
        ...info.poes.flatMap((p) => idx.map((m) => `${fmtF(p, 6)}~${info.imts[m]}`)),
      ];
      const rows = site.rows.map((r, s) => [
        ...r,
        ...info.poes.flatMap((_, p) => idx.map((m) => fmtE(f32(data[(s * M + m) * P + p])))),
      ]);
      out.push(
        await writeFile(
          dir,
          hazardName("hazard_uhs", k, calcId, "csv"),
          csvText(header, rows, comment),
        ),
      );
    }
  }
  return out.sort();
}

/** realizations.csv: rlz_id, branch_path, weight (`%.7e`). */
export async function exportRealizationsCsv(
  ds: Datastore,
  dir: string,
  calcId: number,
): Promise<string[]> {
  const rlzs = readRealizations(ds);
  const rows = rlzs.map((
    r,
  ) => [String(r.rlz_id), r.branch_path, fmtE(f32(r.weight), 7).replace("E", "e")]);
  const text = csvText(["rlz_id", "branch_path", "weight"], rows, metadata(ds));
  return [await writeFile(dir, `realizations_${calcId}.csv`, text)];
}

// ---------------------------------------------------------------------------------------
// npz: `investigation_time` + `all` (site fields, then one record per statistic)

/** The site fields of npz records: [custom_site_id,] lon, lat[, depth]. */
function siteFields(
  sc: StoredSitecol,
): { fields: RecField[]; cols: Record<string, ArrayLike<unknown>> } {
  const fields: RecField[] = [];
  const cols: Record<string, ArrayLike<unknown>> = {};
  if (sc.custom_site_id) {
    const w = Math.max(1, ...sc.custom_site_id.map((s) => new TextEncoder().encode(s).length));
    fields.push({ name: "custom_site_id", dtype: `|S${w}` });
    cols.custom_site_id = sc.custom_site_id;
  }
  fields.push({ name: "lon", dtype: "<f8" }, { name: "lat", dtype: "<f8" });
  cols.lon = sc.lon;
  cols.lat = sc.lat;
  if (!atSeaLevel(sc)) {
    fields.push({ name: "depth", dtype: "<f8" });
    cols.depth = sc.depth;
  }
  return { fields, cols };
}

/** Python's str() of an IML or poe, the field names of nested npz records. */
function pyStr(x: number): string {
  return pyFloat(x);
}

/** The QGIS-layout `all` record array of hcurves, hmaps or uhs statistics. */
export function hazardAllRecords(
  ds: Datastore,
  key: "hcurves" | "hmaps" | "uhs",
): { investigation_time: number; all: ReturnType<typeof packRecords> } | null {
  const info = readHazardInfo(ds);
  const sc = readSitecol(ds);
  const N = sc.lon.length;
  const { fields, cols } = siteFields(sc);
  const stats = [...info.stats].sort();
  if (stats.length === 0) return null;
  const M = info.imts.length, P = info.poes.length, L1 = info.levels[0]?.length ?? 0;
  for (const stat of stats) {
    if (key === "hcurves") {
      const { data } = readKind(ds, "hcurves", info, stat);
      fields.push({
        name: stat,
        dtype: info.imts.map((imt, m) => ({
          name: imt,
          dtype: info.levels[m].map((iml) => ({ name: pyStr(iml), dtype: "<f4" })),
        })),
      });
      info.imts.forEach((imt, m) =>
        info.levels[m].forEach((iml, l) => {
          cols[`${stat}.${imt}.${pyStr(iml)}`] = Array.from({ length: N }, (_, s) =>
            data[(s * M + m) * L1 + l]);
        })
      );
    } else {
      if (!P || !ds.has("hmaps-stats")) return null;
      const { data } = readKind(ds, "hmaps", info, stat);
      if (key === "hmaps") {
        fields.push({
          name: stat,
          dtype: info.imts.map((imt) => ({
            name: imt,
            dtype: info.poes.map((p) => ({ name: pyStr(p), dtype: "<f4" })),
          })),
        });
        info.imts.forEach((imt, m) =>
          info.poes.forEach((p, j) => {
            cols[`${stat}.${imt}.${pyStr(p)}`] = Array.from({ length: N }, (_, s) =>
              data[(s * M + m) * P + j]);
          })
        );
      } else {
        const idx = uhsImtIndices(info.imts);
        fields.push({
          name: stat,
          dtype: info.poes.map((p) => ({
            name: fmtF(p, 6),
            dtype: idx.map((m) => ({ name: info.imts[m], dtype: "<f4" })),
          })),
        });
        info.poes.forEach((p, j) =>
          idx.forEach((m) => {
            cols[`${stat}.${fmtF(p, 6)}.${info.imts[m]}`] = Array.from(
              { length: N },
              (_, s) => data[(s * M + m) * P + j],
            );
          })
        );
      }
    }
  }
  return { investigation_time: info.investigation_time, all: packRecords(fields, cols, N) };
}

async function exportHazardNpz(
  ds: Datastore,
  key: "hcurves" | "hmaps" | "uhs",
  dir: string,
  calcId: number,
): Promise<string[]> {
  const rec = hazardAllRecords(ds, key);
  if (!rec) return [];
  const bytes = npz({ investigation_time: rec.investigation_time, all: rec.all });
  return [await writeFile(dir, `${key}_${calcId}.npz`, bytes)];
}

// ---------------------------------------------------------------------------------------
// legacy NRML XML (engine <= 3.11): hazard curves and maps, one file per kind and IMT

function imtAttrs(imt: string): string {
  const m = /^SA\((.+)\)$/.exec(imt);
  return m ? `IMT="SA" saPeriod="${m[1]}" saDamping="5.0"` : `IMT="${imt}"`;
}

function kindAttrs(kind: string, ds: Datastore): string {
  if (kind === "mean" || kind === "max" || kind === "std") return ` statistics="${kind}"`;
  if (kind.startsWith("quantile-")) {
    return ` statistics="quantile" quantileValue="${kind.slice(9)}"`;
  }
  const r = Number(kind.slice(4));
  const rlz = readRealizations(ds)[r];
  const [sm, gs] = (rlz?.branch_path ?? "~").split("~");
  return ` sourceModelTreePath="${sm}" gsimTreePath="${gs}"`;
}

export async function exportHazardXml(
  ds: Datastore,
  key: "hcurves" | "hmaps",
  dir: string,
  calcId: number,
  kind = "",
): Promise<string[]> {
  const info = readHazardInfo(ds);
  const sc = readSitecol(ds);
  const N = sc.lon.length, M = info.imts.length, P = info.poes.length;
  const out: string[] = [];
  const head =
    `<?xml version="1.0" encoding="utf-8"?>\n<nrml xmlns="http://openquake.org/xmlns/nrml/0.5" xmlns:gml="http://www.opengis.net/gml">\n`;
  for (const k of getKinds(info, kind)) {
    if (key === "hcurves") {
      const { data } = readKind(ds, "hcurves", info, k);
      const L1 = info.levels[0].length;
      for (let m = 0; m < M; m++) {
        let x = head +
          `  <hazardCurves ${imtAttrs(info.imts[m])} investigationTime="${
            pyFloat(info.investigation_time)
          }"${kindAttrs(k, ds)}>\n    <IMLs>${
            info.levels[m].map((v) => fmtE(v, 9)).join(" ")
          }</IMLs>\n`;
        for (let s = 0; s < N; s++) {
          const poes = Array.from({ length: L1 }, (_, l) => fmtE(data[(s * M + m) * L1 + l])).join(
            " ",
          );
          x +=
            `    <hazardCurve>\n      <gml:Point><gml:pos>${sc.lon[s]} ${
              sc.lat[s]
            }</gml:pos></gml:Point>\n` +
            `      <poEs>${poes}</poEs>\n    </hazardCurve>\n`;
        }
        x += "  </hazardCurves>\n</nrml>\n";
        out.push(
          await writeFile(
            dir,
            addImt(hazardName("hazard_curve", k, calcId, "xml"), info.imts[m]),
            x,
          ),
        );
      }
    } else if (P && info.hazard_maps) {
      const { data } = readKind(ds, "hmaps", info, k);
      for (let m = 0; m < M; m++) {
        for (let p = 0; p < P; p++) {
          let x = head +
            `  <hazardMap ${imtAttrs(info.imts[m])} investigationTime="${
              pyFloat(info.investigation_time)
            }" poE="${pyFloat(info.poes[p])}"${kindAttrs(k, ds)}>\n`;
          for (let s = 0; s < N; s++) {
            x += `    <node lon="${sc.lon[s]}" lat="${sc.lat[s]}" iml="${
              fmtE(data[(s * M + m) * P + p])
            }"/>\n`;
          }
          x += "  </hazardMap>\n</nrml>\n";
          const name = hazardName("hazard_map", k, calcId, "xml").replace(
            /(_\d+\.)/,
            `-${info.imts[m]}-${pyFloat(info.poes[p])}$1`,
          );
          out.push(await writeFile(dir, name, x));
        }
      }
    }
  }
  return out.sort();
}

/** The hazard exporters by output type and format (formats in OpenQuake's `outtypes` order). */
export const HAZARD_EXPORTERS: Record<string, Record<string, Exporter>> = {
  hcurves: {
    csv: (ds, _fmt, dir, calcId, kind) => exportHazardCsv(ds, "hcurves", dir, calcId, kind),
    npz: (ds, _fmt, dir, calcId) => exportHazardNpz(ds, "hcurves", dir, calcId),
  },
  hmaps: {
    csv: (ds, _fmt, dir, calcId, kind) => exportHazardCsv(ds, "hmaps", dir, calcId, kind),
    npz: (ds, _fmt, dir, calcId) => exportHazardNpz(ds, "hmaps", dir, calcId),
  },
  uhs: {
    csv: (ds, _fmt, dir, calcId, kind) => exportHazardCsv(ds, "uhs", dir, calcId, kind),
    npz: (ds, _fmt, dir, calcId) => exportHazardNpz(ds, "uhs", dir, calcId),
  },
  realizations: { csv: (ds, _fmt, dir, calcId) => exportRealizationsCsv(ds, dir, calcId) },
};

export type { HazardInfo };
