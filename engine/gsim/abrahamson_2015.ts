// Abrahamson, Gregor & Addo (2016, online 2015), the "BC Hydro" subduction model: interface
// (rrup) and intraslab (rhypo, hypo_depth) events, forearc/backarc term, Walling et al. (2008)
// non-linear site term driven by rock PGA (vs30 = 1000 m/s). High/Low classes are the DeltaC1
// epistemic branches. Constructor args: ergodic, theta6_adjustment, sigma_mu_epsilon.
import { type CoeffsTable, parseCoeffsTable } from "./coeffs.ts";
import { boolArg, checkArgs, numArg } from "./scr_sub_common.ts";
import { type GsimDef, type GsimTable, TRT } from "./types.ts";

const COEFFS = parseCoeffsTable(`
IMT     vlin      b       theta1  theta2  theta6  theta7  theta8  theta10 theta11 theta12 theta13 theta14 theta15 theta16 phi    tau    sigma  sigma_ss
pga     865.1000  -1.1860 4.2203  -1.3500 -0.0012 1.0988  -1.4200 3.1200  0.0130  0.9800  -0.0135 -0.4000 0.9969  -1.0000 0.6000 0.4300 0.7400 0.6000
0.0200  865.1000  -1.1860 4.2203  -1.3500 -0.0012 1.0988  -1.4200 3.1200  0.0130  0.9800  -0.0135 -0.4000 0.9969  -1.0000 0.6000 0.4300 0.7400 0.6000
0.0500  1053.5000 -1.3460 4.5371  -1.4000 -0.0012 1.2536  -1.6500 3.3700  0.0130  1.2880  -0.0138 -0.4000 1.1030  -1.1800 0.6000 0.4300 0.7400 0.6000
0.0750  1085.7000 -1.4710 5.0733  -1.4500 -0.0012 1.4175  -1.8000 3.3700  0.0130  1.4830  -0.0142 -0.4000 1.2732  -1.3600 0.6000 0.4300 0.7400 0.6000
0.1000  1032.5000 -1.6240 5.2892  -1.4500 -0.0012 1.3997  -1.8000 3.3300  0.0130  1.6130  -0.0145 -0.4000 1.3042  -1.3600 0.6000 0.4300 0.7400 0.6000
0.1500  877.6000  -1.9310 5.4563  -1.4500 -0.0014 1.3582  -1.6900 3.2500  0.0130  1.8820  -0.0153 -0.4000 1.2600  -1.3000 0.6000 0.4300 0.7400 0.6000
0.2000  748.2000  -2.1880 5.2684  -1.4000 -0.0018 1.1648  -1.4900 3.0300  0.0129  2.0760  -0.0162 -0.3500 1.2230  -1.2500 0.6000 0.4300 0.7400 0.6000
0.2500  654.3000  -2.3810 5.0594  -1.3500 -0.0023 0.9940  -1.3000 2.8000  0.0129  2.2480  -0.0172 -0.3100 1.1600  -1.1700 0.6000 0.4300 0.7400 0.6000
0.3000  587.1000  -2.5180 4.7945  -1.2800 -0.0027 0.8821  -1.1800 2.5900  0.0128  2.3480  -0.0183 -0.2800 1.0500  -1.0600 0.6000 0.4300 0.7400 0.6000
0.4000  503.0000  -2.6570 4.4644  -1.1800 -0.0035 0.7046  -0.9800 2.2000  0.0127  2.4270  -0.0206 -0.2300 0.8000  -0.7800 0.6000 0.4300 0.7400 0.6000
0.5000  456.6000  -2.6690 4.0181  -1.0800 -0.0044 0.5799  -0.8200 1.9200  0.0125  2.3990  -0.0231 -0.1900 0.6620  -0.6200 0.6000 0.4300 0.7400 0.6000
0.6000  430.3000  -2.5990 3.6055  -0.9900 -0.0050 0.5021  -0.7000 1.7000  0.0124  2.2730  -0.0256 -0.1600 0.5800  -0.5000 0.6000 0.4300 0.7400 0.6000
0.7500  410.5000  -2.4010 3.2174  -0.9100 -0.0058 0.3687  -0.5400 1.4200  0.0120  1.9930  -0.0296 -0.1200 0.4800  -0.3400 0.6000 0.4300 0.7400 0.6000
1.0000  400.0000  -1.9550 2.7981  -0.8500 -0.0062 0.1746  -0.3400 1.1000  0.0114  1.4700  -0.0363 -0.0700 0.3300  -0.1400 0.6000 0.4300 0.7400 0.6000
1.5000  400.0000  -1.0250 2.0123  -0.7700 -0.0064 -0.0820 -0.0500 0.7000  0.0100  0.4080  -0.0493 0.0000  0.3100  0.0000  0.6000 0.4300 0.7400 0.6000
2.0000  400.0000  -0.2990 1.4128  -0.7100 -0.0064 -0.2821 0.1200  0.7000  0.0085  -0.4010 -0.0610 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
2.5000  400.0000  0.0000  0.9976  -0.6700 -0.0064 -0.4108 0.2500  0.7000  0.0069  -0.7230 -0.0711 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
3.0000  400.0000  0.0000  0.6443  -0.6400 -0.0064 -0.4466 0.3000  0.7000  0.0054  -0.6730 -0.0798 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
4.0000  400.0000  0.0000  0.0657  -0.5800 -0.0064 -0.4344 0.3000  0.7000  0.0027  -0.6270 -0.0935 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
5.0000  400.0000  0.0000  -0.4624 -0.5400 -0.0064 -0.4368 0.3000  0.7000  0.0005  -0.5960 -0.0980 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
6.0000  400.0000  0.0000  -0.9809 -0.5000 -0.0064 -0.4586 0.3000  0.7000  -0.0013 -0.5660 -0.0980 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
7.5000  400.0000  0.0000  -1.6017 -0.4600 -0.0064 -0.4433 0.3000  0.7000  -0.0033 -0.5280 -0.0980 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
10.0000 400.0000  0.0000  -2.2937 -0.4000 -0.0064 -0.4828 0.3000  0.7000  -0.0060 -0.5040 -0.0980 0.0000  0.3000  0.0000  0.6000 0.4300 0.7400 0.6000
`);

