// Spherical-earth primitives used by the mesh surfaces, with OpenQuake's formulas
// (hazardlib/geo/geodetic.py, geo/utils.py): haversine, azimuth, forward geodesic, Earth-centred
// Cartesian coordinates, distances to great-circle arcs and the orthographic projection.
// Scalar functions over plain numbers: the mesh code loops over typed arrays with them.

export const EARTH_RADIUS = 6371.0;
const RAD = Math.PI / 180;
const DEG = 180 / Math.PI;

/** Python-2 style rounding of baselib.python3compat.round: floor(x*10^d + copysign(0.5, x))/10^d. */
export function pyRound(x: number, d = 0): number {
  const p = 10 ** d;
  return Math.floor(x * p + (x < 0 || Object.is(x, -0) ? -0.5 : 0.5)) / p;
}

/** numpy.round (half to even), used where OpenQuake calls numpy.round. */
export function npRound(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5) return 2 * Math.round(x / 2);
  return r;
}

/** Great-circle distance, km. */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * RAD, p2 = lat2 * RAD;
  const a = Math.sin((p1 - p2) / 2), b = Math.sin((lon1 - lon2) * RAD / 2);
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(a * a + Math.cos(p1) * Math.cos(p2) * b * b));
}

/** Azimuth from 1 to 2, degrees in [0, 360). */
export function azimuth(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const l1 = lon1 * RAD, p1 = lat1 * RAD, l2 = lon2 * RAD, p2 = lat2 * RAD;
  const cos2 = Math.cos(p2);
  const tc = Math.atan2(
    Math.sin(l1 - l2) * cos2,
    Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * cos2 * Math.cos(l1 - l2),
  ) * DEG;
  return pyMod(360 - tc, 360);
}

/** Python's modulo (result has the sign of the divisor). */
export function pyMod(a: number, n: number): number {
  const r = a % n;
  return r !== 0 && (r < 0) !== (n < 0) ? r + n : r;
}

/** 3D distance: sqrt(haversine² + Δdepth²). */
export function distance3d(
  lon1: number,
  lat1: number,
  d1: number,
  lon2: number,
  lat2: number,
  d2: number,
): number {
  const h = haversine(lon1, lat1, lon2, lat2), v = d1 - d2;
  return Math.sqrt(h * h + v * v);
}

/** Forward geodesic: the point at `dist` km from (lon, lat) along `az`. */
export function pointAt(lon: number, lat: number, az: number, dist: number): [number, number] {
  const l = lon * RAD, p = lat * RAD, tc = (360 - az) * RAD;
  const sd = Math.sin(dist / EARTH_RADIUS), cd = Math.cos(dist / EARTH_RADIUS);
  const sp = Math.sin(p), cp = Math.cos(p);
  const sps = sp * cd + cp * sd * Math.cos(tc);
  const dlon = Math.atan2(Math.sin(tc) * sd * cp, cd - sp * sps);
  const lons = pyMod(l - dlon + Math.PI, 2 * Math.PI) - Math.PI;
  return [lons * DEG, Math.asin(sps) * DEG];
}

/** npoints_towards: npoints along `az` from a point, spanning hdist km and vdist km of depth. */
export function npointsTowards(
  lon: number,
  lat: number,
  depth: number,
  az: number,
  hdist: number,
  vdist: number,
  npoints: number,
): [number[], number[], number[]] {
  const l = lon * RAD, p = lat * RAD, tc = (360 - az) * RAD;
  const sp = Math.sin(p), cp = Math.cos(p), ctc = Math.cos(tc), stc = Math.sin(tc);
  const lons = [lon], lats = [lat], deps = [depth];
  for (let i = 1; i < npoints; i++) {
    const hd = i * ((hdist / EARTH_RADIUS) / (npoints - 1));
    const sd = Math.sin(hd), cd = Math.cos(hd);
    const sps = sp * cd + cp * sd * ctc;
    lats.push(Math.asin(sps) * DEG);
    const dlon = Math.atan2(stc * sd * cp, cd - sp * sps);
    lons.push((pyMod(l - dlon + Math.PI, 2 * Math.PI) - Math.PI) * DEG);
    deps.push(i * (vdist / (npoints - 1)) + depth);
  }
  return [lons, lats, deps];
}

