// Cluster and mutex group arithmetic (science.md §4.3.3–§4.3.4) on hand-computed values.
import { ok, strictEqual } from "node:assert";
import { clusterOccurrenceProbs, clusterPne } from "../../engine/calculators/classical_groups.ts";

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
