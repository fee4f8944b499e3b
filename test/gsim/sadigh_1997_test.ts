import { tableTest } from "./_tables.ts";

tableTest("SadighEtAl1997", {}, "SADIGH97/SADIGH1997_ROCK_MEAN.csv", 0.4);
tableTest("SadighEtAl1997", {}, "SADIGH97/SADIGH1997_ROCK_STD_TOTAL.csv", 1e-10);
tableTest("SadighEtAl1997", {}, "SADIGH97/SADIGH1997_SOIL_MEAN.csv", 0.5);
tableTest("SadighEtAl1997", {}, "SADIGH97/SADIGH1997_SOIL_STD_TOTAL.csv", 1e-10);
