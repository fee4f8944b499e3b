// McVerry, Zhao, Abrahamson & Somerville (2006): New Zealand spectral attenuation relations
// for crustal (Asc), volcanic-path (Volc: rvolc taken as rrup), interface and intraslab events.
// Site classes A/B (rock), C (shallow soil) and D (deep/soft soil): from vs30 in the legacy
// classes, from the NZ site-class letter (site parameter `siteclass`, its char code in
// context columns) in the SC classes. The spectra are the primed (SA) relations scaled by the
// ratio of the unprimed to the primed PGA. The Christchurch variants (in_cshm) are not
// provided.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

/** Primed coefficients: spectral shape (Table 6) */
const COEFFS_PRIMED = parseCoeffsTable(`
imt   c1       c3as     c4as     c5       c6as    c8       ca9     c10as   c11     c12y    c13y     c15      c17      c18y    c19y    c20      c24      c29     c30as    c32     c33as    c43      c46
pga   0.18130  0.00000  -0.14400 -0.00846 0.17000 -0.75519 0.37000 5.60000 8.10697 1.41400 0.00000  -2.55200 -2.48795 1.78180 0.55400 0.01622  -0.41369 0.44307 -0.23000 0.20000 0.26000  -0.29648 -0.03301
0.075 1.36561  0.03000  -0.14400 -0.00889 0.17000 -0.94568 0.37000 5.58000 8.68782 1.41400 0.00000  -2.70700 -2.54215 1.78180 0.55400 0.01850  -0.48652 0.31139 -0.28000 0.20000 0.26000  -0.48366 -0.03452
0.10  1.77717  0.02800  -0.14400 -0.00837 0.17000 -1.01852 0.37000 5.50000 9.37929 1.41400 -0.00110 -2.65500 -2.60945 1.78180 0.55400 0.01740  -0.61973 0.34059 -0.28000 0.20000 0.26000  -0.43854 -0.03595
0.20  1.39535  -0.01380 -0.14400 -0.00940 0.17000 -0.78199 0.37000 5.10000 10.6148 1.41400 -0.00270 -2.52800 -2.70851 1.78180 0.55400 0.01542  -0.67672 0.37235 -0.24500 0.20000 0.26000  -0.29906 -0.03853
0.30  0.44591  -0.03600 -0.14400 -0.00987 0.17000 -0.56098 0.37000 4.80000 9.40776 1.41400 -0.00360 -2.45400 -2.47668 1.78180 0.55400 0.01278  -0.59339 0.56648 -0.19500 0.20000 0.19800  -0.05184 -0.03604
0.40  0.01645  -0.05180 -0.14400 -0.00923 0.17000 -0.51281 0.37000 4.52000 8.50343 1.41400 -0.00430 -2.40100 -2.36895 1.78180 0.55400 0.01426  -0.30579 0.69911 -0.16000 0.20000 0.15400  0.20301  -0.03364
0.50  0.14826  -0.06350 -0.14400 -0.00823 0.17000 -0.56716 0.37000 4.30000 8.46463 1.41400 -0.00480 -2.36000 -2.40630 1.78180 0.55400 0.01287  -0.24839 0.63188 -0.12100 0.20000 0.11900  0.37026  -0.03260
0.75  -0.21246 -0.08620 -0.14400 -0.00738 0.17000 -0.55384 0.33100 3.90000 7.30176 1.41400 -0.00570 -2.28600 -2.26512 1.78180 0.55400 0.01080  -0.01298 0.51577 -0.05000 0.20000 0.05700  0.73517  -0.02877
1.00  -0.10451 -0.10200 -0.14400 -0.00588 0.17000 -0.65892 0.28100 3.70000 7.08727 1.41400 -0.00640 -2.23400 -2.27668 1.78180 0.55400 0.00946  0.06672  0.34048 0.00000  0.20000 0.01300  0.87764  -0.02561
1.50  -0.48665 -0.12000 -0.14400 -0.00630 0.17000 -0.58222 0.21000 3.55000 6.93264 1.41400 -0.00730 -2.16000 -2.28347 1.78180 0.55400 0.00788  -0.02289 0.12468 0.04000  0.20000 -0.04900 0.75438  -0.02034
2.00  -0.77433 -0.12000 -0.14400 -0.00630 0.17000 -0.58222 0.16000 3.55000 6.64496 1.41400 -0.00730 -2.16000 -2.28347 1.78180 0.55400 0.00788  -0.02289 0.12468 0.04000  0.20000 -0.04900 0.75438  -0.02034
3.00  -1.30916 -0.17260 -0.14400 -0.00553 0.17000 -0.57009 0.08900 3.50000 5.05488 1.41400 -0.00890 -2.03300 -2.03050 1.78180 0.55400 -0.00265 -0.20537 0.14593 0.04000  0.20000 -0.15600 0.61545  -0.01673
`);

/** Unprimed coefficients (Table 5): only PGA is used (its SA rows equal COEFFS_PRIMED's) */
const COEFFS_UNPRIMED = parseCoeffsTable(`
imt   c1       c3as     c4as     c5       c6as    c8       ca9     c10as   c11     c12y    c13y     c15      c17      c18y    c19y    c20      c24      c29     c30as    c32     c33as    c43      c46
pga   0.28815  0.00000  -0.14400 -0.00967 0.17000 -0.70494 0.37000 5.60000 8.68354 1.41400 0.00000  -2.55200 -2.56727 1.78180 0.55400 0.01550  -0.50962 0.30206 -0.23000 0.20000 0.26000  -0.31769 -0.03279
`);

