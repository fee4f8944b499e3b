// Abrahamson & Silva (2008), Earthquake Spectra 24(1), with the published errata: NGA-West1
// model for GMRotI50 (mainshocks; no aftershock term, no constant-displacement correction).
// rrup/rjb/rx, hanging wall, depth to top, large distance, non-linear site term driven by PGA
// on 1100 m/s rock, soil depth term from z1pt0 (m); sigma depends on vs30measured.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./gsim_args.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS = parseCoeffsTable(`
IMT    VLIN     b       a1       a2       a8       a10     a12      a13     a14      a15      a16      a18     s1est  s2est  s1mea  s2mea  s3     s4     rho
pga     865.1  -1.186   0.804   -0.9679  -0.0372   0.9445  0.0000  -0.0600  1.0800  -0.3500   0.9000  -0.0067  0.590  0.470  0.576  0.453  0.470  0.300  1.000
0.010   865.1  -1.186   0.811   -0.9679  -0.0372   0.9445  0.0000  -0.0600  1.0800  -0.3500   0.9000  -0.0067  0.590  0.470  0.576  0.453  0.420  0.300  1.000
0.020   865.1  -1.219   0.855   -0.9774  -0.0372   0.9834  0.0000  -0.0600  1.0800  -0.3500   0.9000  -0.0067  0.590  0.470  0.576  0.453  0.420  0.300  1.000
0.030   907.8  -1.273   0.962   -1.0024  -0.0372   1.0471  0.0000  -0.0600  1.1331  -0.3500   0.9000  -0.0067  0.605  0.478  0.591  0.461  0.462  0.305  0.991
0.040   994.5  -1.308   1.037   -1.0289  -0.0315   1.0884  0.0000  -0.0600  1.1708  -0.3500   0.9000  -0.0067  0.615  0.483  0.602  0.466  0.492  0.309  0.982
0.050  1053.5  -1.346   1.133   -1.0508  -0.0271   1.1333  0.0000  -0.0600  1.2000  -0.3500   0.9000  -0.0076  0.623  0.488  0.610  0.471  0.515  0.312  0.973
0.075  1085.7  -1.471   1.375   -1.0810  -0.0191   1.2808  0.0000  -0.0600  1.2000  -0.3500   0.9000  -0.0093  0.630  0.495  0.617  0.479  0.550  0.317  0.952
0.100  1032.5  -1.624   1.563   -1.0833  -0.0166   1.4613  0.0000  -0.0600  1.2000  -0.3500   0.9000  -0.0093  0.630  0.501  0.617  0.485  0.550  0.321  0.929
0.150   877.6  -1.931   1.716   -1.0357  -0.0254   1.8071  0.0181  -0.0600  1.1683  -0.3500   0.9000  -0.0093  0.630  0.509  0.616  0.491  0.550  0.326  0.896
0.200   748.2  -2.188   1.687   -0.9700  -0.0396   2.0773  0.0309  -0.0600  1.1274  -0.3500   0.9000  -0.0083  0.630  0.514  0.614  0.495  0.520  0.329  0.874
0.250   654.3  -2.381   1.646   -0.9202  -0.0539   2.2794  0.0409  -0.0600  1.0956  -0.3500   0.9000  -0.0069  0.630  0.518  0.612  0.497  0.497  0.332  0.856
0.300   587.1  -2.518   1.601   -0.8974  -0.0656   2.4201  0.0491  -0.0600  1.0697  -0.3500   0.9000  -0.0057  0.630  0.522  0.611  0.499  0.479  0.335  0.841
0.400   503.0  -2.657   1.511   -0.8677  -0.0807   2.5510  0.0619  -0.0600  1.0288  -0.3500   0.8423  -0.0039  0.630  0.527  0.608  0.501  0.449  0.338  0.818
0.500   456.6  -2.669   1.397   -0.8475  -0.0924   2.5395  0.0719  -0.0600  0.9971  -0.3191   0.7458  -0.0025  0.630  0.532  0.606  0.504  0.426  0.341  0.783
0.750   410.5  -2.401   1.137   -0.8206  -0.1137   2.1493  0.0800  -0.0600  0.9395  -0.2629   0.5704   0.0000  0.630  0.539  0.602  0.506  0.385  0.346  0.680
1.000   400.0  -1.955   0.915   -0.8088  -0.1289   1.5705  0.0800  -0.0600  0.8985  -0.2230   0.4460   0.0000  0.630  0.545  0.594  0.503  0.350  0.350  0.607
1.500   400.0  -1.025   0.510   -0.7995  -0.1534   0.3991  0.0800  -0.0600  0.8409  -0.1668   0.2707   0.0000  0.615  0.552  0.566  0.497  0.350  0.350  0.504
2.000   400.0  -0.299   0.192   -0.7960  -0.1708  -0.6072  0.0800  -0.0600  0.8000  -0.1270   0.1463   0.0000  0.604  0.558  0.544  0.491  0.350  0.350  0.431
3.000   400.0   0.000  -0.280   -0.7960  -0.1954  -0.9600  0.0800  -0.0600  0.4793  -0.0708  -0.0291   0.0000  0.589  0.565  0.527  0.500  0.350  0.350  0.328
4.000   400.0   0.000  -0.639   -0.7960  -0.2128  -0.9600  0.0800  -0.0600  0.2518  -0.0309  -0.1535   0.0000  0.578  0.570  0.515  0.505  0.350  0.350  0.255
5.000   400.0   0.000  -0.936   -0.7960  -0.2263  -0.9208  0.0800  -0.0600  0.0754   0.0000  -0.2500   0.0000  0.570  0.587  0.510  0.529  0.350  0.350  0.200
7.500   400.0   0.000  -1.527   -0.7960  -0.2509  -0.7700  0.0800  -0.0600  0.0000   0.0000  -0.2500   0.0000  0.611  0.618  0.572  0.579  0.350  0.350  0.200
10.00   400.0   0.000  -1.993   -0.7960  -0.2683  -0.6630  0.0800  -0.0600  0.0000   0.0000  -0.2500   0.0000  0.640  0.640  0.612  0.612  0.350  0.350  0.200
pgv     400.0  -1.955   5.7578  -0.9046  -0.1200   1.5390  0.0800  -0.0600  0.7000  -0.3900   0.6300   0.0000  0.590  0.470  0.576  0.453  0.420  0.300  0.740
`);

// constants of the model: c1 = 6.75, c4 = 4.5, a3 = 0.265, a4 = -0.231, a5 = -0.398, n = 1.18,
// c = 1.88, c2 = 50, sigma_amp = 0.3
const FNS = `
fn as08_base(m: f32, r_rup: f32, a1: f32, a2: f32, a8: f32) -> f32 {
  let r = sqrt(r_rup * r_rup + 20.25);
  let extra = select(-0.398 * (m - 6.75), -0.231 * (m - 6.75), m <= 6.75);
  return a1 + a8 * (8.5 - m) * (8.5 - m) + (a2 + 0.265 * (m - 6.75)) * log(r) + extra;
}
fn as08_sof(rk: f32, a12: f32, a13: f32) -> f32 {
  return a12 * select(0.0, 1.0, rk > 30.0 && rk < 150.0)
    + a13 * select(0.0, 1.0, rk > -120.0 && rk < -60.0);
}
// hanging wall (equations 7-11 with the errata)
fn as08_hw(m: f32, r_jb: f32, r_x: f32, d: f32, w: f32, z: f32, a14: f32) -> f32 {
  if (!(r_x > 0.0) || d == 90.0) {
    return 0.0;
  }
  let t1 = select(0.0, 1.0 - r_jb / 30.0, r_jb < 30.0);
  let wcos = w * cos(radians(d));
  let t2 = select(1.0, 0.5 + r_x / (2.0 * wcos), r_x <= wcos);
  let t3 = select(1.0, r_x / z, r_x < z);
  let t4 = clamp(m - 6.0, 0.0, 1.0);
  let t5 = select(1.0, 1.0 - (d - 30.0) / 60.0, d >= 30.0);
  return a14 * t1 * t2 * t3 * t4 * t5;
}
fn as08_ztor(z: f32, a16: f32) -> f32 {
  return select(a16 * z / 10.0, a16, z >= 10.0);
}
fn as08_large_dist(m: f32, r_rup: f32, a18: f32) -> f32 {
  var t6 = 0.5 * (6.5 - m) + 0.5;
  if (m < 5.5) {
    t6 = 1.0;
  }
  if (m >= 6.5) {
    t6 = 0.5;
  }
  return select(0.0, a18 * (r_rup - 100.0) * t6, r_rup >= 100.0);
}
// median z1pt0 (m) for a vs30, equation 17
fn as08_z1_median(v: f32) -> f32 {
  var ln_z = 6.745;
  if (v > 500.0) {
    ln_z = 5.394 - 4.48 * log(v / 500.0);
  } else if (v >= 180.0) {
    ln_z = 6.745 - 1.35 * log(v / 180.0);
  }
  return exp(ln_z);
}
// sigma_0 and tau_0 share this magnitude taper (equations 27-28)
fn as08_std0(s1: f32, s2: f32, m: f32) -> f32 {
  return select(select(s1 + (s2 - s1) * (m - 5.0) / 2.0, s2, m > 7.0), s1, m < 5.0);
}
`;

const BODY = `
// v1 (equation 6) and the basin factors e2, a22 of this IMT (equations 19-20)
var v1 = 862.0;
var period = 1.0;
if (imt_kind == 0.0) {
  v1 = 1500.0;
  period = 0.0;
} else if (imt_kind == 3.0) {
  period = imt_period;
  if (period <= 0.5) {
    v1 = 1500.0;
  } else if (period <= 1.0) {
    v1 = exp(8.0 - 0.795 * log(period / 0.21));
  } else if (period < 2.0) {
    v1 = exp(6.76 - 0.297 * log(period));
  } else {
    v1 = 700.0;
  }
}
var e2 = 0.0;
if (period >= 0.35 && vs30 <= 1000.0) {
  e2 = -0.25 * log(vs30 / 1000.0) * log(min(period, 2.0) / 0.35);
}
let a22 = select(0.0, 0.0625 * (period - 2.0), imt_kind != 1.0 && period >= 2.0);
// PGA on 1100 m/s rock (its soil depth term vanishes: a21 = 0 at vs30 >= 1000, a22 = 0)
let pga1100 = exp(as08_base(mag, rrup, P_a1, P_a2, P_a8) + as08_sof(rake, P_a12, P_a13)
  + as08_hw(mag, rjb, rx, dip, width, ztor, P_a14) + as08_ztor(ztor, P_a16)
  + as08_large_dist(mag, rrup, P_a18) + (P_a10 + P_b * 1.18) * log(1100.0 / P_VLIN));
