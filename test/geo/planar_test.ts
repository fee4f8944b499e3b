// Planar surfaces against OpenQuake's hazardlib/tests/geo/surface/planar_test.py (values and
// tolerances from there).
import { ok, strictEqual, throws } from "node:assert";
import { type Corner, PlanarSurface } from "../../engine/geo/planar.ts";
import type { DistanceName } from "../../engine/geo/surface.ts";
import { cartesianToSpherical, distance3d } from "../../engine/geo/geodetic.ts";

function close(a: number, e: number, tol: number, what = "") {
  ok(Math.abs(a - e) <= tol, `${what}: ${a} != ${e} (tol ${tol})`);
}

function dists(
  s: PlanarSurface,
  pts: number[][],
  name: DistanceName,
): number[] {
  const out: Partial<Record<DistanceName, Float64Array>> = {};
  s.distances(
    pts.map((p) => p[0]),
    pts.map((p) => p[1]),
    [name],
    out,
    pts.map((p) => p[2] ?? 0),
  );
  return [...out[name]!];
}

// OpenQuake's TEST_7_RUPTURE_6/2/9_CORNERS (tl, tr, br, bl)
const R6: Corner[] = [
  [-0.0252862987308, -0.0252862962683, 8.01182317808],
  [0.0252862987308, 0.0252862962683, 8.01182317808],
  [0.0252862987308, 0.0252862962683, 11.9881768219],
  [-0.0252862987308, -0.0252862962683, 11.9881768219],
];
const R2: Corner[] = R6.map((c, i) => [c[0], c[1], i < 2 ? 7.01182317808 : 10.9881768219]);
const R9: Corner[] = R6.map((c, i) => [c[0], c[1], i < 2 ? -0.98817682192 : 2.9881768219]);
const mk = (strike: number, dip: number, c: Corner[]) =>
  new PlanarSurface(strike, dip, c[0], c[1], c[2], c[3]);

Deno.test("creation checks (PlanarSurfaceCreationTestCase)", () => {
  const bad = (strike: number, dip: number, c: Corner[], msg: string) =>
    throws(() => mk(strike, dip, c), (e: Error) => e.message === msg);
  bad(
    0,
    90,
    [[0, -1, 0.3], [0, 1, 0.30001], [0, 1, 0.5], [0, -1, 0.5]],
    "top and bottom edges must be parallel to the earth surface",
  );
  bad(
    0,
    90,
    [[0, -1, 0.3], [0, 1, 0.3], [0, 1, 0.5], [0, -1, 0.499999]],
    "top and bottom edges must be parallel to the earth surface",
  );
  bad(0, 90, [[0, -1, 1], [0, 1, 1], [0, -1, 2], [0, 1, 2]], "corners are in the wrong order");
  bad(
    0,
    90,
    [[0, -1, 1], [0, 1, 1], [0, 1.2, 2], [0, -1.2, 2]],
    "top and bottom edges have different lengths",
  );
  const ok4: Corner[] = [[0, -1, 1], [0, 1, 1], [0, 1, 2], [0, -1, 2]];
  for (const s of [-1, 360]) bad(s, 90, ok4, `strike ${s} is out of range [0, 360)`);
  for (const d of [0, 91, -1]) bad(0, d, ok4, `dip ${d} is out of range (0, 90]`);
  // within tolerance
  const s = mk(20, 30, [[0, -1, 1], [0, 1, 1], [-0.0003, 1, 2], [0.0003, -1, 2]]);
  close(s.length, distance3d(0, -1, 1, 0, 1, 1), 0.2, "length");
  close(s.width, distance3d(0, -1, 1, 0.0003, -1, 2), 0.2, "width");
  mk(150, 45, [[-0.0001, 0, 1], [0.0001, -1, 1], [-0.0001, -1, 2], [0.0001, 0, 2]]);
  mk(2, 3, [[0, -1, 1], [0, 1, 1], [0, 1.000001, 2], [0, -1, 2]]);
});

