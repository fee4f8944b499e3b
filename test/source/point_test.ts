// Point-source ruptures against OpenQuake's hazardlib/tests/source/point_test.py, classical/case_01
// (2 ruptures, and its hazard curves through SadighEtAl1997), and the point-source collapse rule.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import type { NodalPlane, PointSourceSpec } from "../../engine/source/spec.ts";
import type { DistanceName, Rupture, SourceOptions } from "../../engine/geo/surface.ts";
import { countRuptures, iterRuptures, pointSources } from "../../engine/source/index.ts";
import {
  averagedRupture,
  collapseCell,
  gridPointSources,
  pointBlocks,
  pointRadii,
  pointSourceOf,
} from "../../engine/source/point.ts";
import type { PlanarSurface } from "../../engine/geo/planar.ts";
import { distance3d } from "../../engine/geo/geodetic.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { phiB, truncnormSf } from "../../engine/kernels/cpu.ts";

const close = (a: number, e: number, tol: number, what = "") =>
  ok(Math.abs(a - e) <= tol, `${what}: ${a} != ${e} (tol ${tol})`);

const OPTS: SourceOptions = {
  ruptureMeshSpacing: 1,
  complexFaultMeshSpacing: 1,
  areaSourceDiscretization: 10,
  widthOfMfdBin: 1,
  investigationTime: 50,
};

function pointSpec(over: Partial<PointSourceSpec>): PointSourceSpec {
  return {
    kind: "pointSource",
    id: "test-source",
    name: "test-source",
    trt: "Active Shallow Crust",
    place: { file: "source_model.xml", line: 3 },
    upperSeismoDepth: 2,
    lowerSeismoDepth: 16,
    msr: { name: "PeerMSR", args: {} },
    ruptAspectRatio: 1,
    mfd: { kind: "truncGutenbergRichterMFD", aValue: 2, bValue: 1, minMag: 5, maxMag: 6 },
    nodalPlanes: [{ probability: 1, strike: 45, dip: 30, rake: -123.23 }],
    hypoDepths: [{ probability: 1, depth: 8 }],
    location: [0, 0],
    ...over,
  };
}

const corners = (r: Rupture) => (r.surface as PlanarSurface).corners;
/** OpenQuake's Point equality: 3D distance within 1 m; `tol` km otherwise */
function sameCorner(a: readonly number[], e: number[], tol = 1e-3, what = "") {
  const d = distance3d(a[0], a[1], a[2], e[0], e[1], e[2]);
  ok(d <= tol, `${what}: ${a} vs ${e}: ${d} km`);
}

function one(over: Partial<PointSourceSpec>): Rupture {
  const rups = [...iterRuptures(pointSpec(over), OPTS)];
  strictEqual(rups.length, 1);
  return rups[0];
}