/**
 * intervals_between: points from A towards B spaced exactly `length` km (3D), the number of
 * intervals being round(dist/length); the last point is at n·length, not at B.
 */
export function intervalsBetween(
  lon1: number,
  lat1: number,
  d1: number,
  lon2: number,
  lat2: number,
  d2: number,
  length: number,
): [number[], number[], number[]] {
  const h = haversine(lon1, lat1, lon2, lat2), v = d2 - d1;
  const total = pyRound(Math.sqrt(h * h + v * v), 7);
  const n = Math.trunc(pyRound(total / length));
  if (n === 0) return [[lon1], [lat1], [d1]];
  const f = (length * n) / total;
  return npointsTowards(lon1, lat1, d1, azimuth(lon1, lat1, lon2, lat2), h * f, v * f, n + 1);
}

/** Geodesic middle point of two points. */
export function middlePoint(
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
): [number, number] {
  if (lon1 === lon2 && lat1 === lat2) return [lon1, lat1];
  const d = haversine(lon1, lat1, lon2, lat2);
  return pointAt(lon1, lat1, azimuth(lon1, lat1, lon2, lat2), d / 2);
}

/** Earth-centred Cartesian coordinates (km) of (lon, lat, depth), written into out[o..o+2]. */
export function toCartesian(lon: number, lat: number, depth: number, out: Float64Array, o: number) {
  const phi = lon * RAD, theta = lat * RAD, r = EARTH_RADIUS - depth;
  const c = r * Math.cos(theta);
  out[o] = c * Math.cos(phi);
  out[o + 1] = c * Math.sin(phi);
  out[o + 2] = r * Math.sin(theta);
}

/** longitudinal extent from lon1 to lon2, degrees, positive eastwards. */
export function lonExtent(lon1: number, lon2: number): number {
  return pyMod(lon2 - lon1 + 180, 360) - 180;
}

/** get_spherical_bounding_box: [west, east, north, south], ignoring non-finite values. */
export function sphericalBBox(
  lons: ArrayLike<number>,
  lats: ArrayLike<number>,
): [number, number, number, number] {
  let west = Infinity, east = -Infinity, north = -Infinity, south = Infinity;
  for (let i = 0; i < lons.length; i++) {
    const lo = lons[i], la = lats[i];
    if (!Number.isFinite(lo)) continue;
    if (lo < west) west = lo;
    if (lo > east) east = lo;
    if (la > north) north = la;
    if (la < south) south = la;
  }
  if (lonExtent(west, east) < 0) {
    // across the antimeridian: west is the smallest positive, east the largest negative
    west = Infinity;
    east = -Infinity;
    for (let i = 0; i < lons.length; i++) {
      const lo = lons[i];
      if (!Number.isFinite(lo)) continue;
      if (lo > 0 && lo < west) west = lo;
      if (lo < 0 && lo > east) east = lo;
    }
    for (let i = 0; i < lons.length; i++) {
      const lo = lons[i];
      if (!Number.isFinite(lo)) continue;
      if (lonExtent(west, lo) < 0 || lonExtent(lo, east) < 0) {
        throw new Error("points collection has longitudinal extent wider than 180 degrees");
      }
    }
  }
  return [west, east, north, south];
}

/** OpenQuake's OrthographicProjection, centred on the middle of a bounding box. */
export class OrthoProjection {
  readonly lam0: number;
  readonly phi0: number;
  private readonly sinPhi0: number;
  private readonly cosPhi0: number;

  constructor(west: number, east: number, north: number, south: number) {
    const [lon, lat] = middlePoint(west, north, east, south);
    this.lam0 = lon * RAD;
    this.phi0 = lat * RAD;
    this.sinPhi0 = Math.sin(this.phi0);
    this.cosPhi0 = Math.cos(this.phi0);
  }

