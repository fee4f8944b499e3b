import { tableTest } from "./_tables.ts";

tableTest("AkkarCagnan2010", {}, "AC10/AC10_MEAN.csv", 0.1);
tableTest("AkkarCagnan2010", {}, "AC10/AC10_STD_INTER.csv", 0.1);
tableTest("AkkarCagnan2010", {}, "AC10/AC10_STD_INTRA.csv", 0.1);
tableTest("AkkarCagnan2010", {}, "AC10/AC10_STD_TOTAL.csv", 0.1);
