import { tableTest } from "./_tables.ts";

const P = "PARKER20/ParkerEtAl2020";
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_MEAN.csv`, 0.1);
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_INTER_EVENT_STDDEV.csv`, 0.1);
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_INTRA_EVENT_STDDEV.csv`, 0.1);
tableTest("ParkerEtAl2020SInter", {}, `${P}SInter_TOTAL_STDDEV.csv`, 0.1);
tableTest("ParkerEtAl2020SSlab", {}, `${P}SSlab_MEAN.csv`, 0.1);
for (const kind of ["SInter", "SSlab"]) {
  const plain = `ParkerEtAl2020${kind}`;
  const b = `ParkerEtAl2020${kind}B`;
  tableTest(plain, { region: "AK" }, `${P}${kind}Alaska_MEAN.csv`, 0.1);
  tableTest(
    plain,
    { region: "AK", saturation_region: "Aleutian" },
    `${P}${kind}Aleutian_MEAN.csv`,
    0.1,
  );
  tableTest(plain, { region: "CAM", saturation_region: "CAM_N" }, `${P}${kind}CAMN_MEAN.csv`, 0.1);
  tableTest(plain, { region: "CAM", saturation_region: "CAM_S" }, `${P}${kind}CAMS_MEAN.csv`, 0.1);
  tableTest(b, { region: "Cascadia", basin: "out" }, `${P}${kind}CascadiaOut_MEAN.csv`, 0.1);
  tableTest(
    b,
    { region: "Cascadia", basin: "Seattle" },
    `${P}${kind}CascadiaSeattle_MEAN.csv`,
    0.1,
  );
  tableTest(b, { region: "Cascadia" }, `${P}${kind}Cascadia_MEAN.csv`, 0.1);
  tableTest(b, { region: "JP", saturation_region: "JP_Pac" }, `${P}${kind}JapanPac_MEAN.csv`, 0.1);
  tableTest(b, { region: "JP", saturation_region: "JP_Phi" }, `${P}${kind}JapanPhi_MEAN.csv`, 0.1);
  tableTest(plain, { region: "SA", saturation_region: "SA_N" }, `${P}${kind}SAN_MEAN.csv`, 0.1);
  tableTest(plain, { region: "SA", saturation_region: "SA_S" }, `${P}${kind}SAS_MEAN.csv`, 0.1);
  tableTest(plain, { region: "TW", saturation_region: "TW_E" }, `${P}${kind}TaiwanE_MEAN.csv`, 0.1);
  tableTest(plain, { region: "TW", saturation_region: "TW_W" }, `${P}${kind}TaiwanW_MEAN.csv`, 0.1);
  // the legacy alias names load the same models
  tableTest(`${plain}JapanPhi`, {}, `${P}${kind}JapanPhi_MEAN.csv`, 0.1);
}
