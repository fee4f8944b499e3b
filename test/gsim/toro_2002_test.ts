import { tableTest } from "./_tables.ts";

tableTest("ToroEtAl2002", {}, "TORO02/T02_MEAN.csv", 0.1);
tableTest("ToroEtAl2002", {}, "TORO02/T02_STD_TOTAL.csv", 0.1);
tableTest("ToroEtAl2002SHARE", {}, "TORO02/T02SHARE_MEAN.csv", 0.1);
tableTest("ToroEtAl2002SHARE", {}, "TORO02/T02SHARE_STD_TOTAL.csv", 0.1);
