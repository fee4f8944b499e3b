// Point sources -> planar ruptures (hazardlib/source/point.py), and the modern point-source
// "collapse" beyond pointsource_distance (hazardlib/contexts.py::_quintets), which the classical
// context builder applies per (point source, magnitude, site).
import type { HypoDepth, NodalPlane, PointSourceSpec } from "./spec.ts";
import type { Rupture } from "../geo/surface.ts";
import { makeMsr, type Msr } from "../scalerel/index.ts";
import { sourceMagRates } from "../mfd/index.ts";
import { PlanarSurface, pointRuptureCorners, rupDims } from "../geo/planar.ts";
import { angularDistance, EARTH_ELEVATION, sphericalToCartesian } from "../geo/geodetic.ts";

/**
 * A point source ready for rupture generation: one location, its (magnitude, rate) bins
 * (rates > 0 only) and the nodal-plane and hypocentre-depth distributions after OpenQuake's
 * duplicate merging. Area and multi-point sources are split into these.
 */
export interface PointSource {
  /** id of the source in the model (area/multi-point: the parent's id) */
  sourceId: string;
  /** OpenQuake's id of the split source (`<id>:<i>` for area/multi-point nodes) */
  splitId: string;
  trt: string;
  lon: number;
  lat: number;
  usd: number;
  lsd: number;
  rar: number;
  msr: Msr;
  magRates: [number, number][];
  nodalPlanes: NodalPlane[];
  hypoDepths: HypoDepth[];
  /** depth of the location used by the collapse distances (0; the mean depth when gridded) */
  depth?: number;
  /** the point sources a ps_grid_spacing cell was collapsed from (see gridPointSources) */
  members?: PointSource[];
}

/**
 * Merge identical values of a nodal-plane or hypo-depth distribution (`fix_dupl` in OpenQuake's
 * source converter): probabilities are summed and, only when something was merged, the list is
 * re-sorted by (probability, value). Idempotent, so it is harmless if a reader already did it.
 */
export function fixDupl<T>(dist: T[], prob: (x: T) => number, key: (x: T) => number[]): T[] {
  const byKey = new Map<string, { p: number; k: number[]; x: T }>();
  for (const x of dist) {
    const p = prob(x);
    if (p === 0) throw new Error(`Zero probability in subnode ${key(x)}`);
    const k = key(x);
    const s = k.join(",");
    const prev = byKey.get(s);
    if (prev) prev.p += p;
    else byKey.set(s, { p, k, x });
  }
  if (byKey.size === dist.length) return dist;
  const merged = [...byKey.values()];
  merged.sort((a, b) => {
    if (a.p !== b.p) return a.p - b.p;
    for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
    return 0;
  });
  return merged.map(({ p, x }) => ({ ...x, probability: p }));
}

/** Nodal planes after duplicate merging. */
export function fixNodalPlanes(nps: NodalPlane[]): NodalPlane[] {
  return fixDupl(nps, (n) => n.probability, (n) => [n.strike, n.dip, n.rake]);
}

/** Hypocentral depths after duplicate merging. */
export function fixHypoDepths(hds: HypoDepth[]): HypoDepth[] {
  return fixDupl(hds, (h) => h.probability, (h) => [h.depth]);
}

/** Checks of PointSource's constructor, with the source's place. */
export function checkPointLike(
  where: string,
  usd: number,
  lsd: number,
  hypoDepths: HypoDepth[],
  rar?: number,
): void {
  if (rar !== undefined && !(rar > 0)) {
    throw new Error(`${where}: rupture aspect ratio must be positive`);
  }
  if (!(lsd > usd)) {
    throw new Error(`${where}: lower seismogenic depth must be below upper seismogenic depth`);
  }
  for (const { depth } of hypoDepths) {
    if (depth > lsd) {
      throw new Error(`${where}: depth=${depth} is below lower_seismogenic_depth=${lsd}`);
    }
    if (depth < usd) {
      throw new Error(`${where}: depth=${depth} is over upper_seismogenic_depth=${usd}`);
    }
  }
  if (!(usd > EARTH_ELEVATION)) {
    throw new Error(
      `${where}: Upper seismogenic depth must be greater than the maximum elevation on ` +
        "Earth's surface (-8.848 km)",
    );
  }
}

