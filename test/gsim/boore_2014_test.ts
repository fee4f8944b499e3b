import { deepStrictEqual, ok, throws } from "node:assert";
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

// every BSSA2014 table of INDEX.md, with its class, region/sof options and tolerance
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_CALIFORNIA_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_CALIFORNIA_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_CALIFORNIA_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_CALIFORNIA_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_CALIFORNIA_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_CALIFORNIA_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_JAPAN_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_HIGHQ_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014HighQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_HIGHQ_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_JAPAN_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_JAPAN_INTRA_STD.csv",
  1.0,
);
tableTest("BooreEtAl2014", { region: "JPN", sof: true }, "BSSA2014/BSSA_2014_JAPAN_MEAN.csv", 2.0);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_JAPAN_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_JAPAN_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_JAPAN_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_JAPAN_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_JAPAN_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "CAL", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_CALIFORNIA_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "JPN", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_JAPAN_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_LOWQ_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014LowQ",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_LOWQ_TOTAL_STD.csv",
  1.0,
);
tableTest("BooreEtAl2014", { region: "nobasin", sof: true }, "BSSA2014/BSSA_2014_MEAN.csv", 2.0);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_NOSOF_INTER_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_NOSOF_INTRA_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_NOSOF_MEAN.csv",
  2.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: false },
  "BSSA2014/BSSA_2014_NOSOF_TOTAL_STD.csv",
  1.0,
);
tableTest(
  "BooreEtAl2014",
  { region: "nobasin", sof: true },
  "BSSA2014/BSSA_2014_TOTAL_STD.csv",
  1.0,
);

Deno.test("BooreEtAl2014: legacy names are aliases with region/sof options", () => {
  const a = makeGsim("BooreEtAl2014LowQJapanBasinNoSOF");
  deepStrictEqual(a.name, "BooreEtAl2014LowQJapanBasinNoSOF");
  deepStrictEqual(a.consts, makeGsim("BooreEtAl2014LowQ", { region: "JPN", sof: false }).consts);
  ok(a.requires.sites.includes("z1pt0"));
  ok(!makeGsim("BooreEtAl2014NoSOF").requires.sites.includes("z1pt0"));
  throws(() => makeGsim("BooreEtAl2014", { region: "ITA" }), /region must be one of/);
  throws(() => makeGsim("BooreEtAl2014", { regoin: "CAL" }), /unknown argument regoin/);
});

Deno.test("BooreEtAl2014: sigma_mu_epsilon shifts the mean by epsilon * USGS sigma_epi", () => {
  const block = {
    n: 3,
    cols: {
      mag: Float64Array.of(5.5, 6.5, 7.5),
      rake: Float64Array.of(0, 90, -90),
      vs30: Float64Array.of(760, 400, 300),
      rjb: Float64Array.of(5, 20, 50),
      rrup: Float64Array.of(5, 20, 50),
    },
  };
  const imts = [parseImt("PGA"), parseImt("SA(1.0)")];
  const base = evaluateGsim(makeGsim("BooreEtAl2014"), imts, block);
  const up = evaluateGsim(makeGsim("BooreEtAl2014", { sigma_mu_epsilon: 1.5 }), imts, block);
  // bins: M5-6 rrup<=10 n=11; M6-7 10<rrup<30 n=7; M>=7 rrup>=30 n=4
  const epi = [11, 7, 4].map((n) => 0.4 * Math.sqrt(2 / n));
  for (let k = 0; k < 6; k++) {
    ok(Math.abs(up.mean[k] - base.mean[k] - 1.5 * epi[k % 3]) < 1e-12);
    deepStrictEqual(up.sig[k], base.sig[k]);
  }
});
