import { tableTest } from "./_tables.ts";

tableTest("AtkinsonBoore2006", {}, "AB06/AB06_MEAN.csv", 0.9);
tableTest("AtkinsonBoore2006", {}, "AB06/AB06_STD_TOTAL.csv", 0.1);
tableTest("AtkinsonBoore2006Modified2011", {}, "AB06/AB06_UPDATE2011_MEAN.csv", 1.0);
for (
  const [magEq, file, tol] of [
    ["Mblg87", "MblgAB1987", 2.1],
    ["Mblg96", "MblgJ1996", 2.2],
    ["Mw", "Mw", 1.9],
  ] as const
) {
  tableTest("AtkinsonBoore2006", { mag_eq: magEq }, `AB06/AB06${file}NSHMP140bar_MEAN.csv`, tol);
  tableTest(
    "AtkinsonBoore2006",
    { mag_eq: magEq, scale_fac: 0.5146 },
    `AB06/AB06${file}NSHMP200bar_MEAN.csv`,
    tol,
  );
}
tableTest(
  "AtkinsonBoore2006",
  { mag_eq: "Mblg87" },
  "AB06/AB06MblgAB1987NSHMP140bar_STD_TOTAL.csv",
  0.1,
);
tableTest(
  "AtkinsonBoore2006",
  { mag_eq: "Mblg87", scale_fac: 0.5146 },
  "AB06/AB06MblgAB1987NSHMP140bar_STD_TOTAL.csv",
  0.1,
);
// the 2017 class names are aliases of the same model
tableTest("AtkinsonBoore2006Mwbar200NSHMP2008", {}, "AB06/AB06MwNSHMP200bar_MEAN.csv", 1.9);
tableTest(
  "AtkinsonBoore2006MblgJ1996bar140NSHMP2008",
  {},
  "AB06/AB06MblgJ1996NSHMP140bar_MEAN.csv",
  2.2,
);