/** What point, area and multi-point source specs share: all but the location(s) and MFD(s). */
export type PointLikeSpec = Omit<PointSourceSpec, "kind" | "location" | "mfd">;

/** The prefix of a source's errors: `<file>:<line>: source <id>`. */
export function sourceWhere(src: PointLikeSpec): string {
  return `${src.place.file}:${src.place.line}: source ${src.id}`;
}

/**
 * The nodal-plane and hypo-depth distributions an area or multi-point source gives all its
 * point sources: duplicates merged, depths checked against the seismogenic layer.
 */
export function pointLikeDistributions(
  src: PointLikeSpec,
  where: string,
): Pick<PointSource, "nodalPlanes" | "hypoDepths"> {
  const hypoDepths = fixHypoDepths(src.hypoDepths);
  checkPointLike(
    where,
    src.upperSeismoDepth,
    src.lowerSeismoDepth,
    hypoDepths,
    src.ruptAspectRatio,
  );
  return { nodalPlanes: fixNodalPlanes(src.nodalPlanes), hypoDepths };
}

/** The PointSource at (lon, lat) of a point-like spec, `splitId` naming it as OpenQuake. */
export function pointSourceAt(
  src: PointLikeSpec,
  splitId: string,
  lon: number,
  lat: number,
  msr: Msr,
  magRates: [number, number][],
  { nodalPlanes, hypoDepths }: Pick<PointSource, "nodalPlanes" | "hypoDepths">,
): PointSource {
  return {
    sourceId: src.id,
    splitId,
    trt: src.trt,
    lon,
    lat,
    usd: src.upperSeismoDepth,
    lsd: src.lowerSeismoDepth,
    rar: src.ruptAspectRatio,
    msr,
    magRates,
    nodalPlanes,
    hypoDepths,
  };
}

