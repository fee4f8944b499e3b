import { tableTest } from "./_tables.ts";

tableTest("ShahjoueiPezeshk2016", {}, "SHPZ16/SHPZ16_MEAN.csv", 0.5);
tableTest("ShahjoueiPezeshk2016", {}, "SHPZ16/SHPZ16_STD_TOTAL.csv", 0.5);