Deno.test("from corner points: strike and dip", () => {
  const v = PlanarSurface.fromCornerPoints([0, 0, 0], [0, 1, 0], [0, 1, 5], [0, 0, 5]);
  close(v.strike, 0, 1e-7);
  close(v.dip, 90, 1e-7);
  strictEqual(v.corners[2].join(), "0,0,5"); // bottom left
  const t = PlanarSurface.fromCornerPoints([0, 0, -1], [0, 1, -1], [0, 1, 4], [0, 0, 4]);
  close(t.dip, 90, 1e-7);
  const i = PlanarSurface.fromCornerPoints(
    [0, 0, 0],
    [0.5, 0.5, 0],
    [0.563593, 0.436408, 10.],
    [0.063592, -0.063592, 10],
  );
  close(i.strike, 45, 0.1);
  close(i.dip, 45, 0.1);
});

Deno.test("rrup (PlanarSurfaceGetMinDistanceTestCase)", () => {
  close(dists(mk(2, 3, R6), [[0, 0]], "rrup")[0], 8.01185807319, 0.005);
  close(dists(mk(2, 3, R6), [[-0.25, 0.25]], "rrup")[0], 40.1213468, 0.05);
  close(dists(mk(2, 3, R2), [[0, 0]], "rrup")[0], 7.01186304977, 0.005);
  close(dists(mk(2, 3, R2), [[-0.3, 0.4]], "rrup")[0], 55.6159556, 0.6);
  close(dists(mk(2, 3, R9), [[-0.3, 0.4, -8]], "rrup")[0], 55.6159556, 0.6);
  // nine positions around a rectangle given in Cartesian coordinates
  const v2p = (v: number[][]) => v.map(([x, y, z]) => cartesianToSpherical(x, y, z));
  const c = v2p([[6370, 0, -0.5], [6370, 0, 0.5], [6369, 2, 0.5], [6369, 2, -0.5]]) as Corner[];
  const s = mk(2, 3, c);
  const check = (pts: number[][], exp: number[]) =>
    dists(s, v2p(pts), "rrup").forEach((d, i) => close(d, exp[i], 1e-4, `rrup ${i}`));
  check([[6371, 0, -1.5], [6371, 0, 1.5], [6371, 0, 0.33]], [2 ** 0.5, 2 ** 0.5, 1.0]);
  check([[6368, 2, -1.5], [6368, 2, 1.5], [6368, 2, -0.45]], [2 ** 0.5, 2 ** 0.5, 1.0]);
  check([[6369.5, 1, -1.5], [6369.5, 1, 1.5], [6369.5, 1, -0.1]], [1, 1, 0]);
});

Deno.test("rjb (PlanarSurfaceGetJoynerBooreDistanceTestCase)", () => {
  const inside = mk(90, 45, [[-1, -1, 1], [1, -1, 1], [1, 1, 2], [-1, 1, 2]]);
  dists(inside, [[0, 0], [0, 0, 20], [0.1, 0.3]], "rjb").forEach((d) => close(d, 0, 1e-7));
  const s = mk(270, 45, [[0.1, -0.1, 1], [-0.1, -0.1, 1], [-0.1, 0.1, 2], [0.1, 0.1, 2]]);
  dists(s, [[-0.1, 0.04], [0.1, 0.03]], "rjb").forEach((d) => close(d, 0, 1e-7));
  const pts = [
    [-0.2, -0.2],
    [1, 1, 1],
    [4, 5],
    [0.8, 0.01],
    [0.2, -0.15],
    [0.02, -0.12],
    [
      -0.14,
      0,
    ],
    [-3, 3],
    [0.05, 0.15, 10],
  ];
  const to = [
    [-0.1, -0.1],
    [0.1, 0.1],
    [0.1, 0.1],
    [0.1, 0.01],
    [0.1, -0.1],
    [0.02, -0.1],
    [
      -0.1,
      0,
    ],
    [-0.1, 0.1],
    [0.05, 0.1],
  ];
  const got = dists(s, pts, "rjb");
  to.forEach(([x, y], i) =>
    close(got[i], distance3d(pts[i][0], pts[i][1], 0, x, y, 0), 0.5, `rjb ${i}`)
  );
});

