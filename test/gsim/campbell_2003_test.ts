import { tableTest } from "./_tables.ts";

for (
  const [name, file] of [
    ["Campbell2003", "C03_"],
    ["Campbell2003SHARE", "C03SHARE_"],
    ["Campbell2003MblgAB1987NSHMP2008", "C03MblgAB1987NSHMP2008_"],
    ["Campbell2003MblgJ1996NSHMP2008", "C03MblgJ1996NSHMP2008_"],
    ["Campbell2003MwNSHMP2008", "C03MwNSHMP2008_"],
  ]
) {
  tableTest(name, {}, `C03/${file}MEAN.csv`, 0.1);
  tableTest(name, {}, `C03/${file}STD_TOTAL.csv`, 0.1);
}
