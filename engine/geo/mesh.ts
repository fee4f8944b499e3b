// Rectangular meshes of points (rows down-dip, columns along strike) and the distances from a
// mesh to sites with OpenQuake's conventions (hazardlib/geo/mesh.py, geo/surface/base.py).
// A mesh is a view (row/column window) over shared typed arrays, so the ruptures floating on a
// fault share the coordinates, and the Cartesian positions, of the whole-fault mesh.

import {
  azimuth,
  crossTrack,
  distanceToArc,
  EARTH_RADIUS,
  haversine,
  middlePoint,
  OrthographicProjection,
  pyMod,
  semiArcTrack,
  sphericalBoundingBox,
  sphericalToCartesianInto,
} from "./geodetic.ts";
import type { DistanceName } from "./surface.ts";

/** Tolerance (km) of OpenQuake's Rjb polygons: stripes are buffered by 5 m. */
export const DIST_TOLERANCE = 0.005;
/** Sites closer than this to the mesh nodes get the polygon-based Rjb. */
const RJB_POLYGON_DISTANCE = 40;

/** Coordinates shared by a mesh and its sub-meshes. */
class MeshData {
  private xyzCache?: Float64Array;
  private sxyzCache?: Float64Array;
  constructor(
    readonly nrows: number,
    readonly ncols: number,
    readonly lons: Float64Array,
    readonly lats: Float64Array,
    readonly depths: Float64Array,
  ) {}

  /** Earth-centred Cartesian positions, 3 per node. */
  get xyz(): Float64Array {
    if (!this.xyzCache) {
      const n = this.lons.length, out = new Float64Array(3 * n);
      for (let k = 0; k < n; k++) {
        sphericalToCartesianInto(this.lons[k], this.lats[k], this.depths[k], out, 3 * k);
      }
      this.xyzCache = out;
    }
    return this.xyzCache;
  }

  /** Cartesian positions of the nodes projected to the surface (depth 0). */
  get sxyz(): Float64Array {
    if (!this.sxyzCache) {
      const n = this.lons.length, out = new Float64Array(3 * n);
      for (let k = 0; k < n; k++) {
        sphericalToCartesianInto(this.lons[k], this.lats[k], 0, out, 3 * k);
      }
      this.sxyzCache = out;
    }
    return this.sxyzCache;
  }
}

export class RectMesh {
  private constructor(
    private readonly data: MeshData,
    readonly r0: number,
    readonly c0: number,
    readonly rows: number,
    readonly cols: number,
  ) {}

  /** A mesh from row-major coordinate arrays of rows x cols nodes. */
  static of(
    rows: number,
    cols: number,
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    depths: ArrayLike<number>,
  ): RectMesh {
    const n = rows * cols;
    if (lons.length !== n || lats.length !== n || depths.length !== n) {
      throw new Error(`mesh of ${rows}x${cols} needs ${n} coordinates`);
    }
    const d = new MeshData(
      rows,
      cols,
      Float64Array.from(lons),
      Float64Array.from(lats),
      Float64Array.from(depths),
    );
    return new RectMesh(d, 0, 0, rows, cols);
  }

  /** A mesh from rows of [lon, lat, depth?] points. */
  static fromRows(points: number[][][]): RectMesh {
    const rows = points.length, cols = points[0].length;
    const lons: number[] = [], lats: number[] = [], deps: number[] = [];
    for (const row of points) {
      if (row.length !== cols) throw new Error("mesh rows are not of uniform length");
      for (const p of row) {
        lons.push(p[0]);
        lats.push(p[1]);
        deps.push(p[2] ?? 0);
      }
    }
    return RectMesh.of(rows, cols, lons, lats, deps);
  }

  /** Sub-mesh of rows [r0, r1) and columns [c0, c1), sharing coordinates. */
  sub(r0: number, r1: number, c0: number, c1: number): RectMesh {
    return new RectMesh(this.data, this.r0 + r0, this.c0 + c0, r1 - r0, c1 - c0);
  }

  get size(): number {
    return this.rows * this.cols;
  }

