// ModifiableGMPE's sigma_model_alatik2015: the Al Atik (2015) NGA-East aleatory model replaces
// the wrapped model's sigma: single-station phi (global model, magnitude-dependent, equation
// 5.14), tau of the "global", "cena" or "cena_constant" model (equation 5.6), and, when
// ergodic (the default), the Stewart et al. (2019) phi_s2s of vs30 added in quadrature.
// Coefficients: openquake/hazardlib/gsim/nga_east.py and usgs_ceus_2019.py.
import { type CoeffsTable, parseCoeffsTable } from "../coeffs.ts";
import { wgslFloat } from "./compose.ts";
import type { TermParts } from "./site_terms.ts";

/** Al Atik (2015) single-station phi by model: mean_a at M <= 5, mean_b at M > 6.5 */
export const PHI_SS: Record<string, CoeffsTable> = {
  global: parseCoeffsTable(`
imt   mean_a var_a  mean_b var_b
pgv   0.5034 0.0609 0.3585 0.0316
pga   0.5477 0.0731 0.3505 0.0412
0.010 0.5477 0.0731 0.3505 0.0412
0.020 0.5464 0.0727 0.3505 0.0416
0.030 0.5450 0.0723 0.3505 0.0419
0.040 0.5436 0.0720 0.3505 0.0422
0.050 0.5424 0.0716 0.3505 0.0425
0.075 0.5392 0.0707 0.3505 0.0432
0.100 0.5361 0.0699 0.3505 0.0439
0.150 0.5299 0.0682 0.3543 0.0453
0.200 0.5240 0.0666 0.3659 0.0465
0.250 0.5183 0.0651 0.3765 0.0476
0.300 0.5127 0.0637 0.3876 0.0486
0.400 0.5022 0.0611 0.4066 0.0503
0.500 0.4923 0.0586 0.4170 0.0515
0.750 0.4704 0.0535 0.4277 0.0526
1.000 0.4519 0.0495 0.4257 0.0508
1.500 0.4231 0.0439 0.4142 0.0433
2.000 0.4026 0.0405 0.4026 0.0396
3.000 0.3775 0.0371 0.3775 0.0366
4.000 0.3648 0.0358 0.3648 0.0358
5.000 0.3583 0.0353 0.3583 0.0356
7.500 0.3529 0.0350 0.3529 0.0355
10.00 0.3519 0.0350 0.3519 0.0355
`),
  cena: parseCoeffsTable(`
imt   mean_a var_a  mean_b var_b
pgv   0.5636 0.0807 0.4013 0.0468
pga   0.5192 0.0693 0.3323 0.0364
0.010 0.5192 0.0693 0.3323 0.0364
0.020 0.5192 0.0693 0.3331 0.0365
0.030 0.5192 0.0693 0.3339 0.0365
0.040 0.5192 0.0693 0.3348 0.0367
0.050 0.5192 0.0693 0.3355 0.0367
0.075 0.5192 0.0693 0.3375 0.0370
0.100 0.5192 0.0693 0.3395 0.0372
0.150 0.5192 0.0693 0.3471 0.0382
0.200 0.5192 0.0693 0.3625 0.0402
0.250 0.5192 0.0693 0.3772 0.0423
0.300 0.5192 0.0693 0.3925 0.0446
0.400 0.5192 0.0693 0.4204 0.0492
0.500 0.5192 0.0693 0.4398 0.0527
0.750 0.5192 0.0693 0.4721 0.0590
1.000 0.5192 0.0693 0.4892 0.0626
1.500 0.5192 0.0693 0.5082 0.0668
2.000 0.5192 0.0693 0.5192 0.0693
3.000 0.5192 0.0693 0.5192 0.0693
4.000 0.5192 0.0693 0.5192 0.0693
5.000 0.5192 0.0693 0.5192 0.0693
7.500 0.5192 0.0693 0.5192 0.0693
10.00 0.5192 0.0693 0.5192 0.0693
`),
  cena_constant: parseCoeffsTable(`
imt   mean_a var_a  mean_b var_b
pgv   0.5507 0.0678 0.5507 0.0678
pga   0.5132 0.0675 0.5132 0.0675
0.010 0.5132 0.0675 0.5132 0.0675
10.00 0.5132 0.0675 0.5132 0.0675
`),
};

/** Stewart et al. (2019) phi_s2s: s2s1 at vs30 <= 1200 m/s, s2s2 above 1500 m/s */
export const PHI_S2S_STEWART_2019 = parseCoeffsTable(`
imt     s2s1    s2s2
pgv     0.487   0.458
pga     0.533   0.566
0.010   0.533   0.566
0.020   0.537   0.577
0.030   0.542   0.598
0.050   0.583   0.653
0.075   0.619   0.633
0.100   0.623   0.590
0.150   0.603   0.532
0.200   0.578   0.461
0.250   0.554   0.396
0.300   0.527   0.373
0.400   0.491   0.339
0.500   0.472   0.305
0.750   0.432   0.273
1.000   0.431   0.257
1.500   0.424   0.247
2.000   0.423   0.239
3.000   0.418   0.230
4.000   0.412   0.221
5.000   0.404   0.214
7.500   0.378   0.201
10.00   0.319   0.193
`);

