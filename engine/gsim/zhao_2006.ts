// Zhao et al. (2006): Japanese attenuation relations with site classes from vs30, for
// crustal (Asc), interface (SInter) and intraslab (SSlab) events. Variants: NSHMP 2008
// interface (hypo_depth fixed at 20 km, own tau table), NSHMP 2014 slab (M capped at 7.8),
// Cascadia (Atkinson 2012 Japan/Cascadia site factors) and AscSGS (rrup floored at 5 km).
import { parseCoeffsTable } from "./coeffs.ts";
import { boolArg, checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, type GsimTable, TRT } from "./types.ts";

const COEFFS_ASC = parseCoeffsTable(`
IMT  a     b        c      d     e       FR    CH     C1     C2     C3     C4     sigma QC      WC     tauC
pga  1.101 -0.00564 0.0055 1.080 0.01412 0.251 0.293  1.111  1.344  1.355  1.420  0.604 0.0     0.0    0.303
0.05 1.076 -0.00671 0.0075 1.060 0.01463 0.251 0.939  1.684  1.793  1.747  1.814  0.640 0.0     0.0    0.326
0.10 1.118 -0.00787 0.0090 1.083 0.01423 0.240 1.499  2.061  2.135  2.031  2.082  0.694 0.0     0.0    0.342
0.15 1.134 -0.00722 0.0100 1.053 0.01509 0.251 1.462  1.916  2.168  2.052  2.113  0.702 0.0     0.0    0.331
0.20 1.147 -0.00659 0.0120 1.014 0.01462 0.260 1.280  1.669  2.085  2.001  2.030  0.692 0.0     0.0    0.312
0.25 1.149 -0.00590 0.0140 0.966 0.01459 0.269 1.121  1.468  1.942  1.941  1.937  0.682 0.0     0.0    0.298
0.30 1.163 -0.00520 0.0150 0.934 0.01458 0.259 0.852  1.172  1.683  1.808  1.770  0.670 0.0     0.0    0.300
0.40 1.200 -0.00422 0.0100 0.959 0.01257 0.248 0.365  0.655  1.127  1.482  1.397  0.659 0.0     0.0    0.346
0.50 1.250 -0.00338 0.0060 1.008 0.01114 0.247 -0.207 0.071  0.515  0.934  0.955  0.653 -0.0126 0.0116 0.338
0.60 1.293 -0.00282 0.0030 1.088 0.01019 0.233 -0.705 -0.429 -0.003 0.394  0.559  0.653 -0.0329 0.0202 0.349
0.70 1.336 -0.00258 0.0025 1.084 0.00979 0.220 -1.144 -0.866 -0.449 -0.111 0.188  0.652 -0.0501 0.0274 0.351
0.80 1.386 -0.00242 0.0022 1.088 0.00944 0.232 -1.609 -1.325 -0.928 -0.620 -0.246 0.647 -0.0650 0.0336 0.356
0.90 1.433 -0.00232 0.0020 1.109 0.00972 0.220 -2.023 -1.732 -1.349 -1.066 -0.643 0.653 -0.0781 0.0391 0.348
1.00 1.479 -0.00220 0.0020 1.115 0.01005 0.211 -2.451 -2.152 -1.776 -1.523 -1.084 0.657 -0.0899 0.0440 0.338
1.25 1.551 -0.00207 0.0020 1.083 0.01003 0.251 -3.243 -2.923 -2.542 -2.327 -1.936 0.660 -0.1148 0.0545 0.313
1.50 1.621 -0.00224 0.0020 1.091 0.00928 0.248 -3.888 -3.548 -3.169 -2.979 -2.661 0.664 -0.1351 0.0630 0.306
2.00 1.694 -0.00201 0.0025 1.055 0.00833 0.263 -4.783 -4.410 -4.039 -3.871 -3.640 0.669 -0.1672 0.0764 0.283
2.50 1.748 -0.00187 0.0028 1.052 0.00776 0.262 -5.444 -5.049 -4.698 -4.496 -4.341 0.671 -0.1921 0.0869 0.287
3.00 1.759 -0.00147 0.0032 1.025 0.00644 0.307 -5.839 -5.431 -5.089 -4.893 -4.758 0.667 -0.2124 0.0954 0.278
4.00 1.826 -0.00195 0.0040 1.044 0.00590 0.353 -6.598 -6.181 -5.882 -5.698 -5.588 0.647 -0.2445 0.1088 0.273
5.00 1.825 -0.00237 0.0050 1.065 0.00510 0.248 -6.752 -6.347 -6.051 -5.873 -5.798 0.643 -0.2694 0.1193 0.275
`);

