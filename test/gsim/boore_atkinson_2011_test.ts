import { tableTest } from "./_tables.ts";

tableTest("BooreAtkinson2011", {}, "BA11/BA11_MEDIAN.csv", 1.1);
tableTest("Atkinson2008prime", {}, "BA11/A08_BA11_MEAN.csv", 1.1);