/** DeltaC1 of the interface model: central, high and low branches */
const DC1_CENTRAL = parseCoeffsTable(`
IMT  dc1
pga  0.2
0.02 0.2
0.30 0.2
0.50 0.1
1.00 0.0
2.00 -0.1
3.00 -0.2
10.0 -0.2
`);
const DC1_HIGH = parseCoeffsTable(`
IMT  dc1
pga  0.4
0.02 0.4
0.30 0.4
0.50 0.3
1.00 0.2
2.00 0.1
3.00 0.0
10.0 0.0
`);
const DC1_LOW = parseCoeffsTable(`
IMT  dc1
pga  0.0
0.02 0.0
0.30 0.0
0.50 -0.1
1.00 -0.2
2.00 -0.3
3.00 -0.4
10.0 -0.4
`);

/** sigma_mu of the Abrahamson et al. (2018) epistemic stress adjustment (divided by 1.65) */
export const BCHYDRO_SIGMA_MU = parseCoeffsTable(`
IMT   SIGMA_MU_SINTER SIGMA_MU_SSLAB
pga   0.3             0.50
0.010 0.3             0.50
0.020 0.3             0.50
0.030 0.3             0.50
0.050 0.3             0.50
0.075 0.3             0.50
0.100 0.3             0.50
0.150 0.3             0.50
0.200 0.3             0.50
0.250 0.3             0.46
0.300 0.3             0.42
0.400 0.3             0.38
0.500 0.3             0.34
0.600 0.3             0.30
0.750 0.3             0.30
1.000 0.3             0.30
1.500 0.3             0.30
2.000 0.3             0.30
2.500 0.3             0.30
3.000 0.3             0.30
4.000 0.3             0.30
5.000 0.3             0.30
6.000 0.3             0.30
7.500 0.3             0.30
10.00 0.3             0.30
`);

/**
 * ln of the rock (vs30 = 1000 m/s reference, before the site term) motion of the BC Hydro form
 * for one coefficient set: magnitude (eq. 2, hinge c1 + dc1), distance, depth and
 * forearc/backarc terms. BC Hydro itself has c1 7.8, theta3 0.1, theta4 0.9, theta5 0;
 * Montalva et al. (2017) recalibrate them. `dist` is rrup (interface) or rhypo (slab).
 */
export function bchydroCoreFn(dist: string, slab: boolean): string {
  return `
fn bch_core(c1: f32, dc1: f32, th1: f32, th2: f32, th3: f32, th4: f32, th5: f32, th6: f32,
  th10: f32, th11: f32, th13: f32, th14: f32, fa: f32, fb: f32) -> f32 {
  let dmag = c1 + dc1;
  let fmag = th1 + th4 * dc1 + select(th4 * (mag - dmag), th5 * (mag - dmag), mag > dmag) +
    th13 * (10.0 - mag) * (10.0 - mag);
  let fdist = (th2 + th14 + th3 * (mag - c1)) * log(${dist} + 10.0 * exp((mag - 6.0) * 0.4)) +
    (THETA6_ADJ + th6) * ${dist} + th10;
  let fdepth = ${slab ? "th11 * (min(hypo_depth, 120.0) - 60.0)" : "0.0"};
  let ffaba = select(0.0, fa + fb * log(max(${dist}, ${slab ? "85.0" : "100.0"}) / 40.0),
    backarc > 0.5);
  return fmag + fdist + fdepth + ffaba;
}
`;
}

