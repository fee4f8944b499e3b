// Somerville, Collins, Abrahamson, Graves & Saikia (2001) for the central and eastern US, as
// coded for the NSHMP 2008 model (hazgridXnga2.f getSomer): Mw, rjb, B/C, median clipped.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs, NSHMP_FNS } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS = parseCoeffsTable(`
IMT a1      a2    a3        a4     a5          a6        a7         sigma
pga 0.658   0.805 -0.679    0.0861 -0.00498    -0.477    0.0        0.587
0.1 1.442   0.805 -0.679    0.0861 -0.00498    -0.477    0.0        0.595
0.2 1.358   0.805 -0.679    0.0861 -0.00498    -0.477    0.0        0.611
0.3 1.2353  0.805 -0.67023  0.0861 -0.0048045  -0.523792 -0.030298  0.6057
0.5 0.8532  0.805 -0.671792 0.0861 -0.00442189 -0.605213 -0.0640237 0.6242
1.0 -0.0143 0.805 -0.696    0.0861 -0.00362    -0.755    -0.102     0.693
2.0 -0.9497 0.805 -0.728    0.0861 -0.00221    -0.946    -0.140     0.824
`);

// table 8: near (rjb < 50 km) and far segments of the distance term
const BODY = `
let d1 = sqrt(50.0 * 50.0 + 6.0 * 6.0);
let d = sqrt(rjb * rjb + 36.0);
let dm = mag - 6.4;
mean = C_a1 + C_a2 * dm + C_a7 * (8.5 - mag) * (8.5 - mag) + C_a4 * dm * log(d) + C_a5 * rjb;
if (rjb < 50.0) {
  mean = mean + C_a3 * log(d);
} else {
  mean = mean + C_a3 * log(d1) + C_a6 * (log(d) - log(d1));
}
mean = nshmp_clip(mean, imt_period);
sig = C_sigma;
`;

export const GSIMS = {
  SomervilleEtAl2001NSHMP2008: (args: Record<string, unknown>): GsimDef => {
    checkArgs("SomervilleEtAl2001NSHMP2008", args, []);
    return {
      name: "SomervilleEtAl2001NSHMP2008",
      args,
      trt: TRT.STABLE_CONTINENTAL,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL"],
      requires: { rupture: ["mag"], sites: [], distances: ["rjb"] },
      tables: [{ prefix: "C", table: COEFFS }],
      fns: NSHMP_FNS,
      body: BODY,
    };
  },
};
