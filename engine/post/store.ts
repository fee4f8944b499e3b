// SPDX-License-Identifier: AGPL-3.0-or-later
// How a classical calculation keeps its hazard in the datastore, and the readers the
// exporters and extractors share. Layouts follow OpenQuake's datasets:
//   hcurves-rlzs (N, R, M, L1), hcurves-stats (N, S, M, L1), hmaps-rlzs/-stats (N, R|S, M, P),
//   uhs-rlzs/-stats (N, R|S, P, Muhs), sitecol and realizations as JSON, weights (R).
import type { Datastore } from "../datastore.ts";

/** What the exporters need to know about a hazard calculation (dataset `hazard_info`). */
export interface HazardInfo {
  imts: string[];
  /** levels per IMT (all of the same length L1) */
  levels: number[][];
  poes: number[];
  investigation_time: number;
  /** statistics in OpenQuake's order (mean, std, quantile-q..., max) */
  stats: string[];
  num_rlzs: number;
  individual_rlzs: boolean;
  hazard_maps: boolean;
  uniform_hazard_spectra: boolean;
}

/** The site collection as stored (`sitecol`): one array per field. */
export interface StoredSitecol {
  sids: number[];
  lon: number[];
  lat: number[];
  depth: number[];
  vs30?: number[];
  vs30measured?: number[];
  z1pt0?: number[];
  z2pt5?: number[];
  backarc?: number[];
  /** only when the site model gives custom ids */
  custom_site_id?: string[];
}

export interface StoredRealization {
  rlz_id: number;
  branch_path: string;
  weight: number;
}

export function readHazardInfo(ds: Datastore): HazardInfo {
  return ds.get("hazard_info").data as HazardInfo;
}

export function readSitecol(ds: Datastore): StoredSitecol {
  return ds.get("sitecol").data as StoredSitecol;
}

export function readRealizations(ds: Datastore): StoredRealization[] {
  return ds.get("realizations").data as StoredRealization[];
}

/**
 * The kinds exported by default, as OpenQuake's get_kinds: the realizations (`rlz-000`...)
 * when there are several and individual_rlzs is set, or when there are no statistics; then
 * the statistics. `kind` narrows it: `stats`, `rlzs`, or one kind.
 */
export function getKinds(info: HazardInfo, kind = ""): string[] {
  const R = info.num_rlzs;
  const rlzs = Array.from({ length: R }, (_, r) => `rlz-${String(r).padStart(3, "0")}`);
  if (kind === "stats") return [...info.stats];
  if (kind === "rlzs") return rlzs;
  if (kind) return [kind];
  return [
    ...((R > 1 && info.individual_rlzs) || info.stats.length === 0 ? rlzs : []),
    ...info.stats,
  ];
}

/**
 * The (N, X, Y) slice of `<name>-rlzs` or `<name>-stats` for one kind (`mean`, `rlz-001`,
 * `rlz-1`, `quantile-0.1`): returns [site][y...] as a Float64Array of N * inner.
 */
export function readKind(
  ds: Datastore,
  name: "hcurves" | "hmaps" | "uhs",
  info: HazardInfo,
  kind: string,
): { data: Float64Array; inner: number[] } {
  const m = /^rlz-(\d+)$/.exec(kind);
  let dset: string, k: number;
  if (m) {
    dset = `${name}-rlzs`;
    k = Number(m[1]);
  } else {
    dset = `${name}-stats`;
    k = info.stats.indexOf(kind);
    if (k < 0) throw new Error(`unknown kind ${kind}: the statistics are ${info.stats}`);
  }
  if (!ds.has(dset)) throw new Error(`${dset} is not in the datastore`);
  const d = ds.get(dset);
  const [N, K, ...inner] = d.shape;
  if (k >= K) throw new Error(`${kind} is out of range for ${dset} (${K})`);
  const size = inner.reduce((a, b) => a * b, 1);
  const src = d.data as Float64Array;
  const out = new Float64Array(N * size);
  for (let s = 0; s < N; s++) {
    out.set(src.subarray((s * K + k) * size, (s * K + k + 1) * size), s * size);
  }
  return { data: out, inner };
}