/** The PointSource of a pointSource spec. */
export function pointSourceOf(src: PointSourceSpec, widthOfMfdBin?: number): PointSource {
  const where = sourceWhere(src);
  const hypoDepths = fixHypoDepths(src.hypoDepths);
  checkPointLike(
    where,
    src.upperSeismoDepth,
    src.lowerSeismoDepth,
    hypoDepths,
    src.ruptAspectRatio,
  );
  let magRates: [number, number][], msr: Msr;
  try {
    magRates = sourceMagRates(src.mfd, widthOfMfdBin);
    msr = makeMsr(src.msr);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  return pointSourceAt(src, src.id, src.location[0], src.location[1], msr, magRates, {
    nodalPlanes: fixNodalPlanes(src.nodalPlanes),
    hypoDepths,
  });
}

/** Number of nodal planes × hypocentral depths (`count_nphc`). */
export function countNphc(ps: PointSource): number {
  return ps.nodalPlanes.length * ps.hypoDepths.length;
}

/** Number of ruptures of a point source (`count_ruptures`). */
export function countPointRuptures(ps: PointSource): number {
  return ps.magRates.length * countNphc(ps);
}

/** The planar surface of one rupture (magnitude, nodal plane, hypocentral depth). */
export function pointSurface(ps: PointSource, mag: number, np: NodalPlane, depth: number) {
  const area = ps.msr.getMedianArea(mag, np.rake);
  const [tl, tr, bl, br] = pointRuptureCorners(
    ps.usd,
    ps.lsd,
    ps.rar,
    area,
    np.strike,
    np.dip,
    ps.lon,
    ps.lat,
    depth,
  );
  return new PlanarSurface(np.strike, np.dip, tl, tr, br, bl, false);
}

/** The ruptures of one magnitude bin, nodal plane major, then depth (OpenQuake's order). */
export function pointMagRuptures(ps: PointSource, m: number): Rupture[] {
  const [mag, mrate] = ps.magRates[m];
  const out: Rupture[] = [];
  for (const np of ps.nodalPlanes) {
    for (const hd of ps.hypoDepths) {
      out.push({
        mag,
        rake: np.rake,
        trt: ps.trt,
        // the original hypocentre is kept even when the plane is shifted (shift_hypo=false)
        hypo: [ps.lon, ps.lat, hd.depth],
        surface: pointSurface(ps, mag, np, hd.depth),
        rate: mrate * (np.probability * hd.probability),
        sourceId: ps.sourceId,
      });
    }
  }
  return out;
}

/**
 * All ruptures of a point source, lazily: one per (magnitude, nodal plane, depth), rate =
 * rate_m · p_plane · p_depth, hypocentre at the source location and the nominal depth.
 */
export function* pointRuptures(ps: PointSource): Generator<Rupture> {
  for (let m = 0; m < ps.magRates.length; m++) yield* pointMagRuptures(ps, m);
}

/**
 * Weighted averages of strike, dip, rake (nodal-plane weights, arithmetic means, not circular)
 * and depth (hypo-depth weights), as `calc_average([src])`.
 */
export function averagePlane(
  ps: PointSource,
): { strike: number; dip: number; rake: number; depth: number } {
  const avg = (xs: number[], ws: number[]) => {
    let s = 0, w = 0;
    for (let i = 0; i < xs.length; i++) s += xs[i] * ws[i];
    for (let i = 0; i < ws.length; i++) w += ws[i];
    return s / w;
  };
  const nw = ps.nodalPlanes.map((n) => n.probability);
  const dw = ps.hypoDepths.map((h) => h.probability);
  return {
    strike: avg(ps.nodalPlanes.map((n) => n.strike), nw),
    dip: avg(ps.nodalPlanes.map((n) => n.dip), nw),
    rake: avg(ps.nodalPlanes.map((n) => n.rake), nw),
    depth: avg(ps.hypoDepths.map((h) => h.depth), dw),
  };
}

/**
 * The averaged rupture of magnitude bin m (`PointSource.iruptures`): a single plane with the
 * weighted-mean strike, dip, rake and depth, carrying the whole rate of the magnitude.
 */
export function averagedRupture(ps: PointSource, m: number): Rupture {
  const a = averagePlane(ps);
  const [mag, mrate] = ps.magRates[m];
  const np: NodalPlane = { probability: 1, strike: a.strike, dip: a.dip, rake: a.rake };
  return {
    mag,
    rake: a.rake,
    trt: ps.trt,
    hypo: [ps.lon, ps.lat, a.depth],
    surface: pointSurface(ps, mag, np, a.depth),
    rate: mrate * (1 * 1),
    sourceId: ps.sourceId,
  };
}

/**
 * Projection radius per magnitude bin (`_get_max_rupture_projection_radius`): half the diagonal
 * √(L² + W_h²)/2 of the rupture of the LAST nodal plane of the distribution (OpenQuake uses
 * planin.area[-1], planin.dip[-1], not the maximum over planes); zeros for PointMSR.
 */
export function pointRadii(ps: PointSource): Float64Array {
  const out = new Float64Array(ps.magRates.length);
  if (ps.msr.name === "PointMSR") return out;
  const np = ps.nodalPlanes[ps.nodalPlanes.length - 1];
  for (let m = 0; m < ps.magRates.length; m++) {
    const area = ps.msr.getMedianArea(ps.magRates[m][0], np.rake);
    const [l, w] = rupDims(ps.usd, ps.lsd, ps.rar, area, np.dip);
    out[m] = Math.sqrt(l ** 2 + w ** 2) / 2.0;
  }
  return out;
}

/** Parameters of the point-source collapse, from job.ini and the site collection. */
export interface CollapseParams {
  /** integration distance D_trt(M) in km (0 outside the magnitude knots) */
  maxDist: (mag: number) => number;
  /** [first knot, last knot] magnitudes of D_trt (after minimum_magnitude); outside: skipped */
  magRange: [number, number];
  /**
   * pointsource_distance for the TRT (OpenQuake's default 100 km; 1000 = no collapse), or a
   * function of magnitude where the job gives it per magnitude
   */
  pointsourceDistance: number | ((mag: number) => number);
  /** ps_grid_spacing (default 0) */
  psGridSpacing?: number;
  /** total number of sites <= max_sites_disagg (default 10): all-or-nothing collapse */
  fewSites: boolean;
}

/** Sites as the collapse sees them: lon/lat degrees, depth km (default 0). */
export interface SiteCoords {
  lons: ArrayLike<number>;
  lats: ArrayLike<number>;
  depths?: ArrayLike<number>;
}

/** One block of work: these ruptures (all of magnitude `mag`) against these site indices. */
export interface PointBlock {
  mag: number;
  /** index of the magnitude bin in ps.magRates */
  magIndex: number;
  ruptures: Rupture[];
  /** indices into the site arrays, ascending */
  sids: Int32Array;
  /** true when `ruptures` is the single averaged rupture */
  collapsed: boolean;
}

/**
 * Euclidean distances (km) between the sites (Cartesian with their depth) and the source
 * location at depth 0 (`SiteCollection.get_cdist`).
 */
export function cdist(ps: PointSource, sites: SiteCoords): Float64Array {
  const [x0, y0, z0] = sphericalToCartesian(ps.lon, ps.lat, ps.depth ?? 0);
  const n = sites.lons.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [x, y, z] = sphericalToCartesian(
      sites.lons[i],
      sites.lats[i],
      sites.depths ? sites.depths[i] : 0,
    );
    out[i] = Math.sqrt((x - x0) ** 2 + (y - y0) ** 2 + (z - z0) ** 2);
  }
  return out;
}

