// Planar rectangular rupture surfaces (hazardlib/geo/surface/planar.py): the corner construction
// of point-source ruptures (MSR area + aspect ratio, width clipped to the seismogenic layer and
// the plane shifted to fit it), the plane's Cartesian frame, and OpenQuake's distances to it.
import type { DistanceName, Surface } from "./surface.ts";
import {
  cartesianToSpherical,
  degrees,
  EARTH_RADIUS,
  fastPointAt,
  havRad,
  middlePoint,
  radians,
  sphericalBoundingBox,
  sphericalToCartesian,
} from "./geodetic.ts";

type Vec3 = [number, number, number];

/** Tolerance of the rectangle checks, as a fraction of the area (OpenQuake's value). */
const IMPERFECT_RECTANGLE_TOLERANCE = 0.004;
/** [lon, lat, depth] */
export type Corner = [number, number, number];

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
function normalized(v: Vec3): Vec3 {
  const len = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  return [v[0] / len, v[1] / len, v[2] / len];
}

/**
 * Rupture dimensions for a point-like source (`get_rupdims`): [length, horizontal projection of
 * the width, vertical height]. The width is clipped to (lsd − usd)/sin(dip), the length then
 * grows to keep the area.
 */
export function rupDims(
  usd: number,
  lsd: number,
  rar: number,
  area: number,
  dip: number,
): [number, number, number] {
  const rdip = radians(dip);
  const sindip = Math.sin(rdip), cosdip = Math.cos(rdip);
  const maxWidth = (lsd - usd) / sindip;
  let length = Math.sqrt(area * rar);
  let width = area / length;
  if (width > maxWidth) {
    width = maxWidth;
    length = area / width;
  }
  return [length, width * cosdip, width * sindip];
}

/**
 * Corners [TL, TR, BL, BR] of the plane of a point-source rupture centred on (clon, clat) at
 * hypocentral depth `hypoDepth` (`_build_corners`): moved down- or up-dip when it does not fit in
 * [usd, lsd]. Corners are reached along the diagonals with the numba forward geodesic.
 */
export function pointRuptureCorners(
  usd: number,
  lsd: number,
  rar: number,
  area: number,
  strike: number,
  dip: number,
  clon: number,
  clat: number,
  hypoDepth: number,
): [Corner, Corner, Corner, Corner] {
  const dims = rupDims(usd, lsd, rar, area, dip);
  const hl = dims[0] / 2, hw = dims[1] / 2, hh = dims[2] / 2;
  const azimuthDown = strike + 90;
  const azimuthUp = azimuthDown + 90 + 90;
  const theta = degrees(Math.atan(hw / hl));
  const horDist = Math.sqrt(hl ** 2 + hw ** 2);
  let vshift = usd - hypoDepth + hh;
  if (vshift < 0) {
    vshift = lsd - hypoDepth - hh;
    if (vshift > 0) vshift = 0;
  }
  let lon = clon, lat = clat, cdep = hypoDepth;
  if (vshift !== 0) {
    [lon, lat] = fastPointAt(
      clon,
      clat,
      vshift < 0 ? azimuthUp : azimuthDown,
      Math.abs(vshift / hh * hw),
    );
    cdep += vshift;
  }
  const tl = fastPointAt(lon, lat, strike + 180 + theta, horDist);
  const tr = fastPointAt(lon, lat, strike - theta, horDist);
  const bl = fastPointAt(lon, lat, strike + 180 - theta, horDist);
  const br = fastPointAt(lon, lat, strike + theta, horDist);
  const top = cdep - hh, bot = cdep + hh;
  return [[tl[0], tl[1], top], [tr[0], tr[1], top], [bl[0], bl[1], bot], [br[0], br[1], bot]];
}

/** Site coordinates as OpenQuake sees them: Cartesian, and lon/lat recovered from it. */
interface SitePoint {
  xyz: Vec3;
  lon: number;
  lat: number;
}

function sitePoint(lon: number, lat: number, depth: number): SitePoint {
  const xyz = sphericalToCartesian(lon, lat, depth);
  // OpenQuake computes rjb/rx/ry0 from lon/lat recovered from sites.xyz
  const [l, p] = cartesianToSpherical(xyz[0], xyz[1], xyz[2]);
  return { xyz, lon: l, lat: p };
}

/**
 * A planar rupture surface: corners TL, TR, BL, BR (top edge first, BL below TL), strike and dip
 * as given. Implements Surface with OpenQuake's planar distances.
 */
