// The context builder: rows only inside the integration distance (strict for point-like
// ruptures), bounded blocks, the required columns, minimum_distance.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { ContextBuilder, requiresOf } from "../../engine/context.ts";
import { PlanarSurface, pointRuptureCorners } from "../../engine/geo/planar.ts";
import type { Rupture } from "../../engine/geo/surface.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";

function rupture(rate = 1): Rupture {
  // a vertical 10 km2 plane at (0, 0), depth 4 (as classical/case_01)
  const [tl, tr, bl, br] = pointRuptureCorners(0, 10, 1, 10 ** 0.1, 0, 90, 0, 0, 4);
  return {
    mag: 4.0004,
    rake: 0,
    trt: "Active Shallow Crust",
    hypo: [0, 0, 4],
    surface: new PlanarSurface(0, 90, tl, tr, br, bl, false),
    rate,
    sourceId: "1",
  };
}

// sites along the equator every 0.1 degree (~11.1 km)
const N = 8;
const sites = {
  n: N,
  lon: Float64Array.from({ length: N }, (_, i) => i * 0.1),
  lat: new Float64Array(N),
  depth: new Float64Array(N),
  vs30: new Float64Array(N).fill(800),
  vs30measured: new Float64Array(N).fill(1),
  z1pt0: new Float64Array(N).fill(50),
  z2pt5: new Float64Array(N).fill(2.5),
  backarc: new Float64Array(N),
};

Deno.test("rows only within the integration distance; required columns", () => {
  const sadigh = makeGsim("SadighEtAl1997");
  const req = requiresOf([sadigh]);
  ok(req.distances.includes("rrup"));
  const b = new ContextBuilder(sites, req, { maxDistance: () => 40 });
  const added = b.add(rupture(0.5), true);
  const block = b.flush();
  strictEqual(added, block.n);
  // rrup grows with the site index; all kept rows are < 40 km
  const rrup = block.cols.rrup!;
  ok(block.n >= 3 && block.n < N, `n = ${block.n}`);
  for (let i = 0; i < block.n; i++) ok(rrup[i] < 40);
  deepStrictEqual(Array.from(block.sid), Array.from({ length: block.n }, (_, i) => i));
  deepStrictEqual(Array.from(block.rate), new Array(block.n).fill(0.5));
  strictEqual(block.cols.mag![0], 4); // magnitudes rounded to 3 digits
  for (const p of [...sadigh.requires.rupture, ...sadigh.requires.sites]) ok(block.cols[p], p);
  // a distance exactly at a site's rrup: kept for non point-like (<=), dropped for point-like (<)
  const d = rrup[1];
  const strict = new ContextBuilder(sites, req, { maxDistance: () => d });
  strictEqual(strict.add(rupture(), true), 1);
  const loose = new ContextBuilder(sites, req, { maxDistance: () => d });
  strictEqual(loose.add(rupture(), false), 2);
  // magnitudes outside the distance function: nothing
  const none = new ContextBuilder(sites, req, { maxDistance: () => 0 });
  strictEqual(none.add(rupture(), false), 0);
});

Deno.test("blocks are bounded and flushable; minimum_distance; site subsets", () => {
  const req = requiresOf([makeGsim("SadighEtAl1997")]);
  const b = new ContextBuilder(sites, req, { maxDistance: () => 1000, blockRows: 10 });
  b.add(rupture(), true);
  ok(!b.full());
  b.add(rupture(), true);
  ok(b.full());
  strictEqual(b.flush().n, 16);
  strictEqual(b.size, 0);
  strictEqual(b.totalRows, 16);
  const m = new ContextBuilder(sites, req, { maxDistance: () => 1000, minimumDistance: 20 });
  m.add(rupture(), true);
  const blk = m.flush();
  ok(Array.from(blk.cols.rrup!).every((x) => x >= 20));
  const sub = new ContextBuilder(sites, req, { maxDistance: () => 1000 });
  strictEqual(sub.add(rupture(), true, [2, 5]), 2);
  deepStrictEqual(Array.from(sub.flush().sid), [2, 5]);
});