/**
 * Which ruptures of a point source each site sees, as modern OpenQuake (`_quintets`):
 *
 * 1. sites farther than D(M_max) + min(radius_max, D(M_max)/2) + 0.707·ps_grid_spacing from the
 *    source location (Cartesian, `cdist`) are dropped; magnitudes outside `magRange` skipped;
 * 2. with a single nodal plane and depth, every magnitude's ruptures go to all kept sites;
 * 3. otherwise, per magnitude m, psdist = min(radius_m, D(M)/2) + 0.707·ps_grid_spacing +
 *    pointsource_distance; sites with cdist <= psdist ("close") get the full ruptures, the
 *    others ("far") the one averaged rupture (averagedRupture). With `fewSites`, all sites get
 *    the full ruptures if any is close, else all get the averaged one.
 *
 * The caller then computes distances of each block's ruptures to its sites and keeps the pairs
 * with rrup < D(M) (strict, point-like sources). Blocks come in magnitude order; within a
 * magnitude the far block precedes the close one, as OpenQuake.
 */
export function* pointBlocks(
  ps: PointSource,
  sites: SiteCoords,
  p: CollapseParams,
): Generator<PointBlock> {
  const nm = ps.magRates.length;
  if (nm === 0) return;
  const magdist = ps.magRates.map(([mag]) => p.maxDist(mag));
  let maxdist = -1;
  for (let m = 0; m < nm; m++) if (magdist[m] > 0) maxdist = magdist[m]; // at the largest mag
  if (maxdist < 0) return;
  const grid = (p.psGridSpacing ?? 0) * .707;
  const radius = pointRadii(ps);
  const maxRadius = Math.min(radius[nm - 1], maxdist / 2) + grid;
  const cd = cdist(ps, sites);
  const kept: number[] = [];
  for (let i = 0; i < cd.length; i++) if (cd[i] <= maxdist + maxRadius) kept.push(i);
  if (!kept.length) return;
  const all = Int32Array.from(kept);
  const [minmag, maxmag] = p.magRange;
  const single = !ps.members && countNphc(ps) === 1;
  for (let m = 0; m < nm; m++) {
    const mag = ps.magRates[m][0];
    if (mag < minmag || mag > maxmag) continue;
    if (single) {
      yield { mag, magIndex: m, ruptures: pointMagRuptures(ps, m), sids: all, collapsed: false };
      continue;
    }
    const psd = typeof p.pointsourceDistance === "function"
      ? p.pointsourceDistance(mag)
      : p.pointsourceDistance;
    const psdist = Math.min(radius[m], magdist[m] / 2) + grid + psd;
    const close = kept.filter((i) => cd[i] <= psdist);
    const far = kept.filter((i) => cd[i] > psdist);
    const full = () => ({
      mag,
      magIndex: m,
      ruptures: ps.members ? memberRuptures(ps, m) : pointMagRuptures(ps, m),
      collapsed: false,
    });
    const avg = () => ({
      mag,
      magIndex: m,
      ruptures: [averagedRupture(ps, m)],
      collapsed: true,
    });
    if (p.fewSites) {
      if (close.length === 0) yield { ...avg(), sids: all };
      else yield { ...full(), sids: all };
    } else {
      if (far.length) yield { ...avg(), sids: Int32Array.from(far) };
      if (close.length) yield { ...full(), sids: Int32Array.from(close) };
    }
  }
}