export class PlanarSurface implements Surface {
  /** [TL, TR, BL, BR], each [lon, lat, depth] */
  readonly corners: readonly [Corner, Corner, Corner, Corner];
  readonly strike: number;
  readonly dip: number;
  /** Cartesian TL (origin of the plane frame), unit normal and in-plane axes */
  readonly xyz0: Vec3;
  readonly normal: Vec3;
  readonly uv1: Vec3;
  readonly uv2: Vec3;
  /** mean of the two down-dip sides and of the two horizontal sides, km (Cartesian) */
  readonly width: number;
  readonly length: number;
  /** corners projected to the surface, Cartesian (depth 0) */
  private readonly surfXyz: Vec3[];

  /**
   * OpenQuake's argument order: strike, dip, top-left, top-right, bottom-right, bottom-left.
   * With `check` (OpenQuake's default) the edges must be horizontal, strike in [0, 360), dip in
   * (0, 90], and the corners must form a rectangle within a tolerance of 0.4% of the area.
   */
  constructor(
    strike: number,
    dip: number,
    tl: Corner,
    tr: Corner,
    br: Corner,
    bl: Corner,
    check = true,
  ) {
    if (check) {
      if (!(tl[2] === tr[2] && bl[2] === br[2])) {
        throw new Error("top and bottom edges must be parallel to the earth surface");
      }
      if (!(dip > 0 && dip <= 90)) throw new Error(`dip ${dip} is out of range (0, 90]`);
      if (!(strike >= 0 && strike < 360)) {
        throw new Error(`strike ${strike} is out of range [0, 360)`);
      }
    }
    this.strike = strike;
    this.dip = dip;
    this.corners = [tl, tr, bl, br];
    const xyz = this.corners.map((c) => sphericalToCartesian(c[0], c[1], c[2]));
    const [t0, t1, b0] = xyz;
    const n = normalized(cross(sub(t0, t1), sub(t0, b0)));
    const u1 = normalized(sub(t1, t0));
    const u2 = cross(n, u1);
    const xx = [0, 0, 0, 0], yy = [0, 0, 0, 0];
    for (let i = 1; i < 4; i++) {
      const d = sub(xyz[i], t0);
      xx[i] = dot(d, u1);
      yy[i] = dot(d, u2);
    }
    const length1 = xx[1] - xx[0], length2 = xx[3] - xx[2];
    const width1 = yy[2] - yy[0], width2 = yy[3] - yy[1];
    this.width = (width1 + width2) / 2.0;
    this.length = (length1 + length2) / 2.0;
    if (check) {
      const tolerance = this.width * this.length * IMPERFECT_RECTANGLE_TOLERANCE;
      if (length2 < 0) throw new Error("corners are in the wrong order");
      if (Math.abs(length1 - length2) > tolerance) {
        throw new Error("top and bottom edges have different lengths");
      }
    }
    this.xyz0 = t0;
    this.normal = n;
    this.uv1 = u1;
    this.uv2 = u2;
    this.surfXyz = this.corners.map((c) => sphericalToCartesian(c[0], c[1], 0));
  }

  /**
   * From four corners, strike = azimuth TL→TR and dip = asin(Δdepth / distance TL→BL), as
   * `PlanarSurface.from_corner_points` (note the argument order tl, tr, br, bl, as OpenQuake).
   */
  static fromCornerPoints(tl: Corner, tr: Corner, br: Corner, bl: Corner): PlanarSurface {
    if (!(tl[2] === tr[2] && bl[2] === br[2])) {
      throw new Error("top and bottom edges must be parallel to the earth surface");
    }
    const strike = azimuthOf(tl, tr);
    const dist = dist3d(tl, bl);
    const dip = degrees(Math.asin((bl[2] - tl[2]) / dist));
    return new PlanarSurface(strike, dip, tl, tr, br, bl);
  }

  getStrike(): number {
    return this.strike;
  }
  getDip(): number {
    return this.dip;
  }
  getZtor(): number {
    return this.corners[0][2];
  }
  /** bottom edge depth */
  getZbot(): number {
    return this.corners[3][2];
  }
  getWidth(): number {
    return this.width;
  }
  getArea(): number {
    return this.width * this.length;
  }
  getBoundingBox(): [number, number, number, number] {
    const [w, e, n, s] = sphericalBoundingBox(
      this.corners.map((c) => c[0]),
      this.corners.map((c) => c[1]),
    );
    return [w, s, e, n];
  }
  getMiddlePoint(): [number, number, number] {
    const [tl, , , br] = this.corners;
    const [lon, lat] = middlePoint(tl[0], tl[1], br[0], br[1]);
    return [lon, lat, (tl[2] + br[2]) / 2.0];
  }
  /** middle of the top edge at the top depth (`get_top_edge_centroid`) */
  getTopEdgeCentroid(): [number, number, number] {
    const [tl, tr] = this.corners;
    const [lon, lat] = middlePoint(tl[0], tl[1], tr[0], tr[1]);
    return [lon, lat, tl[2]];
  }

