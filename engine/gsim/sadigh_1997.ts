// Sadigh, Chang, Egan, Makdisi & Youngs (1997), SRL 68(1): rock (vs30 > 750 m/s) and deep-soil
// equations for California, geometric mean; total sigma only, magnitude dependent.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./gsim_args.ts";
import { type GsimDef, TRT } from "./types.ts";

// Rock, M <= 6.5 (table 2)
const ROCK_LOWMAG = parseCoeffsTable(`
IMT    c1     c2    c3      c4      c5       c6      c7
PGA   -0.624  1.0   0.000  -2.100   1.29649  0.250   0.0
0.07   0.110  1.0   0.006  -2.128   1.29649  0.250  -0.082
0.10   0.275  1.0   0.006  -2.148   1.29649  0.250  -0.041
0.20   0.153  1.0  -0.004  -2.080   1.29649  0.250   0.0
0.30  -0.057  1.0  -0.017  -2.028   1.29649  0.250   0.0
0.40  -0.298  1.0  -0.028  -1.990   1.29649  0.250   0.0
0.50  -0.588  1.0  -0.040  -1.945   1.29649  0.250   0.0
0.75  -1.208  1.0  -0.050  -1.865   1.29649  0.250   0.0
1.0   -1.705  1.0  -0.055  -1.800   1.29649  0.250   0.0
1.5   -2.407  1.0  -0.065  -1.725   1.29649  0.250   0.0
2.0   -2.945  1.0  -0.070  -1.670   1.29649  0.250   0.0
3.0   -3.700  1.0  -0.080  -1.610   1.29649  0.250   0.0
4.0   -4.230  1.0  -0.100  -1.570   1.29649  0.250   0.0
`);

// Rock, M > 6.5 (table 2)
const ROCK_HIMAG = parseCoeffsTable(`
IMT    c1     c2    c3      c4      c5       c6      c7
PGA   -1.274  1.1   0.000  -2.100  -0.48451  0.524   0.0
0.07  -0.540  1.1   0.006  -2.128  -0.48451  0.524  -0.082
0.10  -0.375  1.1   0.006  -2.148  -0.48451  0.524  -0.041
0.20  -0.497  1.1  -0.004  -2.080  -0.48451  0.524   0.0
0.30  -0.707  1.1  -0.017  -2.028  -0.48451  0.524   0.0
0.40  -0.948  1.1  -0.028  -1.990  -0.48451  0.524   0.0
0.50  -1.238  1.1  -0.040  -1.945  -0.48451  0.524   0.0
0.75  -1.858  1.1  -0.050  -1.865  -0.48451  0.524   0.0
1.0   -2.355  1.1  -0.055  -1.800  -0.48451  0.524   0.0
1.5   -3.057  1.1  -0.065  -1.725  -0.48451  0.524   0.0
2.0   -3.595  1.1  -0.070  -1.670  -0.48451  0.524   0.0
3.0   -4.350  1.1  -0.080  -1.610  -0.48451  0.524   0.0
4.0   -4.880  1.1  -0.100  -1.570  -0.48451  0.524   0.0
`);

// Rock sigma (table 3)
const ROCK_SIGMA = parseCoeffsTable(`
IMT    sigma0  magfactor maxsigma maxmag
PGA    1.39   -0.14      0.38     7.21
0.07   1.40   -0.14      0.39     7.21
0.10   1.41   -0.14      0.40     7.21
0.20   1.43   -0.14      0.42     7.21
0.30   1.45   -0.14      0.44     7.21
0.40   1.48   -0.14      0.47     7.21
0.50   1.50   -0.14      0.49     7.21
0.75   1.52   -0.14      0.51     7.21
1.0    1.53   -0.14      0.52     7.21
4.0    1.53   -0.14      0.52     7.21
`);

// Deep soil (table 4)
const SOIL = parseCoeffsTable(`
IMT    c6ss     c6r      c7     sigma0  magfactor maxmag
PGA    0.0000   0.0000   0.0    1.52   -0.16      7
0.075  0.4572   0.4572   0.005  1.54   -0.16      7
0.1    0.6395   0.6395   0.005  1.54   -0.16      7
0.2    0.9187   0.9187  -0.004  1.565  -0.16      7
0.3    0.9547   0.9547  -0.014  1.58   -0.16      7
0.4    0.9251   0.9005  -0.024  1.595  -0.16      7
0.5    0.8494   0.8285  -0.033  1.61   -0.16      7
0.75   0.7010   0.6802  -0.051  1.635  -0.16      7
1.0    0.5665   0.5075  -0.065  1.66   -0.16      7
1.5    0.3235   0.2215  -0.090  1.69   -0.16      7
2.0    0.1001  -0.0526  -0.108  1.70   -0.16      7
3.0   -0.2801  -0.4905  -0.139  1.71   -0.16      7
4.0   -0.6274  -0.8907  -0.160  1.71   -0.16      7
`);

const BODY = `
let rev = rake >= 45.0 && rake <= 135.0;
let m = min(mag, 8.5);
let hi = m > 6.5;
// (8.5 - m)^2.5, guarded: pow(0, y) is undefined in WGSL
let dm = 8.5 - m;
let dm25 = select(0.0, pow(dm, 2.5), dm > 0.0);
if (vs30 > 750.0) {
  let c1 = select(L_c1, H_c1, hi);
  let c2 = select(L_c2, H_c2, hi);
  let c3 = select(L_c3, H_c3, hi);
  let c4 = select(L_c4, H_c4, hi);
  let c5 = select(L_c5, H_c5, hi);
  let c6 = select(L_c6, H_c6, hi);
  let c7 = select(L_c7, H_c7, hi);
  mean = c1 + c2 * m + c3 * dm25 + c4 * log(rrup + exp(c5 + c6 * m)) + c7 * log(rrup + 2.0);
  // reverse faulting: x1.2 on rock
  mean = mean + select(0.0, 0.1823215567939546, rev);
  sig = select(R_sigma0 + R_magfactor * mag, R_maxsigma, mag > R_maxmag);
} else {
  let c1 = select(-2.17, -1.92, rev);
  let c4 = select(2.1863, 0.3825, hi);
  let c5 = select(0.32, 0.5882, hi);
  let c6 = select(S_c6ss, S_c6r, rev);
  mean = c1 + m + c6 + S_c7 * dm25 - 1.7 * log(rrup + c4 * exp(c5 * m));
  sig = S_sigma0 + S_magfactor * min(mag, 7.0);
}
`;

export function sadighEtAl1997(args: Record<string, unknown>): GsimDef {
  checkArgs("SadighEtAl1997", args, []);
  return {
    name: "SadighEtAl1997",
    args,
    trt: TRT.ACTIVE_SHALLOW_CRUST,
    imts: ["PGA", "SA"],
    stddevs: ["TOTAL"],
    requires: { rupture: ["mag", "rake"], sites: ["vs30"], distances: ["rrup"] },
    tables: [
      { prefix: "L", table: ROCK_LOWMAG },
      { prefix: "H", table: ROCK_HIMAG },
      { prefix: "R", table: ROCK_SIGMA },
      { prefix: "S", table: SOIL },
    ],
    body: BODY,
  };
}
