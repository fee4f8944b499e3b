// SPDX-License-Identifier: AGPL-3.0-or-later
// Rupture x sites -> columnar context blocks (DESIGN.md §3, science.md §3.6). Only the
// (rupture, site) rows inside the integration distance exist; the columns are exactly the
// rupture, site and distance parameters the GSIMs of the group require. Blocks have a bounded
// number of rows so that 10^4 sites never materialise all contexts at once.
import { geodeticDistance } from "./geo/geodetic.ts";
import type { DistanceName, Rupture } from "./geo/surface.ts";
import type { ContextBlock, DistParam, GsimDef, RuptureParam, SiteParam } from "./gsim/types.ts";

const KM_TO_DEGREES = 0.0089932;

/** The site collection columns the context builder reads (engine/input/sites.ts). */
export interface SiteColumns {
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  depth: Float64Array;
  vs30?: Float64Array;
  vs30measured?: Float64Array;
  z1pt0?: Float64Array;
  z2pt5?: Float64Array;
  backarc?: Float64Array;
  [field: string]: unknown;
}

/** The union of what a group of GSIMs requires (rrup is always computed: it filters). */
export interface ContextRequires {
  rupture: RuptureParam[];
  sites: SiteParam[];
  distances: DistParam[];
}

export function requiresOf(gsims: GsimDef[]): ContextRequires {
  const r = new Set<RuptureParam>(), s = new Set<SiteParam>(), d = new Set<DistParam>(["rrup"]);
  for (const g of gsims) {
    g.requires.rupture.forEach((p) => r.add(p));
    g.requires.sites.forEach((p) => s.add(p));
    g.requires.distances.forEach((p) => d.add(p));
  }
  return { rupture: [...r], sites: [...s], distances: [...d] };
}

/** A context block with what the kernels need besides the GSIM columns. */
export interface RuptureContextBlock extends ContextBlock {
  /** annual occurrence rate of the rupture of each row (NaN for non-Poissonian ruptures) */
  rate: Float64Array;
  /** site index of each row */
  sid: Uint32Array;
  /** index (within this block) of the rupture of each row */
  rupIndex: Uint32Array;
  /** the ruptures of the block, in order (probsOccur, sourceId, ...) */
  ruptures: Rupture[];
}

export interface ContextOptions {
  /** integration distance of the group's TRT as a function of magnitude (0 = discard) */
  maxDistance: (mag: number) => number;
  /** job.ini minimum_distance: distances below it are raised to it (after filtering) */
  minimumDistance?: number;
  /** rows per block (default 65536) */
  blockRows?: number;
}

type DistFn = (
  lons: ArrayLike<number>,
  lats: ArrayLike<number>,
  names: DistanceName[],
  out: Partial<Record<DistanceName, Float64Array>>,
  depths?: ArrayLike<number>,
) => void;

const SURFACE_DISTANCES = new Set<DistParam>(["rrup", "rjb", "rx", "ry0", "rcdpp"]);

/**
 * Accumulates the rows of successive ruptures into blocks. `add` returns false when the rupture
 * has no site within the integration distance; `flush` hands over the rows gathered so far.
 */
export class ContextBuilder {
  private readonly cap: number;
  private rows = 0;
  private cols: Record<string, Float64Array> = {};
  private rate: Float64Array;
  private sid: Uint32Array;
  private rupIndex: Uint32Array;
  private ruptures: Rupture[] = [];
  private readonly surfDists: DistanceName[];
  // scratch per rupture
  private candLon: Float64Array;
  private candLat: Float64Array;
  private candDep: Float64Array;
  private candSid: Uint32Array;
  /** number of (rupture, site) rows produced so far */
  totalRows = 0;

  constructor(
    readonly sites: SiteColumns,
    readonly req: ContextRequires,
    readonly opts: ContextOptions,
  ) {
    this.cap = opts.blockRows ?? 65536;
    this.rate = new Float64Array(this.cap);
    this.sid = new Uint32Array(this.cap);
    this.rupIndex = new Uint32Array(this.cap);
    for (const p of this.columnNames()) this.cols[p] = new Float64Array(this.cap);
    this.surfDists = req.distances.filter((d) => SURFACE_DISTANCES.has(d)) as DistanceName[];
    if (!this.surfDists.includes("rrup")) this.surfDists.unshift("rrup");
    for (const p of req.sites) {
      if (!(p in sites) && p !== "lon" && p !== "lat") {
        throw new Error(`the site collection has no ${p}, required by the GSIMs`);
      }
    }
    const n = sites.n;
    this.candLon = new Float64Array(n);
    this.candLat = new Float64Array(n);
    this.candDep = new Float64Array(n);
    this.candSid = new Uint32Array(n);
  }

