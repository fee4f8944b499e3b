// Geodesy against the values of OpenQuake's own tests (hazardlib/tests/geo/geodetic_test.py,
// utils_test.py), with their tolerances (numpy assert_almost_equal: |a - e| < 1.5·10^-decimal).
import { ok, strictEqual, throws } from "node:assert";
import {
  azimuth,
  cartesianToSpherical,
  distance3d,
  distanceToArc,
  EARTH_RADIUS,
  fastDistanceToArc,
  geodeticDistance,
  intervalsBetween,
  longitudinalExtent,
  middlePoint,
  npointsBetween,
  npointsTowards,
  OrthographicProjection,
  pointAt,
  pyMod,
  roundHalfAway,
  sphericalBoundingBox,
  sphericalToCartesian,
} from "../../engine/geo/geodetic.ts";

function near(actual: number, expected: number, decimal = 7, what = "") {
  ok(
    Math.abs(actual - expected) < 1.5 * 10 ** -decimal,
    `${what} ${actual} != ${expected} at ${decimal} decimals`,
  );
}

function nearAll(actual: number[], expected: number[], decimal = 7, what = "") {
  strictEqual(actual.length, expected.length, `${what} length`);
  actual.forEach((a, i) => near(a, expected[i], decimal, `${what}[${i}]`));
}

const LAX: [number, number] = [118 + 24 / 60., 33 + 57 / 60.];
const JFK: [number, number] = [73 + 47 / 60., 40 + 38 / 60.];

Deno.test("geodetic distance (OpenQuake TestGeodeticDistance)", () => {
  near(geodeticDistance(...LAX, ...JFK), 0.623585 * EARTH_RADIUS, 1);
  near(geodeticDistance(0, 0, 1, 0), 111.1949266);
  near(geodeticDistance(-5, 0, -6, 0), geodeticDistance(0, 0, 1, 0));
  near(geodeticDistance(77.5, -10, 77.5, -20), 1111.949, 3);
  near(geodeticDistance(-150, 15, -150, 25), 1111.949, 3);
  near(geodeticDistance(0, 90, 0, 88), 222.3898533);
  near(geodeticDistance(0, 0, 0, 1e-10), 0);
  near(geodeticDistance(110, -10, -70, 10), EARTH_RADIUS * Math.PI, 3);
  const l1 = [-50.03824533, -153.97808192, -106.36068694, 47.06944014];
  const p1 = [52.20211151, 17.018482, -26.06421527, -20.30383723];
  const l2 = [49.97448794, 52.3126795, -165.13925579, 162.16421979];
  const p2 = [-27.66510775, -73.66591257, -60.24498761, -9.92908014];
  const e = [13061.87935023, 13506.24000062, 5807.34519649, 12163.45759805];
  e.forEach((d, i) => near(geodeticDistance(l1[i], p1[i], l2[i], p2[i]), d, 2));
});

Deno.test("azimuth (OpenQuake TestAzimuth)", () => {
  near(azimuth(...LAX, ...JFK), 360 - 65.8922, 4);
  strictEqual(azimuth(0, 0, 0, 1), 0);
  strictEqual(azimuth(0, 2, 0, 1), 180);
  strictEqual(azimuth(0, 0, 1, 0), 90);
  strictEqual(azimuth(1, 0, 0, 0), 270);
  nearAll(
    [[0.01, 0.01], [0.01, -0.01], [-0.01, -0.01], [-0.01, 0.01]].map(([x, y]) =>
      azimuth(0, 0, x, y)
    ),
    [45, 135, 225, 315],
    5,
  );
  const l1 = [156.49676849, 150.03697145, -77.96053914, -109.36694411];
  const p1 = [-79.78522764, -89.15044328, -32.28244296, -25.11092309];
  const l2 = [-84.6732372, 140.08382287, 82.69227935, -18.9919318];
  const p2 = [82.16896786, 26.16081412, 41.21501474, -2.88241099];
  const e = [47.07336955, 350.11740733, 54.46959147, 92.76923701];
  e.forEach((a, i) => near(azimuth(l1[i], p1[i], l2[i], p2[i]), a));
});

Deno.test("3D distance (OpenQuake TestDistance)", () => {
  near(distance3d(0, 0, 10, 0.5, -0.3, 5), 65.0295143);
  near(distance3d(0, 0, 1, 0, 0, -1), 2.0);
  near(distance3d(0, 0, 3, 0.5, -0.3, -2), 65.0295143);
});

Deno.test("cross-track distance (OpenQuake DistanceToArcTest), positive on the right", () => {
  // the Python distance_to_arc (meshes) and the numba distances_to_arc
  for (const f of [distanceToArc, fastDistanceToArc]) {
    near(f(12.3, 44.5, 39.4, 13.4, 46.9), -105.12464364);
    near(f(12.3, 44.5, 219.4, 13.4, 46.9), +105.12464364);
    near(f(12.3, 44.5, 39.4, 13.4, 44.9), 38.34459954);
    near(f(4.0, 17.0, -123.0, 3.3, 20.3), 347.61490787);
    near(f(4.0, 17.0, -123.0, 4.3, 15.3), -176.03785187);
  }
});

Deno.test("forward geodesic (OpenQuake PointAtTest)", () => {
  const [lon, lat] = pointAt(10.0, 20.0, 30.0, 50.0);
  near(lon, 10.239856504796101, 6);
  near(lat, 20.38925590463351, 6);
  const [lon2, lat2] = pointAt(-13.5, 22.4, -140.0, 120.0);
  near(lon2, -14.245910669126582, 6);
  near(lat2, 21.57159463157223, 6);
  const [lon3, lat3] = pointAt(1.3, -5.6, -35.0, 0);
  near(lon3, 1.3);
  near(lat3, -5.6);
});

