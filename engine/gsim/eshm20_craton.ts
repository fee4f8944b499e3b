// ESHM20 craton backbone model (Weatherill & Cotton 2020): a parametric fit to the NGA-East
// median models for very hard rock (vs30 3000 m/s), scaled by epsilon sigma_mu, with the
// Stewart et al. (2019) linear and Hashash et al. (2019) non-linear site amplification of
// NGA-East and the Al Atik (2015) aleatory model (tau "global"/"cena"/"cena_constant", phi_ss
// likewise; ergodic adds the Stewart et al. (2019) phi_s2s). site_epsilon scales the
// epistemic sigma of the site amplification. The 15 ESHM20 stress x site branches and the
// four shallow-crust KothaEtAl2020ESHM20 branches are OpenQuake's aliases.
import { parseCoeffsTable } from "./coeffs.ts";
import { alAtikTauSa, PHI_S2S_STEWART_2019, PHI_SS, TAU_MEAN } from "./mgmpe/al_atik_2015.ts";
import { boolArg, checkArgs, numArg } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

/** Median model for vs30 3000 m/s and its epistemic sigma_mu */
const COEFFS = parseCoeffsTable(`
imt   e1                 b1                b2                  b3                c1                c2                c3                  sigma_mu
pga   0.129433711217154  0.516399476752765 -0.1203218740054820 0.209372712495698 -1.49820100429001 0.220432033342701 -0.2193114966960720 0.467518017234970
0.010 0.441910295918064  0.507166125004641 -0.1018797167490890 0.184282079939229 -1.56753763950638 0.222961320838036 -0.2173850863710700 0.424145087820724
0.020 0.979123809125496  0.464490220614734 -0.1137734938103270 0.167233525048116 -1.62825571194736 0.226150925046427 -0.2441521749125150 0.453414267627762
0.025 1.043340609418350  0.469670674909745 -0.1134508651616400 0.174065913292435 -1.60908830139611 0.224104272434454 -0.2576680445215000 0.456276006752802
0.030 1.046568495683850  0.476295173341630 -0.1145295451766630 0.188789464775533 -1.57834523952911 0.220697857317202 -0.2700129055991920 0.442617576906802
0.040 1.007663453495640  0.493809587666455 -0.1150108357853370 0.208535847120219 -1.52232244977795 0.215223039177726 -0.2874767187616130 0.432692547164462
0.050 0.951568976547282  0.507030793387879 -0.1169997424043950 0.227662857289356 -1.47612267464663 0.210020976504110 -0.2982691158785990 0.436894676747672
0.075 0.766898926868941  0.537817749890152 -0.1257930384357200 0.255897568366613 -1.39013641948231 0.198935495001160 -0.3062526875169160 0.445048551267241
0.100 0.566921463821433  0.563265477669262 -0.1390887741365440 0.285966324295526 -1.32905052927637 0.189118846081288 -0.2963709612002850 0.445057073756783
0.150 0.316925422496063  0.627617718350029 -0.1689678154012890 0.338414772067430 -1.25211993705245 0.167801937655424 -0.2665003749714420 0.408938323358624
0.200 0.116888680130253  0.691136578143751 -0.1911386191534560 0.377390002770526 -1.20586644897371 0.154400113563626 -0.2365399916865360 0.396717600597790
0.250 -0.043842379857700 0.744829702492645 -0.2085160327338160 0.406488784261977 -1.18352051545358 0.146981292282198 -0.2083030844596630 0.385803497323193
0.300 -0.198476724421674 0.799805296458131 -0.2231548236155840 0.433865912912985 -1.16557023447139 0.140633373085703 -0.1797968441826460 0.386776049771811
0.400 -0.441747369972888 0.897281226627442 -0.2422049150995460 0.483912433515021 -1.15156734492077 0.133979350791855 -0.1362509955087160 0.395064995993542
0.500 -0.637444825872443 0.992673274984355 -0.2539089461326410 0.526938715295978 -1.14419843291335 0.129943753235505 -0.1121349311669610 0.416676943629526
0.750 -1.032362404718110 1.237960033431780 -0.2483534410193260 0.613138137400433 -1.12728314803895 0.121478497518643 -0.0735664802614733 0.424883714950325
1.000 -1.372802902796470 1.445803895497810 -0.2291157391507420 0.691619273496051 -1.10947364377839 0.116810841150476 -0.0583506072267647 0.435248946431388
1.500 -1.888467249398300 1.730211169117530 -0.1937203497378370 0.805618949392974 -1.10238976578388 0.114304314269286 -0.0390002103787838 0.494395041361088
2.000 -2.334523112985840 1.920451196131200 -0.1617462515371870 0.908051097334214 -1.09476613327876 0.113858927938807 -0.0296892844443899 0.529656872094865
3.000 -3.034920080151080 2.146848246139110 -0.1148224554001390 1.085140635646810 -1.09084212215003 0.115716684506372 -0.0198059757373382 0.550851605706151
4.000 -3.576616283968620 2.262687822224390 -0.0885264828734587 1.227765676724790 -1.09028991715414 0.117770415095847 -0.0135787505915478 0.547911773655132
5.000 -4.022628827670580 2.318743563950980 -0.0777038034207444 1.346637420710540 -1.09024942151365 0.118983393877196 -0.0083301911092432 0.536941450716745
7.500 -4.876430881706430 2.373219226144200 -0.0645988540118558 1.529692859278580 -1.10750011821578 0.131643152520841 -0.0000488890402107 0.531853282981450
10.00 -5.489149076214530 2.381480607871230 -0.0633541563175792 1.620019767639500 -1.12740443208222 0.141291747206530 0.0059559626930461  0.560198970449326
`);