  private order?: Uint32Array;
  private sortedLat?: Float64Array;

  /** site indices sorted by latitude (built once) */
  private latOrder(): Uint32Array {
    if (!this.order) {
      const idx = Array.from({ length: this.sites.n }, (_, i) => i);
      idx.sort((a, b) => this.sites.lat[a] - this.sites.lat[b]);
      this.order = Uint32Array.from(idx);
      this.sortedLat = Float64Array.from(idx, (i) => this.sites.lat[i]);
    }
    return this.order;
  }

  private columnNames(): string[] {
    return [...this.req.rupture, ...this.req.sites, ...this.req.distances];
  }

  get size(): number {
    return this.rows;
  }

  /** Whether the next rupture could overflow the block (flush first). */
  full(): boolean {
    return this.rows >= this.cap;
  }

  /**
   * Adds the rows of one rupture; `pointLike` ruptures keep rrup < D, others rrup <= D.
   * `sids` restricts the sites (ascending indices), e.g. the close or far sites of a point source.
   */
  add(rup: Rupture, pointLike: boolean, sids?: ArrayLike<number>): number {
    const D = this.opts.maxDistance(rup.mag);
    if (!(D > 0)) return 0;
    const s = this.sites;
    // bounding-box prefilter (speed only: it never drops a site with rrup < D)
    const [west, south, east, north] = rup.surface.getBoundingBox();
    const dlat = D * KM_TO_DEGREES;
    const maxlat = Math.min(89.9, Math.max(Math.abs(south), Math.abs(north)) + dlat);
    const dlon = dlat / Math.cos(maxlat * Math.PI / 180);
    const lonMid = west <= east ? (west + east) / 2 : ((west + east + 360) / 2) % 360;
    const lonHalf = (west <= east ? east - west : east + 360 - west) / 2 + dlon;
    let nc = 0;
    // without a site subset, walk only the latitude band of the sites sorted by latitude
    let lo = 0, hi = sids ? sids.length : s.n;
    const order = sids ? undefined : this.latOrder();
    if (order) {
      lo = lowerBound(this.sortedLat!, south - dlat);
      hi = lowerBound(this.sortedLat!, north + dlat + 1e-12);
    }
    const picked: number[] = [];
    for (let k = lo; k < hi; k++) {
      const i = sids ? sids[k] : order![k];
      const lat = s.lat[i];
      if (lat < south - dlat || lat > north + dlat) continue;
      const dl = Math.abs(((s.lon[i] - lonMid + 540) % 360) - 180);
      if (dl > lonHalf) continue;
      picked.push(i);
    }
    // keep the site order of the collection (rows in ascending site id per rupture)
    if (order) picked.sort((a, b) => a - b);
    for (const i of picked) {
      this.candLon[nc] = s.lon[i];
      this.candLat[nc] = s.lat[i];
      this.candDep[nc] = s.depth[i];
      this.candSid[nc] = i;
      nc++;
    }
    if (nc === 0) return 0;
    const lons = this.candLon.subarray(0, nc), lats = this.candLat.subarray(0, nc);
    const deps = this.candDep.subarray(0, nc);
    const out: Partial<Record<DistanceName, Float64Array>> = {};
    (rup.surface.distances as DistFn).call(rup.surface, lons, lats, ["rrup"], out, deps);
    const rrup = out.rrup!;
    const keep: number[] = [];
    for (let j = 0; j < nc; j++) {
      if (pointLike ? rrup[j] < D : rrup[j] <= D) keep.push(j);
    }
    if (keep.length === 0) return 0;
    // the remaining distances only for the kept sites
    const kl = Float64Array.from(keep, (j) => lons[j]);
    const kt = Float64Array.from(keep, (j) => lats[j]);
    const kd = Float64Array.from(keep, (j) => deps[j]);
    const others = this.surfDists.filter((d) => d !== "rrup");
    const dist: Partial<Record<DistanceName, Float64Array>> = {};
    if (others.length) {
      (rup.surface.distances as DistFn).call(rup.surface, kl, kt, others, dist, kd);
    }
    dist.rrup = Float64Array.from(keep, (j) => rrup[j]);
    this.ensure(keep.length);
    const r0 = this.rows;
    const ri = this.ruptures.length;
    this.ruptures.push(rup);
    const rparams = this.rupParams(rup);
    const minDist = this.opts.minimumDistance ?? 0;
    for (let k = 0; k < keep.length; k++) {
      const row = r0 + k;
      const sid = this.candSid[keep[k]];
      this.sid[row] = sid;
      this.rate[row] = rup.rate;
      this.rupIndex[row] = ri;
      for (const [p, v] of rparams) this.cols[p][row] = v;
      for (const p of this.req.sites) {
        const col = p === "lon" ? s.lon : p === "lat" ? s.lat : s[p] as ArrayLike<number>;
        this.cols[p][row] = col[sid];
      }
      for (const d of this.req.distances) {
        let v: number;
        if (d === "rhypo") {
          const h = geodeticDistance(rup.hypo[0], rup.hypo[1], kl[k], kt[k]);
          const dz = rup.hypo[2] - kd[k];
          v = Math.sqrt(h * h + dz * dz);
        } else if (d === "repi") v = geodeticDistance(rup.hypo[0], rup.hypo[1], kl[k], kt[k]);
        else if (d === "rvolc") v = 0;
        else if (SURFACE_DISTANCES.has(d)) v = dist[d as DistanceName]![k];
        else throw new Error(`distance ${d} is not supported by the context builder`);
        if (minDist && v < minDist) v = minDist; // as OpenQuake, every distance column
        this.cols[d][row] = v;
      }
    }
    this.rows += keep.length;
    this.totalRows += keep.length;
    return keep.length;
  }