  /** index in the shared arrays of node (i, j) */
  idx(i: number, j: number): number {
    return (this.r0 + i) * this.data.ncols + this.c0 + j;
  }
  lon(i: number, j: number): number {
    return this.data.lons[this.idx(i, j)];
  }
  lat(i: number, j: number): number {
    return this.data.lats[this.idx(i, j)];
  }
  depth(i: number, j: number): number {
    return this.data.depths[this.idx(i, j)];
  }
  get xyz(): Float64Array {
    return this.data.xyz;
  }
  get sxyz(): Float64Array {
    return this.data.sxyz;
  }

  /** Copies of the coordinates, row-major. */
  arrays(): { lons: Float64Array; lats: Float64Array; depths: Float64Array } {
    const n = this.size;
    const lons = new Float64Array(n), lats = new Float64Array(n), depths = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++, k++) {
        const q = this.idx(i, j);
        lons[k] = this.data.lons[q];
        lats[k] = this.data.lats[q];
        depths[k] = this.data.depths[q];
      }
    }
    return { lons, lats, depths };
  }

  /** [west, east, north, south] of the finite nodes. */
  sphericalBBox(): [number, number, number, number] {
    const { lons, lats } = this.arrays();
    return sphericalBoundingBox(lons, lats);
  }

  /** The bounding box in Surface.getBoundingBox's order, [west, south, east, north]. */
  boundingBox(): [number, number, number, number] {
    const [w, e, n, s] = this.sphericalBBox();
    return [w, s, e, n];
  }

  /** The shallowest depth of the top row (a mesh surface's ztor). */
  topDepth(): number {
    let m = Infinity;
    for (let j = 0; j < this.cols; j++) m = Math.min(m, this.depth(0, j));
    return m;
  }

  /** OpenQuake's RectangularMesh.get_middle_point. */
  middlePoint(): [number, number, number] {
    const rows = this.rows, cols = this.cols, midRow = rows >> 1;
    let lon1: number, lat1: number, d1: number, lon2: number, lat2: number, d2: number;
    if (rows & 1) {
      const midCol = cols >> 1;
      if (cols & 1) {
        return [this.lon(midRow, midCol), this.lat(midRow, midCol), this.depth(midRow, midCol)];
      }
      lon1 = this.lon(midRow, midCol - 1);
      lat1 = this.lat(midRow, midCol - 1);
      d1 = this.depth(midRow, midCol - 1);
      lon2 = this.lon(midRow, midCol);
      lat2 = this.lat(midRow, midCol);
      d2 = this.depth(midRow, midCol);
    } else {
      [lon1, lat1, d1] = this.sub(midRow - 1, midRow, 0, cols).middlePoint();
      [lon2, lat2, d2] = this.sub(midRow, midRow + 1, 0, cols).middlePoint();
    }
    const [lon, lat] = middlePoint(lon1, lat1, lon2, lat2, haversine);
    return [lon, lat, (d1 + d2) / 2];
  }

  /** Per-cell triangle areas and edge lengths (mesh.triangulate + get_cell_dimensions). */
  cellDimensions(): { length: Float64Array; width: Float64Array; area: Float64Array } {
    const R = this.rows, C = this.cols, xyz = this.xyz;
    const n = (R - 1) * (C - 1);
    const length = new Float64Array(n), width = new Float64Array(n), area = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < R - 1; i++) {
      for (let j = 0; j < C - 1; j++, k++) {
        const t = cell(
          xyz,
          this.idx(i, j),
          this.idx(i, j + 1),
          this.idx(i + 1, j),
          this.idx(i + 1, j + 1),
        );
        const a = t.tlArea + t.brArea;
        area[k] = a;
        length[k] = (t.top * t.tlArea + t.bottom * t.brArea) / a;
        width[k] = (t.left * t.tlArea + t.right * t.brArea) / a;
      }
    }
    return { length, width, area };
  }

  /** Sum of the cell areas, km². */
  area(): number {
    const { area } = this.cellDimensions();
    let s = 0;
    for (const a of area) s += a;
    return s;
  }

  /** get_mean_width: column widths weighted by the mean cell length of each column. */
  meanWidth(): number {
    const R = this.rows - 1, C = this.cols - 1;
    const { length, width, area } = this.cellDimensions();
    let num = 0, den = 0;
    for (let j = 0; j < C; j++) {
      let w = 0, ca = 0, la = 0;
      for (let i = 0; i < R; i++) {
        const k = i * C + j;
        w += width[k];
        ca += area[k];
        la += length[k] * area[k];
      }
      const mcl = la / ca;
      num += w * mcl;
      den += mcl;
    }
    return num / den;
  }

  /** get_mean_inclination_and_azimuth: area-weighted circular means over the cell triangles. */
  meanInclinationAndAzimuth(): [number, number] {
    const R = this.rows, C = this.cols, xyz = this.xyz;
    if (R < 2 || C < 2) {
      throw new Error("inclination and azimuth need at least 2 rows and 2 columns");
    }
    let allZero = true;
    for (let i = 0; i < R && allZero; i++) {
      for (let j = 0; j < C; j++) if (this.depth(i, j) !== 0) allZero = false;
    }
    let ixx = 0, iyy = 0, axx = 0, ayy = 0;
    for (let i = 0; i < R - 1; i++) {
      for (let j = 0; j < C - 1; j++) {
        const q00 = this.idx(i, j), q01 = this.idx(i, j + 1);
        const q10 = this.idx(i + 1, j), q11 = this.idx(i + 1, j + 1);
        const t = cell(xyz, q00, q01, q10, q11);
        // top-left triangle: edges top (00->01) and updip left (10->00)
        const top = sub3(xyz, q01, q00), left = sub3(xyz, q00, q10);
        const bottom = sub3(xyz, q11, q10), right = sub3(xyz, q01, q11);
        const tln = normalize(cross(top, left)), brn = normalize(cross(bottom, right));
        if (!allZero) {
          let c = clip(dot(unitAt(xyz, q00), tln));
          ixx += t.tlArea * c;
          iyy += t.tlArea * sqrt0(1 - c * c);
          c = clip(dot(unitAt(xyz, q11), brn));
          ixx += t.brArea * c;
          iyy += t.brArea * sqrt0(1 - c * c);
        }
        // azimuth of the along-strike edges, measured at the triangle's reference node
        const [s1, c1] = edgeAzimuth(xyz, q00, top);
        axx += t.tlArea * c1;
        ayy += t.tlArea * sqrt0(1 - c1 * c1) * s1;
        const [s2, c2] = edgeAzimuth(xyz, q11, bottom);
        axx += t.brArea * c2;
        ayy += t.brArea * sqrt0(1 - c2 * c2) * s2;
      }
    }
    let incl = allZero ? 0 : Math.atan2(iyy, ixx) * 180 / Math.PI;
    let az = Math.atan2(ayy, axx) * 180 / Math.PI;
    if (az < 0) az += 360;
    if (incl > 90) {
      incl = 180 - incl;
      az = pyMod(az + 180, 360);
    }
    return [incl, az];
  }

  // ------------------------------------------------------------------ distances

  /** Rrup: minimum 3D chord distance between the nodes and the sites (depth 0 by default). */
  minDistance(
    slons: ArrayLike<number>,
    slats: ArrayLike<number>,
    out: Float64Array,
    sdepths?: ArrayLike<number>,
  ) {
    const sx = new Float64Array(3);
    const xyz = this.xyz;
    for (let s = 0; s < slons.length; s++) {
      sphericalToCartesianInto(slons[s], slats[s], sdepths ? sdepths[s] : 0, sx, 0);
      out[s] = Math.sqrt(this.minSq(xyz, sx[0], sx[1], sx[2]));
    }
  }

  private minSq(xyz: Float64Array, x: number, y: number, z: number): number {
    let best = Infinity;
    for (let i = 0; i < this.rows; i++) {
      let q = 3 * this.idx(i, 0);
      for (let j = 0; j < this.cols; j++, q += 3) {
        const dx = xyz[q] - x, dy = xyz[q + 1] - y, dz = xyz[q + 2] - z;
        const d = dx * dx + dy * dy + dz * dz;
        if (d < best) best = d;
      }
    }
    return best;
  }

  /**
   * Rjb: chord distance between the surface projections of nodes and sites; for sites closer
   * than 40 km, the planar distance to the union of the projected row stripes (0 inside),
   * less the 5 m buffer of OpenQuake's polygons.
   */
  joynerBooreDistance(slons: ArrayLike<number>, slats: ArrayLike<number>, out: Float64Array) {
    const sx = new Float64Array(3);
    const sxyz = this.sxyz;
    const near: number[] = [];
    for (let s = 0; s < slons.length; s++) {
      sphericalToCartesianInto(slons[s], slats[s], 0, sx, 0);
      out[s] = Math.sqrt(this.minSq(sxyz, sx[0], sx[1], sx[2]));
      if (out[s] < RJB_POLYGON_DISTANCE) near.push(s);
    }
    if (!near.length) return;
    const { lons, lats } = this.arrays();
    const proj = OrthographicProjection.fromPoints(lons, lats, haversine);
    const px = new Float64Array(lons.length), py = new Float64Array(lons.length);
    for (let k = 0; k < lons.length; k++) [px[k], py[k]] = proj.project(lons[k], lats[k]);
    for (const s of near) {
      const [x, y] = proj.project(slons[s], slats[s]);
      out[s] = stripesDistance(px, py, this.rows, this.cols, x, y);
    }
  }

  /** Rx from the top edge (row 0), OpenQuake's BaseSurface.get_rx_distance. */
  rxDistance(slons: ArrayLike<number>, slats: ArrayLike<number>, out: Float64Array) {
    const k = this.cols;
    const lo: number[] = [], la: number[] = [];
    for (let j = 0; j < k; j++) {
      lo.push(this.lon(0, j));
      la.push(this.lat(0, j));
    }
    if (k < 3) {
      const az = azimuth(lo[0], la[0], lo[1], la[1]);
      for (let s = 0; s < slons.length; s++) {
        out[s] = distanceToArc(lo[0], la[0], az, slons[s], slats[s]);
      }
      return;
    }
    // segment azimuths, computed once (the first segment is taken backwards from T1)
    const az: number[] = [];
    for (let i = 0; i < k - 1; i++) {
      az.push(
        i === 0 ? azimuth(lo[1], la[1], lo[0], la[0]) : azimuth(lo[i], la[i], lo[i + 1], la[i + 1]),
      );
    }
    // azimuth and distance from every top-edge node to the site, shared by the segments
    const RAD = Math.PI / 180, R = EARTH_RADIUS;
    const nl = lo.map((v) => v * RAD), np = la.map((v) => v * RAD);
    const ncos = np.map(Math.cos), nsin = np.map(Math.sin);
    const azs = new Float64Array(k), ds = new Float64Array(k);
    const chord = (d: number) => 2 * R * Math.sin(d / (2 * R));
    for (let s = 0; s < slons.length; s++) {
      const sl = slons[s] * RAD, sp = slats[s] * RAD, cs = Math.cos(sp), ss = Math.sin(sp);
      for (let j = 0; j < k; j++) {
        const dl = nl[j] - sl;
        const tc = Math.atan2(Math.sin(dl) * cs, ncos[j] * ss - nsin[j] * cs * Math.cos(dl)) / RAD;
        azs[j] = pyMod(360 - tc, 360);
        const a = Math.sin((np[j] - sp) / 2), b = Math.sin(dl / 2);
        ds[j] = 2 * R * Math.asin(Math.sqrt(a * a + ncos[j] * cs * b * b));
      }
      let best = NaN;
      for (let i = 0; i < k - 1; i++) {
        let d: number;
        if (i === 0) d = -semiArcTrack(azs[1], az[0], ds[1]);
        else if (i === k - 2) d = semiArcTrack(azs[i], az[i], ds[i]);
        else {
          // min_distance_to_segment
          const c1 = Math.cos((az[i] - azs[i]) * RAD), c2 = Math.cos((az[i] - azs[i + 1]) * RAD);
          d = c1 >= 0 && c2 <= 0
            ? crossTrack(azs[i], az[i], ds[i])
            : Math.min(chord(ds[i]), chord(ds[i + 1]));
          d = Math.abs(d);
          if (Math.sin((azs[i] - az[i]) * RAD) < 0) d = -d;
        }
        if (Number.isNaN(best) || Math.abs(d) < Math.abs(best)) best = d;
      }
      out[s] = best;
    }
  }

  /** Ry0 with respect to the lines through the top-edge ends perpendicular to `strike`. */
  ry0Distance(
    strike: number,
    slons: ArrayLike<number>,
    slats: ArrayLike<number>,
    out: Float64Array,
    ia = 0,
    ib = this.cols - 1,
  ) {
    const az = pyMod(strike + 90, 360);
    const lo1 = this.lon(0, ia),
      la1 = this.lat(0, ia),
      lo2 = this.lon(0, ib),
      la2 = this.lat(0, ib);
    for (let s = 0; s < slons.length; s++) {
      const d1 = distanceToArc(lo1, la1, az, slons[s], slats[s]);
      const d2 = distanceToArc(lo2, la2, az, slons[s], slats[s]);
      out[s] = Math.sign(d1) === Math.sign(d2) ? Math.min(Math.abs(d1), Math.abs(d2)) : 0;
    }
  }
}

