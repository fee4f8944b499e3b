// Abrahamson, Silva & Kamai (2014), Earthquake Spectra 30(3): NGA-West2 model (ASK14), RotD50.
// Regional variants (California default, China, Japan, Taiwan), hanging-wall tapers, non-linear
// site term driven by the median on 1180 m/s rock, z1pt0 soil-depth term, and the aleatory model
// whose tau and phi carry the site amplification derivative.
import { type CoeffsTable, parseCoeffsTable } from "./coeffs.ts";
import { boolArg, checkArgs, choiceArg, numArg } from "./gsim_args.ts";
import { EPISTEMIC_SIGMA_FN } from "./boore_2014.ts";
import { type GsimFactory, TRT } from "./types.ts";

// Annex B of the paper (OpenQuake layout)
const COEFFS = parseCoeffsTable(`
IMT   m1   vlin b     c    c4  a1     a2     a3    a4   a5    a6    a7  a8     a10   a11 a12  a13  a14   a15   a17     a43  a44  a45  a46   a25     a28    a29     a31     a36    a37    a38   a39 a40   a41    a42    s1e   s2e   s3   s4   s1m   s2m   s5   s6
pga   6.75 660  -1.47 2.4  4.5 0.587  -0.79  0.275 -0.1 -0.41 2.154 0.0 -0.015 1.735 0   -0.1 0.6  -0.3  1.1   -0.0072 0.1  0.05 0    -0.05 -0.0015 0.0025 -0.0034 -0.1503 0.265  0.337  0.188 0   0.088 -0.196 0.044  0.754 0.52  0.47 0.36 0.741 0.501 0.54 0.6300
pgv   6.75 330  -2.02 2400 4.5 5.975  -0.919 0.275 -0.1 -0.41 2.366 0.0 -0.094 2.36  0   -0.1 0.25 0.22  0.3   -0.0005 0.28 0.15 0.09 0.07  -0.0001 0.0005 -0.0037 -0.1462 0.377  0.212  0.157 0   0.095 -0.038 0.065  0.662 0.51  0.38 0.38 0.66  0.51  0.58 0.5300
0.01  6.75 660  -1.47 2.4  4.5 0.587  -0.790 0.275 -0.1 -0.41 2.154 0.0 -0.015 1.735 0   -0.1 0.6  -0.3  1.1   -0.0072 0.1  0.05 0    -0.05 -0.0015 0.0025 -0.0034 -0.1503 0.265  0.337  0.188 0   0.088 -0.196 0.044  0.754 0.52  0.47 0.36 0.741 0.501 0.54 0.6300
0.02  6.75 680  -1.46 2.4  4.5 0.598  -0.790 0.275 -0.1 -0.41 2.146 0.0 -0.015 1.718 0   -0.1 0.6  -0.3  1.1   -0.0073 0.1  0.05 0    -0.05 -0.0015 0.0024 -0.0033 -0.1479 0.255  0.328  0.184 0   0.088 -0.194 0.061  0.76  0.52  0.47 0.36 0.747 0.501 0.54 0.6300
0.03  6.75 770  -1.39 2.4  4.5 0.602  -0.790 0.275 -0.1 -0.41 2.157 0.0 -0.015 1.615 0   -0.1 0.6  -0.3  1.1   -0.0075 0.1  0.05 0    -0.05 -0.0016 0.0023 -0.0034 -0.1447 0.249  0.32   0.18  0   0.093 -0.175 0.162  0.781 0.52  0.47 0.36 0.769 0.501 0.55 0.6300
0.05  6.75 915  -1.22 2.4  4.5 0.707  -0.790 0.275 -0.1 -0.41 2.085 0.0 -0.015 1.358 0   -0.1 0.6  -0.3  1.1   -0.008  0.1  0.05 0    -0.05 -0.002  0.0027 -0.0033 -0.1326 0.202  0.289  0.167 0   0.133 -0.09  0.451  0.81  0.53  0.47 0.36 0.798 0.512 0.56 0.6500
0.075 6.75 960  -1.15 2.4  4.5 0.973  -0.790 0.275 -0.1 -0.41 2.029 0.0 -0.015 1.258 0   -0.1 0.6  -0.3  1.1   -0.0089 0.1  0.05 0    -0.05 -0.0027 0.0032 -0.0029 -0.1353 0.126  0.275  0.173 0   0.186 0.09   0.506  0.81  0.54  0.47 0.36 0.798 0.522 0.57 0.6900
0.1   6.75 910  -1.23 2.4  4.5 1.169  -0.790 0.275 -0.1 -0.41 2.041 0.0 -0.015 1.31  0   -0.1 0.6  -0.3  1.1   -0.0095 0.1  0.05 0    -0.05 -0.0033 0.0036 -0.0025 -0.1128 0.022  0.256  0.189 0   0.16  0.006  0.335  0.81  0.55  0.47 0.36 0.795 0.527 0.57 0.7000
0.15  6.75 740  -1.59 2.4  4.5 1.442  -0.790 0.275 -0.1 -0.41 2.121 0.0 -0.022 1.66  0   -0.1 0.6  -0.3  1.1   -0.0095 0.1  0.05 0    -0.05 -0.0035 0.0033 -0.0025 0.0383  -0.136 0.162  0.108 0   0.068 -0.156 -0.084 0.801 0.56  0.47 0.36 0.773 0.519 0.58 0.7000
0.2   6.75 590  -2.01 2.4  4.5 1.637  -0.790 0.275 -0.1 -0.41 2.224 0.0 -0.03  2.22  0   -0.1 0.6  -0.3  1.1   -0.0086 0.1  0.05 0    -0.03 -0.0033 0.0027 -0.0031 0.0775  -0.078 0.224  0.115 0   0.048 -0.274 -0.178 0.789 0.565 0.47 0.36 0.753 0.514 0.59 0.7000
0.25  6.75 495  -2.41 2.4  4.5 1.701  -0.790 0.275 -0.1 -0.41 2.312 0.0 -0.038 2.77  0   -0.1 0.6  -0.24 1.1   -0.0074 0.1  0.05 0    0     -0.0029 0.0024 -0.0036 0.0741  0.037  0.248  0.122 0   0.055 -0.248 -0.187 0.77  0.57  0.47 0.36 0.729 0.513 0.61 0.7000
0.3   6.75 430  -2.76 2.4  4.5 1.712  -0.790 0.275 -0.1 -0.41 2.338 0.0 -0.045 3.25  0   -0.1 0.6  -0.19 1.03  -0.0064 0.1  0.05 0.03 0.03  -0.0027 0.002  -0.0039 0.2548  -0.091 0.203  0.096 0   0.073 -0.203 -0.159 0.74  0.58  0.47 0.36 0.693 0.519 0.63 0.7000
0.4   6.75 360  -3.28 2.4  4.5 1.662  -0.790 0.275 -0.1 -0.41 2.469 0.0 -0.055 3.99  0   -0.1 0.58 -0.11 0.92  -0.0043 0.1  0.07 0.06 0.06  -0.0023 0.001  -0.0048 0.2136  0.129  0.232  0.123 0   0.143 -0.154 -0.023 0.699 0.59  0.47 0.36 0.644 0.524 0.66 0.7000
0.5   6.75 340  -3.6  2.4  4.5 1.571  -0.790 0.275 -0.1 -0.41 2.559 0.0 -0.065 4.45  0   -0.1 0.56 -0.04 0.84  -0.0032 0.1  0.1  0.1  0.09  -0.002  0.0008 -0.005  0.1542  0.31   0.252  0.134 0   0.16  -0.159 -0.029 0.676 0.6   0.47 0.36 0.616 0.532 0.69 0.7000
0.75  6.75 330  -3.8  2.4  4.5 1.299  -0.790 0.275 -0.1 -0.41 2.682 0.0 -0.095 4.75  0   -0.1 0.53 0.07  0.68  -0.0025 0.14 0.14 0.14 0.13  -0.001  0.0007 -0.0041 0.0787  0.505  0.208  0.129 0   0.158 -0.141 0.061  0.631 0.615 0.47 0.36 0.566 0.548 0.73 0.6900
1     6.75 330  -3.5  2.4  4.5 1.043  -0.790 0.275 -0.1 -0.41 2.763 0.0 -0.11  4.3   0   -0.1 0.5  0.15  0.57  -0.0025 0.17 0.17 0.17 0.14  -0.0005 0.0007 -0.0032 0.0476  0.358  0.208  0.152 0   0.145 -0.144 0.062  0.609 0.63  0.47 0.36 0.541 0.565 0.77 0.6800
1.5   6.75 330  -2.4  2.4  4.5 0.665  -0.790 0.275 -0.1 -0.41 2.836 0.0 -0.124 2.6   0   -0.1 0.42 0.27  0.42  -0.0022 0.22 0.21 0.2  0.16  -0.0004 0.0006 -0.002  -0.0163 0.131  0.108  0.118 0   0.131 -0.126 0.037  0.578 0.64  0.47 0.36 0.506 0.576 0.8  0.6600
2     6.75 330  -1    2.4  4.5 0.329  -0.790 0.275 -0.1 -0.41 2.897 0.0 -0.138 0.55  0   -0.1 0.35 0.35  0.31  -0.0019 0.26 0.25 0.22 0.16  -0.0002 0.0003 -0.0017 -0.1203 0.123  0.068  0.119 0   0.083 -0.075 -0.143 0.555 0.65  0.47 0.36 0.48  0.587 0.8  0.6200
3     6.82 330  0     2.4  4.5 -0.060 -0.790 0.275 -0.1 -0.41 2.906 0.0 -0.172 -0.95 0   -0.1 0.2  0.46  0.16  -0.0015 0.34 0.3  0.23 0.16  0       0      -0.002  -0.2719 0.109  -0.023 0.093 0   0.07  -0.021 -0.028 0.548 0.64  0.47 0.36 0.472 0.576 0.8  0.5500
4     6.92 330  0     2.4  4.5 -0.299 -0.790 0.275 -0.1 -0.41 2.889 0.0 -0.197 -0.95 0   -0.1 0    0.54  0.05  -0.001  0.41 0.32 0.23 0.14  0       0      -0.002  -0.2958 0.135  0.028  0.084 0   0.101 0.072  -0.097 0.527 0.63  0.47 0.36 0.447 0.565 0.76 0.5200
5     7    330  0     2.4  4.5 -0.562 -0.765 0.275 -0.1 -0.41 2.898 0.0 -0.218 -0.93 0   -0.1 0    0.61  -0.04 -0.001  0.51 0.32 0.22 0.13  0       0      -0.002  -0.2718 0.189  0.031  0.058 0   0.095 0.205  0.015  0.505 0.63  0.47 0.36 0.425 0.568 0.72 0.5000
6     7.06 330  0     2.4  4.5 -0.875 -0.711 0.275 -0.1 -0.41 2.896 0.0 -0.235 -0.91 0   -0.2 0    0.65  -0.11 -0.001  0.55 0.32 0.2  0.1   0       0      -0.002  -0.2517 0.215  0.024  0.065 0   0.133 0.285  0.104  0.477 0.63  0.47 0.36 0.395 0.571 0.7  0.5000
7.5   7.15 330  0     2.4  4.5 -1.303 -0.634 0.275 -0.1 -0.41 2.870 0.0 -0.255 -0.87 0   -0.2 0    0.72  -0.19 -0.001  0.49 0.28 0.17 0.09  0       0      -0.002  -0.14   0.15   -0.07  0     0   0.151 0.329  0.299  0.457 0.63  0.47 0.36 0.378 0.575 0.67 0.5000
10    7.25 330  0     2.4  4.5 -1.928 -0.529 0.275 -0.1 -0.41 2.843 0.0 -0.285 -0.8  0   -0.2 0    0.8   -0.3  -0.001  0.42 0.22 0.14 0.08  0       0      -0.002  -0.0216 0.092  -0.159 -0.05 0   0.124 0.301  0.243  0.429 0.63  0.47 0.36 0.359 0.585 0.64 0.5000
`);