  /**
   * Distances (km) from sites at (lons[i], lats[i], depths[i] or 0) with OpenQuake's planar
   * conventions: rrup to the rectangle in Cartesian space; rjb from the signs of the distances
   * to the four edge great circles (or the nearest surface corner); rx signed distance to the
   * top-edge great circle (positive on the hanging wall); ry0 0 beside the rupture.
   * `depths` (optional, a compatible extension of Surface) are site depths, negative above sea.
   */
  distances(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    names: DistanceName[],
    out: Partial<Record<DistanceName, Float64Array>>,
    depths?: ArrayLike<number>,
  ): void {
    const n = lons.length;
    let wRrup = false, wRjb = false, wRx = false, wRy0 = false;
    for (const name of names) {
      if (name === "rrup") wRrup = true;
      else if (name === "rjb") wRjb = true;
      else if (name === "rx") wRx = true;
      else if (name === "ry0") wRy0 = true;
      else throw new Error(`${name} is not available for planar surfaces`);
      if (!out[name] || out[name]!.length < n) out[name] = new Float64Array(n);
    }
    const arcs = wRjb || wRx || wRy0;
    const o = arcs ? this.arcOrigins() : undefined;
    const at = new Float64Array(6); // [aziToTarget, sin(d/R)] for TL, TR, BL
    const rs = radians(this.strike), rd = radians((this.strike + 90) % 360);
    for (let i = 0; i < n; i++) {
      const s = sitePoint(lons[i], lats[i], depths ? depths[i] : 0);
      if (wRrup) out.rrup![i] = this.rrupOf(s.xyz);
      if (!arcs) continue;
      // the cross-track distances of OpenQuake's planar rjb/rx/ry0 use three arc origins (TL,
      // TR, BL) with two azimuths; the terms that depend on origin and site only are shared
      const rplon = radians(s.lon), rplat = radians(s.lat);
      const coss = Math.cos(rplat), sinp = Math.sin(rplat);
      for (let k = 0; k < 3; k++) {
        const rlon = o![4 * k], rlat = o![4 * k + 1], cosl = o![4 * k + 2], sinl = o![4 * k + 3];
        at[2 * k] = -Math.atan2(
          Math.sin(rlon - rplon) * coss,
          cosl * sinp - sinl * coss * Math.cos(rlon - rplon),
        );
        at[2 * k + 1] = Math.sin(havRad(rlon, rlat, rplon, rplat) / EARTH_RADIUS);
      }
      const arc = (k: number, razi: number) =>
        (Math.PI / 2 - Math.acos(Math.sin(at[2 * k] - razi) * at[2 * k + 1])) * EARTH_RADIUS;
      const d1 = arc(0, rs); // TL, strike: also rx
      const d2 = arc(0, rd); // TL, down-dip
      const d3 = arc(1, rd); // TR, down-dip
      if (wRx) out.rx![i] = d1;
      if (wRy0) {
        out.ry0![i] = Math.sign(d2) === Math.sign(d3) ? Math.min(Math.abs(d2), Math.abs(d3)) : 0;
      }
      if (wRjb) {
        const d0 = arc(2, rs); // BL, strike
        const same01 = Math.sign(d0) === Math.sign(d1);
        const same23 = Math.sign(d2) === Math.sign(d3);
        let rjb = 0;
        if (same01 && same23) {
          let d2min = Infinity;
          for (const c of this.surfXyz) {
            const dd = (c[0] - s.xyz[0]) ** 2 + (c[1] - s.xyz[1]) ** 2 + (c[2] - s.xyz[2]) ** 2;
            if (dd < d2min) d2min = dd;
          }
          rjb = Math.sqrt(d2min);
        } else if (same01) rjb = Math.min(Math.abs(d0), Math.abs(d1));
        else if (same23) rjb = Math.min(Math.abs(d2), Math.abs(d3));
        out.rjb![i] = rjb;
      }
    }
  }

