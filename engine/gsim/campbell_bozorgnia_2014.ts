// Campbell & Bozorgnia (2014), Earthquake Spectra 30(3): NGA-West2 model (CB14), RotD50; PGA, PGV,
// SA and (as CB19) CAV and Arias intensity. Hanging-wall, hypocentral-depth, dip and anelastic
// terms, non-linear shallow site response on PGA at 1100 m/s, z2pt5 basin term, Japan site
// terms (SJ), and the regional anelastic adjustments (Dc20) of the high-Q / low-Q tables.
import { type CoeffsTable, parseCoeffsTable } from "./coeffs.ts";
import { boolArg, checkArgs, numArg } from "./gsim_args.ts";
import { EPISTEMIC_SIGMA_FN } from "./boore_2014.ts";
import { parseImt } from "./imt.ts";
import { type GsimFactory, TRT } from "./types.ts";

// Table of the electronic supplement (OpenQuake layout)
const COEFFS = parseCoeffsTable(`
IMT   c0      c1    c2     c3     c4     c5     c6    c7    c8    c9     c10   c11    c12    c13   c14     c15    c16   c17     c18    c19     c20     Dc20 a2    h1    h2    h3     h5     h6     k1   k2     k3    phi1  phi2  tau1  tau2  rho1pga rho2pga philnAF     phiC  rholny
0.01  -4.365  0.977 0.533  -1.485 -0.499 -2.773 0.248 6.753 0     -0.214 0.72  1.094  2.191  1.416 -0.007  -0.207 0.39  0.0981  0.0334 0.00755 -0.0055 0    0.168 0.242 1.471 -0.714 -0.336 -0.27  865  -1.186 1.839 0.734 0.492 0.404 0.325 1       1       0.3         0.19  1
0.02  -4.348  0.976 0.549  -1.488 -0.501 -2.772 0.247 6.502 0     -0.208 0.73  1.149  2.189  1.453 -0.0167 -0.199 0.387 0.1009  0.0327 0.00759 -0.0055 0    0.166 0.244 1.467 -0.711 -0.339 -0.263 865  -1.219 1.84  0.738 0.496 0.417 0.326 0.999   0.998   0.3         0.166 0.998
0.03  -4.024  0.931 0.628  -1.494 -0.517 -2.782 0.246 6.291 0     -0.213 0.759 1.29   2.164  1.476 -0.0422 -0.202 0.378 0.1095  0.0331 0.0079  -0.0057 0    0.167 0.246 1.467 -0.713 -0.338 -0.259 908  -1.273 1.841 0.747 0.503 0.446 0.344 0.987   0.987   0.3         0.166 0.986
0.05  -3.479  0.887 0.674  -1.388 -0.615 -2.791 0.24  6.317 0     -0.244 0.826 1.449  2.138  1.549 -0.0663 -0.339 0.295 0.1226  0.027  0.00803 -0.0063 0    0.173 0.251 1.449 -0.701 -0.338 -0.263 1054 -1.346 1.843 0.777 0.52  0.508 0.377 0.955   0.946   0.3         0.166 0.938
0.075 -3.293  0.902 0.726  -1.469 -0.596 -2.745 0.227 6.861 0     -0.266 0.815 1.535  2.446  1.772 -0.0794 -0.404 0.322 0.1165  0.0288 0.00811 -0.007  0    0.198 0.26  1.435 -0.695 -0.347 -0.219 1086 -1.471 1.845 0.782 0.535 0.504 0.418 0.943   0.897   0.3         0.165 0.887
0.1   -3.666  0.993 0.698  -1.572 -0.536 -2.633 0.21  7.294 0     -0.229 0.831 1.615  2.969  1.916 -0.0294 -0.416 0.384 0.0998  0.0325 0.00744 -0.0073 0    0.174 0.259 1.449 -0.708 -0.391 -0.201 1032 -1.624 1.847 0.769 0.543 0.445 0.426 0.942   0.883   0.3         0.162 0.87
0.15  -4.866  1.267 0.51   -1.669 -0.49  -2.458 0.183 8.031 0     -0.211 0.749 1.877  3.544  2.161 0.0642  -0.407 0.417 0.076   0.0388 0.00716 -0.0069 0    0.198 0.254 1.461 -0.715 -0.449 -0.099 878  -1.931 1.852 0.769 0.543 0.382 0.387 0.921   0.891   0.3         0.158 0.876
0.2   -5.411  1.366 0.447  -1.75  -0.451 -2.421 0.182 8.385 0     -0.163 0.764 2.069  3.707  2.465 0.0968  -0.311 0.404 0.0571  0.0437 0.00688 -0.006  0    0.204 0.237 1.484 -0.721 -0.393 -0.198 748  -2.188 1.856 0.761 0.552 0.339 0.338 0.874   0.881   0.3         0.17  0.87
0.25  -5.962  1.458 0.274  -1.711 -0.404 -2.392 0.189 7.534 0     -0.15  0.716 2.205  3.343  2.766 0.1441  -0.172 0.466 0.0437  0.0463 0.00556 -0.0055 0    0.185 0.206 1.581 -0.787 -0.339 -0.21  654  -2.381 1.861 0.744 0.545 0.34  0.316 0.809   0.861   0.3         0.18  0.85
0.3   -6.403  1.528 0.193  -1.77  -0.321 -2.376 0.195 6.99  0     -0.131 0.737 2.306  3.334  3.011 0.1597  -0.084 0.528 0.0323  0.0508 0.00458 -0.0049 0    0.164 0.21  1.586 -0.795 -0.447 -0.121 587  -2.518 1.865 0.727 0.568 0.34  0.3   0.741   0.824   0.3         0.186 0.819
0.4   -7.566  1.739 -0.02  -1.594 -0.426 -2.303 0.185 7.012 0     -0.159 0.738 2.398  3.544  3.203 0.141   0.085  0.54  0.0209  0.0432 0.00401 -0.0037 0    0.16  0.226 1.544 -0.77  -0.525 -0.086 503  -2.657 1.874 0.69  0.593 0.356 0.264 0.635   0.738   0.3         0.191 0.743
0.5   -8.379  1.872 -0.121 -1.577 -0.44  -2.296 0.186 6.902 0     -0.153 0.718 2.355  3.016  3.333 0.1474  0.233  0.638 0.0092  0.0405 0.00388 -0.0027 0    0.184 0.217 1.554 -0.77  -0.407 -0.281 457  -2.669 1.883 0.663 0.611 0.379 0.263 0.553   0.661   0.3         0.198 0.684
0.75  -9.841  2.021 -0.042 -1.757 -0.443 -2.232 0.186 5.522 0     -0.09  0.795 1.995  2.616  3.054 0.1764  0.411  0.776 -0.0082 0.042  0.0042  -0.0016 0    0.216 0.154 1.626 -0.78  -0.371 -0.285 410  -2.401 1.906 0.606 0.633 0.43  0.326 0.393   0.526   0.3         0.206 0.562
1     -11.011 2.18  -0.069 -1.707 -0.527 -2.158 0.169 5.65  0     -0.105 0.556 1.447  2.47   2.562 0.2593  0.479  0.771 -0.0131 0.0426 0.00409 -0.0006 0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  -1.955 1.929 0.579 0.628 0.47  0.353 0.313   0.438   0.3         0.208 0.467
1.5   -12.469 2.27  0.047  -1.621 -0.63  -2.063 0.158 5.795 0     -0.058 0.48  0.33   2.108  1.453 0.2881  0.566  0.748 -0.0187 0.038  0.00424 0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  -1.025 1.974 0.541 0.603 0.497 0.399 0.242   0.36    0.3         0.221 0.364
2     -12.969 2.271 0.149  -1.512 -0.768 -2.104 0.158 6.632 0     -0.028 0.401 -0.514 1.327  0.657 0.3112  0.562  0.763 -0.0258 0.0252 0.00448 0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  -0.299 2.019 0.529 0.588 0.499 0.4   0.234   0.318   0.3         0.225 0.298
3     -13.306 2.15  0.368  -1.315 -0.89  -2.051 0.148 6.759 0     0      0.206 -0.848 0.601  0.367 0.3478  0.534  0.686 -0.0311 0.0236 0.00345 0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  0      2.11  0.527 0.578 0.5   0.417 0.236   0.295   0.3         0.222 0.234
4     -14.02  2.132 0.726  -1.506 -0.885 -1.986 0.135 7.978 0     0      0.105 -0.793 0.568  0.306 0.3747  0.522  0.691 -0.0413 0.0102 0.00603 0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  0      2.2   0.521 0.559 0.543 0.393 0.232   0.274   0.3         0.226 0.202
5     -14.558 2.116 1.027  -1.721 -0.878 -2.021 0.135 8.538 0     0      0     -0.748 0.356  0.268 0.3382  0.477  0.67  -0.0281 0.0034 0.00805 0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  0      2.291 0.502 0.551 0.534 0.421 0.182   0.247   0.3         0.229 0.184
7.5   -15.509 2.223 0.169  -0.756 -1.077 -2.179 0.165 8.468 0     0      0     -0.664 0.075  0.374 0.3754  0.321  0.757 -0.0205 0.005  0.0028  0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  0      2.517 0.457 0.546 0.523 0.438 0.142   0.203   0.3         0.237 0.176
10    -15.975 2.132 0.367  -0.8   -1.282 -2.244 0.18  6.564 0     0      0     -0.576 -0.027 0.297 0.3506  0.174  0.621 0.0009  0.0099 0.00458 0       0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  0      2.744 0.441 0.543 0.466 0.438 0.111   0.103   0.3         0.237 0.154
pga   -4.416  0.984 0.537  -1.499 -0.496 -2.773 0.248 6.768 0     -0.212 0.72  1.09   2.186  1.42  -0.0064 -0.202 0.393 0.0977  0.0333 0.00757 -0.0055 0    0.167 0.241 1.474 -0.715 -0.337 -0.27  865  -1.186 1.839 0.734 0.492 0.409 0.322 1       1       0.3         0.271 1
pgv   -2.895  1.51  0.27   -1.299 -0.453 -2.466 0.204 5.837 0     -0.168 0.305 1.713  2.602  2.457 0.106   0.332  0.585 0.0517  0.0327 0.00613 -0.0017 0    0.596 0.117 1.616 -0.733 -0.128 -0.756 400  -1.955 1.929 0.655 0.494 0.317 0.297 0.877   0.654   0.3         0.29  0.684
cav   -4.75   1.397 0.282  -1.062 -0.17  -1.624 0.134 6.325 0.054 -0.1   0.469 1.015  1.208  1.777 0.1248  -0.191 1.087 0.0432  0.0127 0.00429 -0.0043 0    0.167 0.241 1.474 -0.715 -0.337 -0.27  400  -1.311 1     0.514 0.394 0.276 0.257 0.842   0.78    0.3         0     0
ia    -10.272 2.318 0.88   -2.672 -0.837 -4.441 0.416 4.869 0.187 -0.196 1.165 1.596  2.829  2.76  0.108   -0.315 1.612 0.1311  0.0453 0.01242 -0.0103 0    0.167 0.241 1.474 -0.715 -0.337 -0.27  400  -1.982 1     1.174 0.809 0.614 0.435 0.948   0.911   0.615989848 0     0
`);

