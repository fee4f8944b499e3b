import { tableTest } from "./_tables.ts";

tableTest("Idriss2014", {}, "IDRISS14/IDRISS_2014_MEAN.csv", 0.1);
tableTest("Idriss2014", {}, "IDRISS14/IDRISS_2014_TOTAL_STD.csv", 0.1);
