// Spherical-earth geodesy as OpenQuake does it (hazardlib/geo/geodetic.py, geo/utils.py):
// haversine distances, azimuths, forward geodesic, distances to arcs and segments, Earth-centred
// Cartesian coordinates, bounding boxes and the orthographic projection used by polygons and
// meshes. Formulas follow OpenQuake operation by operation where the rounding changes numbers.
// Scalar functions over plain numbers: the hot loops iterate typed arrays with them.
//
// Two great-circle distances coexist on purpose: `geodeticDistance` (OpenQuake's operation
// order) and `haversine` (the fault meshes' order). They differ in the last bits, so the
// functions built on a distance take it as an optional last argument and each call site keeps
// the variant it was written with (as for pointAt / fastPointAt).

/** Earth radius, km (sphere). */
export const EARTH_RADIUS = 6371.0;
/** Maximum elevation on Earth, km (depths are positive down). */
export const EARTH_ELEVATION = -8.848;
/** 1 degree ≈ 111.2 km, as hazardlib/geo/utils.py. */
export const KM_TO_DEGREES = 0.0089932;
const DEGREES_TO_RAD = 0.01745329252;

const D2R = Math.PI / 180;
const R2D = 180 / Math.PI;

/** numpy.radians / math.radians: x * (pi / 180). */
export function radians(x: number): number {
  return x * D2R;
}

/** numpy.degrees / math.degrees: x * (180 / pi). */
export function degrees(x: number): number {
  return x * R2D;
}

/**
 * Python's float modulo (result has the sign of the divisor), as numpy.mod, except that a zero
 * remainder keeps the dividend's sign (numpy: +0); no caller can tell, as each offsets the
 * result or has a positive dividend. Kept this small: it is inlined in per-site loops.
 */
export function pyMod(a: number, n: number): number {
  const r = a % n;
  return r !== 0 && (r < 0) !== (n < 0) ? r + n : r;
}

/**
 * OpenQuake's rounding (baselib/python3compat.round): floor(x·10^d + copysign(0.5, x)) / 10^d,
 * i.e. half away from zero for positive numbers (not banker's rounding).
 */
export function roundHalfAway(x: number, d = 0): number {
  const p = 10 ** d;
  const half = x < 0 || Object.is(x, -0) ? -0.5 : 0.5;
  return Math.floor(x * p + half) / p;
}

/** numpy.round (half to even), used where OpenQuake calls numpy.round. */
export function npRound(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5) return 2 * Math.round(x / 2);
  return r;
}

/** A great-circle distance (km) between two points in degrees. */
export type SurfaceDistance = (lon1: number, lat1: number, lon2: number, lat2: number) => number;

/** Great-circle distance in km between points given in degrees (haversine). */
export function geodeticDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const l1 = radians(lon1), p1 = radians(lat1), l2 = radians(lon2), p2 = radians(lat2);
  return havRad(l1, p1, l2, p2);
}

/** Haversine distance with coordinates already in radians. */
export function havRad(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = Math.sin((lat1 - lat2) / 2.0);
  const b = Math.sin((lon1 - lon2) / 2.0);
  return Math.asin(Math.sqrt(a * a + Math.cos(lat1) * Math.cos(lat2) * (b * b))) *
    (2 * EARTH_RADIUS);
}

/**
 * Great-circle distance (km) as the fault meshes compute it: longitudes subtracted in degrees
 * before conversion and cos·cos·b·b multiplied left to right. Differs from geodeticDistance in
 * the last bits; the mesh surfaces' numbers (and their tests) are built on this one.
 */
export function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * D2R, p2 = lat2 * D2R;
  const a = Math.sin((p1 - p2) / 2), b = Math.sin((lon1 - lon2) * D2R / 2);
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(a * a + Math.cos(p1) * Math.cos(p2) * b * b));
}