// Dc20 of the high-Q (China, Turkey) and low-Q (Italy, Japan) regions, section "Regionalization"
export const CB14_COEFFS_HIGH: Record<string, Record<string, number>> = Object.fromEntries(
  Object.entries({
    "SA(0.01)": 0.0036,
    "SA(0.02)": 0.0036,
    "SA(0.03)": 0.0037,
    "SA(0.05)": 0.0040,
    "SA(0.075)": 0.0039,
    "SA(0.1)": 0.0042,
    "SA(0.15)": 0.0042,
    "SA(0.2)": 0.0041,
    "SA(0.25)": 0.0036,
    "SA(0.3)": 0.0031,
    "SA(0.4)": 0.0028,
    "SA(0.5)": 0.0025,
    "SA(0.75)": 0.0016,
    "SA(1.0)": 0.0006,
    PGA: 0.0036,
    PGV: 0.0017,
    CAV: 0.0027,
    IA: 0.0064,
  }).map(([k, v]) => [k, { Dc20: v }]),
);
export const CB14_COEFFS_LOW: Record<string, Record<string, number>> = Object.fromEntries(
  Object.entries({
    "SA(0.01)": -0.0035,
    "SA(0.02)": -0.0035,
    "SA(0.03)": -0.0034,
    "SA(0.05)": -0.0037,
    "SA(0.075)": -0.0037,
    "SA(0.1)": -0.0034,
    "SA(0.15)": -0.0030,
    "SA(0.2)": -0.0031,
    "SA(0.25)": -0.0033,
    "SA(0.3)": -0.0035,
    "SA(0.4)": -0.0034,
    "SA(0.5)": -0.0034,
    "SA(0.75)": -0.0032,
    "SA(1.0)": -0.0030,
    "SA(1.5)": -0.0019,
    "SA(2.0)": -0.0005,
    PGA: -0.0035,
    PGV: -0.0006,
    CAV: -0.0024,
    IA: -0.0051,
  }).map(([k, v]) => [k, { Dc20: v }]),
);

