import { tableTest } from "./_tables.ts";

tableTest("SomervilleEtAl2001NSHMP2008", {}, "S01/S01NSHMP_MEAN.csv", 0.1);
tableTest("SomervilleEtAl2001NSHMP2008", {}, "S01/S01NSHMP_STD_TOTAL.csv", 0.1);
