// Campbell (2003, erratum 2004): hybrid-empirical hard-rock CEUS model (Mw, rrup).
// Campbell2003SHARE adds the SHARE style-of-faulting and rock adjustments; the NSHMP 2008
// variants (hazgridXnga2.f getCampCEUS) use B/C firm-rock coefficients, convert mblg to Mw
// (Atkinson-Boore 1987 or Johnston 1996) and clip the median (1.5 g PGA, 3 g short-period SA).
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs, NSHMP_FNS, WGSL_HELPERS } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS = parseCoeffsTable(`
IMT       c1        c2        c3        c4        c5          c6          c7       c8       c9       c10       c11       c12       c13
pga       0.0305    0.633    -0.0427    -1.591    -0.00428    0.000483    0.683    0.416    1.140    -0.873    1.030    -0.0860    0.414
0.020     1.3535    0.630    -0.0404    -1.787    -0.00388    0.000497    1.020    0.363    0.851    -0.715    1.030    -0.0860    0.414
0.030     1.1860    0.622    -0.0362    -1.691    -0.00367    0.000501    0.922    0.376    0.759    -0.922    1.030    -0.0860    0.414
0.050     0.3736    0.616    -0.0353    -1.469    -0.00378    0.000500    0.630    0.423    0.771    -1.239    1.042    -0.0838    0.443
0.075    -0.0395    0.615    -0.0353    -1.383    -0.00421    0.000486    0.491    0.463    0.955    -1.349    1.052    -0.0838    0.453
0.100    -0.1475    0.613    -0.0353    -1.369    -0.00454    0.000460    0.484    0.467    1.096    -1.284    1.059    -0.0838    0.460
0.150    -0.1901    0.616    -0.0478    -1.368    -0.00473    0.000393    0.461    0.478    1.239    -1.079    1.068    -0.0838    0.469
0.200    -0.4328    0.617    -0.0586    -1.320    -0.00460    0.000337    0.399    0.493    1.250    -0.928    1.077    -0.0838    0.478
0.300    -0.6906    0.609    -0.0786    -1.280    -0.00414    0.000263    0.349    0.502    1.241    -0.753    1.081    -0.0838    0.482
0.500    -0.5907    0.534    -0.1379    -1.216    -0.00341    0.000194    0.318    0.503    1.166    -0.606    1.098    -0.0824    0.508
0.750    -0.5429    0.480    -0.1806    -1.184    -0.00288    0.000160    0.304    0.504    1.110    -0.526    1.105    -0.0806    0.528
1.000    -0.6104    0.451    -0.2090    -1.158    -0.00255    0.000141    0.299    0.503    1.067    -0.482    1.110    -0.0793    0.543
1.500    -0.9666    0.441    -0.2405    -1.135    -0.00213    0.000119    0.304    0.500    1.029    -0.438    1.099    -0.0771    0.547
2.000    -1.4306    0.459    -0.2552    -1.124    -0.00187    0.000103    0.310    0.499    1.015    -0.417    1.093    -0.0758    0.551
3.000    -2.2331    0.492    -0.2646    -1.121    -0.00154    0.000084    0.310    0.499    1.014    -0.393    1.090    -0.0737    0.562
4.000    -2.7975    0.507    -0.2738    -1.119    -0.00135    0.000074    0.294    0.506    1.018    -0.386    1.092    -0.0722    0.575
`);

const COEFFS_FS_ROCK = parseCoeffsTable(`
IMT      Frss     AFrock
pga      1.220000 0.735106
0.020000 1.192000 0.474275
0.030000 1.178000 0.423049
0.050000 1.150000 0.550323
0.075000 1.115000 0.730061
0.100000 1.080000 0.888509
0.150000 1.150000 1.094622
0.200000 1.190000 1.197291
0.300000 1.230000 1.288309
0.500000 1.230000 1.311421
0.750000 1.199444 1.298212
1.000000 1.196667 1.265762
1.500000 1.191111 1.197583
2.000000 1.140000 1.215779
3.000000 1.140000 1.215779
4.000000 1.140000 1.215779
`);