/** The table with some coefficients replaced, keyed by IMT string (OpenQuake's `coeffs=`). */
function overridden(
  name: string,
  base: CoeffsTable,
  coeffs: Record<string, Record<string, number>>,
): CoeffsTable {
  const named = new Map([...base.named].map(([k, v]) => [k, v.slice()]));
  const saRows = base.saRows.map((r) => r.slice());
  for (const [imtName, cols] of Object.entries(coeffs)) {
    const imt = parseImt(imtName);
    let row: Float64Array | undefined;
    if (imt.kind === "SA") {
      const i = base.periods.findIndex((p) => Math.abs(p - imt.period) < 1e-9);
      row = i >= 0 ? saRows[i] : undefined;
    } else {
      row = named.get(imt.kind);
    }
    if (!row) throw new Error(`${name}: coeffs: IMT ${imtName} is not in the coefficient table`);
    for (const [col, value] of Object.entries(cols)) {
      const j = base.names.indexOf(col);
      if (j < 0) throw new Error(`${name}: coeffs: unknown coefficient ${col}`);
      row[j] = Number(value);
    }
  }
  return { names: base.names, named, periods: base.periods, saRows };
}

// CyberShake basin slopes of the USGS (nshmp-lib CB14.csv), used above 1.9 s
const COEFFS_CY = parseCoeffsTable(`
IMT slope_cy
2.0 0.764
3.0 1.279
4.0 1.726
5.0 2.080
7.5 3.000
10  3.000
`);

