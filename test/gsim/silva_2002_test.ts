import { tableTest } from "./_tables.ts";

tableTest("SilvaEtAl2002MblgAB1987NSHMP2008", {}, "SILVA02/SILVA02MblgAB1987NSHMP_MEAN.csv", 0.4);
tableTest(
  "SilvaEtAl2002MblgAB1987NSHMP2008",
  {},
  "SILVA02/SILVA02MblgAB1987NSHMP_STD_TOTAL.csv",
  0.1,
);
tableTest("SilvaEtAl2002MblgJ1996NSHMP2008", {}, "SILVA02/SILVA02MblgJ1996NSHMP_MEAN.csv", 0.4);
tableTest("SilvaEtAl2002MwNSHMP2008", {}, "SILVA02/SILVA02MwNSHMP_MEAN.csv", 0.4);
tableTest(
  "SilvaEtAl2002DoubleCornerSaturation",
  {},
  "SILVA02/SilvaEtAl2002DoubleCornerSaturation_MEAN.csv",
  2.0,
);
tableTest(
  "SilvaEtAl2002SingleCornerSaturation",
  {},
  "SILVA02/SilvaEtAl2002SingleCornerSaturation_MEAN.csv",
  4.0,
);