// CyberShake basin adjustments of the USGS (nshmp-lib ASK14.csv), used above 1.9 s
const COEFFS_CY = parseCoeffsTable(`
IMT a44cy a45cy
2.0 0.048 0.114
3.0 0.092 0.223
4.0 0.202 0.333
5.0 0.270 0.399
6.0 0.320 0.200
7.5 0.354 0.426
10  0.343 0.334
`);

/** COEFFS with a44cy/a45cy columns: the CyberShake values where tabulated, else a44/a45. */
function withCybershake(base: CoeffsTable): CoeffsTable {
  const i44 = base.names.indexOf("a44"), i45 = base.names.indexOf("a45");
  const extend = (row: Float64Array, period: number) => {
    const k = COEFFS_CY.periods.findIndex((p) => Math.abs(p - period) < 1e-9);
    const cy = k >= 0 ? COEFFS_CY.saRows[k] : [row[i44], row[i45]];
    return Float64Array.from([...row, cy[0], cy[1]]);
  };
  return {
    names: [...base.names, "a44cy", "a45cy"],
    named: new Map([...base.named].map(([key, row]) => [key, extend(row, -1)])),
    periods: base.periods,
    saRows: base.saRows.map((row, n) => extend(row, base.periods[n])),
  };
}
const COEFFS_WITH_CY = withCybershake(COEFFS);

