import { tableTest } from "./_tables.ts";

const NAME = "TavakoliPezeshk2005";
tableTest(`${NAME}MblgAB1987NSHMP2008`, {}, "TP05/TP05MblgAB1987NSHMP2008_MEAN.csv", 0.4);
tableTest(`${NAME}MblgAB1987NSHMP2008`, {}, "TP05/TP05MblgAB1987NSHMP2008_STD_TOTAL.csv", 0.4);
tableTest(`${NAME}MblgJ1996NSHMP2008`, {}, "TP05/TP05MblgJ1996NSHMP2008_MEAN.csv", 0.4);
tableTest(`${NAME}MwNSHMP2008`, {}, "TP05/TP05MwNSHMP2008_MEAN.csv", 0.4);
