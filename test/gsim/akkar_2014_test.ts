// Akkar et al. (2014) rjb/repi/rhypo models and the legacy AkkarEtAl2013 against OpenQuake's
// AKKAR13 and AKKAR14 verification tables (tolerance 0.1 %).
import { tableTest } from "./_tables.ts";

const KINDS = ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"];
for (const kind of KINDS) {
  tableTest("AkkarEtAlRjb2014", {}, `AKKAR14/AKKAR_2014_RJB_${kind}.csv`, 0.1);
  tableTest("AkkarEtAlRepi2014", {}, `AKKAR14/AKKAR_2014_REPI_${kind}.csv`, 0.1);
  tableTest("AkkarEtAlRhyp2014", {}, `AKKAR14/AKKAR_2014_RHYPO_${kind}.csv`, 0.1);
  tableTest("AkkarEtAlRjb2014", {}, `AKKAR13/AKKAR2013_${kind}.csv`, 0.1);
  tableTest("AkkarEtAl2013", {}, `AKKAR13/AKKAR2013_${kind}.csv`, 0.1);
}