// ln(v1/...) of equations 8-9: the vs30 cap of the site term, by IMT
const VS30_STAR = `
var v1 = 1500.0;
if (imt_kind == 3.0 && imt_period > 0.5) {
  v1 = select(1500.0 * exp(-0.35 * log(imt_period / 0.5)), 800.0, imt_period >= 3.0);
}
`;

const FNS = `
// Japan vs30 scaling (page 1043): piecewise linear, extrapolated below 150 m/s, flat above 1150
fn ask14_f3(v: f32, a36: f32, a37: f32, a38: f32, a39: f32, a40: f32, a41: f32, a42: f32) -> f32 {
  var f = a42;
  if (v < 250.0) {
    f = a36 + (a37 - a36) * (v - 150.0) / 100.0;
  } else if (v < 350.0) {
    f = a37 + (a38 - a37) * (v - 250.0) / 100.0;
  } else if (v < 450.0) {
    f = a38 + (a39 - a38) * (v - 350.0) / 100.0;
  } else if (v < 600.0) {
    f = a39 + (a40 - a39) * (v - 450.0) / 150.0;
  } else if (v < 850.0) {
    f = a40 + (a41 - a40) * (v - 600.0) / 250.0;
  } else if (v < 1150.0) {
    f = a41 + (a42 - a41) * (v - 850.0) / 300.0;
  }
  return f;
}
// soil-depth scaling against vs30 (application guidelines, page 1044): linear, flat above 700
fn ask14_f2(v: f32, a43: f32, a44: f32, a45: f32, a46: f32) -> f32 {
  var f = a46;
  if (v <= 150.0) {
    f = a43;
  } else if (v < 250.0) {
    f = a43 + (a44 - a43) * (v - 150.0) / 100.0;
  } else if (v < 400.0) {
    f = a44 + (a45 - a44) * (v - 250.0) / 150.0;
  } else if (v < 700.0) {
    f = a45 + (a46 - a45) * (v - 400.0) / 300.0;
  }
  return f;
}
// site response (equation 7) for vs30 v, capped at v1, on rock median sa
fn ask14_site(v: f32, v1: f32, sa: f32, vlin: f32, a10: f32, b: f32, c: f32) -> f32 {
  let rat = min(v, v1) / vlin;
  var f = (a10 + b * 1.5) * log(rat);
  if (v < vlin) {
    f = a10 * log(rat) - b * log(sa + c) + b * log(sa + c * pow(rat, 1.5));
  }
  return f;
}
` + EPISTEMIC_SIGMA_FN;

