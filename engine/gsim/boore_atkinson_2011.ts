// Boore & Atkinson (2011) modifications of Boore & Atkinson (2008): a small-magnitude
// correction of the BA08 median (BooreAtkinson2011, active crust) and, for eastern North
// America, the Atkinson (2008) referenced-empirical factors on top (Atkinson2008prime).
// The BA08 form is written out here (rjb, rake, vs30 with the BA08 non-linear site term).
import { parseCoeffsTable } from "./coeffs.ts";
import { BA08_FNL_FN, COEFFS_SOIL_RESPONSE } from "./atkinson_boore_2006.ts";
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, type GsimTable, TRT } from "./types.ts";

/** Boore & Atkinson (2008) coefficients */
const COEFFS = parseCoeffsTable(`
IMT   c1       c2       c3       h    e1       e2       e3       e4       e5      e6       e7      Mh   sigma tau   std
pgv   -0.87370 0.10060  -0.00334 2.54 5.00121  5.04727  4.63188  5.08210  0.18322 -0.12736 0.00000 8.50 0.500 0.256 0.560
pga   -0.66050 0.11970  -0.01151 1.35 -0.53804 -0.50350 -0.75472 -0.50970 0.28805 -0.10164 0.00000 6.75 0.502 0.260 0.564
0.010 -0.66220 0.12000  -0.01151 1.35 -0.52883 -0.49429 -0.74551 -0.49966 0.28897 -0.10019 0.00000 6.75 0.502 0.262 0.566
0.020 -0.66600 0.12280  -0.01151 1.35 -0.52192 -0.48508 -0.73906 -0.48895 0.25144 -0.11006 0.00000 6.75 0.502 0.262 0.566
0.030 -0.69010 0.12830  -0.01151 1.35 -0.45285 -0.41831 -0.66722 -0.42229 0.17976 -0.12858 0.00000 6.75 0.507 0.274 0.576
0.050 -0.71700 0.13170  -0.01151 1.35 -0.28476 -0.25022 -0.48462 -0.26092 0.06369 -0.15752 0.00000 6.75 0.516 0.286 0.589
0.075 -0.72050 0.12370  -0.01151 1.55 0.00767  0.04912  -0.20578 0.02706  0.01170 -0.17051 0.00000 6.75 0.513 0.320 0.606
0.10  -0.70810 0.11170  -0.01151 1.68 0.20109  0.23102  0.03058  0.22193  0.04697 -0.15948 0.00000 6.75 0.520 0.318 0.608
0.15  -0.69610 0.09884  -0.01113 1.86 0.46128  0.48661  0.30185  0.49328  0.17990 -0.14539 0.00000 6.75 0.518 0.290 0.594
0.20  -0.58300 0.04273  -0.00952 1.98 0.57180  0.59253  0.40860  0.61472  0.52729 -0.12964 0.00102 6.75 0.523 0.288 0.596
0.25  -0.57260 0.02977  -0.00837 2.07 0.51884  0.53496  0.33880  0.57747  0.60880 -0.13843 0.08607 6.75 0.527 0.267 0.592
0.30  -0.55430 0.01955  -0.00750 2.14 0.43825  0.44516  0.25356  0.51990  0.64472 -0.15694 0.10601 6.75 0.546 0.269 0.608
0.40  -0.64430 0.04394  -0.00626 2.24 0.39220  0.40602  0.21398  0.46080  0.78610 -0.07843 0.02262 6.75 0.541 0.267 0.603
0.50  -0.69140 0.06080  -0.00540 2.32 0.18957  0.19878  0.00967  0.26337  0.76837 -0.09054 0.00000 6.75 0.555 0.265 0.615
0.75  -0.74080 0.07518  -0.00409 2.46 -0.21338 -0.19496 -0.49176 -0.10813 0.75179 -0.14053 0.10302 6.75 0.571 0.299 0.645
1.0   -0.81830 0.10270  -0.00334 2.54 -0.46896 -0.43443 -0.78465 -0.39330 0.67880 -0.18257 0.05393 6.75 0.573 0.302 0.647
1.5   -0.83030 0.09793  -0.00255 2.66 -0.86271 -0.79593 -1.20902 -0.88085 0.70689 -0.25950 0.19082 6.75 0.566 0.373 0.679
2.0   -0.82850 0.09432  -0.00217 2.73 -1.22652 -1.15514 -1.57697 -1.27669 0.77989 -0.29657 0.29888 6.75 0.580 0.389 0.700
3.0   -0.78440 0.07282  -0.00191 2.83 -1.82979 -1.74690 -2.22584 -1.91814 0.77966 -0.45384 0.67466 6.75 0.566 0.401 0.695
4.0   -0.68540 0.03758  -0.00191 2.89 -2.24656 -2.15906 -2.58228 -2.38168 1.24961 -0.35874 0.79508 6.75 0.583 0.385 0.698
5.0   -0.50960 -0.02391 -0.00191 2.93 -1.28408 -1.21270 -1.50904 -1.41093 0.14271 -0.39006 0.00000 8.50 0.601 0.437 0.744
7.5   -0.37240 -0.06568 -0.00191 3.00 -1.43145 -1.31632 -1.81022 -1.59217 0.52407 -0.37578 0.00000 8.50 0.626 0.477 0.787
10.0  -0.09824 -0.13800 -0.00191 3.04 -2.15446 -2.16137 -2.53323 -2.14635 0.40387 -0.48492 0.00000 8.50 0.645 0.477 0.801
`);

