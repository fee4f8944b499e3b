import { tableTest } from "./_tables.ts";

for (
  const [name, file] of [
    ["AtkinsonBoore2003SInter", "AB03SInter"],
    ["AtkinsonBoore2003SSlab", "AB03SSlab"],
  ]
) {
  tableTest(name, {}, `AB03/${file}_MEAN.csv`, 0.1);
  for (const kind of ["INTER", "INTRA", "TOTAL"]) {
    tableTest(name, {}, `AB03/${file}_STD_${kind}.csv`, 0.1);
  }
}
for (
  const [name, file, tol] of [
    ["AtkinsonBoore2003SInterNSHMP2008", "AB03SInterGlobalNSHMP", 0.5],
    ["AtkinsonBoore2003SSlabCascadiaNSHMP2008", "AB03SSlabCascadiaNSHMP", 0.2],
    ["AtkinsonBoore2003SSlabNSHMP2008", "AB03SSlabGlobalNSHMP", 0.3],
    ["AtkinsonBoore2003SSlabJapanNSHMP2008", "AB03SSlabJapanNSHMP", 0.2],
  ] as const
) {
  tableTest(name, {}, `AB03/${file}_MEAN.csv`, tol);
  tableTest(name, {}, `AB03/${file}_STD_TOTAL.csv`, 0.1);
}