// Regional term for vs30 expression `v` (REGION 0 CAL, 1 CHN, 2 JPN, 3 TWN)
function regional(v: string): string {
  return `select(0.0, C_a31 * log(min(${v}, v1) / C_vlin) + C_a25 * rrup, REGION == 3.0)
  + select(0.0, C_a28 * rrup, REGION == 1.0)
  + select(0.0, ask14_f3(${v}, C_a36, C_a37, C_a38, C_a39, C_a40, C_a41, C_a42) + C_a29 * rrup,
    REGION == 2.0)`;
}

function body(epsilon: boolean): string {
  return `${VS30_STAR}
// basic form (equations 2-4)
var c4m = C_c4 - (C_c4 - 1.0) * (5.0 - mag);
if (mag > 5.0) {
  c4m = C_c4;
}
if (mag < 4.0) {
  c4m = 1.0;
}
let ln_r = log(sqrt(rrup * rrup + c4m * c4m));
let mc = max(mag, 5.0);
var f1 = C_a1 + C_a17 * rrup + C_a8 * (8.5 - mc) * (8.5 - mc)
  + (C_a2 + C_a3 * (mc - C_m1)) * ln_r;
if (mag >= C_m1) {
  f1 = f1 + C_a5 * (mag - C_m1);
} else if (mag >= 5.0) {
  f1 = f1 + C_a4 * (mag - C_m1);
} else {
  f1 = f1 + C_a4 * (5.0 - C_m1) + C_a6 * (mag - 5.0) + C_a7 * (mag - 5.0) * (mag - 5.0);
}
// style of faulting (equations 5-6)
let fm4 = clamp(mag - 4.0, 0.0, 1.0);
let fflt = select(0.0, C_a11 * fm4, rake > 30.0 && rake < 150.0)
  + select(0.0, C_a12 * fm4, rake > -150.0 && rake < -30.0);
// hanging wall: five tapers (equations 11-15)
let t1 = select((90.0 - dip) / 45.0, 60.0 / 45.0, dip <= 30.0);
var t2 = 1.0 + 0.2 * (mag - 6.5) - 0.8 * (mag - 6.5) * (mag - 6.5);
if (mag > 6.5) {
  t2 = 1.0 + 0.2 * (mag - 6.5);
}
if (mag <= 5.5) {
  t2 = 0.0;
}
let r1 = width * cos(radians(dip));
var t3 = 0.0;
if (rx < r1) {
  t3 = 0.25 + 1.5 * (rx / r1) - 0.75 * (rx / r1) * (rx / r1);
} else if (rx <= 3.0 * r1) {
  t3 = 1.0 - (rx - r1) / (2.0 * r1);
}
let t4 = select(0.0, 1.0 - ztor * ztor / 100.0, ztor <= 10.0);
// ry1 = rx tan(20 degrees)
let dry = ry0 - rx * 0.36397023426620234;
var t5 = 0.0;
if (dry <= 0.0) {
  t5 = 1.0;
} else if (dry < 5.0) {
  t5 = 1.0 - dry / 5.0;
}
let fhw = select(0.0, C_a13 * t1 * t2 * t3 * t4 * t5, rx > 0.0 && dip != 90.0);
let fztor = C_a15 * min(ztor / 20.0, 1.0);
let fsrc = f1 + fflt + fhw + fztor;
// median on 1180 m/s rock (its soil-depth term is zero: z1pt0 at the reference depth)
// CyberShake adjustment above 1.9 s: its +0.1 reaches the rock median unless USGS-scaled
let cy_on = CYBERSHAKE != 0.0 && imt_period > 1.9;
let sa1180 = exp(fsrc + (C_a10 + C_b * 1.5) * log(min(1180.0, v1) / C_vlin)
  + select(0.0, 0.1, cy_on && USGS_BS == 0.0) + ${regional("1180.0")});
// soil depth (equations 16-18), z1pt0 in m; -999 means the reference depth of vs30
var z1ref = 0.0;
if (REGION == 2.0) {
  let k = 412.0 * 412.0;
  z1ref = exp(-5.23 / 2.0 * log((vs30 * vs30 + k) / (1360.0 * 1360.0 + k))) / 1000.0;
} else {
  let k = 610.0 * 610.0 * 610.0 * 610.0;
  let v2 = vs30 * vs30;
  z1ref = exp(-7.67 / 4.0 * log((v2 * v2 + k) / (1360.0 * 1360.0 * 1360.0 * 1360.0 + k)))
    / 1000.0;
}
let z1 = select(z1pt0 / 1000.0, z1ref, z1pt0 < 0.0);
var fz1 = select(ask14_f2(vs30, C_a43, C_a44, C_a45, C_a46),
  ask14_f2(vs30, C_a43, C_a44cy, C_a45cy, C_a46), cy_on) * log((z1 + 0.01) / (z1ref + 0.01))
  + select(0.0, 0.1, cy_on);
if (USGS_BS != 0.0) {
  // USGS basin scaling: none up to 0.5 s; 0 at z1 <= 300 m, 1 at z1 >= 500 m
  var baf = select(0.0, (clamp(z1pt0, 300.0, 500.0) - 300.0) / 200.0, z1pt0 > 300.0);
  baf = select(baf, 0.585 * baf, imt_period == 0.75);
  fz1 = fz1 * select(baf, 0.0, imt_period <= 0.5);
}
mean = fsrc + ask14_site(vs30, v1, sa1180, C_vlin, C_a10, C_b, C_c) + fz1 + ${regional("vs30")};
${epsilon ? "mean = mean + SIGMA_MU_EPSILON * usgs14_sigma_epi(mag, rrup);" : ""}
// aleatory model (equations 24-30)
var phi_al = 0.0;
if (REGION == 2.0) {
  phi_al = C_s5 + (C_s6 - C_s5) / 50.0 * (clamp(rrup, 30.0, 80.0) - 30.0);
} else {
  let s1 = select(C_s1e, C_s1m, vs30measured != 0.0);
  let s2 = select(C_s2e, C_s2m, vs30measured != 0.0);
  phi_al = s1 + (s2 - s1) / 2.0 * (clamp(mag, 4.0, 6.0) - 4.0);
}
let tau_al = C_s3 + (C_s4 - C_s3) / 2.0 * (clamp(mag, 5.0, 7.0) - 5.0);
var der = 0.0;
if (vs30 < C_vlin) {
  der = C_b * sa1180 * (-1.0 / (sa1180 + C_c) + 1.0 / (sa1180 + C_c * pow(vs30 / C_vlin, 1.5)));
}
// phi_amp is reduced below phi_al when phi_al < 0.4 (small magnitudes, long periods)
let phi_amp = select(0.4, 0.99 * phi_al, phi_al < 0.4);
let phi_b2 = phi_al * phi_al - phi_amp * phi_amp;
phi = sqrt(phi_b2 * (1.0 + der) * (1.0 + der) + phi_amp * phi_amp);
tau = tau_al * (1.0 + der);
sig = sqrt(phi * phi + tau * tau);
`;
}

