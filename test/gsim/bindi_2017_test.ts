// BindiEtAl2017Rjb/Rhypo against OpenQuake's bindi2017 verification tables (0.1 %).
import { tableTest } from "./_tables.ts";

for (const [name, tag] of [["BindiEtAl2017Rjb", "RJB"], ["BindiEtAl2017Rhypo", "RHYPO"]]) {
  for (const f of ["MEAN", "INTER_EVENT_STDDEV", "INTRA_EVENT_STDDEV", "TOTAL_STDDEV"]) {
    tableTest(name, {}, `bindi2017/BINDI_2017_${tag}_${f}.csv`, 0.1);
  }
}