Deno.test("single ruptures inside, above, below and wider than the layer (point_test.py 1-5)", () => {
  // test_1_rupture_is_inside
  let r = one({});
  strictEqual(r.mag, 5.5);
  deepStrictEqual(r.hypo, [0, 0, 8]);
  close(r.rate, 0.0009, 1e-7);
  strictEqual(r.rake, -123.23);
  let c = corners(r);
  sameCorner(c[0], [-0.0333647435005, -0.00239548066924, 6.59414668702], 5e-6, "tl");
  sameCorner(c[1], [0.00239548107539, 0.0333647434713, 6.59414668702], 5e-6, "tr");
  sameCorner(c[2], [-0.00239548107539, -0.0333647434713, 9.40585331298], 5e-6, "bl");
  sameCorner(c[3], [0.0333647435005, 0.00239548066924, 9.40585331298], 5e-6, "br");
  close(r.surface.getWidth(), 5.623413252, 0.01);
  // test_2: shallower than the upper seismogenic depth -> pushed down
  r = one({ hypoDepths: [{ probability: 1, depth: 3 }] });
  deepStrictEqual(r.hypo, [0, 0, 3]);
  c = corners(r);
  sameCorner(c[0], [-0.0288945127134, -0.0068657114195, 2.0], 5e-6, "tl");
  sameCorner(c[1], [0.00686571229256, 0.028894512506, 2.0], 5e-6, "tr");
  sameCorner(c[2], [0.00207475040284, -0.0378349743787, 4.81170662595], 5e-6, "bl");
  sameCorner(c[3], [0.0378349744035, -0.00207474995049, 4.81170662595], 5e-6, "br");
  strictEqual(r.surface.getZtor(), 2.0);
  // test_3: deeper than the lower seismogenic depth -> pulled up
  r = one({ hypoDepths: [{ probability: 1, depth: 15 }] });
  c = corners(r);
  sameCorner(c[0], [-0.0378349744035, 0.00207474995049, 13.188293374], 5e-6, "tl");
  sameCorner(c[1], [-0.00207475040284, 0.0378349743787, 13.188293374], 5e-6, "tr");
  sameCorner(c[2], [-0.00686571229256, -0.028894512506, 16.0], 5e-6, "bl");
  sameCorner(c[3], [0.0288945127134, 0.0068657114195, 16.0], 5e-6, "br");
  // test_4: wider than the seismogenic layer -> width clipped to 28, length 112.938...
  r = one({
    mfd: { kind: "truncGutenbergRichterMFD", aValue: 2, bValue: 1, minMag: 7, maxMag: 8 },
    hypoDepths: [{ probability: 1, depth: 9 }],
  });
  strictEqual(r.mag, 7.5);
  c = corners(r);
  sameCorner(c[0], [-0.436201680751, -0.281993828512, 2.0], 0.003, "tl");
  sameCorner(c[1], [0.282002000777, 0.43619639753, 2.0], 0.003, "tr");
  sameCorner(c[2], [-0.282002000777, -0.43619639753, 16.0], 0.003, "bl");
  sameCorner(c[3], [0.436201680751, 0.281993828512, 16.0], 0.003, "br");
  close(r.surface.getWidth(), 28, 0.2);
  close((r.surface as PlanarSurface).length, 112.93848786315641, 0.2);
  // test_5: vertical rupture, aspect ratio 2
  r = one({
    ruptAspectRatio: 2,
    nodalPlanes: [{ probability: 1, strike: 45, dip: 90, rake: -123.23 }],
    hypoDepths: [{ probability: 1, depth: 9 }],
  });
  c = corners(r);
  sameCorner(c[0], [-0.0252862987308, -0.0252862962683, 7.01182317808], 5e-6, "tl");
  sameCorner(c[1], [0.0252862987308, 0.0252862962683, 7.01182317808], 5e-6, "tr");
  sameCorner(c[2], [-0.0252862987308, -0.0252862962683, 10.9881768219], 5e-6, "bl");
  sameCorner(c[3], [0.0252862987308, 0.0252862962683, 10.9881768219], 5e-6, "br");
});

// test_7_many_ruptures: TEST_7_RUPTURE_n_CORNERS (tl, tr, br, bl)
const T7: Record<number, number[][]> = {
  1: [
    [-0.00799622929125, -0.00799622921338, 8.37128328516],
    [
      0.00799622929125,
      0.00799622921338,
      8.37128328516,
    ],
    [0.00799622929125, 0.00799622921338, 9.62871671484],
    [
      -0.00799622929125,
      -0.00799622921338,
      9.62871671484,
    ],
  ],
  2: [
    [-0.0252862987308, -0.0252862962683, 7.01182317808],
    [
      0.0252862987308,
      0.0252862962683,
      7.01182317808,
    ],
    [0.0252862987308, 0.0252862962683, 10.9881768219],
    [
      -0.0252862987308,
      -0.0252862962683,
      10.9881768219,
    ],
  ],
  3: [
    [-0.00399811467158, -0.0113083758289, 8.55543014749],
    [
      -0.00399811467158,
      0.0113083758289,
      8.55543014749,
    ],
    [0.00399811467158, 0.0113083758289, 9.44456985251],
    [
      0.00399811467158,
      -0.0113083758289,
      9.44456985251,
    ],
  ],
  4: [
    [-0.0126431501863, -0.0357602239954, 7.59414668702],
    [
      -0.0126431501863,
      0.0357602239954,
      7.59414668702,
    ],
    [0.0126431501863, 0.0357602239954, 10.405853313],
    [
      0.0126431501863,
      -0.0357602239954,
      10.405853313,
    ],
  ],
};
// ruptures 5-8 are 1-4 one km deeper
for (let i = 1; i <= 4; i++) T7[i + 4] = T7[i].map(([x, y, z]) => [x, y, z + 1]);

