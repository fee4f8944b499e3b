import { tableTest } from "./_tables.ts";

tableTest("Kanno2006Deep", {}, "KNMF06/KNMF06_D_MEAN_FIG5.csv", 0.15);
tableTest("Kanno2006Deep", {}, "KNMF06/KNMF06_D_TOTAL_STDDEV_FIG4.csv", 0.15);
tableTest("Kanno2006Deep", {}, "KNMF06/KNMF06_D_TOTAL_STDDEV_FIG5.csv", 0.15);
tableTest("Kanno2006Shallow", {}, "KNMF06/KNMF06_S_MEAN_FIG4.csv", 0.15);
tableTest("Kanno2006Shallow", {}, "KNMF06/KNMF06_S_MEAN_FIG5.csv", 0.15);
tableTest("Kanno2006Shallow", {}, "KNMF06/KNMF06_S_TOTAL_STDDEV_FIG4.csv", 0.15);
tableTest("Kanno2006Shallow", {}, "KNMF06/KNMF06_S_TOTAL_STDDEV_FIG5.csv", 0.15);