/**
 * Ruptures of magnitude bin m of a gridded cell for its close sites, as OpenQuake's
 * genctxs_Pp: the planes of every member having that magnitude, each with rate
 * (summed rate of the magnitude) × p_plane × p_depth / (number of such members).
 */
function memberRuptures(cell: PointSource, m: number): Rupture[] {
  const [mag, mrate] = cell.magRates[m];
  const rups: Rupture[] = [];
  let count = 0;
  for (const ps of cell.members!) {
    const k = ps.magRates.findIndex(([x]) => x === mag);
    if (k < 0) continue;
    count++;
    for (const r of pointMagRuptures(ps, k)) rups.push(r);
  }
  // pointMagRuptures set rate = own rate × p × p: rescale to the cell's averaged rate
  let i = 0;
  for (const ps of cell.members!) {
    const k = ps.magRates.findIndex(([x]) => x === mag);
    if (k < 0) continue;
    for (const np of ps.nodalPlanes) {
      for (const hd of ps.hypoDepths) {
        rups[i++].rate = mrate * (np.probability * hd.probability / count);
      }
    }
  }
  return rups;
}

/** numpy.arange(start, stop, step) for floats (filled as start + i·(second − start)). */
function arange(start: number, stop: number, step: number): number[] {
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const out: number[] = [];
  const second = start + step;
  const delta = second - start;
  for (let i = 0; i < n; i++) out.push(i === 0 ? start : i === 1 ? second : start + i * delta);
  return out;
}

