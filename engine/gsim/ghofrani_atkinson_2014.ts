// Ghofrani & Atkinson (2014): interface GMPE for M7-M9 from Japanese data (Tohoku records),
// log10 units (cm/s2, cm/s), forearc/backarc anelastic attenuation, linear vs30 site term,
// and the Cascadia and upper/lower epistemic adjustments of the paper (Table 2, p. 567).
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS = parseCoeffsTable(`
IMT  c0     a       b      c1       c2       c3     sig_init af     sigma tau   sig_tot
pgv  3.3900 0.8540  0.2795 -0.00070 -0.00099 -0.331 0.195    0.000  0.195 0.138 0.238
pga  4.6460 2.8193  0.1908 -0.00219 -0.00298 -0.219 0.284    -0.301 0.284 0.196 0.345
0.07 4.8880 3.1807  0.1759 -0.00236 -0.00329 -0.046 0.313    -0.357 0.313 0.215 0.380
0.09 5.0220 3.3592  0.1700 -0.00244 -0.00346 0.027  0.326    -0.357 0.326 0.220 0.393
0.11 5.0820 3.4483  0.1669 -0.00245 -0.00356 0.010  0.329    -0.319 0.329 0.218 0.394
0.14 5.0720 3.5005  0.1604 -0.00240 -0.00357 -0.082 0.324    -0.272 0.324 0.212 0.387
0.18 5.0510 3.4463  0.1650 -0.00235 -0.00358 -0.180 0.312    -0.237 0.312 0.206 0.374
0.22 5.0150 3.3178  0.1763 -0.00235 -0.00355 -0.289 0.310    -0.183 0.310 0.202 0.370
0.27 4.9580 3.2008  0.1839 -0.00233 -0.00346 -0.386 0.312    -0.114 0.312 0.199 0.370
0.34 4.9070 3.0371  0.1970 -0.00231 -0.00333 -0.438 0.307    -0.046 0.307 0.191 0.361
0.42 4.8200 2.7958  0.2154 -0.00224 -0.00315 -0.520 0.295    0.002  0.295 0.171 0.341
0.53 4.7060 2.5332  0.2331 -0.00213 -0.00290 -0.606 0.276    0.007  0.276 0.155 0.316
0.65 4.5870 2.3234  0.2435 -0.00200 -0.00262 -0.672 0.257    0.011  0.257 0.147 0.296
0.81 4.4640 2.1321  0.2522 -0.00183 -0.00234 -0.705 0.249    0.014  0.249 0.131 0.281
1.01 4.3360 1.9852  0.2561 -0.00158 -0.00205 -0.690 0.249    0.021  0.249 0.115 0.274
1.25 4.2140 1.8442  0.2599 -0.00133 -0.00177 -0.646 0.261    0.089  0.261 0.110 0.283
1.56 4.1050 1.6301  0.2730 -0.00112 -0.00152 -0.578 0.274    0.139  0.274 0.113 0.296
1.92 3.9900 1.4124  0.2851 -0.00086 -0.00125 -0.518 0.285    0.174  0.285 0.121 0.310
2.44 3.8290 1.1154  0.3015 -0.00059 -0.00097 -0.513 0.275    0.129  0.275 0.132 0.305
3.03 3.6570 0.7965  0.3197 -0.00039 -0.00075 -0.554 0.264    0.079  0.264 0.137 0.298
3.70 3.5020 0.5093  0.3361 -0.00023 -0.00057 -0.574 0.252    0.044  0.252 0.138 0.287
4.55 3.3510 0.2578  0.3497 -0.00005 -0.00040 -0.561 0.237    0.013  0.237 0.147 0.279
5.88 3.2320 -0.1469 0.3835 0.00000  -0.00027 -0.491 0.218    0.000  0.218 0.151 0.265
7.14 3.1220 -0.5012 0.4119 0.00000  -0.00019 -0.462 0.201    0.000  0.201 0.148 0.250
9.09 2.9850 -1.0932 0.4641 0.00000  -0.00019 -0.413 0.175    0.000  0.175 0.155 0.233
`);

// CASCADIA adds the Table 2 factor af; EPI (+1 upper, -1 lower) adds or removes the
// distance-dependent epistemic factor min(0.15 + 0.0007 rrup, 0.35), all in log10 units
const BODY = `
let anel = select(C_c1, C_c2, backarc > 0.5) * rrup;
let epi = EPI * min(0.15 + 0.0007 * rrup, 0.35);
let lg = C_a + C_b * mag - 0.5 * log10(rrup * rrup + 3600.0) + anel +
  C_c3 * log10(vs30 / 760.0) + CASCADIA * C_af + epi;
let ln10 = log(10.0);
mean = select((lg - 2.0) * ln10 - log(9.80665), lg * ln10, imt_kind == 1.0);
sig = sqrt(C_tau * C_tau + C_sigma * C_sigma) * ln10;
tau = C_tau * ln10;
phi = C_sigma * ln10;
`;

function make(name: string, cascadia: boolean, epi: number) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRT.SUBDUCTION_INTERFACE,
      imts: ["PGA", "PGV", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: { rupture: ["mag"], sites: ["vs30", "backarc"], distances: ["rrup"] },
      tables: [{ prefix: "C", table: COEFFS }],
      consts: { CASCADIA: cascadia ? 1 : 0, EPI: epi },
      body: BODY,
    };
  };
}

// OpenQuake defines the variants as subclasses without constructor arguments
export const GSIMS = {
  GhofraniAtkinson2014: make("GhofraniAtkinson2014", false, 0),
  GhofraniAtkinson2014Cascadia: make("GhofraniAtkinson2014Cascadia", true, 0),
  GhofraniAtkinson2014Upper: make("GhofraniAtkinson2014Upper", false, 1),
  GhofraniAtkinson2014Lower: make("GhofraniAtkinson2014Lower", false, -1),
  GhofraniAtkinson2014CascadiaUpper: make("GhofraniAtkinson2014CascadiaUpper", true, 1),
  GhofraniAtkinson2014CascadiaLower: make("GhofraniAtkinson2014CascadiaLower", true, -1),
};