  private rupParams(rup: Rupture): [string, number][] {
    const out: [string, number][] = [];
    for (const p of this.req.rupture) {
      let v: number;
      switch (p) {
        case "mag":
          v = Math.round(rup.mag * 1000) / 1000; // OpenQuake rounds magnitudes to 3 digits
          break;
        case "rake":
          v = rup.rake;
          break;
        case "dip":
          v = rup.surface.getDip();
          break;
        case "ztor":
          v = rup.surface.getZtor();
          break;
        case "width":
          v = rup.surface.getWidth();
          break;
        case "hypo_depth":
          v = rup.hypo[2];
          break;
        case "hypo_lat":
          v = rup.hypo[1];
          break;
        case "hypo_lon":
          v = rup.hypo[0];
          break;
        default:
          throw new Error(`unknown rupture parameter ${p}`);
      }
      out.push([p, v]);
    }
    return out;
  }

  /** grow the buffers when one rupture brings more rows than are left */
  private ensure(extra: number): void {
    const need = this.rows + extra;
    if (need <= this.rate.length) return;
    const size = Math.max(need, this.rate.length * 2);
    const grow = <T extends Float64Array | Uint32Array>(a: T): T => {
      const b = new (a.constructor as { new (n: number): T })(size);
      b.set(a.subarray(0, this.rows));
      return b;
    };
    this.rate = grow(this.rate);
    this.sid = grow(this.sid);
    this.rupIndex = grow(this.rupIndex);
    for (const k of Object.keys(this.cols)) this.cols[k] = grow(this.cols[k]);
  }

  /** The rows gathered so far as a block (copies), then starts a new block. */
  flush(): RuptureContextBlock {
    const n = this.rows;
    const cols: ContextBlock["cols"] = {};
    for (const [k, v] of Object.entries(this.cols)) {
      (cols as Record<string, Float64Array>)[k] = v.slice(0, n);
    }
    const block: RuptureContextBlock = {
      n,
      cols,
      rate: this.rate.slice(0, n),
      sid: this.sid.slice(0, n),
      rupIndex: this.rupIndex.slice(0, n),
      ruptures: this.ruptures,
    };
    this.rows = 0;
    this.ruptures = [];
    return block;
  }
}

/** first index k with a[k] >= x */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
