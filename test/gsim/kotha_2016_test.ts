// KothaEtAl2016 regional variants against OpenQuake's kotha16 verification tables (0.1 %).
import { tableTest } from "./_tables.ts";

const D = "kotha16/KOTHA16";
tableTest("KothaEtAl2016Italy", {}, `${D}_ITALY_MEAN.csv`, 0.1);
tableTest("KothaEtAl2016Turkey", {}, `${D}_TURKEY_MEAN.csv`, 0.1);
tableTest("KothaEtAl2016Other", {}, `${D}_OTHER_MEAN.csv`, 0.1);
tableTest("KothaEtAl2016Italy", {}, `${D}_INTER_STDDEV.csv`, 0.1);
tableTest("KothaEtAl2016Italy", {}, `${D}_INTRA_STDDEV.csv`, 0.1);
tableTest("KothaEtAl2016Italy", {}, `${D}_TOTAL_STDDEV.csv`, 0.1);