/** numpy.searchsorted(bins, x, side="right") */
function searchRight(bins: number[], x: number): number {
  let lo = 0, hi = bins.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bins[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * ps_grid_spacing (science.md §3.7.2, OpenQuake's `grid_point_sources`): the point sources of a
 * group (area and multi-point sources already split, sources below minimum_magnitude dropped)
 * are bucketed in a lon/lat grid of `spacing` km; each cell with two or more sources becomes one
 * collapsed source at the rate-weighted mean location and depth, with the mean plane, the summed
 * MFD and the members (locations and depths in float32, as OpenQuake stores them). pointBlocks
 * gives far sites the cell's averaged rupture and close sites the members' ruptures. Returns the
 * sources unchanged when spacing is 0 or the points do not span a grid.
 */
export function gridPointSources(sources: PointSource[], spacing: number): PointSource[] {
  if (!spacing || sources.length < 2) return sources;
  const xs = sources.map((s) => s.lon), ys = sources.map((s) => s.lat);
  if (new Set(xs).size === 1 || new Set(ys).size === 1) return sources;
  const meanLat = ys.reduce((a, b) => a + b, 0) / ys.length;
  const deltax = angularDistance(spacing, meanLat), deltay = angularDistance(spacing);
  let xmin = Infinity, xmax = -Infinity, ymin = Infinity, ymax = -Infinity;
  for (let k = 0; k < xs.length; k++) {
    xmin = Math.min(xmin, xs[k]);
    xmax = Math.max(xmax, xs[k]);
    ymin = Math.min(ymin, ys[k]);
    ymax = Math.max(ymax, ys[k]);
  }
  const nx = Math.ceil((xmax - xmin) / deltax), ny = Math.ceil((ymax - ymin) / deltay);
  const xbins = arange(xmin, xmax, (xmax - xmin) / nx);
  const ybins = arange(ymin, ymax, (ymax - ymin) / ny);
  const cells = new Map<string, number[]>();
  sources.forEach((_, k) => {
    const key = `${searchRight(xbins, xs[k])},${searchRight(ybins, ys[k])}`;
    const c = cells.get(key);
    if (c) c.push(k);
    else cells.set(key, [k]);
  });
  const out: PointSource[] = [];
  let cnt = 0;
  for (const idxs of cells.values()) {
    if (idxs.length === 1) {
      out.push(sources[idxs[0]]);
      continue;
    }
    cnt++;
    out.push(collapseCell(idxs.map((i) => sources[i]), `cps-${String(cnt).padStart(4, "0")}`));
  }
  return out;
}

/**
 * OpenQuake's CollapsedPointSource of `members`: the averages of `calc_average` (rate-weighted
 * location and layer, plane-weighted strike/dip/rake, depth-weighted depth) and the summed rates
 * by magnitude; members keep their own planes (locations in float32).
 */
export function collapseCell(members: PointSource[], id: string): PointSource {
  const avg = (xs: number[], ws: number[]) => {
    let s = 0, w = 0;
    for (let i = 0; i < xs.length; i++) s += xs[i] * ws[i];
    for (const x of ws) w += x;
    return s / w;
  };
  const nps = members.flatMap((m) => m.nodalPlanes);
  const hds = members.flatMap((m) => m.hypoDepths);
  const nw = nps.map((n) => n.probability), dw = hds.map((h) => h.probability);
  const rw = members.map((m) => m.magRates.reduce((a, [, r]) => a + r, 0));
  const by = (f: (m: PointSource) => number) => avg(members.map(f), rw);
  const strike = avg(nps.map((n) => n.strike), nw), dip = avg(nps.map((n) => n.dip), nw);
  const rake = avg(nps.map((n) => n.rake), nw), depth = avg(hds.map((h) => h.depth), dw);
  const rates = new Map<number, number>();
  for (const m of members) {
    for (const [mag, r] of m.magRates) rates.set(mag, (rates.get(mag) ?? 0) + r);
  }
  const f32 = Math.fround;
  return {
    sourceId: members[0].sourceId,
    splitId: id,
    trt: members[0].trt,
    lon: by((m) => m.lon),
    lat: by((m) => m.lat),
    usd: by((m) => m.usd),
    lsd: by((m) => m.lsd),
    rar: by((m) => m.rar),
    msr: members[0].msr,
    magRates: [...rates.entries()].sort((a, b) => a[0] - b[0]),
    nodalPlanes: [{ probability: 1, strike, dip, rake }],
    hypoDepths: [{ probability: 1, depth }],
    depth,
    members: members.map((m) => ({
      ...m,
      lon: f32(m.lon),
      lat: f32(m.lat),
      usd: f32(m.usd),
      lsd: f32(m.lsd),
      rar: f32(m.rar),
    })),
  };
}