/** NGA-East linear site model (Stewart et al. 2019 electronic supplement) */
const COEFFS_LINEAR = parseCoeffsTable(`
imt   c      v1    v2     vf    sigma_vc sigma_L sigma_U
pgv   -0.449 331.0 760.0  314.0 0.251    0.306   0.334
pga   -0.290 319.0 760.0  345.0 0.300    0.345   0.480
0.010 -0.290 319.0 760.0  345.0 0.300    0.345   0.480
0.020 -0.303 319.0 760.0  343.0 0.290    0.336   0.479
0.030 -0.315 319.0 810.0  342.0 0.282    0.327   0.478
0.050 -0.344 319.0 1010.0 338.0 0.271    0.308   0.476
0.075 -0.348 319.0 1380.0 334.0 0.269    0.285   0.473
0.100 -0.372 317.0 1900.0 319.0 0.270    0.263   0.470
0.150 -0.385 302.0 1500.0 317.0 0.261    0.284   0.402
0.200 -0.403 279.0 1073.0 314.0 0.251    0.306   0.334
0.250 -0.417 250.0 945.0  282.0 0.238    0.291   0.357
0.300 -0.426 225.0 867.0  250.0 0.225    0.276   0.381
0.400 -0.452 217.0 843.0  250.0 0.225    0.275   0.381
0.500 -0.480 217.0 822.0  280.0 0.225    0.311   0.323
0.750 -0.510 227.0 814.0  280.0 0.225    0.330   0.310
1.000 -0.557 255.0 790.0  300.0 0.225    0.377   0.361
1.500 -0.574 276.0 805.0  300.0 0.242    0.405   0.375
2.000 -0.584 296.0 810.0  300.0 0.259    0.413   0.388
3.000 -0.588 312.0 820.0  313.0 0.306    0.410   0.551
4.000 -0.579 321.0 821.0  322.0 0.340    0.405   0.585
5.000 -0.558 324.0 825.0  325.0 0.340    0.409   0.587
7.500 -0.544 325.0 820.0  328.0 0.345    0.420   0.594
10.00 -0.507 325.0 820.0  330.0 0.350    0.440   0.600
`);