// site response, equation 5
let vs_star = min(vs30, v1);
var site = (C_a10 + C_b * 1.18) * log(vs_star / C_VLIN);
if (vs30 < C_VLIN) {
  site = C_a10 * log(vs_star / C_VLIN) - C_b * log(pga1100 + 1.88)
    + C_b * log(pga1100 + 1.88 * pow(vs_star / C_VLIN, 1.18));
}
// soil depth, equations 16-18
let z1 = select(z1pt0, as08_z1_median(vs30), z1pt0 == -999.0);
let den = log((z1 + 50.0) / (as08_z1_median(vs30) + 50.0));
let num = (C_a10 + C_b * 1.18) * log(vs_star / min(v1, 1000.0));
var soil = e2 * den;
if (num + e2 * den < 0.0) {
  soil = -num;
}
if (vs30 >= 1000.0) {
  soil = 0.0;
}
if (z1 >= 200.0) {
  soil = soil + a22 * log(z1 / 200.0);
}
mean = as08_base(mag, rrup, C_a1, C_a2, C_a8) + as08_sof(rake, C_a12, C_a13) + site
  + as08_hw(mag, rjb, rx, dip, width, ztor, C_a14) + as08_ztor(ztor, C_a16)
  + as08_large_dist(mag, rrup, C_a18) + soil;