  static from(lons: ArrayLike<number>, lats: ArrayLike<number>): OrthoProjection {
    const [w, e, n, s] = sphericalBBox(lons, lats);
    return new OrthoProjection(w, e, n, s);
  }

  /** x, y in km */
  project(lon: number, lat: number): [number, number] {
    const l = lon * RAD - this.lam0, p = lat * RAD;
    const cp = Math.cos(p);
    return [
      cp * Math.sin(l) * EARTH_RADIUS,
      (this.cosPhi0 * Math.sin(p) - this.sinPhi0 * cp * Math.cos(l)) * EARTH_RADIUS,
    ];
  }

  /** back to lon, lat */
  reverse(x: number, y: number): [number, number] {
    const xx = x / EARTH_RADIUS, yy = y / EARTH_RADIUS;
    const cosc = Math.sqrt(1 - (xx * xx + yy * yy));
    const phi = Math.asin(cosc * this.sinPhi0 + yy * this.cosPhi0);
    const lam = Math.atan2(xx, this.cosPhi0 * cosc - yy * this.sinPhi0);
    let lon = (this.lam0 + lam) * DEG;
    if (lon >= 180) lon -= 360;
    else if (lon <= -180) lon += 360;
    return [lon, phi * DEG];
  }
}

/** Cross-track distance of a point to the great circle through (alon, alat) with azimuth az;
 * positive to the right of the direction. */
export function distanceToArc(
  alon: number,
  alat: number,
  az: number,
  plon: number,
  plat: number,
): number {
  const azt = azimuth(alon, alat, plon, plat);
  const d = haversine(alon, alat, plon, plat);
  const t = pyMod(azt - az + 360, 360);
  const angle = Math.acos(Math.sin(t * RAD) * Math.sin(d / EARTH_RADIUS));
  return (Math.PI / 2 - angle) * EARTH_RADIUS;
}

/** distance_to_semi_arc: the half great circle starting at (alon, alat) going along az. */
export function distanceToSemiArc(
  alon: number,
  alat: number,
  az: number,
  plon: number,
  plat: number,
): number {
  const azt = azimuth(alon, alat, plon, plat);
  const c = Math.cos((az - azt) * RAD);
  const d = haversine(alon, alat, plon, plat);
  if (c > 0) {
    const t = pyMod(azt - az + 360, 360);
    const angle = Math.acos(Math.sin(t * RAD) * Math.sin(d / EARTH_RADIUS));
    return (Math.PI / 2 - angle) * EARTH_RADIUS;
  }
  return Math.sin((az - azt) * RAD) > 0 ? -d : d;
}

/** Chord distance between two surface points given in lon/lat (min_geodetic_distance's metric). */
export function chordSurface(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * RAD, p2 = lat2 * RAD, l1 = lon1 * RAD, l2 = lon2 * RAD;
  const c1 = Math.cos(p1), c2 = Math.cos(p2);
  const dx = c1 * Math.cos(l1) - c2 * Math.cos(l2);
  const dy = c1 * Math.sin(l1) - c2 * Math.sin(l2);
  const dz = Math.sin(p1) - Math.sin(p2);
  return EARTH_RADIUS * Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** min_distance_to_segment: signed distance (negative on the left) of a point to a segment. */
export function minDistanceToSegment(
  lon0: number,
  lat0: number,
  lon1: number,
  lat1: number,
  plon: number,
  plat: number,
  segAz = azimuth(lon0, lat0, lon1, lat1),
): number {
  const az1 = azimuth(lon0, lat0, plon, plat);
  const az2 = azimuth(lon1, lat1, plon, plat);
  const c1 = Math.cos((segAz - az1) * RAD), c2 = Math.cos((segAz - az2) * RAD);
  let d: number;
  if (c1 >= 0 && c2 <= 0) d = distanceToArc(lon0, lat0, segAz, plon, plat);
  else {
    d = Math.min(chordSurface(lon0, lat0, plon, plat), chordSurface(lon1, lat1, plon, plat));
  }
  d = Math.abs(d);
  return Math.sin((az1 - segAz) * RAD) < 0 ? -d : d;
}
