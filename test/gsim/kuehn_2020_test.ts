import { strictEqual, throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

const D = "kuehn2020/KUEHN2020";
for (
  const [name, kind, mbs] of [
    ["KuehnEtAl2020SInter", "INTERFACE", [7.7, 8.1]],
    ["KuehnEtAl2020SSlab", "INSLAB", [7.4, 7.8]],
  ] as const
) {
  tableTest(name, {}, `${D}_${kind}_GLOBAL_MEAN.csv`, 0.1);
  tableTest(name, {}, `${D}_${kind}_GLOBAL_TOTAL_STDDEV.csv`, 0.1);
  tableTest(name, {}, `${D}_${kind}_GLOBAL_INTER_EVENT_STDDEV.csv`, 0.1);
  tableTest(name, {}, `${D}_${kind}_GLOBAL_INTRA_EVENT_STDDEV.csv`, 0.1);
  for (const m_b of mbs) tableTest(name, { m_b }, `${D}_${kind}_GLOBAL_Mb${m_b}_MEAN.csv`, 0.1);
  tableTest(name, { sigma_mu_epsilon: 1 }, `${D}_${kind}_GLOBAL_epsilon1_MEAN.csv`, 0.1);
  tableTest(name, { sigma_mu_epsilon: -1 }, `${D}_${kind}_GLOBAL_epsilon-1_MEAN.csv`, 0.1);
}

Deno.test("KuehnEtAl2020 regions, aliases and refused options", () => {
  const jp = makeGsim("KuehnEtAl2020SInterJapan", {});
  strictEqual(jp.args.region, "JPN");
  strictEqual(jp.requires.sites.includes("z2pt5"), true);
  strictEqual(makeGsim("KuehnEtAl2020SSlab", { region: "NZL" }).requires.sites[1], "z1pt0");
  throws(() => makeGsim("KuehnEtAl2020SInter", { region: "XYZ" }), /region/);
  throws(() => makeGsim("KuehnEtAl2020SInter", { foo: 1 }), /foo/);
  throws(() => makeGsim("KuehnEtAl2020SInter", { m9_basin_term: true }), /m9_basin_term/);
  throws(
    () => makeGsim("KuehnEtAl2020SSlab", { region: "JPN", sigma_mu_epsilon: 1 }),
    /sigma_mu_epsilon/,
  );
});
