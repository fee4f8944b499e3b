import { tableTest } from "./_tables.ts";

for (const kind of ["SInter", "SSlab"]) {
  tableTest(`LinLee2008${kind}`, {}, `LL08/LL08${kind}_MEAN.csv`, 0.1);
  tableTest(`LinLee2008${kind}`, {}, `LL08/LL08${kind}_STD_TOTAL.csv`, 0.1);
}