/** Azimuth from point 1 to point 2, degrees clockwise from north in [0, 360). */
export function azimuth(lon1: number, lat1: number, lon2: number, lat2: number): number {
  // x * D2R rather than radians(x) (the same number): this runs in per-site loops and a
  // shallower call tree stays within V8's inlining budget there
  const l1 = lon1 * D2R, p1 = lat1 * D2R, l2 = lon2 * D2R, p2 = lat2 * D2R;
  const cosLat2 = Math.cos(p2);
  const tc = Math.atan2(
    Math.sin(l1 - l2) * cosLat2,
    Math.cos(p1) * Math.sin(p2) - Math.sin(p1) * cosLat2 * Math.cos(l1 - l2),
  ) * R2D;
  return pyMod(360 - tc, 360);
}

/** The numba `fast_azimuth`: −degrees(true course), not reduced to [0, 360). */
export function fastAzimuth(lon: number, lat: number, lon2: number, lat2: number): number {
  const l = radians(lon), p = radians(lat), l2 = radians(lon2), p2 = radians(lat2);
  const cosLat2 = Math.cos(p2);
  const tc = Math.atan2(
    Math.sin(l - l2) * cosLat2,
    Math.cos(p) * Math.sin(p2) - Math.sin(p) * cosLat2 * Math.cos(l - l2),
  );
  return -degrees(tc);
}

/** √(surface distance² + Δdepth²), km (`geodetic.distance`). */
export function distance3d(
  lon1: number,
  lat1: number,
  dep1: number,
  lon2: number,
  lat2: number,
  dep2: number,
  surfaceDistance: SurfaceDistance = geodeticDistance,
): number {
  const h = surfaceDistance(lon1, lat1, lon2, lat2);
  const v = dep1 - dep2;
  return Math.sqrt(h * h + v * v);
}

function forward(lon: number, lat: number, tc: number, dist: number): [number, number] {
  const rlon = radians(lon), rlat = radians(lat);
  const sinD = Math.sin(dist / EARTH_RADIUS);
  const cosD = Math.cos(dist / EARTH_RADIUS);
  const sinLat = Math.sin(rlat);
  const cosLat = Math.cos(rlat);
  const sinLats = sinLat * cosD + cosLat * sinD * Math.cos(tc);
  const dlon = Math.atan2(Math.sin(tc) * sinD * cosLat, cosD - sinLat * sinLats);
  const lons = pyMod(rlon - dlon + Math.PI, 2 * Math.PI) - Math.PI;
  return [degrees(lons), degrees(Math.asin(sinLats))];
}

/**
 * Forward geodesic (`geodetic.point_at`): the point `dist` km from (lon, lat) along `az`.
 * The true course is radians(360 − az), as OpenQuake's point_at.
 */
export function pointAt(lon: number, lat: number, az: number, dist: number): [number, number] {
  return forward(lon, lat, radians(360 - az), dist);
}

/**
 * Forward geodesic as the numba `fast_point_at` (true course −radians(az)); used by OpenQuake to
 * build the corners of planar ruptures. Differs from pointAt only in the last bits.
 */
export function fastPointAt(lon: number, lat: number, az: number, dist: number): [number, number] {
  return forward(lon, lat, -radians(az), dist);
}

/**
 * Points along a great circle from (lon, lat, depth) with azimuth `az`, up to horizontal distance
 * `hdist` and vertical `vdist`, `npoints` in all, first point kept intact (`npoints_towards`).
 */
export function npointsTowards(
  lon: number,
  lat: number,
  depth: number,
  az: number,
  hdist: number,
  vdist: number,
  npoints: number,
): [number[], number[], number[]] {
  if (!(npoints > 1)) throw new Error(`npointsTowards: npoints must be > 1, got ${npoints}`);
  const rlon = radians(lon), rlat = radians(lat);
  const tc = radians(360 - az);
  const sinLat = Math.sin(rlat), cosLat = Math.cos(rlat);
  const lons: number[] = [], lats: number[] = [], deps: number[] = [];
  const hstep = (hdist / EARTH_RADIUS) / (npoints - 1);
  const vstep = vdist / (npoints - 1);
  for (let i = 0; i < npoints; i++) {
    const hd = i * hstep;
    const sinD = Math.sin(hd), cosD = Math.cos(hd);
    const sinLats = sinLat * cosD + cosLat * sinD * Math.cos(tc);
    const dlon = Math.atan2(Math.sin(tc) * sinD * cosLat, cosD - sinLat * sinLats);
    lons.push(degrees(pyMod(rlon - dlon + Math.PI, 2 * Math.PI) - Math.PI));
    lats.push(degrees(Math.asin(sinLats)));
    deps.push(i * vstep + depth);
  }
  lons[0] = lon;
  lats[0] = lat;
  deps[0] = depth;
  return [lons, lats, deps];
}