// ------------------------------------------------------------------ small vector helpers

type V3 = [number, number, number];

function sub3(xyz: Float64Array, a: number, b: number): V3 {
  return [
    xyz[3 * a] - xyz[3 * b],
    xyz[3 * a + 1] - xyz[3 * b + 1],
    xyz[3 * a + 2] - xyz[3 * b + 2],
  ];
}
function cross(a: V3, b: V3): V3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function dot(a: V3, b: V3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
function norm(a: V3): number {
  return Math.sqrt(dot(a, a));
}
function normalize(a: V3): V3 {
  const n = norm(a);
  return [a[0] / n, a[1] / n, a[2] / n];
}
function unitAt(xyz: Float64Array, q: number): V3 {
  return normalize([xyz[3 * q], xyz[3 * q + 1], xyz[3 * q + 2]]);
}
function clip(c: number): number {
  return c < -1 ? -1 : c > 1 ? 1 : c;
}
function sqrt0(x: number): number {
  return x < 0 ? 0 : Math.sqrt(x);
}
function heron(a: number, b: number, c: number): number {
  const s = (a + b + c) / 2;
  return Math.sqrt(s * (s - a) * (s - b) * (s - c));
}

/** Triangle areas and edge lengths of the cell with nodes 00, 01, 10, 11. */
function cell(xyz: Float64Array, q00: number, q01: number, q10: number, q11: number) {
  const top = norm(sub3(xyz, q01, q00)), bottom = norm(sub3(xyz, q11, q10));
  const left = norm(sub3(xyz, q00, q10)), right = norm(sub3(xyz, q01, q11));
  const diag = norm(sub3(xyz, q01, q10));
  return {
    top,
    bottom,
    left,
    right,
    tlArea: heron(top, left, diag),
    brArea: heron(bottom, right, diag),
  };
}

/** [sign, cos] of the azimuth of edge `e` at node q (calc_azimuth's west/north projections). */
function edgeAzimuth(xyz: Float64Array, q: number, e: V3): [number, number] {
  const p: V3 = [xyz[3 * q], xyz[3 * q + 1], xyz[3 * q + 2]];
  const west = normalize([-p[1], p[0], 0]);
  const north = normalize(cross(p, west));
  const u = normalize(e);
  const s = Math.sign(Math.sign(dot(u, west)) + 0.1);
  return [s, dot(u, north)];
}

// ------------------------------------------------------------------ Rjb polygons

/** Do segments p1-p2 and p3-p4 intersect (touching included)? */
export function segmentsIntersect(p1: number[], p2: number[], p3: number[], p4: number[]): boolean {
  const o = (a: number[], b: number[], c: number[]) =>
    Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
  const on = (a: number[], b: number[], c: number[]) =>
    Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1]);
  const d1 = o(p3, p4, p1), d2 = o(p3, p4, p2), d3 = o(p1, p2, p3), d4 = o(p1, p2, p4);
  if (d1 !== d2 && d3 !== d4) return true;
  return (d1 === 0 && on(p3, p4, p1)) || (d2 === 0 && on(p3, p4, p2)) ||
    (d3 === 0 && on(p1, p2, p3)) || (d4 === 0 && on(p1, p2, p4));
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
export function segmentDistance(
  x: number,
  y: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
  let t = l2 > 0 ? ((x - ax) * dx + (y - ay) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  const ex = ax + t * dx - x, ey = ay + t * dy - y;
  return Math.sqrt(ex * ex + ey * ey);
}

/** Distance from a point to a closed polygon ring (0 inside, even-odd rule). */
export function polygonDistance(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: number,
  y: number,
) {
  const n = xs.length;
  let inside = false, best = Infinity;
  for (let a = 0, b = n - 1; a < n; b = a++) {
    const xa = xs[a], ya = ys[a], xb = xs[b], yb = ys[b];
    if ((ya > y) !== (yb > y) && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
    const d = segmentDistance(x, y, xa, ya, xb, yb);
    if (d < best) best = d;
  }
  return inside ? 0 : best;
}

/**
 * Distance to the union of the stripes between consecutive rows (each stripe the polygon
 * previous row reversed + current row), as OpenQuake's _get_proj_enclosing_polygon; meshes
 * with fewer than 4 nodes or one row use the convex hull / polyline.
 */
function stripesDistance(
  px: Float64Array,
  py: Float64Array,
  rows: number,
  cols: number,
  x: number,
  y: number,
): number {
  if (rows * cols < 4 || rows < 2 || cols < 2) {
    // convex hull; a degenerate one (point, segment) is buffered by 5 m
    const pts = Array.from({ length: px.length }, (_, k) => [px[k], py[k]]);
    const d = hullDistance(px, py, x, y);
    return convexHull(pts).length < 3 ? Math.max(0, d - DIST_TOLERANCE) : d;
  }
  let best = Infinity;
  const xs = new Float64Array(2 * cols), ys = new Float64Array(2 * cols);
  for (let i = 1; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const a = (i - 1) * cols + (cols - 1 - j), b = i * cols + j;
      xs[j] = px[a];
      ys[j] = py[a];
      xs[cols + j] = px[b];
      ys[cols + j] = py[b];
    }
    const d = polygonDistance(xs, ys, x, y);
    if (d === 0) return 0;
    if (d < best) best = d;
  }
  // the stripes are buffered by 5 m
  return Math.max(0, best - DIST_TOLERANCE);
}

/** Distance to the convex hull of a few points (a point or a segment when degenerate). */
export function hullDistance(px: ArrayLike<number>, py: ArrayLike<number>, x: number, y: number) {
  const pts = Array.from({ length: px.length }, (_, k) => [px[k], py[k]]);
  const hull = convexHull(pts);
  if (hull.length === 1) return Math.hypot(hull[0][0] - x, hull[0][1] - y);
  if (hull.length === 2) {
    return segmentDistance(x, y, hull[0][0], hull[0][1], hull[1][0], hull[1][1]);
  }
  return polygonDistance(hull.map((p) => p[0]), hull.map((p) => p[1]), x, y);
}

/** Andrew's monotone chain. */
export function convexHull(points: number[][]): number[][] {
  const pts = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const crossZ = (o: number[], a: number[], b: number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: number[][] = [], upper: number[][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && crossZ(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) {
      lower.pop();
    }
    lower.push(p);
  }
  for (let k = pts.length - 1; k >= 0; k--) {
    const p = pts[k];
    while (upper.length >= 2 && crossZ(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) {
      upper.pop();
    }
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

// ------------------------------------------------------------------ mesh surfaces

/** The output column of a distance, allocated when missing or too short. */
export function outArray(
  out: Partial<Record<DistanceName, Float64Array>>,
  name: DistanceName,
  n: number,
): Float64Array {
  let a = out[name];
  if (!a || a.length < n) out[name] = a = new Float64Array(n);
  return a;
}

/** The parts of Surface every mesh-based surface shares; subclasses say how dip, strike and
 * width are defined (simple faults: top cells; complex faults: whole mesh). */
export abstract class MeshSurface {
  private cache: { dip?: number; strike?: number; width?: number; area?: number } = {};
  constructor(readonly mesh: RectMesh) {}

  protected abstract dipStrike(): [number, number];
  protected abstract width(): number;

  getDip(): number {
    if (this.cache.dip === undefined) [this.cache.dip, this.cache.strike] = this.dipStrike();
    return this.cache.dip;
  }
  getStrike(): number {
    if (this.cache.strike === undefined) this.getDip();
    return this.cache.strike!;
  }
  getWidth(): number {
    return this.cache.width ??= this.width();
  }
  getArea(): number {
    return this.cache.area ??= this.mesh.area();
  }
  getZtor(): number {
    return this.mesh.topDepth();
  }
  getBoundingBox(): [number, number, number, number] {
    return this.mesh.boundingBox();
  }
  getMiddlePoint(): [number, number, number] {
    return this.mesh.middlePoint();
  }
  distances(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    names: DistanceName[],
    out: Partial<Record<DistanceName, Float64Array>>,
    depths?: ArrayLike<number>,
  ): void {
    for (const name of names) {
      const arr = outArray(out, name, lons.length);
      if (name === "rrup") this.mesh.minDistance(lons, lats, arr, depths);
      else if (name === "rjb") this.mesh.joynerBooreDistance(lons, lats, arr);
      else if (name === "rx") this.mesh.rxDistance(lons, lats, arr);
      else if (name === "ry0") this.mesh.ry0Distance(this.getStrike(), lons, lats, arr);
      else throw new Error(`distance ${name} is not available for mesh surfaces`);
    }
  }
}

export { EARTH_RADIUS };

// ------------------------------------------------------------------ gridded surfaces

/**
 * GriddedSurface (hazardlib/geo/surface/gridded.py): an unstructured cloud of points. rrup as
 * for meshes; rjb uses the convex hull of the projected points where OpenQuake uses an
 * optimised alpha shape (identical for convex clouds); strike and dip come from a plane fit;
 * rx and ry0 are not defined (OpenQuake raises NotImplementedError too).
 */
export class GriddedSurface {
  readonly mesh: RectMesh;
  private sd?: [number, number];

  constructor(
    points: number[][],
    private readonly planeFit: (pts: number[][]) => [number, number],
  ) {
    this.mesh = RectMesh.of(
      1,
      points.length,
      points.map((p) => p[0]),
      points.map((p) => p[1]),
      points.map((p) => p[2] ?? 0),
    );
  }

  getStrike(): number {
    return (this.sd ??= this.planeFit(this.points()))[0];
  }
  getDip(): number {
    return (this.sd ??= this.planeFit(this.points()))[1];
  }
  getWidth(): number {
    throw new Error("GriddedSurface has no width");
  }
  getArea(): number {
    throw new Error("GriddedSurface has no area");
  }
  getZtor(): number {
    return this.mesh.topDepth();
  }
  getBoundingBox(): [number, number, number, number] {
    return this.mesh.boundingBox();
  }
  /** the point closest (in degrees) to the mean longitude and latitude */
  getMiddlePoint(): [number, number, number] {
    const { lons, lats, depths } = this.mesh.arrays();
    const mlon = lons.reduce((a, b) => a + b, 0) / lons.length;
    const mlat = lats.reduce((a, b) => a + b, 0) / lats.length;
    let best = 0, bd = Infinity;
    for (let k = 0; k < lons.length; k++) {
      const d = (lons[k] - mlon) ** 2 + (lats[k] - mlat) ** 2;
      if (d < bd) {
        bd = d;
        best = k;
      }
    }
    return [lons[best], lats[best], depths[best]];
  }
  private points(): number[][] {
    const { lons, lats, depths } = this.mesh.arrays();
    return Array.from(lons, (lo, k) => [lo, lats[k], depths[k]]);
  }
  distances(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    names: DistanceName[],
    out: Partial<Record<DistanceName, Float64Array>>,
    depths?: ArrayLike<number>,
  ): void {
    for (const name of names) {
      const arr = outArray(out, name, lons.length);
      if (name === "rrup") this.mesh.minDistance(lons, lats, arr, depths);
      else if (name === "rjb") {
        const sx = new Float64Array(3), sxyz = this.mesh.sxyz;
        const { lons: ml, lats: mt } = this.mesh.arrays();
        const proj = OrthographicProjection.fromPoints(ml, mt, haversine);
        const px: number[] = [], py: number[] = [];
        for (let k = 0; k < ml.length; k++) {
          const [x, y] = proj.project(ml[k], mt[k]);
          px.push(x);
          py.push(y);
        }
        const hull = convexHull(px.map((x, k) => [x, py[k]]));
        for (let s = 0; s < lons.length; s++) {
          sphericalToCartesianInto(lons[s], lats[s], 0, sx, 0);
          let best = Infinity;
          for (let k = 0; k < ml.length; k++) {
            const d = (sxyz[3 * k] - sx[0]) ** 2 + (sxyz[3 * k + 1] - sx[1]) ** 2 +
              (sxyz[3 * k + 2] - sx[2]) ** 2;
            if (d < best) best = d;
          }
          arr[s] = Math.sqrt(best);
          if (arr[s] < RJB_POLYGON_DISTANCE) {
            const [x, y] = proj.project(lons[s], lats[s]);
            const d = hullDistance(px, py, x, y);
            arr[s] = hull.length < 3 ? Math.max(0, d - DIST_TOLERANCE) : d;
          }
        }
      } else throw new Error(`${name} is not available for gridded surfaces`);
    }
  }
}