/** NGA-East non-linear site model (Hashash et al. 2019, table 2.1) */
const COEFFS_NONLINEAR = parseCoeffsTable(`
imt   f3      f4       f5       Vc     sigma_c f4_mod
pgv   0.06089 -0.08344 -0.00667 2257.0 0.120   -0.08344
pga   0.07520 -0.43755 -0.00131 2990.0 0.120   -0.43755
0.010 0.07520 -0.43755 -0.00131 2990.0 0.120   -0.43755
0.020 0.05660 -0.41511 -0.00098 2990.0 0.120   -0.41511
0.030 0.10360 -0.49871 -0.00127 2990.0 0.120   -0.49871
0.050 0.16781 -0.58073 -0.00187 2990.0 0.120   -0.58073
0.075 0.17386 -0.53646 -0.00259 2990.0 0.120   -0.53646
0.100 0.15083 -0.44661 -0.00335 2990.0 0.120   -0.44661
0.150 0.14272 -0.38264 -0.00410 2335.0 0.120   -0.38264
0.200 0.12815 -0.30481 -0.00488 1533.0 0.120   -0.30481
0.250 0.13286 -0.27506 -0.00564 1318.0 0.135   -0.27506
0.300 0.13070 -0.22825 -0.00655 1152.0 0.150   -0.22825
0.400 0.09414 -0.11591 -0.00872 1018.0 0.150   -0.13060
0.500 0.09888 -0.07793 -0.01028 939.0  0.150   -0.09571
0.750 0.06101 -0.01780 -0.01456 835.0  0.125   -0.02909
1.000 0.04367 -0.00478 -0.01823 951.0  0.060   -0.01057
1.500 0.00480 -0.00086 -0.02000 882.0  0.050   -0.00253
2.000 0.00164 -0.00236 -0.01296 879.0  0.040   -0.00236
3.000 0.00746 -0.00626 -0.01043 894.0  0.040   -0.00626
4.000 0.00269 -0.00331 -0.01215 875.0  0.030   -0.00331
5.000 0.00242 -0.00256 -0.01325 856.0  0.020   -0.00256
7.500 0.04219 -0.00536 -0.01418 832.0  0.020   -0.00536
10.00 0.05329 -0.00631 -0.01403 837.0  0.020   -0.00631
`);

/** vs30 3000 -> 760 m/s factors for impedance and gradient profiles (US NSHMP values) */
export const COEFFS_F760 = parseCoeffsTable(`
imt   f760i  f760g f760is f760gs
pgv   0.3753 0.297 0.313  0.117
pga   0.1850 0.121 0.434  0.248
0.010 0.1850 0.121 0.434  0.248
0.020 0.1850 0.031 0.434  0.270
0.030 0.2240 0.000 0.404  0.229
0.050 0.3370 0.062 0.363  0.093
0.075 0.4750 0.211 0.322  0.102
0.100 0.5210 0.338 0.293  0.088
0.150 0.5860 0.470 0.253  0.066
0.200 0.4190 0.509 0.214  0.053
0.250 0.3320 0.509 0.177  0.052
0.300 0.2700 0.498 0.131  0.055
0.400 0.2090 0.473 0.112  0.060
0.500 0.1750 0.447 0.105  0.067
0.750 0.1270 0.386 0.138  0.077
1.000 0.0950 0.344 0.124  0.078
1.500 0.0830 0.289 0.112  0.081
2.000 0.0790 0.258 0.118  0.088
3.000 0.0730 0.233 0.111  0.100
4.000 0.0660 0.224 0.120  0.109
5.000 0.0640 0.220 0.108  0.115
7.500 0.0560 0.216 0.082  0.130
10.00 0.0530 0.218 0.069  0.137
`);