const COEFFS_SINTER = parseCoeffsTable(`
IMT  SI     QI      WI     tauI
pga  0.000  0.0     0.0    0.308
0.05 0.000  0.0     0.0    0.343
0.10 0.000  0.0     0.0    0.403
0.15 0.000  -0.0138 0.0286 0.367
0.20 0.000  -0.0256 0.0352 0.328
0.25 0.000  -0.0348 0.0403 0.289
0.30 0.000  -0.0423 0.0445 0.280
0.40 -0.041 -0.0541 0.0511 0.271
0.50 -0.053 -0.0632 0.0562 0.277
0.60 -0.103 -0.0707 0.0604 0.296
0.70 -0.146 -0.0771 0.0639 0.313
0.80 -0.164 -0.0825 0.0670 0.329
0.90 -0.206 -0.0874 0.0697 0.324
1.00 -0.239 -0.0917 0.0721 0.328
1.25 -0.256 -0.1009 0.0772 0.339
1.50 -0.306 -0.1083 0.0814 0.352
2.00 -0.321 -0.1202 0.0880 0.360
2.50 -0.337 -0.1293 0.0931 0.356
3.00 -0.331 -0.1368 0.0972 0.338
4.00 -0.390 -0.1486 0.1038 0.307
5.00 -0.498 -0.1578 0.1090 0.272
`);

/** NSHMP 2008 (hazSUBXnga.f): the inter-event sigma of table 5 of the paper */
const COEFFS_SINTER_NSHMP = parseCoeffsTable(`
IMT  SI     QI      WI     tauI
pga  0.000  0.0     0.0    0.3976
0.05 0.000  0.0     0.0    0.4437
0.10 0.000  0.0     0.0    0.4903
0.15 0.000  -0.0138 0.0286 0.4603
0.20 0.000  -0.0256 0.0352 0.4233
0.25 0.000  -0.0348 0.0403 0.3908
0.30 0.000  -0.0423 0.0445 0.3790
0.40 -0.041 -0.0541 0.0511 0.3897
0.50 -0.053 -0.0632 0.0562 0.3890
0.60 -0.103 -0.0707 0.0604 0.4014
0.70 -0.146 -0.0771 0.0639 0.4079
0.80 -0.164 -0.0825 0.0670 0.4183
0.90 -0.206 -0.0874 0.0697 0.4106
1.00 -0.239 -0.0917 0.0721 0.4101
1.25 -0.256 -0.1009 0.0772 0.4021
1.50 -0.306 -0.1083 0.0814 0.4076
2.00 -0.321 -0.1202 0.0880 0.4138
2.50 -0.337 -0.1293 0.0931 0.4108
3.00 -0.331 -0.1368 0.0972 0.3961
4.00 -0.390 -0.1486 0.1038 0.3821
5.00 -0.498 -0.1578 0.1090 0.3766
`);

const COEFFS_SSLAB = parseCoeffsTable(`
IMT  SS    SSL    PS      QS      WS      tauS
pga  2.607 -0.528 0.1392  0.1584  -0.0529 0.321
0.05 2.764 -0.551 0.1636  0.1932  -0.0841 0.378
0.10 2.156 -0.420 0.1690  0.2057  -0.0877 0.420
0.15 2.161 -0.431 0.1669  0.1984  -0.0773 0.372
0.20 1.901 -0.372 0.1631  0.1856  -0.0644 0.324
0.25 1.814 -0.360 0.1588  0.1714  -0.0515 0.294
0.30 2.181 -0.450 0.1544  0.1573  -0.0395 0.284
0.40 2.432 -0.506 0.1460  0.1309  -0.0183 0.278
0.50 2.629 -0.554 0.1381  0.1078  -0.0008 0.272
0.60 2.702 -0.575 0.1307  0.0878  0.0136  0.285
0.70 2.654 -0.572 0.1239  0.0705  0.0254  0.290
0.80 2.480 -0.540 0.1176  0.0556  0.0352  0.299
0.90 2.332 -0.522 0.1116  0.0426  0.0432  0.289
1.00 2.233 -0.509 0.1060  0.0314  0.0498  0.286
1.25 2.029 -0.469 0.0933  0.0093  0.0612  0.277
1.50 1.589 -0.379 0.0821  -0.0062 0.0674  0.282
2.00 0.966 -0.248 0.0628  -0.0235 0.0692  0.300
2.50 0.789 -0.221 0.0465  -0.0287 0.0622  0.292
3.00 1.037 -0.263 0.0322  -0.0261 0.0496  0.274
4.00 0.561 -0.169 0.0083  -0.0065 0.0150  0.281
5.00 0.225 -0.120 -0.0117 0.0246  -0.0268 0.296
`);

/** Atkinson (2012) Japan-to-Cascadia multiplicative site factors */
const COEFFS_SITE_FACTORS = parseCoeffsTable(`
IMT  MF
pga  0.50
pgv  1.00
0.05 0.44
0.10 0.44
0.15 0.53
0.20 0.60
0.25 0.72
0.30 0.81
0.40 1.00
0.50 1.01
0.60 1.02
0.70 1.02
0.80 1.03
0.90 1.04
1.00 1.04
1.25 1.19
1.50 1.31
2.00 1.51
2.50 1.34
3.00 1.21
4.00 1.09
5.00 1.00
`);

