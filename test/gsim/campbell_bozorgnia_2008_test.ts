// CampbellBozorgnia2008 against OpenQuake's CB08 verification tables (tolerance 0.1 %).
import { tableTest } from "./_tables.ts";

for (const sof of ["NM", "RV", "SS"]) {
  for (const kind of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
    tableTest("CampbellBozorgnia2008", {}, `CB08/CB08_${sof}_${kind}.csv`, 0.1);
  }
  tableTest("CampbellBozorgnia2008Arbitrary", {}, `CB08/CB08_${sof}_STD_TOTAL_ARBITRARY.csv`, 0.1);
}