/** The table with a slope_cy column: the CyberShake slope where tabulated, else c16 * k3. */
function withCybershake(base: CoeffsTable): CoeffsTable {
  const i16 = base.names.indexOf("c16"), ik3 = base.names.indexOf("k3");
  const extend = (row: Float64Array, period: number) => {
    const k = COEFFS_CY.periods.findIndex((p) => Math.abs(p - period) < 1e-9);
    return Float64Array.from([...row, k >= 0 ? COEFFS_CY.saRows[k][0] : row[i16] * row[ik3]]);
  };
  return {
    names: [...base.names, "slope_cy"],
    named: new Map([...base.named].map(([key, row]) => [key, extend(row, -1)])),
    periods: base.periods,
    saRows: base.saRows.map((row, n) => extend(row, base.periods[n])),
  };
}

const FNS = `
fn cb14_fmag(m: f32, c0: f32, c1: f32, c2: f32, c3: f32, c4: f32) -> f32 {
  return c0 + c1 * m + c2 * max(m - 4.5, 0.0) + c3 * max(m - 5.5, 0.0) + c4 * max(m - 6.5, 0.0);
}
// basin term (equation 20) at z2pt5 z (km)
fn cb14_fsed(z: f32, sj: f32, c14: f32, c15: f32, c16: f32, k3: f32) -> f32 {
  var f = 0.0;
  if (z < 1.0) {
    f = (c14 + c15 * sj) * (z - 1.0);
  } else if (z > 3.0) {
    f = c16 * k3 * 0.4723665527410147 * (1.0 - exp(-0.25 * (z - 3.0)));
  }
  return f;
}
// z2pt5 (km) from vs30: Japan (equation 34) or California (equation 33)
fn cb14_z25_ref(sj: f32, v: f32) -> f32 {
  return select(exp(7.089 - 1.144 * log(v)), exp(5.359 - 1.102 * log(v)), sj != 0.0);
}
// shallow site response (equations 17-19) at vs30 v on rock PGA a
fn cb14_fsite(v: f32, a: f32, sj: f32, c11: f32, c12: f32, c13: f32, k1: f32, k2: f32) -> f32 {
  let lv = log(v / k1);
  var f = c11 * lv + k2 * 1.18 * lv;
  if (v <= k1) {
    f = c11 * lv + k2 * (log(a + 1.88 * pow(v / k1, 1.18)) - log(a + 1.88));
  }
  if (sj != 0.0) {
    f = f + (c13 + k2 * 1.18) * lv;
    if (v <= 200.0) {
      f = f + (c12 + k2 * 1.18) * (lv - log(200.0 / k1));
    }
  }
  return f;
}
// magnitude interpolation between a (m <= 4.5) and b (m >= 5.5), equations 27-28
fn cb14_mlerp(m: f32, a: f32, b: f32) -> f32 {
  return b + (a - b) * (5.5 - clamp(m, 4.5, 5.5));
}
` + EPISTEMIC_SIGMA_FN;

