import { throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

// [model, file prefix, tolerance of the plain model, tolerance of the SiteSigma model]
const CASES: [string, string, number, number][] = [
  ["ZhaoEtAl2016Asc", "zhao_crust", 0.1, 0.1],
  ["ZhaoEtAl2016UpperMantle", "zhao_upper_mantle", 0.1, 0.1],
  ["ZhaoEtAl2016SInter", "zhao_subduction_interface", 0.1, 0.1],
  ["ZhaoEtAl2016SSlab", "zhao_subduction_inslab", 0.1, 0.3],
];
for (const [name, prefix, tol, tolSite] of CASES) {
  const site = `${name}SiteSigma`;
  tableTest(name, {}, `zhao16/${prefix}_mean.csv`, name.endsWith("SSlab") ? 0.3 : tol);
  tableTest(name, {}, `zhao16/${prefix}_inter_event.csv`, tol);
  tableTest(site, {}, `zhao16/${prefix}_inter_event.csv`, tolSite);
  tableTest(name, {}, `zhao16/${prefix}_intra_event.csv`, tol);
  tableTest(site, {}, `zhao16/${prefix}_intra_event_site.csv`, tolSite);
  tableTest(name, {}, `zhao16/${prefix}_total_sigma.csv`, tol);
  tableTest(site, {}, `zhao16/${prefix}_total_sigma_site.csv`, tolSite);
}

Deno.test("ZhaoEtAl2016 refuses unknown arguments and the volcanic-arc file by name", () => {
  throws(() => makeGsim("ZhaoEtAl2016Asc", { region: "JP" }), /region/);
  throws(() => makeGsim("ZhaoEtAl2016SSlab", { volc_arc_file: "arc.geojson" }), /volc_arc_file/);
});