/** Atkinson (2008) ENA factors, log10 f = c + d * rjb */
const COEFFS_A08 = parseCoeffsTable(`
IMT   c      d
pgv   0.450  0.00211
pga   0.419  0.00039
0.005 0.417  0.00192
0.050 0.417  0.00192
0.100 0.245  0.00273
0.200 0.042  0.00232
0.300 -0.078 0.00190
0.500 -0.180 0.00180
1.000 -0.248 0.00153
2.000 -0.214 0.00117
3.030 -0.084 0.00091
5.000 0.000  0.00000
10.00 0.000  0.00000
`);

const FNS = BA08_FNL_FN + `
fn ba08_rock(c1: f32, c2: f32, c3: f32, h: f32, e2: f32, e3: f32, e4: f32, e5: f32, e6: f32,
  e7: f32, mh: f32) -> f32 {
  // style of faulting from rake: strike-slip within 30 degrees of horizontal
  let ar = abs(rake);
  let ss = select(0.0, 1.0, ar <= 30.0 || 180.0 - ar <= 30.0);
  let rs = select(0.0, 1.0, rake > 30.0 && rake < 150.0);
  let ns = select(0.0, 1.0, rake > -150.0 && rake < -30.0);
  let dm = mag - mh;
  let fm = e2 * ss + e3 * ns + e4 * rs + select(e7 * dm, e5 * dm + e6 * dm * dm, mag <= mh);
  let r = sqrt(rjb * rjb + h * h);
  return fm + (c1 + c2 * (mag - 4.5)) * log(r) + c3 * (r - 1.0);
}
`;

const cols = (p: string) =>
  ["c1", "c2", "c3", "h", "e2", "e3", "e4", "e5", "e6", "e7", "Mh"].map((c) => `${p}_${c}`)
    .join(", ");

function body(prime: boolean): string {
  return `
let pga4nl = exp(ba08_rock(${cols("P")}));
let site = R_blin * log(vs30 / 760.0) + ba08_fnl(pga4nl, vs30, R_b1, R_b2);
mean = select(ba08_rock(${cols("C")}), log(pga4nl), imt_kind == 0.0) + site;
// Boore & Atkinson (2011) small-magnitude correction (log10 units)
mean = mean + log(10.0) * (max(3.888 - 0.674 * mag, 0.0) -
  max(2.933 - 0.510 * mag, 0.0) * log10(rjb + 10.0));
${prime ? "mean = mean + log(10.0) * (A_c + A_d * rjb);" : ""}
sig = C_std;
tau = C_tau;
phi = C_sigma;
`;
}

function make(name: string, prime: boolean) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    const tables: GsimTable[] = [
      { prefix: "C", table: COEFFS },
      { prefix: "P", table: COEFFS, imt: "PGA" },
      { prefix: "R", table: COEFFS_SOIL_RESPONSE },
    ];
    if (prime) tables.push({ prefix: "A", table: COEFFS_A08 });
    return {
      name,
      args,
      trt: prime ? TRT.STABLE_CONTINENTAL : TRT.ACTIVE_SHALLOW_CRUST,
      imts: ["PGA", "PGV", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: { rupture: ["mag", "rake"], sites: ["vs30"], distances: ["rjb"] },
      tables,
      fns: FNS,
      body: body(prime),
    };
  };
}

export const GSIMS = {
  BooreAtkinson2011: make("BooreAtkinson2011", false),
  Atkinson2008prime: make("Atkinson2008prime", true),
};