// The magnitude-to-anelastic terms of equation 1 that do not depend on the site, coefficients `p`
function sourceTerms(p: string): string {
  return `cb14_fmag(mag, ${p}_c0, ${p}_c1, ${p}_c2, ${p}_c3, ${p}_c4)
  + (${p}_c5 + ${p}_c6 * mag) * log(sqrt(rrup * rrup + ${p}_c7 * ${p}_c7))
  + (${p}_c8 * frv + ${p}_c9 * fnm) * clamp(mag - 4.5, 0.0, 1.0)
  + ${p}_c10 * hw_geom * select(1.0 + ${p}_a2 * (mag - 6.5),
    (mag - 5.5) * (1.0 + ${p}_a2 * (mag - 6.5)), mag <= 6.5) * hw_fx_${p}
  + fhyp_h * select(select(${p}_c17 + (${p}_c18 - ${p}_c17) * (mag - 5.5), ${p}_c18, mag > 6.5),
    ${p}_c17, mag <= 5.5)
  + ${p}_c19 * select(select((5.5 - mag) * dip, 0.0, mag > 5.5), dip, mag < 4.5)
  + select(0.0, (${p}_c20 + ${p}_Dc20) * (rrup - 80.0), rrup >= 80.0)`;
}

// hanging-wall rx factor (equations 8-12) for coefficients p
function hwRx(p: string): string {
  return `var hw_fx_${p} = 0.0;
if (rx >= 0.0 && rx < hw_r1) {
  let q = rx / hw_r1;
  hw_fx_${p} = ${p}_h1 + ${p}_h2 * q + ${p}_h3 * q * q;
} else if (rx >= hw_r1) {
  let q = (rx - hw_r1) / (hw_r2 - hw_r1);
  hw_fx_${p} = max(1.0 + ${p}_h5 * q + ${p}_h6 * q * q, 0.0);
}
hw_fx_${p} = select(hw_fx_${p}, 0.0, mag < 5.5);`;
}