Deno.test("npoints between/towards and intervals (OpenQuake tests)", () => {
  const [lons, lats, deps] = npointsBetween(40.77, 38.9, 17.5, 31.14, 46.23, 5.2, 7);
  nearAll(lons, [
    40.77,
    39.316149154562076,
    37.8070559966114,
    36.23892429550906,
    34.60779411051164,
    32.90956020775102,
    31.14,
  ]);
  nearAll(lats, [
    38.9,
    40.174608368560094,
    41.43033989236144,
    42.66557829138413,
    43.87856696738466,
    45.067397797471415,
    46.23,
  ]);
  nearAll(deps, [17.5, 15.45, 13.4, 11.35, 9.3, 7.25, 5.2]);
  strictEqual(lons[6], 31.14);
  strictEqual(lats[0], 38.9);
  const [tl, ta, td] = npointsTowards(-30.5, 23.6, 55, -100.5, 400, -40, 5);
  nearAll(tl, [-30.5, -31.46375358, -32.42503446, -33.3837849, -34.33995063]);
  nearAll(ta, [23.6, 23.43314083, 23.26038177, 23.08178673, 22.8974212]);
  nearAll(td, [55, 45, 35, 25, 15]);
  let [il, ia, id] = intervalsBetween(10, -4, 100, 12, 4, 60, 380);
  nearAll(il, [10., 10.82836972, 11.65558943]);
  nearAll(ia, [-4, -0.68763949, 2.62486454]);
  nearAll(id, [100, 83.43802828, 66.87605655]);
  [il, ia, id] = intervalsBetween(10, -4, 100, 12, 4, 60, 350);
  nearAll(il, [10., 10.76308634, 11.52482625, 12.28955192]);
  nearAll(ia, [-4, -0.94915589, 2.10185625, 5.15249576]);
  nearAll(id, [100, 84.74555236, 69.49110472, 54.23665708]);
  nearAll(intervalsBetween(0, 0, 0, 0, 0, -2.9, 2)[2], [0, -2]);
  nearAll(intervalsBetween(0, 0, 0, 0, 0, -3, 2)[2], [0, -2, -4]);
  nearAll(intervalsBetween(10, 1, 100, 10.04, 1.5, 90, 140)[0], [10]);
  // the two 65 km segments of OpenQuake's test give 34 points each
  strictEqual(
    intervalsBetween(
      132.2272081355264675,
      31.0552366690758639,
      7.7000000000000002,
      131.6030780890111203,
      31.1968015468782589,
      28.8619300397151832,
      2.0,
    )[0].length,
    34,
  );
  strictEqual(
    intervalsBetween(
      132.2218096511129488,
      31.0378653652772165,
      7.7000000000000002,
      131.5977943677305859,
      31.1794320218608547,
      28.8619300397151832,
      2.0,
    )[0].length,
    34,
  );
});

Deno.test("rounding, modulo, extents and bounding boxes follow Python/OpenQuake", () => {
  strictEqual(roundHalfAway(2.5), 3);
  strictEqual(roundHalfAway(40.4999999), 40);
  strictEqual(roundHalfAway(-2.5), -3);
  strictEqual(roundHalfAway(4.05 / 0.1), 40); // 40.4999... (science.md §1.12.1)
  strictEqual(roundHalfAway(4.15 / 0.1), 42); // 41.5000...1
  strictEqual(pyMod(-1, 360), 359);
  strictEqual(pyMod(361, 360), 1);
  strictEqual(longitudinalExtent(170, -170), 20);
  strictEqual(longitudinalExtent(-170, 170), -20);
  // utils_test.py GetSphericalBoundingBox
  const bb = sphericalBoundingBox([10, 20, 30], [1, 2, 3]);
  strictEqual(bb.join(), [10, 30, 3, 1].join());
  const idl = sphericalBoundingBox([-170, 170, 179], [-10, 10, 0]);
  strictEqual(idl.join(), [170, -170, 10, -10].join());
  throws(() => sphericalBoundingBox([-170, 0, 170], [0, 0, 0]), /wider than 180 degrees/);
  // get_middle_point (utils_test.py)
  const [ml, ma] = middlePoint(0, 0, 0, 0.089932);
  near(ml, 0, 4);
  near(ma, 0.044966, 4);
});

Deno.test("Cartesian round trip and orthographic projection", () => {
  const [x, y, z] = sphericalToCartesian(12.5, -33.25, 7.5);
  const [l, p, d] = cartesianToSpherical(x, y, z);
  near(l, 12.5, 12);
  near(p, -33.25, 12);
  near(d, 7.5, 9);
  // a site above sea level is farther from the Earth's centre
  const r = (v: number[]) => Math.hypot(v[0], v[1], v[2]);
  near(r(sphericalToCartesian(0, 0, -0.1)), EARTH_RADIUS + 0.1, 9);
  // projection centre maps to (0, 0); distances near the centre are nearly true distances
  const proj = new OrthographicProjection(10, 12, 46, 44);
  const [cx, cy] = proj.project(...middlePoint(10, 46, 12, 44));
  near(cx, 0, 9);
  near(cy, 0, 9);
  const [ax, ay] = proj.project(11, 45);
  const [bx, by] = proj.project(11.1, 45);
  near(Math.hypot(ax - bx, ay - by), geodeticDistance(11, 45, 11.1, 45), 3);
  const [rl, rp] = proj.reverse(ax, ay);
  near(rl, 11, 10);
  near(rp, 45, 10);
});