/** `npoints` equally spaced points from A to B, both ends exact (`npoints_between`). */
export function npointsBetween(
  lon1: number,
  lat1: number,
  depth1: number,
  lon2: number,
  lat2: number,
  depth2: number,
  npoints: number,
): [number[], number[], number[]] {
  const hdist = geodeticDistance(lon1, lat1, lon2, lat2);
  const vdist = depth2 - depth1;
  const out = npointsTowards(
    lon1,
    lat1,
    depth1,
    azimuth(lon1, lat1, lon2, lat2),
    hdist,
    vdist,
    npoints,
  );
  const n = npoints - 1;
  out[0][n] = lon2;
  out[1][n] = lat2;
  out[2][n] = depth2;
  return out;
}

/**
 * Points from A towards B spaced `length` km apart (`intervals_between`): the number of intervals
 * is round(D / length) with D the 3D distance rounded to 7 decimals.
 */
export function intervalsBetween(
  lon1: number,
  lat1: number,
  depth1: number,
  lon2: number,
  lat2: number,
  depth2: number,
  length: number,
  surfaceDistance: SurfaceDistance = geodeticDistance,
): [number[], number[], number[]] {
  if (!(length > 0)) throw new Error(`intervalsBetween: length must be > 0, got ${length}`);
  const hdist = surfaceDistance(lon1, lat1, lon2, lat2);
  const vdist = depth2 - depth1;
  const total = roundHalfAway(Math.sqrt(hdist * hdist + vdist * vdist), 7);
  const n = Math.trunc(roundHalfAway(total / length));
  if (n === 0) return [[lon1], [lat1], [depth1]];
  const f = (length * n) / total;
  return npointsTowards(
    lon1,
    lat1,
    depth1,
    azimuth(lon1, lat1, lon2, lat2),
    hdist * f,
    vdist * f,
    n + 1,
  );
}

/**
 * Signed distance (km) from each point to the great circle through (lon, lat) with azimuth `azi`,
 * as the numba `distances_to_arc`: positive to the right of the direction `azi`.
 */
export function fastDistanceToArc(
  lon: number,
  lat: number,
  azi: number,
  plon: number,
  plat: number,
): number {
  const rlon = radians(lon), rlat = radians(lat), razi = radians(azi);
  const rplon = radians(plon), rplat = radians(plat);
  const coss = Math.cos(rplat);
  const aziToTarget = -Math.atan2(
    Math.sin(rlon - rplon) * coss,
    Math.cos(rlat) * Math.sin(rplat) - Math.sin(rlat) * coss * Math.cos(rlon - rplon),
  );
  const d = havRad(rlon, rlat, rplon, rplat);
  const angle = Math.acos(Math.sin(aziToTarget - razi) * Math.sin(d / EARTH_RADIUS));
  return (Math.PI / 2 - angle) * EARTH_RADIUS;
}

/**
 * Cross-track distance (km) of a point to the great circle through (alon, alat) with azimuth
 * `az`, positive to the right of the direction, as the Python `distance_to_arc` (through the
 * azimuth in [0, 360) and the meshes' haversine; fastDistanceToArc is the numba form).
 */
export function distanceToArc(
  alon: number,
  alat: number,
  az: number,
  plon: number,
  plat: number,
): number {
  // crossTrack's body, not a call to it: one call level less keeps the per-site Ry0 and Rx
  // loops within V8's inlining budget (12% faster)
  const azt = azimuth(alon, alat, plon, plat);
  const d = haversine(alon, alat, plon, plat);
  const t = pyMod(azt - az + 360, 360);
  const angle = Math.acos(Math.sin(t * D2R) * Math.sin(d / EARTH_RADIUS));
  return (Math.PI / 2 - angle) * EARTH_RADIUS;
}

