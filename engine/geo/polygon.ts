// Polygons on the sphere (hazardlib/geo/polygon.py): edges resampled every 100 km, projected
// orthographically, and discretized into the grid of nodes used by area sources. The
// point-in-polygon test follows GEOS' ray-crossing rule (boundary points are outside) with an
// exact orientation predicate, so grid nodes on an edge behave as in OpenQuake (shapely).
import {
  geodeticDistance,
  longitudinalExtent,
  npointsBetween,
  OrthographicProjection,
  pointAt,
  sphericalBoundingBox,
} from "./geodetic.ts";

const UPSAMPLING_STEP_KM = 100;

/** Drop adjacent duplicate vertices (`clean_points`). */
function cleanPoints(lons: number[], lats: number[]): [number[], number[]] {
  const ol = [lons[0]], oa = [lats[0]];
  for (let i = 1; i < lons.length; i++) {
    if (lons[i] !== ol[ol.length - 1] || lats[i] !== oa[oa.length - 1]) {
      ol.push(lons[i]);
      oa.push(lats[i]);
    }
  }
  return [ol, oa];
}

/**
 * Edges longer than 200 km get intermediate great-circle vertices: an edge of length d is split
 * into int(d/100) equal parts (`get_resampled_coordinates`).
 */
export function resampledCoordinates(lons: number[], lats: number[]): [number[], number[]] {
  const n = lons.length;
  const rl = [lons[0]], ra = [lats[0]];
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const d = geodeticDistance(lons[i], lats[i], lons[j], lats[j]);
    const np = Math.trunc(d / UPSAMPLING_STEP_KM) + 1;
    if (np >= 2) {
      const [nl, na] = npointsBetween(lons[i], lats[i], 0, lons[j], lats[j], 0, np);
      for (let k = 1; k < nl.length; k++) {
        rl.push(nl[k]);
        ra.push(na[k]);
      }
    } else {
      rl.push(lons[j]);
      ra.push(lats[j]);
    }
  }
  rl.pop();
  ra.pop();
  return [rl, ra];
}

// ---- exact orientation of (p1, p2, q): sign of (p2 - p1) x (q - p1) ----

/** A finite double as an exact rational m·2^e (BigInt mantissa). */
function toExact(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, x);
  const hi = buf.getUint32(0), lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = exp - 1075;
  }
  return [sign * mant, e];
}

function exactSub(a: number, b: number): [bigint, number] {
  const [ma, ea] = toExact(a), [mb, eb] = toExact(b);
  const e = Math.min(ea, eb);
  return [(ma << BigInt(ea - e)) - (mb << BigInt(eb - e)), e];
}

function orientationExact(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  qx: number,
  qy: number,
): number {
  const [dx1, ex1] = exactSub(p2x, p1x), [dy1, ey1] = exactSub(p2y, p1y);
  const [dx2, ex2] = exactSub(qx, p1x), [dy2, ey2] = exactSub(qy, p1y);
  // det = dx1*dy2 - dy1*dx2
  const [m1, e1] = [dx1 * dy2, ex1 + ey2];
  const [m2, e2] = [dy1 * dx2, ey1 + ex2];
  const e = Math.min(e1, e2);
  const det = (m1 << BigInt(e1 - e)) - (m2 << BigInt(e2 - e));
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/** Sign of the orientation of q relative to the directed segment p1→p2 (1 left, −1 right). */
export function orientation(
  p1x: number,
  p1y: number,
  p2x: number,
  p2y: number,
  qx: number,
  qy: number,
): number {
  const detl = (p2x - p1x) * (qy - p1y);
  const detr = (p2y - p1y) * (qx - p1x);
  const det = detl - detr;
  const errbound = 1e-14 * (Math.abs(detl) + Math.abs(detr));
  if (det > errbound) return 1;
  if (-det > errbound) return -1;
  return orientationExact(p1x, p1y, p2x, p2y, qx, qy);
}

/**
 * Location of (x, y) relative to a closed ring (xs, ys; last vertex joins the first):
 * 1 interior, 0 boundary, −1 exterior, with GEOS' RayCrossingCounter rules.
 */
export function locateInRing(x: number, y: number, xs: number[], ys: number[]): number {
  let crossings = 0;
  const n = xs.length;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    const p1x = xs[i], p1y = ys[i], p2x = xs[j], p2y = ys[j];
    if (p1x < x && p2x < x) continue;
    if (x === p2x && y === p2y) return 0;
    if (p1y === y && p2y === y) {
      const minx = Math.min(p1x, p2x), maxx = Math.max(p1x, p2x);
      if (minx <= x && x <= maxx) return 0;
      continue;
    }
    if ((p1y > y && p2y <= y) || (p2y > y && p1y <= y)) {
      let orient = orientation(p1x, p1y, p2x, p2y, x, y);
      if (orient === 0) return 0;
      if (p2y < p1y) orient = -orient;
      if (orient > 0) crossings++;
    }
  }
  return crossings % 2 === 1 ? 1 : -1;
}

