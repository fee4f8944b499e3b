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
  if (ol.length < 2) throw new Error("At least two distinct points are needed for a line!");
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

type XY = [number, number];

const sameXY = (a: XY, b: XY) => a[0] === b[0] && a[1] === b[1];

/** q on the closed segment a-b, knowing the three are collinear */
function onSegment(a: XY, b: XY, q: XY): boolean {
  return Math.min(a[0], b[0]) <= q[0] && q[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= q[1] && q[1] <= Math.max(a[1], b[1]);
}

function segmentsIntersect(p1: XY, p2: XY, q1: XY, q2: XY): boolean {
  const o1 = orientation(p1[0], p1[1], p2[0], p2[1], q1[0], q1[1]);
  const o2 = orientation(p1[0], p1[1], p2[0], p2[1], q2[0], q2[1]);
  const o3 = orientation(q1[0], q1[1], q2[0], q2[1], p1[0], p1[1]);
  const o4 = orientation(q1[0], q1[1], q2[0], q2[1], p2[0], p2[1]);
  if (o1 !== o2 && o3 !== o4 && o1 * o2 <= 0 && o3 * o4 <= 0) {
    if (o1 !== 0 || o2 !== 0) return true;
  }
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, p2, q2)) ||
    (o3 === 0 && onSegment(q1, q2, p1)) || (o4 === 0 && onSegment(q1, q2, p2));
}

/** Two segments sharing the vertex b (a-b then b-c) overlap if c folds back along a-b. */
function foldsBack(a: XY, b: XY, c: XY): boolean {
  if (orientation(a[0], a[1], b[0], b[1], c[0], c[1]) !== 0) return false;
  return (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]) < 0;
}

/**
 * True if the open line through `pts` is not simple (shapely's LineString.is_simple): two
 * segments meet other than consecutive ones at their shared vertex, or at the shared start/end
 * point of a closed line. Zero-length segments are ignored.
 */
export function lineIntersectsItself(pts: XY[]): boolean {
  const segs: [XY, XY][] = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    if (!sameXY(pts[i], pts[i + 1])) segs.push([pts[i], pts[i + 1]]);
  }
  const closed = segs.length > 1 && sameXY(segs[0][0], segs[segs.length - 1][1]);
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const [a, b] = segs[i], [c, d] = segs[j];
      if (j === i + 1) {
        if (foldsBack(a, b, d)) return true;
        continue;
      }
      if (closed && i === 0 && j === segs.length - 1) {
        if (foldsBack(c, d, b)) return true;
        continue;
      }
      if (segmentsIntersect(a, b, c, d)) return true;
    }
  }
  return false;
}

/**
 * OpenQuake's `line_intersects_itself(lons, lats, closed_shape=True)`: the vertices projected
 * (orthographic, centred on their bounding box) are checked as an open line, then rolled by one
 * so that the closing edge is checked too.
 */
export function ringIntersectsItself(lons: number[], lats: number[]): boolean {
  if (lons.length <= 3) return false;
  const proj = OrthographicProjection.fromPoints(lons, lats);
  const pts = lons.map((l, i) => proj.project(l, lats[i]));
  if (lineIntersectsItself(pts)) return true;
  const rolled = [pts[pts.length - 1], ...pts.slice(0, -1)];
  return lineIntersectsItself(rolled);
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
    if (ringIntersectsItself(lons, lats)) throw new Error("polygon perimeter intersects itself");
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
