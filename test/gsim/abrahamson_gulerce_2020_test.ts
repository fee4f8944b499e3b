import { tableTest } from "./_tables.ts";

const KINDS = [
  ["MEAN", "MEAN"],
  ["INTER_EVENT_STDDEV", "INTER_EVENT_STDDEV"],
  ["INTRA_EVENT_STDDEV", "INTRA_EVENT_STDDEV"],
  ["TOTAL_STDDEV", "TOTAL_STDDEV"],
];
for (const [trt, model] of [["INTERFACE", "SInter"], ["INSLAB", "SSlab"]]) {
  for (
    const [region, file, adjust] of [
      ["GLO", "GLO_", false],
      ["USA-AK", "USA_AK_", false],
      ["USA-AK", "USA_AK_Adjust", true],
      ["CAS", "CAS_", false],
      ["CAS", "CAS_Adjust", true],
      ["CAM", "CAM_", false],
      ["JPN", "JPN_", false],
      ["NZL", "NZL_", false],
      ["SAM", "SAM_", false],
      ["TWN", "TWN_", false],
    ] as const
  ) {
    const args = { region, apply_usa_adjustment: adjust, sigma_mu_epsilon: 0.0 };
    for (const [kind] of KINDS) {
      tableTest(
        `AbrahamsonGulerce2020${model}`,
        args,
        `ag2020/AG2020_${trt}_${file}_${kind}.csv`,
        0.1,
      );
    }
  }
}
tableTest(
  "AbrahamsonGulerce2020SInter",
  { ergodic: false },
  "ag2020/AG2020_INTERFACE_GLO__NONERGODIC_INTRA_EVENT_STDDEV.csv",
  0.1,
);
tableTest(
  "AbrahamsonGulerce2020SInter",
  { ergodic: false },
  "ag2020/AG2020_INTERFACE_GLO__NONERGODIC_TOTAL_STDDEV.csv",
  0.1,
);
