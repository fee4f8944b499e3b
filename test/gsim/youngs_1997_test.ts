import { tableTest } from "./_tables.ts";

tableTest("YoungsEtAl1997SInterNSHMP2008", {}, "YOUNGS97/Y97SInterNSHMP2008_MEAN.csv", 2.5);
tableTest("YoungsEtAl1997SInterNSHMP2008", {}, "YOUNGS97/Y97SInterNSHMP2008_STD_TOTAL.csv", 0.1);
tableTest("YoungsEtAl1997SInter", {}, "YOUNGS97/Y97SInter_MEAN.csv", 0.1);
tableTest("YoungsEtAl1997SInter", {}, "YOUNGS97/Y97SInter_STD_TOTAL.csv", 0.1);
tableTest("YoungsEtAl1997SSlab", {}, "YOUNGS97/Y97SSlab_MEAN.csv", 0.1);
for (const branch of ["", "GSCSSlabBest", "GSCSSlabUpperLimit", "GSCSSlabLowerLimit"]) {
  const name = branch ? `YoungsEtAl1997${branch}` : "YoungsEtAl1997SSlab";
  tableTest(name, {}, "YOUNGS97/Y97SSlab_STD_TOTAL.csv", 0.1);
  if (branch) tableTest(name, {}, `YOUNGS97/${name}_MEAN.csv`, 0.1);
}
