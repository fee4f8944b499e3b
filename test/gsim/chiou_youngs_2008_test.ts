import { tableTest } from "./_tables.ts";

const CY08 = "ChiouYoungs2008";
const D = "NGA/CY08";
tableTest(CY08, {}, `${D}/CY08_SIGMEAS_MS_HW_SS.csv`, 0.015);
tableTest(CY08, {}, `${D}/CY08_SIGINFER_MS_HW_SS.csv`, 0.015);
tableTest(CY08, {}, `${D}/CY08_MEDIAN_MS_HW_NM.csv`, 0.05);
tableTest(CY08, {}, `${D}/CY08_MEDIAN_MS_HW_RV.csv`, 0.05);
tableTest(CY08, {}, `${D}/CY08_MEDIAN_MS_HW_SS.csv`, 0.05);
tableTest(CY08, {}, `${D}/CY08_INTER_EVENT_SIGMA.csv`, 0.002);
tableTest(CY08, {}, `${D}/CY08_INTRA_EVENT_SIGMA.csv`, 0.001);