const FNS = `
fn cr_rock(e1: f32, b1: f32, b2: f32, b3: f32, c1: f32, c2: f32, c3: f32) -> f32 {
  let dm = mag - 6.2;
  let fm = select(e1 + b3 * dm, e1 + b1 * dm + b2 * dm * dm, mag <= 6.2);
  let r = sqrt(rrup * rrup + 25.0);
  let rref = sqrt(26.0);
  return fm + (c1 + c2 * (mag - 4.5)) * log(r / rref) + c3 * (r - rref) / 100.0;
}
`;

const BODY = `
let ln_pga_r = cr_rock(P_e1, P_b1, P_b2, P_b3, P_c1, P_c2, P_c3);
let pga_r = exp(ln_pga_r);
mean = cr_rock(C_e1, C_b1, C_b2, C_b3, C_c1, C_c2, C_c3);
// f760: impedance/gradient weights between vs30 400 and 600 m/s
let wimp = clamp((0.767 - 0.1) * log(vs30 / 400.0) / log(1.5) + 0.1, 0.1, 0.767);
let f760 = wimp * F_f760i + (1.0 - wimp) * F_f760g;
// linear amplification relative to 760 m/s (Stewart et al. 2019, eq. 3)
let const2 = L_c * log(L_v2 / 760.0);
var fv = L_c * log(vs30 / 760.0);
if (vs30 >= 3000.0) {
  fv = -f760;
} else if (vs30 > 2000.0) {
  fv = const2 - (const2 + f760) * log(vs30 / 2000.0) / log(1.5);
} else if (vs30 > L_v2) {
  fv = const2;
} else if (vs30 <= L_v1) {
  fv = L_c * log(L_v1 / 760.0);
}
// non-linear amplification (Hashash et al. 2019), PGA taken as T = 0.01 s
let period = select(imt_period, 0.01, imt_kind == 0.0);
let vref = select(3000.0, 760.0, period <= 0.4);
let f_rk = log((pga_r + N_f3) / N_f3);
let f2 = N_f4 * (exp(N_f5 * (min(vs30, vref) - 360.0)) - exp(N_f5 * (vref - 360.0)));
let fnl = select(0.0, f2 * f_rk, vs30 < N_Vc);
mean = mean + fv + f760 + fnl + EPSILON * C_sigma_mu;
if (SITE_EPSILON != 0.0) {
  let f760_sd = wimp * F_f760is + (1.0 - wimp) * F_f760gs;
  var lin_sd = L_sigma_vc;
  if (vs30 > 3000.0) {
    lin_sd = 0.0;
  } else if (vs30 >= 2000.0) {
    lin_sd = L_sigma_U * (1.0 - log(vs30 / 2000.0) / log(1.5));
  } else if (vs30 > L_v2) {
    let dv = (vs30 - L_v2) / (2000.0 - L_v2);
    lin_sd = L_sigma_vc + (L_sigma_U - L_sigma_vc) * dv * dv;
  } else if (vs30 < L_vf) {
    let dsig = L_sigma_L - L_sigma_vc;
    let dv = (vs30 - 200.0) / (L_vf - 200.0);
    lin_sd = L_sigma_L - 2.0 * dsig * dv + dsig * dv * dv;
  }
  var nl_sd = 0.0;
  if (vs30 < 300.0) {
    nl_sd = N_sigma_c;
  } else if (vs30 < 1000.0) {
    nl_sd = N_sigma_c - N_sigma_c * log(vs30 / 300.0) / log(1000.0 / 300.0);
  }
  nl_sd = nl_sd * f_rk;
  mean = mean + SITE_EPSILON * sqrt(f760_sd * f760_sd + lin_sd * lin_sd + nl_sd * nl_sd);
}
phi = S_mean_a + clamp((mag - 5.0) / 1.5, 0.0, 1.0) * (S_mean_b - S_mean_a);
if (ERGODIC == 1.0) {
  let s2s = select(select(U_s2s1 - (U_s2s1 - U_s2s2) * (vs30 - 1200.0) / 300.0, U_s2s2,
    vs30 > 1500.0), U_s2s1, vs30 <= 1200.0);
  phi = sqrt(phi * phi + s2s * s2s);
}
tau = TAU_MODEL_EXPR;
sig = sqrt(tau * tau + phi * phi);
`;