// NSHMP 2008 B/C coefficients; the columns follow the Fortran code's order, not the paper's
const COEFFS_NSHMP = parseCoeffsTable(`
IMT    c1       c2       c3        c4      c5      c6      c7       c8       c9        c10        c11      c12      c13
pga    0.4492   0.633   -0.0427   -1.591   0.683   0.416   1.140   -0.873   -0.00428   0.000483   1.030   -0.0860   0.414
0.1    0.4064   0.613   -0.0353   -1.369   0.484   0.467   1.096   -1.284   -0.00454   0.00046    1.059   -0.0838   0.460
0.2    0.1325   0.617   -0.0586   -1.32    0.399   0.493   1.25    -0.928   -0.0046    0.000337   1.077   -0.0838   0.478
0.3   -0.1483   0.609   -0.0786   -1.28    0.349   0.502   1.241   -0.753   -0.00414   0.000263   1.081   -0.0838   0.482
0.5   -0.1333   0.534   -0.1379   -1.216   0.318   0.503   1.116   -0.606   -0.00341   0.000194   1.098   -0.0824   0.508
1.0   -0.3177   0.451   -0.2090   -1.158   0.299   0.503   1.067   -0.482   -0.00255   0.000141   1.110   -0.0793   0.543
2.0   -1.2483   0.459   -0.2552   -1.124   0.310   0.499   1.015   -0.417   -0.00187   0.000103   1.093   -0.0758   0.551
`);

/** The paper's equation 30 with the erratum's f3 term (c9 beyond 70 km, c10 beyond 130 km). */
const BODY_BASE = `
let h = C_c7 * exp(C_c8 * mag);
let r = sqrt(rrup * rrup + h * h);
let lr = log(max(rrup, 1e-6));
let f3 = select(0.0, C_c9 * (lr - log(70.0)), rrup > 70.0) +
  select(0.0, C_c10 * (lr - log(130.0)), rrup > 130.0);
mean = C_c1 + C_c2 * mag + C_c3 * (8.5 - mag) * (8.5 - mag) + C_c4 * log(r) +
  (C_c5 + C_c6 * mag) * rrup + f3;
sig = select(C_c13, C_c11 + C_c12 * mag, mag < 7.16);
`;

const BODY_SHARE = BODY_BASE + `
mean = mean + ln_sof_share(rake, F_Frss) + log(F_AFrock);
`;

/** NSHMP form: magnitude converted per MAG_EQ (0 Mw, 1 mblg AB87, 2 mblg J96), median clipped. */
const BODY_NSHMP = `
let m = nshmp_mw(mag, MAG_EQ);
let lr = log(max(rrup, 1e-6));
let h = C_c5 * exp(C_c6 * m);
let r = sqrt(rrup * rrup + h * h);
mean = C_c1 + C_c2 * m + C_c3 * (8.5 - m) * (8.5 - m) +
  select(0.0, C_c7 * (lr - log(70.0)), rrup > 70.0) +
  select(0.0, C_c8 * (lr - log(130.0)), rrup > 130.0) +
  C_c4 * log(r) + (C_c9 + C_c10 * m) * rrup;
mean = nshmp_clip(mean, imt_period);
sig = select(C_c13, C_c11 + C_c12 * m, m < 7.16);
`;

type Kind = "base" | "share" | "Mw" | "Mblg87" | "Mblg96";

function make(name: string, kind: Kind) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    const nshmp = kind !== "base" && kind !== "share";
    return {
      name,
      args,
      trt: TRT.STABLE_CONTINENTAL,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL"],
      requires: {
        rupture: kind === "share" ? ["mag", "rake"] : ["mag"],
        sites: [],
        distances: ["rrup"],
      },
      tables: nshmp
        ? [{ prefix: "C", table: COEFFS_NSHMP }]
        : kind === "share"
        ? [{ prefix: "C", table: COEFFS }, { prefix: "F", table: COEFFS_FS_ROCK }]
        : [{ prefix: "C", table: COEFFS }],
      consts: nshmp ? { MAG_EQ: kind === "Mw" ? 0 : kind === "Mblg87" ? 1 : 2 } : {},
      fns: nshmp ? NSHMP_FNS : kind === "share" ? WGSL_HELPERS : undefined,
      body: nshmp ? BODY_NSHMP : kind === "share" ? BODY_SHARE : BODY_BASE,
    };
  };
}

export const GSIMS = {
  Campbell2003: make("Campbell2003", "base"),
  Campbell2003SHARE: make("Campbell2003SHARE", "share"),
  Campbell2003MblgAB1987NSHMP2008: make("Campbell2003MblgAB1987NSHMP2008", "Mblg87"),
  Campbell2003MblgJ1996NSHMP2008: make("Campbell2003MblgJ1996NSHMP2008", "Mblg96"),
  Campbell2003MwNSHMP2008: make("Campbell2003MwNSHMP2008", "Mw"),
};