/** A polygon on the Earth surface: vertices connected by great-circle arcs. */
export class Polygon {
  readonly lons: number[];
  readonly lats: number[];
  private proj?: OrthographicProjection;
  private bbox?: [number, number, number, number];
  private xs?: number[];
  private ys?: number[];

  /** `points`: [lon, lat] per vertex, ring not necessarily closed. */
  constructor(points: readonly (readonly number[])[]) {
    if (!points.length) throw new Error("At least two distinct points are needed for a line!");
    const [lons, lats] = cleanPoints(points.map((p) => p[0]), points.map((p) => p[1]));
    if (lons.length < 3) throw new Error("polygon must have at least 3 unique vertices");
    this.lons = lons;
    this.lats = lats;
  }

  private init(): void {
    if (this.proj) return;
    const [lons, lats] = resampledCoordinates(this.lons, this.lats);
    this.bbox = sphericalBoundingBox(lons, lats);
    this.proj = new OrthographicProjection(...this.bbox);
    this.xs = [];
    this.ys = [];
    for (let i = 0; i < lons.length; i++) {
      const [x, y] = this.proj.project(lons[i], lats[i]);
      this.xs.push(x);
      this.ys.push(y);
    }
  }

  /** True where (lon, lat) is strictly inside (boundary excluded), as shapely's `contains`. */
  contains(lon: number, lat: number): boolean {
    this.init();
    const [x, y] = this.proj!.project(lon, lat);
    return locateInRing(x, y, this.xs!, this.ys!) === 1;
  }

  /** Inside or on the boundary (`Polygon.intersects` of a point). */
  intersects(lon: number, lat: number): boolean {
    this.init();
    const [x, y] = this.proj!.project(lon, lat);
    return locateInRing(x, y, this.xs!, this.ys!) >= 0;
  }

  /**
   * Grid nodes `spacing` km apart inside the polygon (`Polygon.discretize`): rows from the north
   * edge of the bounding box southwards, each row from its west edge eastwards.
   */
  discretize(spacing: number): [number[], number[]] {
    this.init();
    const [west, east, north, south] = this.bbox!;
    const lons: number[] = [], lats: number[] = [];
    let latitude = north;
    while (latitude > south) {
      let longitude = west;
      while (longitudinalExtent(longitude, east) > 0) {
        if (this.contains(longitude, latitude)) {
          lons.push(longitude);
          lats.push(latitude);
        }
        longitude = pointAt(longitude, latitude, 90, spacing)[0];
      }
      latitude = pointAt(west, latitude, 180, spacing)[1];
    }
    if (lons.length === 0) {
      throw new Error(`The area_source_discretization is too large (${Math.trunc(spacing)} km)`);
    }
    return [lons, lats];
  }
}
