// Campbell & Bozorgnia (2008), Earthquake Spectra 24(1): NGA-West1 model for GMRotI50
// (and the arbitrary component); rrup and rjb, hanging wall, shallow non-linear site response
// driven by PGA on 1100 m/s rock, basin term from z2pt5 (km); CAV and PGD tables included.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./gsim_args.ts";
import { type GsimDef, TRT } from "./types.ts";

// Coefficients of tables 2-3 (and of Campbell & Bozorgnia 2010 for CAV)
const COEFFS = parseCoeffsTable(`
imt      c0     c1      c2      c3      c4    c5    c6     c7      c8     c9     c10    c11   c12    k1      k2     k3     c     n  s_lny  t_lny s_lnAF  c_lny    rho
cav  -4.354  0.942  -0.178  -0.346  -1.309 0.087  7.24  0.111  -0.108  0.362   2.549  0.090  1.277  400  -2.690  1.000  1.88  1.18  0.371  0.196  0.300  0.089  0.735
pgd  -5.270  1.600  -0.070   0.000  -2.000  0.17  4.00  0.000   0.000  0.000  -0.820  0.300  1.000  400   0.000  2.744  1.88  1.18  0.667  0.485  0.300  0.290  0.174
pgv   0.954  0.696  -0.309  -0.019  -2.016  0.17  4.00  0.245   0.000  0.358   1.694  0.092  1.000  400  -1.955  1.929  1.88  1.18  0.484  0.203  0.300  0.190  0.691
pga  -1.715  0.500  -0.530  -0.262  -2.118  0.17  5.60  0.280  -0.120  0.490   1.058  0.040  0.610  865  -1.186  1.839  1.88  1.18  0.478  0.219  0.300  0.166  1.000
0.010  -1.715  0.500  -0.530  -0.262  -2.118  0.17  5.60  0.280  -0.120  0.490   1.058  0.040  0.610  865  -1.186  1.839  1.88  1.18  0.478  0.219  0.300  0.166  1.000
0.020  -1.680  0.500  -0.530  -0.262  -2.123  0.17  5.60  0.280  -0.120  0.490   1.102  0.040  0.610  865  -1.219  1.840  1.88  1.18  0.480  0.219  0.300  0.166  0.999
0.030  -1.552  0.500  -0.530  -0.262  -2.145  0.17  5.60  0.280  -0.120  0.490   1.174  0.040  0.610  908  -1.273  1.841  1.88  1.18  0.489  0.235  0.300  0.165  0.989
0.050  -1.209  0.500  -0.530  -0.267  -2.199  0.17  5.74  0.280  -0.120  0.490   1.272  0.040  0.610 1054  -1.346  1.843  1.88  1.18  0.510  0.258  0.300  0.162  0.963
0.075  -0.657  0.500  -0.530  -0.302  -2.277  0.17  7.09  0.280  -0.120  0.490   1.438  0.040  0.610 1086  -1.471  1.845  1.88  1.18  0.520  0.292  0.300  0.158  0.922
0.100  -0.314  0.500  -0.530  -0.324  -2.318  0.17  8.05  0.280  -0.099  0.490   1.604  0.040  0.610 1032  -1.624  1.847  1.88  1.18  0.531  0.286  0.300  0.170  0.898
0.150  -0.133  0.500  -0.530  -0.339  -2.309  0.17  8.79  0.280  -0.048  0.490   1.928  0.040  0.610  878  -1.931  1.852  1.88  1.18  0.532  0.280  0.300  0.180  0.890
0.200  -0.486  0.500  -0.446  -0.398  -2.220  0.17  7.60  0.280  -0.012  0.490   2.194  0.040  0.610  748  -2.188  1.856  1.88  1.18  0.534  0.249  0.300  0.186  0.871
0.250  -0.890  0.500  -0.362  -0.458  -2.146  0.17  6.58  0.280   0.000  0.490   2.351  0.040  0.700  654  -2.381  1.861  1.88  1.18  0.534  0.240  0.300  0.191  0.852
0.300  -1.171  0.500  -0.294  -0.511  -2.095  0.17  6.04  0.280   0.000  0.490   2.460  0.040  0.750  587  -2.518  1.865  1.88  1.18  0.544  0.215  0.300  0.198  0.831
0.400  -1.466  0.500  -0.186  -0.592  -2.066  0.17  5.30  0.280   0.000  0.490   2.587  0.040  0.850  503  -2.657  1.874  1.88  1.18  0.541  0.217  0.300  0.206  0.785
0.500  -2.569  0.656  -0.304  -0.536  -2.041  0.17  4.73  0.280   0.000  0.490   2.544  0.040  0.883  457  -2.669  1.883  1.88  1.18  0.550  0.214  0.300  0.208  0.735
0.750  -4.844  0.972  -0.578  -0.406  -2.000  0.17  4.00  0.280   0.000  0.490   2.133  0.077  1.000  410  -2.401  1.906  1.88  1.18  0.568  0.227  0.300  0.221  0.628
1.000  -6.406  1.196  -0.772  -0.314  -2.000  0.17  4.00  0.255   0.000  0.490   1.571  0.150  1.000  400  -1.955  1.929  1.88  1.18  0.568  0.255  0.300  0.225  0.534
1.500  -8.692  1.513  -1.046  -0.185  -2.000  0.17  4.00  0.161   0.000  0.490   0.406  0.253  1.000  400  -1.025  1.974  1.88  1.18  0.564  0.296  0.300  0.222  0.411
2.000  -9.701  1.600  -0.978  -0.236  -2.000  0.17  4.00  0.094   0.000  0.371  -0.456  0.300  1.000  400  -0.299  2.019  1.88  1.18  0.571  0.296  0.300  0.226  0.331
3.000 -10.556  1.600  -0.638  -0.491  -2.000  0.17  4.00  0.000   0.000  0.154  -0.820  0.300  1.000  400   0.000  2.110  1.88  1.18  0.558  0.326  0.300  0.229  0.289
4.000 -11.212  1.600  -0.316  -0.770  -2.000  0.17  4.00  0.000   0.000  0.000  -0.820  0.300  1.000  400   0.000  2.200  1.88  1.18  0.576  0.297  0.300  0.237  0.261
5.000 -11.684  1.600  -0.070  -0.986  -2.000  0.17  4.00  0.000   0.000  0.000  -0.820  0.300  1.000  400   0.000  2.291  1.88  1.18  0.601  0.359  0.300  0.237  0.200
7.500 -12.505  1.600  -0.070  -0.656  -2.000  0.17  4.00  0.000   0.000  0.000  -0.820  0.300  1.000  400   0.000  2.517  1.88  1.18  0.628  0.428  0.300  0.271  0.174
10.00 -13.087  1.600  -0.070  -0.422  -2.000  0.17  4.00  0.000   0.000  0.000  -0.820  0.300  1.000  400   0.000  2.744  1.88  1.18  0.667  0.485  0.300  0.290  0.174
`);

