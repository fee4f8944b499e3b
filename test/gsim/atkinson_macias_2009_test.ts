import { tableTest } from "./_tables.ts";

tableTest("AtkinsonMacias2009", {}, "AM09/ATKINSON_MACIAS_2009_MEAN.csv", 0.6);
tableTest("AtkinsonMacias2009", {}, "AM09/ATKINSON_MACIAS_2009_STD_TOTAL.csv", 0.1);