Deno.test("many ruptures: order, rates and corners (point_test.py test_7)", () => {
  const np1: NodalPlane = { probability: 0.3, strike: 45, dip: 90, rake: 0 };
  const np2: NodalPlane = { probability: 0.7, strike: 0, dip: 45, rake: 10 };
  const spec = pointSpec({
    mfd: { kind: "incrementalMFD", minMag: 4.5, binWidth: 1.0, occurRates: [9e-3, 9e-4] },
    nodalPlanes: [np1, np2],
    hypoDepths: [{ probability: 0.8, depth: 9.0 }, { probability: 0.2, depth: 10.0 }],
    ruptAspectRatio: 2,
  });
  const rups = [...iterRuptures(spec, OPTS)];
  strictEqual(rups.length, 8);
  strictEqual(countRuptures(spec, OPTS), 8);
  // expected[(mag, rake, depth)] = (rate, corners) as in OpenQuake's test
  const key = (m: number, rake: number, d: number) => `${m}/${rake}/${d}`;
  const exp = new Map<string, [number, number[][]]>([
    [key(4.5, 0, 9), [9e-3 * 0.3 * 0.8, T7[1]]],
    [key(5.5, 0, 9), [9e-4 * 0.3 * 0.8, T7[2]]],
    [key(4.5, 10, 9), [9e-3 * 0.7 * 0.8, T7[3]]],
    [key(5.5, 10, 9), [9e-4 * 0.7 * 0.8, T7[4]]],
    [key(4.5, 0, 10), [9e-3 * 0.3 * 0.2, T7[5]]],
    [key(5.5, 0, 10), [9e-4 * 0.3 * 0.2, T7[6]]],
    [key(4.5, 10, 10), [9e-3 * 0.7 * 0.2, T7[7]]],
    [key(5.5, 10, 10), [9e-4 * 0.7 * 0.2, T7[8]]],
  ]);
  // OpenQuake's order: magnitude, then nodal plane, then depth
  deepStrictEqual(
    rups.map((r) => key(r.mag, r.rake, r.hypo[2])),
    [
      key(4.5, 0, 9),
      key(4.5, 0, 10),
      key(4.5, 10, 9),
      key(4.5, 10, 10),
      key(5.5, 0, 9),
      key(5.5, 0, 10),
      key(5.5, 10, 9),
      key(5.5, 10, 10),
    ],
  );
  for (const r of rups) {
    const [rate, [tl, tr, br, bl]] = exp.get(key(r.mag, r.rake, r.hypo[2]))!;
    close(r.rate, rate, 1e-7);
    const c = corners(r);
    sameCorner(c[0], tl);
    sameCorner(c[1], tr);
    sameCorner(c[2], bl);
    sameCorner(c[3], br);
  }
  // iruptures: the averaged rupture per magnitude, at the weighted mean depth 9.2
  const ps = pointSourceOf(spec, OPTS.widthOfMfdBin);
  const avg = [averagedRupture(ps, 0), averagedRupture(ps, 1)];
  deepStrictEqual(avg.map((r) => r.hypo[2]), [9.2, 9.2]);
  close(avg[0].surface.getStrike(), 0.3 * 45, 1e-12);
  close(avg[0].surface.getDip(), 0.3 * 90 + 0.7 * 45, 1e-12);
  close(avg[0].rake, 0.7 * 10, 1e-12);
  strictEqual(avg[0].rate, 9e-3);
});