/**
 * The Walling et al. (2008) non-linear site term `site` of the BC Hydro form, driven by the
 * rock PGA at vs30 = 1000 m/s; `pgaCore` is the bch_core(...) call with the PGA coefficients.
 */
export function bchydroSiteTerm(pgaCore: string): string {
  return `
let pga1000 = exp(${pgaCore} +
  (P_theta12 + P_b * 1.18) * log(1000.0 / P_vlin));
let arg = min(vs30, 1000.0) / C_vlin;
var site = C_theta12 * log(arg);
if (vs30 >= C_vlin) {
  site = site + C_b * 1.18 * log(arg);
} else {
  site = site + C_b * (log(pga1000 + 1.88 * pow(arg, 1.18)) - log(pga1000 + 1.88));
}
`;
}

function body(slab: boolean): string {
  // the interface form has no theta10/theta14 terms and uses theta15/16 for the backarc term
  const args = (p: string, dc1: string) =>
    slab
      ? `7.8, ${dc1}, ${p}_theta1, ${p}_theta2, 0.1, 0.9, 0.0, ${p}_theta6, ${p}_theta10, ` +
        `${p}_theta11, ${p}_theta13, ${p}_theta14, ${p}_theta7, ${p}_theta8`
      : `7.8, ${dc1}, ${p}_theta1, ${p}_theta2, 0.1, 0.9, 0.0, ${p}_theta6, 0.0, 0.0, ` +
        `${p}_theta13, 0.0, ${p}_theta15, ${p}_theta16`;
  return `${bchydroSiteTerm(`bch_core(${args("P", slab ? "DC1" : "DP_dc1")})`)}
mean = bch_core(${args("C", slab ? "DC1" : "D_dc1")}) + site;
mean = mean + SIGMA_MU_EPS * ${slab ? "M_SIGMA_MU_SSLAB" : "M_SIGMA_MU_SINTER"} / 1.65;
tau = C_tau;
if (ERGODIC == 1.0) {
  sig = C_sigma;
  phi = C_phi;
} else {
  sig = C_sigma_ss;
  phi = sqrt(C_sigma_ss * C_sigma_ss - C_tau * C_tau);
}
`;
}

const ARGS = ["ergodic", "theta6_adjustment", "sigma_mu_epsilon", "faba_taper_model"];

function make(name: string, slab: boolean, dc1: CoeffsTable | number) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, ARGS);
    // the taper models only apply to the BCHydroESHM20 subclasses (xvf); a plain step here
    if (args.faba_taper_model !== undefined && args.faba_taper_model !== "Step") {
      throw new Error(
        `${name}: faba_taper_model ${args.faba_taper_model} needs xvf (not supported)`,
      );
    }
    const tables: GsimTable[] = [
      { prefix: "C", table: COEFFS },
      { prefix: "P", table: COEFFS, imt: "PGA" },
      { prefix: "M", table: BCHYDRO_SIGMA_MU },
    ];
    if (typeof dc1 !== "number") {
      tables.push({ prefix: "D", table: dc1 }, { prefix: "DP", table: dc1, imt: "PGA" });
    }
    const dist = slab ? "rhypo" : "rrup";
    return {
      name,
      args,
      trt: slab ? TRT.SUBDUCTION_INTRASLAB : TRT.SUBDUCTION_INTERFACE,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: {
        rupture: slab ? ["mag", "hypo_depth"] : ["mag"],
        sites: ["vs30", "backarc"],
        distances: [dist],
      },
      tables,
      consts: {
        ERGODIC: boolArg(name, "ergodic", args.ergodic, true) ? 1 : 0,
        THETA6_ADJ: numArg(name, "theta6_adjustment", args.theta6_adjustment, 0),
        SIGMA_MU_EPS: numArg(name, "sigma_mu_epsilon", args.sigma_mu_epsilon, 0),
        ...(typeof dc1 === "number" ? { DC1: dc1 } : {}),
      },
      fns: bchydroCoreFn(dist, slab),
      body: body(slab),
    };
  };
}

export const GSIMS = {
  AbrahamsonEtAl2015SInter: make("AbrahamsonEtAl2015SInter", false, DC1_CENTRAL),
  AbrahamsonEtAl2015SInterHigh: make("AbrahamsonEtAl2015SInterHigh", false, DC1_HIGH),
  AbrahamsonEtAl2015SInterLow: make("AbrahamsonEtAl2015SInterLow", false, DC1_LOW),
  AbrahamsonEtAl2015SSlab: make("AbrahamsonEtAl2015SSlab", true, -0.3),
  AbrahamsonEtAl2015SSlabHigh: make("AbrahamsonEtAl2015SSlabHigh", true, -0.1),
  AbrahamsonEtAl2015SSlabLow: make("AbrahamsonEtAl2015SSlabLow", true, -0.5),
};
