// Toro, Abrahamson & Schneider (1997) as coded for the NSHMP 2008 CEUS model (hazgridXnga2.f
// getToro): mid-continent B/C coefficients for mblg (ToroEtAl1997MblgNSHMP2008, finite-fault
// term from the geometric mean of the AB87 and J96 Mw conversions) or Mw, median clipped.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs, NSHMP_FNS } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS_MBLG = parseCoeffsTable(`
IMT c1     c2    c3      c4   c5     c6       c7   sigma
pga 2.489  1.20  0.0     1.28 1.23   0.0018   9.3  0.7506
0.1 2.91   1.23  0.0     1.12 1.05   0.0043   8.5  0.7506
0.2 2.165  1.24  0.0     0.98 0.74   0.0039   7.5  0.7506
0.3 1.7323 1.51  -0.11   0.96 0.6881 0.0034   7.35 0.7506
0.5 1.109  1.785 -0.2795 0.93 0.6354 0.002732 7.05 0.7506
1.0 0.173  2.05  -0.34   0.90 0.59   0.0019   6.8  0.799
2.0 -0.788 2.52  -0.47   0.93 0.6    0.0012   7.0  0.799
`);

const COEFFS_MW = parseCoeffsTable(`
IMT c1     c2    c3      c4     c5     c6      c7    sigma
pga 2.619  0.81  0.0     1.27   1.16   0.0021  9.3   0.7506
0.1 2.92   0.81  0.0     1.1    1.02   0.004   8.3   0.7506
0.2 2.295  0.84  0.0     0.98   0.66   0.0042  7.5   0.7506
0.3 1.8823 0.964 -0.059  0.951  0.601  0.00367 7.26  0.7506
0.5 1.2887 1.14  -0.1244 0.9227 0.5429 0.00306 7.027 0.7506
1.0 0.383  1.42  -0.2    0.90   0.49   0.0023  6.8   0.799
2.0 -0.558 1.86  -0.31   0.92   0.46   0.0017  6.9   0.799
`);

const BODY = `
var ffc = exp(-1.25 + 0.227 * mag);
if (MBLG == 1.0) {
  let mw_j96 = mblg_to_mw_j96(mag);
  let mw_ab87 = mblg_to_mw_ab87(mag);
  ffc = sqrt(exp(-1.25 + 0.227 * mw_j96) * exp(-1.25 + 0.227 * mw_ab87));
}
let d = sqrt(rjb * rjb + C_c7 * C_c7 * ffc * ffc);
let dm = mag - 6.0;
mean = C_c1 + C_c2 * dm + C_c3 * dm * dm - C_c4 * log(d) - C_c6 * d -
  select(0.0, (C_c5 - C_c4) * log(max(rjb, 1e-3) / 100.0), rjb > 100.0);
mean = nshmp_clip(mean, imt_period);
sig = C_sigma;
`;

function make(name: string, mblg: boolean) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRT.STABLE_CONTINENTAL,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL"],
      requires: { rupture: ["mag"], sites: [], distances: ["rjb"] },
      tables: [{ prefix: "C", table: mblg ? COEFFS_MBLG : COEFFS_MW }],
      consts: { MBLG: mblg ? 1 : 0 },
      fns: NSHMP_FNS,
      body: BODY,
    };
  };
}

export const GSIMS = {
  ToroEtAl1997MblgNSHMP2008: make("ToroEtAl1997MblgNSHMP2008", true),
  ToroEtAl1997MwNSHMP2008: make("ToroEtAl1997MwNSHMP2008", false),
};