Deno.test("projection radius uses the last nodal plane (PointSourceMaxRupProjRadiusTestCase)", () => {
  const base = {
    upperSeismoDepth: 1.3,
    lowerSeismoDepth: 4.9,
    ruptAspectRatio: 1.333,
    hypoDepths: [{ probability: 1, depth: 4 }],
    location: [1.2, 3.4],
  };
  let ps = pointSourceOf(
    pointSpec({
      ...base,
      mfd: { kind: "truncGutenbergRichterMFD", aValue: 1, bValue: 2, minMag: 3, maxMag: 5 },
      nodalPlanes: [
        { probability: 0.5, strike: 1, dip: 20, rake: 3 },
        { probability: 0.5, strike: 2, dip: 2, rake: 4 },
      ],
    }),
    1,
  );
  let r = pointRadii(ps);
  close(r[r.length - 1], 1.2830362, 5e-8);
  ps = pointSourceOf(
    pointSpec({
      ...base,
      mfd: { kind: "truncGutenbergRichterMFD", aValue: 1, bValue: 2, minMag: 5, maxMag: 6 },
      nodalPlanes: [
        { probability: 0.5, strike: 1, dip: 40, rake: 3 },
        { probability: 0.5, strike: 2, dip: 30, rake: 4 },
      ],
    }),
    1,
  );
  r = pointRadii(ps);
  close(r[r.length - 1], 3.8712214, 5e-8);
});

Deno.test("source checks (PointSourceCreationTestCase)", () => {
  const bad = (over: Partial<PointSourceSpec>, re: RegExp) =>
    throws(() => [...iterRuptures(pointSpec(over), OPTS)], re);
  bad(
    { upperSeismoDepth: 10, lowerSeismoDepth: 8 },
    /source_model.xml:3: source test-source: lower seismogenic depth must be below upper/,
  );
  bad({ upperSeismoDepth: 10, lowerSeismoDepth: 10 }, /lower seismogenic depth must be below/);
  bad(
    { upperSeismoDepth: -10, hypoDepths: [{ probability: 1, depth: 4 }] },
    /greater than the maximum elevation on Earth's surface \(-8.848 km\)/,
  );
  bad(
    {
      upperSeismoDepth: 3,
      lowerSeismoDepth: 8,
      hypoDepths: [{ probability: 0.3, depth: 4 }, { probability: 0.7, depth: 8.001 }],
    },
    /depth=8.001 is below lower_seismogenic_depth=8/,
  );
  bad({ msr: { name: "Nope", args: {} } }, /'Nope' is not a recognized magnitude-scale/);
  bad({ ruptAspectRatio: 0 }, /rupture aspect ratio must be positive/);
  bad({ ruptAspectRatio: -1 }, /rupture aspect ratio must be positive/);
});

// ---- classical/case_01 ----

const QA = Deno.env.get("OQ_QA_DIR") ??
  new URL("../../../shared/oq-cases", import.meta.url).pathname;

function case01Source(): PointSourceSpec {
  return pointSpec({
    id: "1",
    name: "point source",
    trt: "active shallow crust",
    upperSeismoDepth: 0,
    lowerSeismoDepth: 10,
    msr: { name: "CScalingMSR", args: { C: 3.90 } },
    ruptAspectRatio: 1,
    mfd: { kind: "incrementalMFD", minMag: 4, binWidth: 1, occurRates: [1] },
    nodalPlanes: [
      { strike: 144, dip: 87, rake: -179, probability: 0.25 },
      { strike: 144, dip: 87, rake: -179, probability: 0.25 },
      { strike: 0, dip: 90, rake: 0, probability: 0.50 },
    ],
    hypoDepths: [{ depth: 4, probability: 1 }],
    location: [0, 0],
  });
}

Deno.test("classical/case_01: duplicated planes merged -> 2 ruptures with their planes", () => {
  const src = case01Source();
  const rups = [...iterRuptures(src, OPTS)];
  strictEqual(rups.length, 2);
  strictEqual(countRuptures(src, OPTS), 2);
  // fix_dupl re-sorts by (probability, strike, dip, rake): (0.5, 0/90/0), (0.5, 144/87/-179)
  deepStrictEqual(rups.map((r) => [r.rake, r.surface.getStrike(), r.surface.getDip()]), [
    [0, 0, 90],
    [-179, 144, 87],
  ]);
  deepStrictEqual(rups.map((r) => r.rate), [0.5, 0.5]);
  // A = 10^(4 - 3.9) km², square (aspect 1), centred on the hypocentre at 4 km (fits in 0-10 km);
  // the corners are placed with surface great-circle distances, so the Cartesian plane at ~4 km
  // depth is smaller by about (R - 4)/R
  for (const r of rups) {
    const side = Math.sqrt(10 ** 0.1);
    close(r.surface.getArea(), 10 ** 0.1, 1e-3 * 10 ** 0.1);
    close(r.surface.getWidth(), side, 1e-3 * side);
    const dip = r.surface.getDip() * Math.PI / 180;
    close(r.surface.getZtor(), 4 - side * Math.sin(dip) / 2, 1e-12);
    deepStrictEqual(r.hypo, [0, 0, 4]);
    const [ml, ma, md] = r.surface.getMiddlePoint();
    close(ml, 0, 1e-12);
    close(ma, 0, 1e-12);
    close(md, 4, 1e-12);
  }
});

