import { tableTest } from "./_tables.ts";

// every GA2014 table of INDEX.md, at its 0.1 % tolerance
tableTest("GhofraniAtkinson2014", {}, "GA2014/GA2014_MEAN.csv", 0.1);
tableTest("GhofraniAtkinson2014", {}, "GA2014/GA2014_TOTAL.csv", 0.1);
tableTest("GhofraniAtkinson2014", {}, "GA2014/GA2014_INTER.csv", 0.1);
tableTest("GhofraniAtkinson2014", {}, "GA2014/GA2014_INTRA.csv", 0.1);
tableTest("GhofraniAtkinson2014Cascadia", {}, "GA2014/GA2014_CASCADIA_MEAN.csv", 0.1);
tableTest("GhofraniAtkinson2014Cascadia", {}, "GA2014/GA2014_CASCADIA_TOTAL.csv", 0.1);
tableTest("GhofraniAtkinson2014Cascadia", {}, "GA2014/GA2014_CASCADIA_INTER.csv", 0.1);
tableTest("GhofraniAtkinson2014Cascadia", {}, "GA2014/GA2014_CASCADIA_INTRA.csv", 0.1);
tableTest("GhofraniAtkinson2014Upper", {}, "GA2014/GA2014_UPPER_MEAN.csv", 0.1);
tableTest("GhofraniAtkinson2014Upper", {}, "GA2014/GA2014_UPPER_TOTAL.csv", 0.1);
tableTest("GhofraniAtkinson2014Upper", {}, "GA2014/GA2014_UPPER_INTER.csv", 0.1);
tableTest("GhofraniAtkinson2014Upper", {}, "GA2014/GA2014_UPPER_INTRA.csv", 0.1);
tableTest("GhofraniAtkinson2014Lower", {}, "GA2014/GA2014_LOWER_MEAN.csv", 0.1);
tableTest("GhofraniAtkinson2014Lower", {}, "GA2014/GA2014_LOWER_TOTAL.csv", 0.1);
tableTest("GhofraniAtkinson2014Lower", {}, "GA2014/GA2014_LOWER_INTER.csv", 0.1);
tableTest("GhofraniAtkinson2014Lower", {}, "GA2014/GA2014_LOWER_INTRA.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaUpper", {}, "GA2014/GA2014_CASCADIA_UPPER_MEAN.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaUpper", {}, "GA2014/GA2014_CASCADIA_UPPER_TOTAL.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaUpper", {}, "GA2014/GA2014_CASCADIA_UPPER_INTER.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaUpper", {}, "GA2014/GA2014_CASCADIA_UPPER_INTRA.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaLower", {}, "GA2014/GA2014_CASCADIA_LOWER_MEAN.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaLower", {}, "GA2014/GA2014_CASCADIA_LOWER_TOTAL.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaLower", {}, "GA2014/GA2014_CASCADIA_LOWER_INTER.csv", 0.1);
tableTest("GhofraniAtkinson2014CascadiaLower", {}, "GA2014/GA2014_CASCADIA_LOWER_INTRA.csv", 0.1);
