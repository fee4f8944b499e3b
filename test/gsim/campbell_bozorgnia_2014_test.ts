// CampbellBozorgnia2014 against OpenQuake's CB14 verification tables (tolerance 0.1 %): the
// global, high-Q and low-Q coefficient tables, each with and without the Japan site term.
import { tableTest } from "./_tables.ts";
import { ok, throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import { CB14_COEFFS_HIGH, CB14_COEFFS_LOW } from "../../engine/gsim/campbell_bozorgnia_2014.ts";

const variants: [string, Record<string, unknown>, string][] = [
  ["", {}, "CampbellBozorgnia2014"],
  ["_HIGHQ", { coeffs: CB14_COEFFS_HIGH }, "CampbellBozorgnia2014HighQ"],
  ["_LOWQ", { coeffs: CB14_COEFFS_LOW }, "CampbellBozorgnia2014LowQ"],
];
for (const [tag, args, alias] of variants) {
  for (const kind of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
    tableTest(
      "CampbellBozorgnia2014",
      { ...args, SJ: false },
      `CB14/CB2014${tag}_${kind}.csv`,
      0.1,
    );
    tableTest(
      "CampbellBozorgnia2014",
      { ...args, SJ: true },
      `CB14/CB2014${tag}_JAPAN_${kind}.csv`,
      0.1,
    );
  }
  // the legacy names
  tableTest(
    alias === "CampbellBozorgnia2014" ? "CampbellBozorgnia2014JapanSite" : `${alias}JapanSite`,
    {},
    `CB14/CB2014${tag}_JAPAN_MEAN.csv`,
    0.1,
  );
  if (tag) tableTest(alias, {}, `CB14/CB2014${tag}_MEAN.csv`, 0.1);
}

Deno.test("CampbellBozorgnia2014: arguments and the CyberShake basin adjustment", () => {
  throws(() => makeGsim("CampbellBozorgnia2014", { region: "CAL" }), /unknown argument region/);
  throws(() => makeGsim("CampbellBozorgnia2014", { estimate_width: true }), /not supported/);
  throws(
    () => makeGsim("CampbellBozorgnia2014", { coeffs: { "SA(0.123)": { Dc20: 0 } } }),
    /not in the coefficient table/,
  );
  const f = (v: number) => Float64Array.of(v, v);
  const block = {
    n: 2,
    cols: {
      mag: f(7),
      rake: f(0),
      dip: f(90),
      ztor: f(0),
      width: f(15),
      hypo_depth: f(8),
      rrup: f(20),
      rjb: f(20),
      rx: f(20),
      vs30: f(400),
      z2pt5: Float64Array.of(5, 0.5),
    },
  };
  const imts = ["SA(1.0)", "SA(3.0)"].map(parseImt);
  const run = (args: Record<string, unknown>) =>
    evaluateGsim(makeGsim("CampbellBozorgnia2014", args), imts, block).mean;
  const base = run({}), cy = run({ cybershake_basin_adj: true });
  ok(base[0] === cy[0] && base[1] === cy[1]);
  // at 3 s and z2pt5 = 5 km the basin slope c16 k3 = 0.686 * 2.11 becomes 1.279
  const expected = (1.279 - 0.686 * 2.11) * Math.exp(-0.75) * (1 - Math.exp(-0.25 * 2));
  ok(Math.abs(cy[2] - base[2] - expected) < 1e-9);
  // USGS basin scaling: the reference-depth term everywhere, +0.1 off the basins with CyberShake
  const usgs = run({ usgs_basin_scaling: true });
  const both = run({ usgs_basin_scaling: true, cybershake_basin_adj: true });
  ok(Math.abs(both[3] - usgs[3] - 0.1) < 1e-9 && Math.abs(both[2] - usgs[2]) < 1e-12);
});