/** Mean tau (Al Atik 2015 table 5.1 and the CENA models): PGV, and SA (also used for PGA) */
export const TAU_MEAN: Record<string, { PGV: number[]; SA: number[] }> = {
  global: { PGV: [0.3733, 0.3639, 0.3434, 0.3236], SA: [0.4518, 0.4270, 0.3863, 0.3508] },
  cena: { PGV: [0.3477, 0.3281, 0.3092], SA: [0.3730, 0.3375, 0.3064] },
  cena_constant: { PGV: [0.3441], SA: [0.3695] },
};

/** tau as a function of mag of t1.. (tau values at the model's magnitude nodes) */
export const TAU_CODE: Record<string, (t: (k: number) => string) => string> = {
  global: (t) =>
    `select(select(select(select(${t(1)},
  ${t(1)} + (${t(2)} - ${t(1)}) * (mag - 4.5) / 0.5, mag > 4.5),
  ${t(2)} + (${t(3)} - ${t(2)}) * (mag - 5.0) / 0.5, mag > 5.0),
  ${t(3)} + (${t(4)} - ${t(3)}) * (mag - 5.5), mag > 5.5), ${t(4)}, mag > 6.5)`,
  cena: (t) =>
    `select(select(select(${t(1)},
  ${t(1)} + (${t(2)} - ${t(1)}) * (mag - 5.0) / 0.5, mag > 5.0),
  ${t(2)} + (${t(3)} - ${t(2)}) * (mag - 5.5), mag > 5.5), ${t(3)}, mag > 6.5)`,
  cena_constant: (t) => t(1),
};

/** tau of PGA and SA as a function of mag, the model's SA values written in as literals */
export function alAtikTauSa(model: string): string {
  return TAU_CODE[model]((k) => wgslFloat(TAU_MEAN[model].SA[k - 1]));
}

/** The tau values of a model keyed by IMT (PGV its own, PGA and every SA the SA ones). */
function tauTable(model: string): CoeffsTable {
  const { PGV, SA } = TAU_MEAN[model];
  return {
    names: SA.map((_, k) => `t${k + 1}`),
    named: new Map([["PGV", Float64Array.from(PGV)], ["PGA", Float64Array.from(SA)]]),
    periods: [0.01, 10],
    saRows: [Float64Array.from(SA), Float64Array.from(SA)],
  };
}

export const AL_ATIK_ARGS = ["tau_model", "ergodic", "tau_quantile", "phi_ss_quantile"];

export function alAtik2015Sigma(id: string, kw: Record<string, unknown>): TermParts {
  const owner = "ModifiableGMPE sigma_model_alatik2015";
  const tauModel = kw.tau_model ?? "global";
  if (typeof tauModel !== "string" || !(tauModel in TAU_MEAN)) {
    throw new Error(
      `${owner}: tau_model must be one of ${Object.keys(TAU_MEAN)}, not ${
        JSON.stringify(tauModel)
      }`,
    );
  }
  const ergodic = kw.ergodic ?? true;
  if (typeof ergodic !== "boolean") {
    throw new Error(`${owner}: ergodic must be true or false, not ${JSON.stringify(ergodic)}`);
  }
  for (const q of ["tau_quantile", "phi_ss_quantile"]) {
    // the chi-square quantiles of Al Atik (2015) equations 5.1-5.5
    if (kw[q] !== undefined && kw[q] !== null) throw new Error(`${owner}: ${q} is not supported`);
  }
  const p = (n: string) => `${id}_${n}`;
  const tables = [
    { prefix: `${id}_ss`, table: PHI_SS.global },
    { prefix: `${id}_tau`, table: tauTable(tauModel) },
  ];
  if (ergodic) tables.push({ prefix: `${id}_s2s`, table: PHI_S2S_STEWART_2019 });
  const s2s = `select(select(${p("s2s_s2s1")} - (${p("s2s_s2s1")} - ${p("s2s_s2s2")}) / 300.0 *
  (vs30 - 1200.0), ${p("s2s_s2s2")}, vs30 > 1500.0), ${p("s2s_s2s1")}, vs30 <= 1200.0)`;
  return {
    tables,
    requires: { rupture: ["mag"], sites: ergodic ? ["vs30"] : [] },
    code: `{
var ${p("phi")} = select(select(${p("ss_mean_a")} + (mag - 5.0) * (${p("ss_mean_b")} - ${
      p("ss_mean_a")
    }) / 1.5,
  ${p("ss_mean_a")}, mag <= 5.0), ${p("ss_mean_b")}, mag > 6.5);
${
      ergodic
        ? `let ${p("s2s")} = ${s2s};\n${p("phi")} = sqrt(${p("phi")} * ${p("phi")} + ${
          p("s2s")
        } * ${p("s2s")});`
        : ""
    }
tau = ${TAU_CODE[tauModel]((k) => p(`tau_t${k}`))};
phi = ${p("phi")};
sig = sqrt(tau * tau + phi * phi);
}`,
  };
}