  private origins?: Float64Array;
  /** radians and cos/sin of the latitude of TL, TR, BL */
  private arcOrigins(): Float64Array {
    if (!this.origins) {
      const o = new Float64Array(12);
      [0, 1, 2].forEach((c, k) => {
        const rlon = radians(this.corners[c][0]), rlat = radians(this.corners[c][1]);
        o.set([rlon, rlat, Math.cos(rlat), Math.sin(rlat)], 4 * k);
      });
      this.origins = o;
    }
    return this.origins;
  }

  /** Plane coordinates of a Cartesian point: [distance to plane, x along strike, y down dip]. */
  project(p: Vec3): [number, number, number] {
    const m = sub(p, this.xyz0);
    return [dot(m, this.normal), dot(m, this.uv1), dot(m, this.uv2)];
  }

  private rrupOf(p: Vec3): number {
    const [d, xx, yy] = this.project(p);
    const mxx = xx < 0 ? xx : xx > this.length ? xx - this.length : 0;
    const myy = yy < 0 ? yy : yy > this.width ? yy - this.width : 0;
    return Math.sqrt(d ** 2 + mxx ** 2 + myy ** 2);
  }

  /** The closest point of the rectangle to a site, [lon, lat, depth] (`get_closest_points`). */
  closestPoint(lon: number, lat: number, depth = 0): [number, number, number] {
    const [, xx, yy] = this.project(sphericalToCartesian(lon, lat, depth));
    const cx = Math.min(Math.max(xx, 0), this.length);
    const cy = Math.min(Math.max(yy, 0), this.width);
    const v: Vec3 = [0, 1, 2].map((k) =>
      this.xyz0[k] + this.uv1[k] * cx + this.uv2[k] * cy
    ) as Vec3;
    return cartesianToSpherical(v[0], v[1], v[2]);
  }
}

function azimuthOf(a: Corner, b: Corner): number {
  const l1 = radians(a[0]), p1 = radians(a[1]), l2 = radians(b[0]), p2 = radians(b[1]);
  const cos2 = Math.cos(p2);
  const tc = degrees(Math.atan2(
    Math.sin(l1 - l2) * cos2,
    Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * cos2 * Math.cos(l1 - l2),
  ));
  const r = (360 - tc) % 360;
  return r < 0 ? r + 360 : r;
}

function dist3d(a: Corner, b: Corner): number {
  const l1 = radians(a[0]), p1 = radians(a[1]), l2 = radians(b[0]), p2 = radians(b[1]);
  const s1 = Math.sin((p1 - p2) / 2), s2 = Math.sin((l1 - l2) / 2);
  const h = 2 * 6371.0 * Math.asin(Math.sqrt(s1 * s1 + Math.cos(p1) * Math.cos(p2) * s2 * s2));
  const v = a[2] - b[2];
  return Math.sqrt(h * h + v * v);
}

/** Hypocentral distance: √(haversine(hypo, site)² + (z_hypo − z_site)²). */
export function rhypo(hypo: readonly number[], lon: number, lat: number, depth = 0): number {
  const h = repi(hypo, lon, lat);
  const v = hypo[2] - depth;
  return Math.sqrt(h * h + v * v);
}

/** Epicentral distance: haversine(hypo, site). */
export function repi(hypo: readonly number[], lon: number, lat: number): number {
  const l1 = radians(hypo[0]), p1 = radians(hypo[1]), l2 = radians(lon), p2 = radians(lat);
  const a = Math.sin((p1 - p2) / 2.0), b = Math.sin((l1 - l2) / 2.0);
  return Math.asin(Math.sqrt(a * a + Math.cos(p1) * Math.cos(p2) * (b * b))) * 2. * 6371.0;
}

/**
 * Azimuth of the site seen from the hypocentre relative to the strike, degrees in [0, 360)
 * (`get_azimuth`: (fast_azimuth(hypo, site) − strike) mod 360).
 */
export function rupAzimuth(
  hypo: readonly number[],
  strike: number,
  lon: number,
  lat: number,
): number {
  const l = radians(hypo[0]), p = radians(hypo[1]);
  const l2 = radians(lon), p2 = radians(lat);
  const cos2 = Math.cos(p2);
  const tc = Math.atan2(
    Math.sin(l - l2) * cos2,
    Math.cos(p) * Math.sin(p2) - Math.sin(p) * cos2 * Math.cos(l - l2),
  );
  const az = -degrees(tc) - strike;
  const m = az % 360;
  return m < 0 ? m + 360 : m === 0 ? 0 : m;
}