function readCurve(file: string): number[][] {
  const lines = Deno.readTextFileSync(file).trim().split("\n").slice(2);
  return lines.map((l) => l.split(",").slice(3).map(Number));
}

Deno.test("classical/case_01: hazard curves through SadighEtAl1997 match OpenQuake's", () => {
  const dir = `${QA}/classical/case_01/expected`;
  let files: string[];
  try {
    files = [...Deno.readDirSync(dir)].map((e) => e.name);
  } catch {
    console.log(`skipped: ${dir} not found (set OQ_QA_DIR)`);
    return;
  }
  const rups = [...iterRuptures(case01Source(), OPTS)];
  const lons = [0.0, 0.1, 0.2, 0.3], lats = [0, 0, 0, 0], deps = [-0.1, -0.1, -0.1, -0.1];
  const gsim = makeGsim("SadighEtAl1997");
  const imls = [0.1, 0.4, 0.6], tl = 2.0, T = 1.0;
  let maxDiff = 0;
  for (const imtName of ["PGA", "SA(0.1)"]) {
    const file = files.find((f) => f.includes(`-${imtName}`) && f.startsWith("hazard_curve"));
    ok(file, `expected file for ${imtName}`);
    const expected = readCurve(`${dir}/${file}`);
    const logPne = lons.map(() => imls.map(() => 0));
    for (const r of rups) {
      const out: Partial<Record<DistanceName, Float64Array>> = {};
      (r.surface as PlanarSurface).distances(lons, lats, ["rrup"], out, deps);
      const n = lons.length;
      const block = {
        n,
        cols: {
          mag: new Float64Array(n).fill(r.mag),
          rake: new Float64Array(n).fill(r.rake),
          vs30: new Float64Array(n).fill(800),
          rrup: out.rrup!,
        },
      };
      const g = evaluateGsim(gsim, [parseImt(imtName)], block);
      for (let s = 0; s < n; s++) {
        if (!(out.rrup![s] < 200)) continue;
        imls.forEach((iml, l) => {
          const z = (Math.log(iml) - g.mean[s]) / g.sig[s];
          logPne[s][l] -= r.rate * T * truncnormSf(phiB(tl), tl, z);
        });
      }
    }
    logPne.forEach((row, s) =>
      row.forEach((lp, l) => {
        const poe = -Math.expm1(lp);
        const e = expected[s][l];
        maxDiff = Math.max(maxDiff, Math.abs(poe - e));
        close(poe, e, 1e-5 * Math.max(e, 1e-2), `${imtName} site ${s} iml ${imls[l]}`);
      })
    );
  }
  ok(maxDiff < 1e-6, `max |diff| ${maxDiff}`);
});

// ---- the point-source collapse (science.md §3.7.1, contexts.py::_quintets) ----

