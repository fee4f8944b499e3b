import { throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

for (
  const [name, file] of [
    ["ZhaoEtAl2006Asc", "Z06Asc"],
    ["ZhaoEtAl2006SInter", "Z06SInter"],
    ["ZhaoEtAl2006SSlab", "Z06SSlab"],
  ]
) {
  tableTest(name, {}, `ZHAO06/${file}_MEAN.csv`, 0.4);
  tableTest(name, {}, `ZHAO06/${file}_MEAN_Vs30_1200.csv`, 0.4);
  for (const kind of ["INTER", "INTRA", "TOTAL"]) {
    tableTest(name, {}, `ZHAO06/${file}_STD_${kind}.csv`, 0.1);
  }
}
tableTest("ZhaoEtAl2006SInterNSHMP2008", {}, "ZHAO06/Z06SInterNSHMP_MEAN.csv", 0.52);
tableTest("ZhaoEtAl2006SInterNSHMP2008", {}, "ZHAO06/Z06SInterNSHMP_STD_TOTAL.csv", 0.1);
tableTest("ZhaoEtAl2006SInterCascadia", {}, "ZHAO06/Z06_GSC_CASCADIA_SINTER_MEAN.csv", 0.1);
tableTest("ZhaoEtAl2006SSlabCascadia", {}, "ZHAO06/Z06_GSC_CASCADIA_SSLAB_MEAN.csv", 0.1);
tableTest("ZhaoEtAl2006SSlabNSHMP2014", {}, "ZHAO06/ZHAO_SSLAB_NSHMP2014_MEAN.csv", 0.52);

Deno.test("ZhaoEtAl2006 refuses the unsupported US 2023 basin terms by name", () => {
  throws(() => makeGsim("ZhaoEtAl2006SInter", { cb14_basin_term: true }), /cb14_basin_term/);
  throws(() => makeGsim("ZhaoEtAl2006SInter", { basin: true }), /basin/);
});