// standard deviations with the errata (equations 23-28)
let measured = vs30measured > 0.5;
let s0 = as08_std0(select(C_s1est, C_s1mea, measured), select(C_s2est, C_s2mea, measured), mag);
let s0_pga = as08_std0(select(P_s1est, P_s1mea, measured), select(P_s2est, P_s2mea, measured), mag);
let sb = sqrt(s0 * s0 - 0.09);
let sb_pga = sqrt(s0_pga * s0_pga - 0.09);
var damp = 0.0;
if (vs30 < C_VLIN) {
  damp = -C_b * pga1100 / (pga1100 + 1.88)
    + C_b * pga1100 / (pga1100 + 1.88 * pow(vs30 / C_VLIN, 1.18));
}
phi = sqrt(sb * sb + 0.09 + damp * damp * sb_pga * sb_pga + 2.0 * damp * sb * sb_pga * C_rho);
let t0 = as08_std0(C_s3, C_s4, mag);
let t0_pga = as08_std0(P_s3, P_s4, mag);
tau = sqrt(t0 * t0 + damp * damp * t0_pga * t0_pga + 2.0 * damp * t0 * t0_pga * C_rho);
sig = sqrt(phi * phi + tau * tau);
`;

export function abrahamsonSilva2008(args: Record<string, unknown>): GsimDef {
  checkArgs("AbrahamsonSilva2008", args, []);
  return {
    name: "AbrahamsonSilva2008",
    args,
    trt: TRT.ACTIVE_SHALLOW_CRUST,
    imts: ["PGA", "PGV", "SA"],
    stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
    requires: {
      rupture: ["mag", "rake", "dip", "ztor", "width"],
      sites: ["vs30", "vs30measured", "z1pt0"],
      distances: ["rrup", "rjb", "rx"],
    },
    tables: [{ prefix: "C", table: COEFFS }, { prefix: "P", table: COEFFS, imt: "PGA" }],
    fns: FNS,
    body: BODY,
  };
}
