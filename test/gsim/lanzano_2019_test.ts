// LanzanoEtAl2019_RJB_OMO/_RUP_OMO against OpenQuake's LAN2019 verification tables (0.1 %).
import { tableTest } from "./_tables.ts";

for (
  const [name, tag] of [["LanzanoEtAl2019_RJB_OMO", "RJB"], ["LanzanoEtAl2019_RUP_OMO", "Rrup"]]
) {
  tableTest(name, {}, `LAN2019/ITA18_${tag}_MEAN.csv`, 0.1);
  tableTest(name, {}, `LAN2019/ITA18_${tag}_STD_TOTAL.csv`, 0.1);
}