Deno.test("rx and ry0 (PlanarSurfaceGetRXDistanceTestCase, GetRy0DistanceTestCase)", () => {
  const s = mk(270., 90., [[0, 0, 8], [-0.1, 0, 8], [-0.1, 0, 9], [0, 0, 9]]);
  const rel = (a: number, e: number) => close(a, e, Math.abs(e) * 1e-5);
  dists(s, [[0.05, 0.05], [40.0, 0.05]], "rx").forEach((d) => rel(d, 5.559752615413244));
  dists(s, [[0.05, -0.05], [-140, -0.05]], "rx").forEach((d) => rel(d, -5.559752615413244));
  close(dists(s, [[0.05, 0]], "rx")[0], 0, 1e-7);
  dists(s, [[0.2, 0], [67.6, 0], [90.33, 0]], "rx").forEach((d) => close(d, 0, 1e-11));
  dists(s, [[-0.2, 0], [-67.6, 0], [-90.33, 0]], "rx").forEach((d) => close(d, 0, 1e-11));
  const r1 = dists(s, [[0.05, -1], [20, 1]], "rx");
  rel(r1[0], -111.19505230826488);
  rel(r1[1], 111.19505230826488);
  const r2 = dists(s, [[0, -10], [-15, 10]], "rx");
  rel(r2[0], -1111.9505230826488);
  rel(r2[1], 1111.9505230826488);
  const s45 = mk(45, 60, [[-0.05, -0.05, 8], [0.05, 0.05, 8], [0.05, 0.05, 9], [-0.05, -0.05, 9]]);
  close(dists(s45, [[0.05, 0]], "rx")[0], 3.9313415355436705, 5e-5);
  // ry0
  dists(s, [[-0.05, 0.05], [-0.05, -0.05]], "ry0").forEach((d) => close(d, 0, 1e-12));
  dists(s, [[0.0, 0.05], [-0.10, -0.05]], "ry0").forEach((d) => close(d, 0, 1e-12));
  dists(s, [[0.05, 0.05], [-0.15, -0.05]], "ry0").forEach((d) => rel(d, 5.55974422));
});

Deno.test("ztor, width, area, bounding box, middle point, closest points", () => {
  const s45 = mk(45, 60, [[-0.05, -0.05, 8], [0.05, 0.05, 8], [0.05, 0.05, 10], [
    -0.05,
    -0.05,
    10,
  ]]);
  strictEqual(s45.getZtor(), 8);
  close(s45.getWidth(), 2.0, 5e-5);
  const inc: Corner[] = [
    [-0.00317958, -0.00449661, 4.64644661],
    [-0.00317958, 0.00449661, 4.64644661],
    [0.00317958, 0.00449661, 5.35355339],
    [0.00317958, -0.00449661, 5.35355339],
  ];
  const si = mk(0.0, 45.0, inc);
  close(si.getWidth(), 1.0, 5e-4);
  const [w, s, e, n] = si.getBoundingBox();
  strictEqual(w, -0.00317958);
  strictEqual(e, 0.00317958);
  strictEqual(n, 0.00449661);
  strictEqual(s, -0.00449661);
  const sq = mk(45, 90, [[0.0, 0.0, 0.0], [0.0, 0.089932, 0.0], [0.0, 0.089932, 10.0], [
    0.0,
    0.0,
    10.0,
  ]]);
  close(sq.getArea(), 100.0, 0.5);
  const [ml, ma, md] = sq.getMiddlePoint();
  close(ml, 0, 1e-4);
  close(ma, 0.044966, 1e-4);
  close(md, 5.0, 1e-4);
  // PlanarSurfaceGetClosestPointsTestCase
  const cp = mk(90, 45, [[-0.1, -0.1, 0], [0.1, -0.1, 0], [0.1, 0.1, 2], [-0.1, 0.1, 2]]);
  let p = cp.closestPoint(0, 0);
  close(p[0], 0, 1e-3);
  close(p[1], -0.00081824, 1e-6);
  close(p[2], 1.0113781, 1e-6);
  p = cp.closestPoint(-0.03, 0.05, 0.5);
  close(p[1], 0.04919223, 1e-6);
  close(p[2], 1.50822185, 1e-6);
  p = cp.closestPoint(0.14, -0.12, 10);
  close(p[0], 0.1, 1e-4);
  close(p[1], -0.1, 1e-4);
  close(p[2], 0, 1e-5);
  p = cp.closestPoint(-0.24, -0.08, 0.55);
  close(p[2], 0.20679306, 1e-6);
});
