// Atkinson2015 and Atkinson2015AltDistSat against OpenQuake's ATKINSON2015 verification tables
// (0.1 % and 3 %, as INDEX.md gives them).
import { tableTest } from "./_tables.ts";

for (const f of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
  tableTest("Atkinson2015", {}, `ATKINSON2015/ATKINSON2015_${f}.csv`, 0.1);
  tableTest("Atkinson2015AltDistSat", {}, `ATKINSON2015/A15_ALT_${f}.csv`, 3.0);
}
