// AbrahamsonEtAl2014 against OpenQuake's ASK14 verification tables (INDEX.md tolerances).
import { tableTest } from "./_tables.ts";
import { ok, throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

const NAME = "AbrahamsonEtAl2014";
tableTest(NAME, {}, "ASK14/ASK14_ResMEAN_RegCAL.csv", 0.1);
tableTest(NAME, { region: "CHN" }, "ASK14/ASK14_ResMEAN_RegCHN.csv", 0.1);
tableTest(NAME, { region: "JPN" }, "ASK14/ASK14_ResMEAN_RegJPN.csv", 0.1);
tableTest(NAME, { region: "TWN" }, "ASK14/ASK14_ResMEAN_RegTWN.csv", 0.5);
tableTest(NAME, {}, "ASK14/ASK14_ResStdPhi_RegCAL.csv", 0.1);
tableTest(NAME, {}, "ASK14/ASK14_ResStdTot_RegCAL.csv", 0.1);
tableTest(NAME, { region: "JPN" }, "ASK14/ASK14_ResStdPhi_RegJPN.csv", 0.1);
tableTest(NAME, { region: "JPN" }, "ASK14/ASK14_ResStdTot_RegJPN.csv", 0.1);
// the legacy name
tableTest("AbrahamsonEtAl2014RegJPN", {}, "ASK14/ASK14_ResStdTot_RegJPN.csv", 0.1);

Deno.test("AbrahamsonEtAl2014: arguments and the CyberShake basin adjustment", () => {
  throws(() => makeGsim("AbrahamsonEtAl2014", { region: "ITA" }), /region must be one of/);
  throws(() => makeGsim("AbrahamsonEtAl2014", { sof: 1 }), /unknown argument sof/);
  const f = (v: number) => Float64Array.of(v, v);
  const block = {
    n: 2,
    cols: {
      mag: f(7),
      rake: f(0),
      dip: f(90),
      ztor: f(0),
      width: f(15),
      rrup: f(20),
      rjb: f(20),
      rx: f(20),
      ry0: f(0),
      vs30: f(300),
      vs30measured: f(0),
      z1pt0: Float64Array.of(-999, 800),
    },
  };
  const imts = ["PGA", "SA(1.0)", "SA(3.0)"].map(parseImt);
  const run = (args: Record<string, unknown>) =>
    evaluateGsim(makeGsim("AbrahamsonEtAl2014", args), imts, block).mean;
  const base = run({}), cy = run({ cybershake_basin_adj: true });
  // below 1.9 s nothing changes; at 3 s the soil-depth term gains 0.1 (and the rock median too)
  for (const k of [0, 1, 2, 3]) ok(Math.abs(cy[k] - base[k]) < 1e-12);
  ok(cy[4] - base[4] > 0.05 && cy[5] !== base[5]);
  // with the USGS basin scaling, a site at the reference depth has no basin term at all
  const usgs = run({ usgs_basin_scaling: true });
  const both = run({ usgs_basin_scaling: true, cybershake_basin_adj: true });
  ok(Math.abs(both[4] - usgs[4]) < 1e-12);
});