const FNS = `
fn cb08_fmag(m: f32, c0: f32, c1: f32, c2: f32, c3: f32) -> f32 {
  var t = 0.0;
  if (m > 6.5) {
    t = c2 * (m - 5.5) + c3 * (m - 6.5);
  } else if (m > 5.5) {
    t = c2 * (m - 5.5);
  }
  return c0 + c1 * m + t;
}
fn cb08_fdis(m: f32, r: f32, c4: f32, c5: f32, c6: f32) -> f32 {
  return (c4 + c5 * m) * log(sqrt(r * r + c6 * c6));
}
// style of faulting: the reverse term grows with ztor up to 1 km (equations 4-5)
fn cb08_fflt(frv: f32, fnm: f32, z: f32, c7: f32, c8: f32) -> f32 {
  return c7 * frv * min(z, 1.0) + c8 * fnm;
}
// hanging wall: distance, magnitude, depth and dip tapers (equations 6-10)
fn cb08_fhng(m: f32, r_jb: f32, r_rup: f32, z: f32, d: f32, c9: f32) -> f32 {
  var fr = 1.0;
  if (r_jb > 0.0) {
    if (z < 1.0) {
      let rmax = max(r_rup, sqrt(r_jb * r_jb + 1.0));
      fr = (rmax - r_jb) / rmax;
    } else {
      fr = (r_rup - r_jb) / r_rup;
    }
  }
  let fm = clamp(2.0 * (m - 6.0), 0.0, 1.0);
  let fz = select((20.0 - z) / 20.0, 0.0, z >= 20.0);
  let fd = select(1.0, (90.0 - d) / 20.0, d > 70.0);
  return c9 * fr * fm * fz * fd;
}
// basin (sediment) term, equation 12
fn cb08_fsed(z25: f32, c11: f32, c12: f32, k3: f32) -> f32 {
  var f = 0.0;
  if (z25 < 1.0) {
    f = c11 * (z25 - 1.0);
  } else if (z25 > 3.0) {
    f = c12 * k3 * 0.4723665527410147 * (1.0 - exp(-0.25 * (z25 - 3.0)));
  }
  return f;
}
// shallow site response, equation 11
fn cb08_fsite(v: f32, a1100: f32, c10: f32, k1: f32, k2: f32, c: f32, n: f32) -> f32 {
  var f = (c10 + k2 * n) * log(v / k1);
  if (v < k1) {
    f = c10 * log(v / k1) + k2 * (log(a1100 + c * pow(v / k1, n)) - log(a1100 + c));
  }
  if (v >= 1100.0) {
    f = (c10 + k2 * n) * log(1100.0 / k1);
  }
  return f;
}
// z2pt5 (km) from vs30 when unknown (-999): Chiou & Youngs (2008) z1pt0, then CB07;
// ln(v^8 + 378.7^8) is formed without overflowing f32
fn cb08_z25_ref(v: f32) -> f32 {
  let a = max(v, 378.7);
  let b = min(v, 378.7);
  let ln_sum = 8.0 * log(a) + log(1.0 + pow(b / a, 8.0));
  let z1 = exp(28.5 - 3.82 / 8.0 * ln_sum);
  return (519.0 + 3.595 * z1) / 1000.0;
}
`;

