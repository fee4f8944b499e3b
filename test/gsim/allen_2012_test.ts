import { tableTest } from "./_tables.ts";

tableTest("Allen2012", {}, "A12/ALLEN2012_MEAN.csv", 0.4);
tableTest("Allen2012", {}, "A12/ALLEN2012_STD_TOTAL.csv", 0.1);