// The basin term with the USGS scaling: OpenQuake keeps the reference-depth term at every site
// (scaled by 0.585 at 0.075 s)
function basin(p: string, z: string): string {
  return `select(cb14_fsed(${z}, SJ, ${p}_c14, ${p}_c15, select(${p}_c16, ${p}_slope_cy, cy_on),
    select(${p}_k3, 1.0, cy_on)),
    select(1.0, 0.585, imt_period == 0.075) * cb14_fsed(z_ref, SJ, ${p}_c14, ${p}_c15, ${p}_c16,
    ${p}_k3) + select(0.0, 0.1, cy_on && ${z} <= 1.0), USGS_BS != 0.0)`;
}

function body(epsilon: boolean): string {
  return `
var ztor_e = ztor;
if (EST_ZTOR != 0.0) {
  // Chiou & Youngs (2014) equations 4-5
  let zr = max(2.704 - 1.226 * max(mag - 5.849, 0.0), 0.0);
  let zs = max(2.673 - 1.136 * max(mag - 4.970, 0.0), 0.0);
  ztor_e = select(zs * zs, zr * zr, rake > 30.0 && rake < 150.0);
}
var hypo_e = hypo_depth;
if (EST_HYPO != 0.0) {
  // equations 35-37
  let fdz = select(2.325, -4.317 + 0.984 * mag, mag < 6.75)
    + select(0.0, 0.0445 * (dip - 40.0), dip <= 40.0);
  let dzb = width * sin(radians(dip));
  hypo_e = ztor_e + select(0.0, exp(min(fdz, log(0.9 * dzb))), dzb > 0.0);
}
// CyberShake basin slope above 1.9 s (with the USGS scaling: +0.1 off the basins)
let cy_on = CYBERSHAKE != 0.0 && imt_period > 1.9;
let frv = select(0.0, 1.0, rake > 30.0 && rake < 150.0);
let fnm = select(0.0, 1.0, rake > -150.0 && rake < -30.0);
// hanging-wall geometry: rrup, ztor and dip tapers (equations 13, 15, 16)
let hw_r1 = width * cos(radians(dip));
let hw_r2 = 62.0 * mag - 350.0;
let hw_geom = select(1.0, (rrup - rjb) / rrup, rrup > 0.0)
  * select(1.0 - 0.06 * ztor_e, 0.0, ztor_e > 16.66) * (90.0 - dip) / 45.0;
${hwRx("P")}
${hwRx("C")}
let fhyp_h = clamp(hypo_e - 7.0, 0.0, 13.0);
let z_ref = cb14_z25_ref(SJ, 1100.0);
// PGA on 1100 m/s rock at the reference basin depth
let pga1100 = exp(${sourceTerms("P")}
  + cb14_fsite(1100.0, 0.0, SJ, P_c11, P_c12, P_c13, P_k1, P_k2)
  + cb14_fsed(z_ref, SJ, P_c14, P_c15, P_c16, P_k3));
let z25 = select(z2pt5, cb14_z25_ref(SJ, vs30), z2pt5 == -999.0);
let eps_mu = ${epsilon ? "SIGMA_MU_EPSILON * usgs14_sigma_epi(mag, rrup)" : "0.0"};
mean = ${sourceTerms("C")}
  + cb14_fsite(vs30, pga1100, SJ, C_c11, C_c12, C_c13, C_k1, C_k2) + ${basin("C", "z25")} + eps_mu;
// short-period SA is not allowed below PGA at the site
if (imt_kind == 3.0 && imt_period < 0.25) {
  let pga_site = ${sourceTerms("P")}
    + cb14_fsite(vs30, pga1100, SJ, P_c11, P_c12, P_c13, P_k1, P_k2) + ${basin("P", "z25")};
  mean = select(mean, pga_site, mean <= pga_site) + eps_mu;
}
// aleatory model (equations 27-32); CAV and IA use the CB19 magnitude-dependent correlation
let tau_b = cb14_mlerp(mag, C_tau1, C_tau2);
let phi_l = cb14_mlerp(mag, C_phi1, C_phi2);
let phi_b = sqrt(phi_l * phi_l - C_philnAF * C_philnAF);
let tau_pb = cb14_mlerp(mag, P_tau1, P_tau2);
let phi_lp = cb14_mlerp(mag, P_phi1, P_phi2);
let phi_pb = sqrt(phi_lp * phi_lp - P_philnAF * P_philnAF);
var alpha = 0.0;
if (vs30 < C_k1) {
  alpha = C_k2 * pga1100 * (1.0 / (pga1100 + 1.88 * pow(vs30 / C_k1, 1.18))
    - 1.0 / (pga1100 + 1.88));
}
let rho = select(C_rholny, cb14_mlerp(mag, C_rho1pga, C_rho2pga), imt_kind == 4.0 || imt_kind == 5.0);
tau = sqrt(tau_b * tau_b + alpha * alpha * tau_pb * tau_pb + 2.0 * alpha * rho * tau_b * tau_pb);
phi = sqrt(phi_b * phi_b + C_philnAF * C_philnAF + alpha * alpha * phi_pb * phi_pb
  + 2.0 * alpha * rho * phi_b * phi_pb);
sig = sqrt(tau * tau + phi * phi);
`;
}

