// AkkarBommer2010 against OpenQuake's AKBO10 verification tables (tolerance 0.1 %).
import { tableTest } from "./_tables.ts";

for (const kind of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
  tableTest("AkkarBommer2010", {}, `AKBO10/AK10_${kind}.csv`, 0.1);
}