/**
 * The cross-track distance (km) of a point at azimuth `azt` and distance `d` (km) from a point
 * of the great circle with azimuth `az` (the last step of `distance_to_arc`).
 */
export function crossTrack(azt: number, az: number, d: number): number {
  const t = pyMod(azt - az + 360, 360);
  const angle = Math.acos(Math.sin(t * D2R) * Math.sin(d / EARTH_RADIUS));
  return (Math.PI / 2 - angle) * EARTH_RADIUS;
}

/** distance_to_semi_arc: to the half great circle starting at (alon, alat) along `az`. */
export function distanceToSemiArc(
  alon: number,
  alat: number,
  az: number,
  plon: number,
  plat: number,
): number {
  return semiArcTrack(azimuth(alon, alat, plon, plat), az, haversine(alon, alat, plon, plat));
}

/** distanceToSemiArc from the point's azimuth `azt` and distance `d` (km) to the arc's start. */
export function semiArcTrack(azt: number, az: number, d: number): number {
  if (Math.cos((az - azt) * D2R) > 0) return crossTrack(azt, az, d);
  return Math.sin((az - azt) * D2R) > 0 ? -d : d;
}

/** Chord distance (km) between two surface points (min_geodetic_distance's metric). */
export function chordSurface(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const p1 = lat1 * D2R, p2 = lat2 * D2R, l1 = lon1 * D2R, l2 = lon2 * D2R;
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
  const c1 = Math.cos((segAz - az1) * D2R), c2 = Math.cos((segAz - az2) * D2R);
  let d: number;
  if (c1 >= 0 && c2 <= 0) d = distanceToArc(lon0, lat0, segAz, plon, plat);
  else {
    d = Math.min(chordSurface(lon0, lat0, plon, plat), chordSurface(lon1, lat1, plon, plat));
  }
  d = Math.abs(d);
  return Math.sin((az1 - segAz) * D2R) < 0 ? -d : d;
}

/**
 * Earth-centred Cartesian coordinates (km) of (lon, lat, depth) written into out[o..o+2]:
 * the allocation-free form for loops over typed arrays.
 */
export function sphericalToCartesianInto(
  lon: number,
  lat: number,
  depth: number,
  out: Float64Array,
  o: number,
): void {
  const phi = radians(lon), theta = radians(lat);
  const rr = EARTH_RADIUS - depth;
  const c = rr * Math.cos(theta);
  out[o] = c * Math.cos(phi);
  out[o + 1] = c * Math.sin(phi);
  out[o + 2] = rr * Math.sin(theta);
}

const XYZ = new Float64Array(3);

/** Earth-centred Cartesian coordinates (km) of a point; depth positive down. */
export function sphericalToCartesian(
  lon: number,
  lat: number,
  depth = 0,
): [number, number, number] {
  sphericalToCartesianInto(lon, lat, depth, XYZ, 0);
  return [XYZ[0], XYZ[1], XYZ[2]];
}

/** Inverse of sphericalToCartesian: [lon, lat, depth]. */
export function cartesianToSpherical(x: number, y: number, z: number): [number, number, number] {
  const rr = Math.sqrt(x * x + y * y + z * z);
  const s = Math.min(1, Math.max(-1, z / rr));
  return [degrees(Math.atan2(y, x)), degrees(Math.asin(s)), EARTH_RADIUS - rr];
}

/** Longitude difference lon2 − lon1 in (−180, 180] (positive when lon2 is east of lon1). */
export function longitudinalExtent(lon1: number, lon2: number): number {
  return pyMod(lon2 - lon1 + 180, 360) - 180;
}

/** The point midway between two points along their great circle (`get_middle_point`). */
export function middlePoint(
  lon1: number,
  lat1: number,
  lon2: number,
  lat2: number,
  surfaceDistance: SurfaceDistance = geodeticDistance,
): [number, number] {
  if (lon1 === lon2 && lat1 === lat2) return [lon1, lat1];
  const dist = surfaceDistance(lon1, lat1, lon2, lat2);
  const az = azimuth(lon1, lat1, lon2, lat2);
  return pointAt(lon1, lat1, az, dist / 2.0);
}