/** Magnitude-dependent intra-event sigma and the inter-event tau (Table 7) */
const COEFFS_STD = parseCoeffsTable(`
imt   sigmaM6 sigSlope tau
pga   0.4865  -0.1261  0.2687
0.075 0.5281  -0.0970  0.3217
0.10  0.5398  -0.0673  0.3088
0.20  0.5703  -0.0243  0.2726
0.30  0.5505  -0.0861  0.2112
0.40  0.5627  -0.1405  0.2005
0.50  0.5680  -0.1444  0.1476
0.75  0.5562  -0.0932  0.1794
1.00  0.5629  -0.0749  0.2053
1.50  0.5394  -0.0056  0.2411
2.00  0.5394  -0.0056  0.2411
3.00  0.5701  0.0934   0.2406
`);

type Kind = "asc" | "vol" | "sinter" | "slab";

/**
 * ln motion on site class A/B then on the row's class, for coefficient prefix p: the crustal
 * form (equation 1: style of faulting CN/CR, rvolc path term) or the subduction form
 * (equation 2: SI = 1 interface, DS = 1 slab), plus the class C/D soil terms (equation 4).
 */
function lnAbcd(kind: Kind, p: string): string {
  const rock = kind === "asc" || kind === "vol"
    ? `${p}_c1 + ${p}_c4as * (mag - 6.0) + ${p}_c3as * (8.5 - mag) * (8.5 - mag) + ` +
      `${p}_c5 * rrup + (${p}_c8 + ${p}_c6as * (mag - 6.0)) * ` +
      `log(sqrt(rrup * rrup + ${p}_c10as * ${p}_c10as)) + ` +
      `${kind === "vol" ? `${p}_c46 * rrup` : "0.0"} + ${p}_c32 * cn + ${p}_c33as * cr`
    : `${p}_c11 + (${p}_c12y + (${p}_c15 - ${p}_c17) * ${p}_c19y) * (mag - 6.0) + ` +
      `${p}_c13y * (10.0 - mag) * (10.0 - mag) * (10.0 - mag) + ` +
      `${p}_c17 * log(rrup + ${p}_c18y * exp(${p}_c19y * mag)) + ${p}_c20 * hypo_depth + ` +
      `${kind === "sinter" ? `${p}_c24` : "0.0"}`;
  return `mcv_soil(${rock}, ${p}_c29, ${p}_c30as, ${p}_c43, s, dc, dd)`;
}

const FNS = `
fn mcv_soil(ln_ab: f32, c29: f32, c30as: f32, c43: f32, s: f32, dc: f32, dd: f32) -> f32 {
  return ln_ab + s * (c29 * dc + (c30as * log(exp(ln_ab) + 0.03) + c43) * dd);
}
`;

function body(kind: Kind, sc: boolean): string {
  // 67 and 68 are the char codes of the site classes "C" and "D"
  const site = sc
    ? `let dc = select(0.0, 1.0, abs(siteclass - 67.0) < 0.5);
let dd = select(0.0, 1.0, abs(siteclass - 68.0) < 0.5);
let s = max(dc, dd);`
    : `let dc = select(0.0, 1.0, vs30 >= 360.0 && vs30 < 760.0);
let dd = select(0.0, 1.0, vs30 < 360.0);
let s = select(0.0, 1.0, vs30 <= 760.0);`;
  return `
${site}
let cn = select(0.0, -1.0, rake > -147.0 && rake < -33.0);
let cr = select(select(0.0, 0.5, rake > 33.0 && rake < 66.0), 1.0, rake > 67.0 && rake < 123.0);
mean = ${lnAbcd(kind, "C")} + ${lnAbcd(kind, "U")} - ${lnAbcd(kind, "P")};
phi = S_sigmaM6 + S_sigSlope * clamp(mag - 6.0, -1.0, 1.0);
tau = S_tau;
sig = sqrt(phi * phi + tau * tau);
`;
}

const TRTS: Record<Kind, string> = {
  asc: TRT.ACTIVE_SHALLOW_CRUST,
  vol: TRT.VOLCANIC,
  sinter: TRT.SUBDUCTION_INTERFACE,
  slab: TRT.SUBDUCTION_INTRASLAB,
};

function make(name: string, kind: Kind, sc: boolean) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRTS[kind],
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: {
        rupture: ["mag", "rake", "hypo_depth"],
        sites: [sc ? "siteclass" : "vs30"],
        distances: ["rrup"],
      },
      tables: [
        { prefix: "C", table: COEFFS_PRIMED },
        { prefix: "P", table: COEFFS_PRIMED, imt: "PGA" },
        { prefix: "U", table: COEFFS_UNPRIMED, imt: "PGA" },
        { prefix: "S", table: COEFFS_STD },
      ],
      fns: FNS,
      body: body(kind, sc),
    };
  };
}

export const GSIMS = {
  McVerry2006Asc: make("McVerry2006Asc", "asc", false),
  McVerry2006SInter: make("McVerry2006SInter", "sinter", false),
  McVerry2006SSlab: make("McVerry2006SSlab", "slab", false),
  McVerry2006Volc: make("McVerry2006Volc", "vol", false),
  McVerry2006AscSC: make("McVerry2006AscSC", "asc", true),
  McVerry2006SInterSC: make("McVerry2006SInterSC", "sinter", true),
  McVerry2006SSlabSC: make("McVerry2006SSlabSC", "slab", true),
  McVerry2006VolcSC: make("McVerry2006VolcSC", "vol", true),
};