const ARGS = [
  "coeffs",
  "SJ",
  "sigma_mu_epsilon",
  "estimate_ztor",
  "estimate_width",
  "estimate_hypo_depth",
  "usgs_basin_scaling",
  "cybershake_basin_adj",
];

function make(name: string): GsimFactory {
  return (args) => {
    checkArgs(name, args, ARGS);
    const eps = numArg(name, args, "sigma_mu_epsilon", 0);
    for (const k of ["estimate_width"]) {
      if (boolArg(name, args, k, false)) throw new Error(`${name}: ${k}=true is not supported`);
    }
    const coeffs = args.coeffs ?? {};
    if (typeof coeffs !== "object" || coeffs === null) {
      throw new Error(`${name}: argument coeffs must be a table {IMT: {coefficient: value}}`);
    }
    const table = withCybershake(
      overridden(name, COEFFS, coeffs as Record<string, Record<string, number>>),
    );
    return {
      name,
      args,
      trt: TRT.ACTIVE_SHALLOW_CRUST,
      imts: ["PGA", "PGV", "SA", "IA", "CAV"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: {
        rupture: ["mag", "rake", "dip", "ztor", "width", "hypo_depth"],
        sites: ["vs30", "z2pt5"],
        distances: ["rrup", "rjb", "rx"],
      },
      tables: [{ prefix: "C", table }, { prefix: "P", table, imt: "PGA" }],
      consts: {
        SJ: boolArg(name, args, "SJ", false) ? 1 : 0,
        USGS_BS: boolArg(name, args, "usgs_basin_scaling", false) ? 1 : 0,
        CYBERSHAKE: boolArg(name, args, "cybershake_basin_adj", false) ? 1 : 0,
        EST_ZTOR: boolArg(name, args, "estimate_ztor", false) ? 1 : 0,
        EST_HYPO: boolArg(name, args, "estimate_hypo_depth", false) ? 1 : 0,
        SIGMA_MU_EPSILON: eps,
      },
      fns: FNS,
      body: body(eps !== 0),
    };
  };
}

export const campbellBozorgnia2014 = make("CampbellBozorgnia2014");
/** CB19: the same model, declared for the geometric mean (CAV and IA) */
export const campbellBozorgnia2019 = make("CampbellBozorgnia2019");

export const CB14_ALIASES: Record<string, [string, Record<string, unknown>]> = {};
for (const base of ["CampbellBozorgnia2014", "CampbellBozorgnia2019"]) {
  CB14_ALIASES[`${base}HighQ`] = [base, { coeffs: CB14_COEFFS_HIGH }];
  CB14_ALIASES[`${base}LowQ`] = [base, { coeffs: CB14_COEFFS_LOW }];
  CB14_ALIASES[`${base}JapanSite`] = [base, { SJ: true }];
  CB14_ALIASES[`${base}HighQJapanSite`] = [base, { coeffs: CB14_COEFFS_HIGH, SJ: true }];
  CB14_ALIASES[`${base}LowQJapanSite`] = [base, { coeffs: CB14_COEFFS_LOW, SJ: true }];
}