/**
 * [west, east, north, south] of a point collection, aware of the antimeridian
 * (`get_spherical_bounding_box`). Throws if the longitudinal extent exceeds 180°.
 */
export function sphericalBoundingBox(
  lons: ArrayLike<number>,
  lats: ArrayLike<number>,
): [number, number, number, number] {
  let west = Infinity, east = -Infinity, north = -Infinity, south = Infinity;
  for (let i = 0; i < lons.length; i++) {
    if (!Number.isFinite(lons[i])) continue;
    west = Math.min(west, lons[i]);
    east = Math.max(east, lons[i]);
    north = Math.max(north, lats[i]);
    south = Math.min(south, lats[i]);
  }
  if (longitudinalExtent(west, east) < 0) {
    // both sides of the antimeridian: west is the lowest positive, east the highest negative
    west = Infinity;
    east = -Infinity;
    for (let i = 0; i < lons.length; i++) {
      const l = lons[i];
      if (!Number.isFinite(l)) continue;
      if (l > 0) west = Math.min(west, l);
      if (l < 0) east = Math.max(east, l);
    }
    for (let i = 0; i < lons.length; i++) {
      const l = lons[i];
      if (!Number.isFinite(l)) continue;
      if (longitudinalExtent(west, l) < 0 || longitudinalExtent(l, east) < 0) {
        throw new Error("points collection has longitudinal extent wider than 180 degrees");
      }
    }
  }
  return [west, east, north, south];
}

/** Angular width (degrees) of `km` at latitude `lat` (`angular_distance`). */
export function angularDistance(km: number, lat = 0, lat2?: number): number {
  if (lat2 !== undefined) lat = Math.max(Math.abs(lat), Math.abs(lat2));
  return km * KM_TO_DEGREES / Math.cos(lat * DEGREES_TO_RAD);
}

/**
 * Orthographic projection centred at the geodesic midpoint of (west, north)–(east, south), as
 * OpenQuake's OrthographicProjection: km coordinates for point-in-polygon tests and the meshes'
 * Rjb polygons. `surfaceDistance` is the distance the midpoint is found with.
 */
export class OrthographicProjection {
  readonly lam0: number;
  readonly phi0: number;
  private readonly sinPhi0: number;
  private readonly cosPhi0: number;

  constructor(
    readonly west: number,
    readonly east: number,
    readonly north: number,
    readonly south: number,
    surfaceDistance: SurfaceDistance = geodeticDistance,
  ) {
    const [l, p] = middlePoint(west, north, east, south, surfaceDistance);
    this.lam0 = radians(l);
    this.phi0 = radians(p);
    this.sinPhi0 = Math.sin(this.phi0);
    this.cosPhi0 = Math.cos(this.phi0);
  }

  static fromPoints(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    surfaceDistance: SurfaceDistance = geodeticDistance,
  ): OrthographicProjection {
    const [w, e, n, s] = sphericalBoundingBox(lons, lats);
    return new OrthographicProjection(w, e, n, s, surfaceDistance);
  }

  /** degrees -> km */
  project(lon: number, lat: number): [number, number] {
    const lambda = radians(lon) - this.lam0;
    const phi = radians(lat);
    const cosPhi = Math.cos(phi);
    const x = Math.cos(phi) * Math.sin(lambda) * EARTH_RADIUS;
    const y = (this.cosPhi0 * Math.sin(phi) - this.sinPhi0 * cosPhi * Math.cos(lambda)) *
      EARTH_RADIUS;
    return [x, y];
  }

  /** km -> degrees */
  reverse(x: number, y: number): [number, number] {
    const xx = x / EARTH_RADIUS, yy = y / EARTH_RADIUS;
    const cosC = Math.sqrt(1 - (xx * xx + yy * yy));
    const phi = Math.asin(cosC * this.sinPhi0 + yy * this.cosPhi0);
    const lambda = Math.atan2(xx, this.cosPhi0 * cosC - yy * this.sinPhi0);
    let lon = degrees(this.lam0 + lambda);
    if (lon >= 180) lon -= 360;
    else if (lon <= -180) lon += 360;
    return [lon, degrees(phi)];
  }
}