const ARGS = [
  "epsilon",
  "tau_model",
  "phi_model",
  "ergodic",
  "tau_quantile",
  "phi_ss_quantile",
  "site_epsilon",
];

function make(name: string) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, ARGS);
    const tauModel = String(args.tau_model ?? "global");
    const phiModel = String(args.phi_model ?? "global");
    for (const [k, v] of [["tau_model", tauModel], ["phi_model", phiModel]]) {
      if (!(v in (k === "tau_model" ? TAU_MEAN : PHI_SS))) {
        throw new Error(`${name}: ${k} must be one of global, cena, cena_constant, not ${v}`);
      }
    }
    for (const k of ["tau_quantile", "phi_ss_quantile"]) {
      if (args[k] !== undefined && args[k] !== null) {
        throw new Error(`${name}: ${k} (chi-square quantiles of Al Atik 2015) is not supported`);
      }
    }
    return {
      name,
      args,
      trt: TRT.STABLE_CONTINENTAL,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: { rupture: ["mag"], sites: ["vs30"], distances: ["rrup"] },
      tables: [
        { prefix: "C", table: COEFFS },
        { prefix: "P", table: COEFFS, imt: "PGA" },
        { prefix: "L", table: COEFFS_LINEAR },
        { prefix: "N", table: COEFFS_NONLINEAR },
        { prefix: "F", table: COEFFS_F760 },
        { prefix: "S", table: PHI_SS[phiModel] },
        { prefix: "U", table: PHI_S2S_STEWART_2019 },
      ],
      consts: {
        EPSILON: numArg(name, "epsilon", args.epsilon, 0),
        SITE_EPSILON: numArg(name, "site_epsilon", args.site_epsilon, 0),
        ERGODIC: boolArg(name, "ergodic", args.ergodic, true) ? 1 : 0,
      },
      fns: FNS,
      body: BODY.replace("TAU_MODEL_EXPR", alAtikTauSa(tauModel)),
    };
  };
}

export const GSIMS = { ESHM20Craton: make("ESHM20Craton") };

/** Miller & Rice (1983) 5- and 3-point Gaussian branches: stress (epsilon) x site_epsilon */
const STRESS: [string, number][] = [
  ["VLow", -2.85697],
  ["Low", -1.35563],
  ["Mid", 0.0],
  ["High", 1.35563],
  ["VHigh", 2.85697],
];
const SITE: [string, number][] = [["Low", -1.732051], ["Mid", 0.0], ["High", 1.732051]];

export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...Object.fromEntries(
    STRESS.flatMap(([s, epsilon]) =>
      SITE.map((
        [t, site_epsilon],
      ) => [`ESHM20Craton${s}Stress${t}Site`, ["ESHM20Craton", { epsilon, site_epsilon }]])
    ),
  ),
  // shallow-crust branches of the ESHM20 craton logic tree use KothaEtAl2020ESHM20
  ESHM20CratonShallowHighStressMidAtten: ["KothaEtAl2020ESHM20", { sigma_mu_epsilon: 1.732051 }],
  ESHM20CratonShallowHighStressSlowAtten: ["KothaEtAl2020ESHM20", {
    sigma_mu_epsilon: 1.732051,
    c3_epsilon: 1.732051,
  }],
  ESHM20CratonShallowMidStressMidAtten: ["KothaEtAl2020ESHM20", {}],
  ESHM20CratonShallowMidStressSlowAtten: ["KothaEtAl2020ESHM20", { c3_epsilon: 1.732051 }],
};
