// Cluster and mutex group arithmetic (science.md §4.3.3–§4.3.4) on hand-computed values.
import { ok, strictEqual } from "node:assert";
import {
  addMutexRupturePoe,
  clusterOccurrenceProbs,
  clusterPne,
} from "../../engine/calculators/classical_groups.ts";
import type { Rupture } from "../../engine/geo/surface.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

function close(a: number, e: number, rtol = 1e-6) {
  ok(Math.abs(a - e) <= rtol * Math.abs(e) + 1e-300, `${a} != ${e}`);
}

Deno.test("Poisson probabilities of cluster occurrences, cut at the f32 minimum", () => {
  const p = clusterOccurrenceProbs(0.001, 1);
  // e^-0.001, 0.001 e^-0.001, 0.001^2/2 e^-0.001, ...
  close(p[0], Math.exp(-0.001));
  close(p[1], 0.001 * Math.exp(-0.001));
  close(p[2], 0.0005 * 0.001 * Math.exp(-0.001));
  ok(p.length < 20 && p.every((x) => x > 1.4e-45));
  strictEqual(clusterOccurrenceProbs(2, 1).length, 20);
});

Deno.test("cluster PNE = sum_k Pois(k) PNE^k", () => {
  const probs = [0.5, 0.3, 0.2];
  const out = clusterPne(Float64Array.of(1, 0.5, 0), probs);
  close(out[0], 1);
  close(out[1], 0.5 + 0.3 * 0.5 + 0.2 * 0.25);
  close(out[2], 0.5);
});

Deno.test("mutually exclusive ruptures: sum of weighted exceedance probabilities", () => {
  // two rows on site 0 with non-Poissonian ruptures: P_ne = p0 + p1 (1 - PoE)
  const gsim = {
    name: "Toy",
    args: {},
    trt: "x",
    imts: ["PGA" as const],
    stddevs: ["TOTAL" as const],
    requires: { rupture: ["mag" as const], sites: [], distances: ["rrup" as const] },
    tables: [],
    body: "mean = mag; sig = rrup;",
  };
  const rup = (probs: number[]) => ({ probsOccur: probs, rate: NaN }) as unknown as Rupture;
  const block = {
    n: 2,
    cols: { mag: Float64Array.of(0, 0), rrup: Float64Array.of(1, 1) },
    rate: Float64Array.of(NaN, NaN),
    sid: Uint32Array.of(0, 0),
    rupIndex: Uint32Array.of(0, 1),
    ruptures: [rup([0.6, 0.4]), rup([0.9, 0.1])],
  };
  const job = {
    gsim,
    imts: [parseImt("PGA")],
    levels: Float64Array.of(1), // ln 1 = 0 = the mean: PoE 0.5 (untruncated)
    offsets: [0, 1],
    truncationLevel: Infinity,
    investigationTime: 1,
    block,
    rate: block.rate,
    sid: block.sid,
    nSites: 1,
  };
  const poe = new Float64Array(1);
  addMutexRupturePoe(job, block, poe, (i) => [0.7, 0.3][i]);
  // rupture 0: P_ne = .6 + .4*.5 = .8; rupture 1: .9 + .1*.5 = .95
  close(poe[0], 0.7 * 0.2 + 0.3 * 0.05, 1e-12);
});