Deno.test("collapse: close sites get all ruptures, far sites the averaged one", () => {
  const spec = pointSpec({
    mfd: { kind: "incrementalMFD", minMag: 4.5, binWidth: 1.0, occurRates: [9e-3, 9e-4] },
    nodalPlanes: [
      { probability: 0.3, strike: 45, dip: 90, rake: 0 },
      { probability: 0.7, strike: 0, dip: 45, rake: 10 },
    ],
    hypoDepths: [{ probability: 0.8, depth: 9.0 }, { probability: 0.2, depth: 10.0 }],
  });
  const [ps] = [...pointSources(spec, OPTS)];
  // sites 0.1° (11.1 km), 1° (111 km), 3° (333 km) east of the source
  const sites = { lons: [0.1, 1, 3], lats: [0, 0, 0] };
  const params = {
    maxDist: (m: number) => (m >= 2.5 && m <= 10.2 ? 300 : 0),
    magRange: [2.5, 10.2] as [number, number],
    pointsourceDistance: 50,
    fewSites: false,
  };
  const blocks = [...pointBlocks(ps, sites, params)];
  // the 333 km site is beyond 300 + radius: dropped; per magnitude far block then close block
  deepStrictEqual(
    blocks.map((b) => [b.mag, b.collapsed, [...b.sids], b.ruptures.length]),
    [[4.5, true, [1], 1], [4.5, false, [0], 4], [5.5, true, [1], 1], [5.5, false, [0], 4]],
  );
  // the averaged rupture carries the whole rate of its magnitude
  strictEqual(blocks[0].ruptures[0].rate, 9e-3);
  // few sites: one close site makes every site see the full ruptures
  const few = [...pointBlocks(ps, sites, { ...params, fewSites: true })];
  deepStrictEqual(few.map((b) => [b.collapsed, [...b.sids]]), [[false, [0, 1]], [false, [0, 1]]]);
  // all far in few-sites mode: everybody gets the averaged rupture
  const far = [...pointBlocks(ps, { lons: [1], lats: [0] }, { ...params, fewSites: true })];
  deepStrictEqual(far.map((b) => b.collapsed), [true, true]);
  // pointsource_distance 1000: never collapsed
  const none = [...pointBlocks(ps, sites, { ...params, pointsourceDistance: 1000 })];
  ok(none.every((b) => !b.collapsed));
  // psdist = min(radius_m, D/2) + pointsource_distance: a site just beyond 50 km + radius is far
  const rad = pointRadii(ps);
  const km = 50 + rad[1] + 0.01;
  const lon = km / 111.19492664455873;
  const edge = [...pointBlocks(ps, { lons: [lon], lats: [0] }, params)];
  deepStrictEqual(edge.map((b) => b.collapsed), [true, true]);
  const inside = (50 + rad[0] - 0.01) / 111.19492664455873;
  const edge2 = [...pointBlocks(ps, { lons: [inside], lats: [0] }, params)];
  deepStrictEqual(edge2.map((b) => b.collapsed), [false, false]);
  // magnitudes outside the magnitude range of the integration distance are skipped
  const cut = [...pointBlocks(ps, sites, { ...params, magRange: [5.0, 10.2] })];
  ok(cut.every((b) => b.mag === 5.5));
  // a single nodal plane and depth: never collapsed, all kept sites in one block
  const single = [...pointBlocks(pointSourceOf(pointSpec({}), 1), sites, params)];
  deepStrictEqual(single.map((b) => [b.collapsed, [...b.sids]]), [[false, [0, 1]]]);
});

Deno.test("logictree/case_11 branch b3 (unmodified source): 300 bins of 0.01, shifted planes", async () => {
  const dir = `${QA}/logictree/case_11`;
  try {
    Deno.statSync(dir);
  } catch {
    console.log(`skipped: ${dir} not found (set OQ_QA_DIR)`);
    return;
  }
  const { readSourceModel, allSources } = await import("../../engine/input/nrml/sourcemodel.ts");
  const [src] = allSources(readSourceModel(`${dir}/source_model.xml`));
  const opts = { ...OPTS, widthOfMfdBin: 0.01, ruptureMeshSpacing: 0.01, investigationTime: 1 };
  const rups = [...iterRuptures(src, opts)];
  strictEqual(rups.length, 300);
  // hypocentre at 0.5 km, usd 0: planes taller than 1 km are pushed down to start at 0 km
  for (const r of rups) {
    const w = r.surface.getWidth();
    if (w > 1.0001) close(r.surface.getZtor(), 0, 1e-9);
    deepStrictEqual(r.hypo, [0, 0, 0.5]);
  }
  const gsim = makeGsim("SadighEtAl1997");
  const imls = [0.1, 0.4, 0.6, 1.0];
  const n = rups.length;
  const rrup = new Float64Array(n);
  rups.forEach((r, i) => {
    const out: Partial<Record<DistanceName, Float64Array>> = {};
    r.surface.distances([0], [0], ["rrup"], out);
    rrup[i] = out.rrup![0];
  });
  const g = evaluateGsim(gsim, [parseImt("PGA")], {
    n,
    cols: {
      mag: Float64Array.from(rups.map((r) => r.mag)),
      rake: Float64Array.from(rups.map((r) => r.rake)),
      vs30: new Float64Array(n).fill(800),
      rrup,
    },
  });
  const line = Deno.readTextFileSync(`${dir}/expected/hazard_curve-smltp_b1_b3-gsimltp_b1.csv`)
    .trim().split("\n")[2];
  const exp = line.split(",").slice(3).map(Number);
  imls.forEach((iml, l) => {
    let lp = 0;
    // truncation_level 0: OpenQuake uses 1e-9, a step at the median
    rups.forEach((r, i) => {
      lp -= r.rate * 1 * truncnormSf(phiB(1e-9), 1e-9, (Math.log(iml) - g.mean[i]) / g.sig[i]);
    });
    const a = -Math.expm1(lp);
    close(a, exp[l], 1e-5 + 1e-5 * exp[l], `iml ${iml}`);
  });
});