const BODY = `
let frv = select(0.0, 1.0, rake > 30.0 && rake < 150.0);
let fnm = select(0.0, 1.0, rake > -150.0 && rake < -30.0);
let z25 = select(z2pt5, cb08_z25_ref(vs30), z2pt5 == -999.0);
// PGA on 1100 m/s rock, from the PGA coefficients
let fsite1100 = (P_c10 + P_k2 * P_n) * log(1100.0 / P_k1);
let a1100 = exp(cb08_fmag(mag, P_c0, P_c1, P_c2, P_c3) + cb08_fdis(mag, rrup, P_c4, P_c5, P_c6)
  + cb08_fflt(frv, fnm, ztor, P_c7, P_c8) + cb08_fhng(mag, rjb, rrup, ztor, dip, P_c9)
  + cb08_fsed(z25, P_c11, P_c12, P_k3) + fsite1100);
mean = cb08_fmag(mag, C_c0, C_c1, C_c2, C_c3) + cb08_fdis(mag, rrup, C_c4, C_c5, C_c6)
  + cb08_fflt(frv, fnm, ztor, C_c7, C_c8) + cb08_fhng(mag, rjb, rrup, ztor, dip, C_c9)
  + cb08_fsite(vs30, a1100, C_c10, C_k1, C_k2, C_c, C_n) + cb08_fsed(z25, C_c11, C_c12, C_k3);
// short-period SA is not allowed below PGA at the site
if (imt_kind == 3.0 && imt_period < 0.25) {
  let ln_pga_site = log(a1100) - fsite1100 + cb08_fsite(vs30, a1100, P_c10, P_k1, P_k2, P_c, P_n);
  mean = max(mean, ln_pga_site);
}
// aleatory model, equations 13-19: the intra-event sigma carries the non-linear site term
let s_lnyb = sqrt(C_s_lny * C_s_lny - C_s_lnAF * C_s_lnAF);
let s_lnab = sqrt(P_s_lny * P_s_lny - C_s_lnAF * C_s_lnAF);
var alpha = 0.0;
if (vs30 < C_k1) {
  alpha = C_k2 * a1100 * (1.0 / (a1100 + C_c * pow(vs30 / C_k1, C_n)) - 1.0 / (a1100 + C_c));
}
phi = sqrt(s_lnyb * s_lnyb + C_s_lnAF * C_s_lnAF + alpha * alpha * s_lnab * s_lnab
  + 2.0 * alpha * C_rho * s_lnyb * s_lnab);
tau = C_t_lny;
sig = sqrt(phi * phi + tau * tau + ARBITRARY * C_c_lny * C_c_lny);
`;

function make(name: string, arbitrary: boolean) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRT.ACTIVE_SHALLOW_CRUST,
      imts: ["PGA", "PGV", "PGD", "CAV", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: {
        rupture: ["mag", "rake", "dip", "ztor"],
        sites: ["vs30", "z2pt5"],
        distances: ["rrup", "rjb"],
      },
      tables: [{ prefix: "C", table: COEFFS }, { prefix: "P", table: COEFFS, imt: "PGA" }],
      consts: { ARBITRARY: arbitrary ? 1 : 0 },
      fns: FNS,
      body: BODY,
    };
  };
}

export const campbellBozorgnia2008 = make("CampbellBozorgnia2008", false);
/** The arbitrary horizontal component: total sigma adds c_lny (equation 18). */
export const campbellBozorgnia2008Arbitrary = make("CampbellBozorgnia2008Arbitrary", true);
