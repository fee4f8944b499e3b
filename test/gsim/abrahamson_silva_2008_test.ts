// AbrahamsonSilva2008 against OpenQuake's AS08 verification tables (tolerance 0.1 %).
import { tableTest } from "./_tables.ts";

for (const kind of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
  tableTest("AbrahamsonSilva2008", {}, `AS08/AS08_${kind}.csv`, 0.1);
}
