// Boore & Atkinson (2011) modifications of Boore & Atkinson (2008): a small-magnitude
// correction of the BA08 median (BooreAtkinson2011, active crust) and, for eastern North
// America, the Atkinson (2008) referenced-empirical factors on top (Atkinson2008prime).
// The BA08 coefficients, style of faulting and site term come from boore_atkinson_2008.ts.
import { parseCoeffsTable } from "./coeffs.ts";
import { BA08_COEFFS, BA08_FNS, BA08_SOF, BA08_SOIL_RESPONSE } from "./boore_atkinson_2008.ts";
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, type GsimTable, TRT } from "./types.ts";

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

const FNS = BA08_FNS + `
// BA08 median on rock (fm + fd); its sums group differently from ba08_fm + ba08_fd, so the
// rounding, and this model's verified numbers, stay as they were
fn ba08_rock(ss: f32, ns: f32, rs: f32, c1: f32, c2: f32, c3: f32, h: f32, e2: f32, e3: f32,
  e4: f32, e5: f32, e6: f32, e7: f32, mh: f32) -> f32 {
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
  return `${BA08_SOF}
let pga4nl = exp(ba08_rock(f_ss, f_ns, f_rs, ${cols("P")}));
let site = R_blin * log(vs30 / 760.0) + ba08_fnl(pga4nl, ba08_bnl(vs30, R_b1, R_b2));
mean = select(ba08_rock(f_ss, f_ns, f_rs, ${cols("C")}), log(pga4nl), imt_kind == 0.0) + site;
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
      { prefix: "C", table: BA08_COEFFS },
      { prefix: "P", table: BA08_COEFFS, imt: "PGA" },
      { prefix: "R", table: BA08_SOIL_RESPONSE },
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
