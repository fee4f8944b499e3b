import { tableTest } from "./_tables.ts";

tableTest("PezeshkEtAl2011", {}, "PEZE11/PZ11_MEAN.csv", 0.5);
tableTest("PezeshkEtAl2011", {}, "PEZE11/PZ11_STD_TOTAL.csv", 0.5);
tableTest("PezeshkEtAl2011NEHRPBC", {}, "PEZE11/PZ11_NEHRPBC_MEAN.csv", 0.1);
tableTest("PezeshkEtAl2011NEHRPBC", {}, "PEZE11/PZ11_NEHRPBC_STD_TOTAL.csv", 0.1);