type Kind = "asc" | "sinter" | "sslab";

interface Variant {
  kind: Kind;
  /** hypocentral depth the variant fixes (NSHMP 2008), else the rupture's */
  depth?: number;
  magCap?: number;
  cascadia?: boolean;
  /** SGS (Saudi Arabia) near-field floor on rrup */
  rrupFloor?: number;
  nshmpTau?: boolean;
}

function body(v: Variant): string {
  const m = v.magCap ? `min(mag, ${v.magCap.toFixed(1)})` : "mag";
  const r = v.kind === "sslab"
    ? "select(rrup, 0.1, rrup == 0.0)"
    : v.rrupFloor
    ? `max(rrup, ${v.rrupFloor.toFixed(1)})`
    : "rrup";
  const depth = v.depth !== undefined ? v.depth.toFixed(1) : "hypo_depth";
  const event = v.kind === "asc"
    ? `select(0.0, C_FR, rake > 45.0 && rake < 135.0) + C_QC * (m - 6.3) * (m - 6.3) + C_WC`
    : v.kind === "sinter"
    ? `I_QI * (m - 6.3) * (m - 6.3) + I_WI + I_SI`
    : `S_PS * (m - 6.5) + S_QS * (m - 6.5) * (m - 6.5) + S_WS + S_SS + S_SSL * log(r)`;
  const tau = v.kind === "asc" ? "C_tauC" : v.kind === "sinter" ? "I_tauI" : "S_tauS";
  return `
let m = ${m};
let r = ${r};
let h = clamp(${depth}, 0.0, 125.0);
var site = C_C4;
if (vs30 > 1100.0) {
  site = C_CH;
} else if (vs30 > 600.0) {
  site = C_C1;
} else if (vs30 > 300.0) {
  site = C_C2;
} else if (vs30 > 200.0) {
  site = C_C3;
}
// ln of the median in cm/s2, then to g
let ln_cms2 = C_a * m + C_b * r - log(r + C_c * exp(C_d * m)) +
  select(0.0, C_e * (h - 15.0), h >= 15.0) + site + ${event};
mean = ln_cms2 + log(0.01 / 9.80665)${v.cascadia ? " + log(F_MF)" : ""};
tau = ${tau};
phi = C_sigma;
sig = sqrt(phi * phi + tau * tau);
`;
}

const TRTS: Record<Kind, string> = {
  asc: TRT.ACTIVE_SHALLOW_CRUST,
  sinter: TRT.SUBDUCTION_INTERFACE,
  sslab: TRT.SUBDUCTION_INTRASLAB,
};

function make(name: string, v: Variant) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, ["cb14_basin_term", "m9_basin_term"]);
    for (const k of ["cb14_basin_term", "m9_basin_term"]) {
      if (boolArg(name, k, args[k], false)) {
        throw new Error(`${name}: ${k}=true (US 2023 basin adjustment) is not supported`);
      }
    }
    const tables: GsimTable[] = [{ prefix: "C", table: COEFFS_ASC }];
    if (v.kind === "sinter") {
      tables.push({ prefix: "I", table: v.nshmpTau ? COEFFS_SINTER_NSHMP : COEFFS_SINTER });
    }
    if (v.kind === "sslab") tables.push({ prefix: "S", table: COEFFS_SSLAB });
    if (v.cascadia) tables.push({ prefix: "F", table: COEFFS_SITE_FACTORS });
    return {
      name,
      args,
      trt: TRTS[v.kind],
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: {
        rupture: v.kind === "asc" ? ["mag", "rake", "hypo_depth"] : ["mag", "hypo_depth"],
        sites: ["vs30"],
        distances: ["rrup"],
      },
      tables,
      body: body(v),
    };
  };
}

export const GSIMS = {
  ZhaoEtAl2006Asc: make("ZhaoEtAl2006Asc", { kind: "asc" }),
  ZhaoEtAl2006AscSGS: make("ZhaoEtAl2006AscSGS", { kind: "asc", rrupFloor: 5 }),
  ZhaoEtAl2006SInter: make("ZhaoEtAl2006SInter", { kind: "sinter" }),
  ZhaoEtAl2006SSlab: make("ZhaoEtAl2006SSlab", { kind: "sslab" }),
  ZhaoEtAl2006SInterNSHMP2008: make("ZhaoEtAl2006SInterNSHMP2008", {
    kind: "sinter",
    depth: 20,
    nshmpTau: true,
  }),
  ZhaoEtAl2006SSlabNSHMP2014: make("ZhaoEtAl2006SSlabNSHMP2014", { kind: "sslab", magCap: 7.8 }),
  ZhaoEtAl2006SInterCascadia: make("ZhaoEtAl2006SInterCascadia", {
    kind: "sinter",
    cascadia: true,
  }),
  ZhaoEtAl2006SSlabCascadia: make("ZhaoEtAl2006SSlabCascadia", { kind: "sslab", cascadia: true }),
};