Deno.test("ps_grid_spacing: collapsed cells (CollapsedPointSourceTestCase) and their blocks", () => {
  const mk = (lon: number, hypoDepths: { probability: number; depth: number }[]) =>
    pointSourceOf(
      pointSpec({
        location: [lon, 3.4],
        upperSeismoDepth: 1.3,
        lowerSeismoDepth: 4.9,
        ruptAspectRatio: 1.333,
        mfd: { kind: "truncGutenbergRichterMFD", aValue: 1, bValue: 2, minMag: 3, maxMag: 5 },
        nodalPlanes: [{ probability: 1, strike: 1, dip: 2, rake: 3 }],
        hypoDepths,
      }),
      1,
    );
  const ps1 = mk(1.2, [{ probability: 1, depth: 4 }]);
  const ps2 = mk(1.3, [{ probability: .5, depth: 4 }, { probability: .5, depth: 3 }]);
  ps1.magRates.forEach(([m, r], i) => {
    close(m, [3.5, 4.5][i], 1e-12);
    close(r, [9.9e-06, 9.9e-08][i], 1e-7 * r);
  });
  const cps = collapseCell([ps1, ps2], "1");
  close(cps.lon, 1.25, 1e-12);
  close(cps.lat, 3.4, 1e-12);
  close(cps.depth!, 3.75, 1e-12);
  cps.magRates.forEach(([m, r], i) => {
    close(m, [3.5, 4.5][i], 1e-12);
    close(r, [1.98e-05, 1.98e-07][i], 1e-7 * r);
  });
  strictEqual(cps.members!.length, 2);
  // far sites see one averaged rupture per magnitude, close sites the 1 + 2 member ruptures
  const params = {
    maxDist: () => 300,
    magRange: [2.5, 10.2] as [number, number],
    pointsourceDistance: 20,
    psGridSpacing: 50,
    fewSites: false,
  };
  const blocks = [...pointBlocks(cps, { lons: [1.25, 2.5], lats: [3.4, 3.4] }, params)];
  deepStrictEqual(
    blocks.map((b) => [b.mag, b.collapsed, [...b.sids], b.ruptures.length]),
    [[3.5, true, [1], 1], [3.5, false, [0], 3], [4.5, true, [1], 1], [4.5, false, [0], 3]],
  );
  // rates: the averaged rupture carries the summed rate; members share it as OpenQuake does
  close(blocks[0].ruptures[0].rate, 1.98e-05, 1e-12);
  const memberRates = blocks[1].ruptures.map((r) => r.rate);
  close(memberRates.reduce((a, b) => a + b, 0), 1.98e-05, 1e-12);
  close(memberRates[0], 1.98e-05 * 1 / 2, 1e-15);
  // grid_point_sources: points on a line make no grid (nothing collapsed); spacing 0 is off
  strictEqual(gridPointSources([ps1, ps2], 50).length, 2);
  strictEqual(gridPointSources([ps1, ps2], 0).length, 2);
  // two pairs of neighbours 1° apart, 10 km cells: two collapsed sources of two members
  const at = (lon: number, lat: number) => ({ ...ps1, lon, lat });
  const grid = gridPointSources([at(0, 0), at(0.01, 0.01), at(1, 1), at(1.01, 1)], 10);
  deepStrictEqual(grid.map((g) => g.members?.length), [2, 2]);
  close(grid[1].lon, 1.005, 1e-12);
});
