// KaleEtAl2015Turkey/Iran against OpenQuake's KALE15 verification tables (0.1 %).
import { tableTest } from "./_tables.ts";

for (const [name, tag] of [["KaleEtAl2015Turkey", "TURKEY"], ["KaleEtAl2015Iran", "IRAN"]]) {
  for (const f of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
    tableTest(name, {}, `KALE15/KALE_2015_${tag}_${f}.csv`, 0.1);
  }
}
