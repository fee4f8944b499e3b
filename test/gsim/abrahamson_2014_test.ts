// AbrahamsonEtAl2014 against OpenQuake's ASK14 verification tables (INDEX.md tolerances).
import { tableTest } from "./_tables.ts";

for (const reg of ["CAL", "CHN", "JPN", "TWN"]) {
  const args = reg === "CAL" ? {} : { region: reg };
  const tol = reg === "TWN" ? 0.5 : 0.1;
  tableTest("AbrahamsonEtAl2014", args, `ASK14/ASK14_ResMEAN_Reg${reg}.csv`, tol);
}
for (const reg of ["CAL", "JPN"]) {
  const args = reg === "CAL" ? {} : { region: reg };
  tableTest("AbrahamsonEtAl2014", args, `ASK14/ASK14_ResStdPhi_Reg${reg}.csv`, 0.1);
  tableTest("AbrahamsonEtAl2014", args, `ASK14/ASK14_ResStdTot_Reg${reg}.csv`, 0.1);
}
// the legacy name
tableTest("AbrahamsonEtAl2014RegJPN", {}, "ASK14/ASK14_ResStdTot_RegJPN.csv", 0.1);