const REGIONS = ["CAL", "CHN", "JPN", "TWN"] as const;

export const abrahamsonEtAl2014: GsimFactory = (args) => {
  const name = "AbrahamsonEtAl2014";
  checkArgs(name, args, [
    "region",
    "sigma_mu_epsilon",
    "usgs_basin_scaling",
    "cybershake_basin_adj",
  ]);
  // OpenQuake's default region is None (California)
  const region = choiceArg(name, { region: args.region ?? undefined }, "region", REGIONS, "CAL");
  const eps = numArg(name, args, "sigma_mu_epsilon", 0);
  const cy = boolArg(name, args, "cybershake_basin_adj", false);
  return {
    name,
    args,
    trt: TRT.ACTIVE_SHALLOW_CRUST,
    imts: ["PGA", "PGV", "SA"],
    stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
    requires: {
      rupture: ["mag", "rake", "dip", "ztor", "width"],
      sites: ["vs30", "z1pt0", "vs30measured"],
      distances: ["rrup", "rjb", "rx", "ry0"],
    },
    tables: [{ prefix: "C", table: COEFFS_WITH_CY }],
    consts: {
      REGION: REGIONS.indexOf(region),
      USGS_BS: boolArg(name, args, "usgs_basin_scaling", false) ? 1 : 0,
      CYBERSHAKE: cy ? 1 : 0,
      SIGMA_MU_EPSILON: eps,
    },
    fns: FNS,
    body: body(eps !== 0),
  };
};

export const ASK14_ALIASES: Record<string, [string, Record<string, unknown>]> = {
  AbrahamsonEtAl2014RegCHN: ["AbrahamsonEtAl2014", { region: "CHN" }],
  AbrahamsonEtAl2014RegJPN: ["AbrahamsonEtAl2014", { region: "JPN" }],
  AbrahamsonEtAl2014RegTWN: ["AbrahamsonEtAl2014", { region: "TWN" }],
};
