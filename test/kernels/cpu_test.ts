// The f64 reference kernel against values computed independently with scipy.special.ndtr.
import { ok, strictEqual } from "node:assert";
import { cpuBackend, ndtr, phiB, truncnormSf } from "../../engine/kernels/cpu.ts";
import { parseCoeffsTable } from "../../engine/gsim/coeffs.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import type { GsimDef } from "../../engine/gsim/types.ts";

function close(a: number, e: number, rtol = 1e-13, atol = 1e-15) {
  ok(Math.abs(a - e) <= atol + rtol * Math.abs(e), `${a} != ${e}`);
}

Deno.test("ndtr matches scipy", () => {
  close(ndtr(-3), 0.0013498980316300933);
  close(1 - ndtr(0.5), 0.3085375387259869);
  close(1 - ndtr(1), 0.15865525393145707);
  close(1 - ndtr(2.5), 0.006209665325776159);
  strictEqual(ndtr(0), 0.5);
  strictEqual(ndtr(-Infinity), 0);
  strictEqual(ndtr(Infinity), 1);
});

Deno.test("truncated normal survival function (tl=2), untruncated and step", () => {
  const pb = phiB(2);
  strictEqual(truncnormSf(pb, 2, -3), 1);
  close(truncnormSf(pb, 2, -1), 0.857616386005453);
  close(truncnormSf(pb, 2, 0), 0.5);
  close(truncnormSf(pb, 2, 0.5), 0.2994106713370283);
  close(truncnormSf(pb, 2, 1), 0.142383613994547);
  strictEqual(truncnormSf(pb, 2, 2.5), 0);
  // untruncated: 1 - Φ(z)
  close(truncnormSf(phiB(Infinity), Infinity, 1), 0.15865525393145707);
  close(truncnormSf(phiB(-1), -1, 0.5), 0.3085375387259869);
  // truncation 0: the step at the median
  strictEqual(truncnormSf(phiB(0), 0, -1e-12), 1);
  strictEqual(truncnormSf(phiB(0), 0, 0), 0.5);
  strictEqual(truncnormSf(phiB(0), 0, 1e-12), 0);
});

// A toy model whose mean and sigma are the context columns mag and rrup.
const TOY: GsimDef = {
  name: "Toy",
  args: {},
  trt: "Active Shallow Crust",
  imts: ["PGA", "SA"],
  stddevs: ["TOTAL"],
  requires: { rupture: ["mag"], sites: [], distances: ["rrup"] },
  tables: [{ prefix: "C", table: parseCoeffsTable("IMT a\npga 0.0\n0.1 1.0\n1.0 1.0") }],
  body: "mean = mag + C_a; sig = rrup;",
};

Deno.test("accumulateLogPne sums -rate*T*poe per (site, level)", async () => {
  const imts = [parseImt("PGA"), parseImt("SA(0.1)")];
  const ln02 = Math.log(0.2);
  // rows: (site 1, mean ln .2, sig .6, rate .01), (site 1 again, same), (site 0, SA shifted)
  const block = {
    n: 3,
    cols: {
      mag: Float64Array.of(ln02, ln02, ln02 - 1),
      rrup: Float64Array.of(0.6, 0.6, 0.6),
    },
  };
  const acc = new Float64Array(2 * 6);
  await cpuBackend.accumulateLogPne({
    gsim: TOY,
    imts,
    levels: Float64Array.of(0.1, 0.2, 0.4, 0.1, 0.2, 0.4),
    offsets: [0, 3, 6],
    truncationLevel: 3,
    investigationTime: 50,
    block,
    rate: Float64Array.of(0.01, 0.01, 0.01),
    sid: Uint32Array.of(1, 1, 0),
    nSites: 2,
  }, acc);
  // PGA at site 1: twice the contribution of one rupture
  close(acc[6 + 0], 2 * -0.4385114453315538);
  close(acc[6 + 1], 2 * -0.25);
  close(acc[6 + 2], 2 * -0.061488554668446146);
  // SA(0.1) adds C_a = 1, so the third row (site 0) has mean ln .2 at SA
  close(acc[3], -0.4385114453315538);
  close(acc[4], -0.25);
  close(acc[5], -0.061488554668446146);
  // PGA at site 0: mean ln(.2) - 1: z = (ln .1 - ln .2 + 1)/.6 > 0
  close(acc[0], -0.15199942774530972);
});
