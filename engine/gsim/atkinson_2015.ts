// Atkinson (2015), BSSA 105(2): induced-seismicity model for small-to-moderate events at short
// hypocentral distances (RotD50, B/C site), with Yenier & Atkinson's effective depth or, in
// Atkinson2015AltDistSat, the stronger distance saturation of page 986; log10 units in cm/s2.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./gsim_args.ts";
import { type GsimFactory, TRT } from "./types.ts";

// Table 2
const COEFFS = parseCoeffsTable(`
IMT    c0     c1    c2       c3     c4       phi  tau  sigma
pgv    -4.151 1.762 -0.09509 -1.669 -0.00060 0.27 0.19 0.33
pga    -2.376 1.818 -0.1153  -1.752 -0.00200 0.28 0.24 0.37
0.0300 -2.283 1.842 -0.1189  -1.785 -0.00200 0.28 0.27 0.39
0.0500 -2.018 1.826 -0.1192  -1.831 -0.00200 0.28 0.30 0.41
0.1000 -1.954 1.830 -0.1185  -1.774 -0.00200 0.29 0.25 0.39
0.2000 -2.266 1.785 -0.1061  -1.657 -0.00140 0.30 0.21 0.37
0.3000 -2.794 1.852 -0.1078  -1.608 -0.00100 0.30 0.19 0.36
0.5000 -3.873 2.060 -0.1212  -1.544 -0.00060 0.29 0.20 0.35
1.0000 -4.081 1.742 -0.07381 -1.481 0.00000  0.26 0.22 0.34
2.0000 -4.462 1.485 -0.03815 -1.361 0.00000  0.24 0.23 0.33
3.0000 -3.827 1.060 0.009086 -1.398 0.00000  0.24 0.22 0.32
5.0000 -4.321 1.080 0.009376 -1.378 0.00000  0.25 0.18 0.31
`);

const LN10 = "2.302585092994046";

function body(alt: boolean): string {
  const heff = alt ? "pow(10.0, -0.28 + 0.19 * mag)" : "pow(10.0, -1.72 + 0.43 * mag)";
  return `
let heff = max(${heff}, 1.0);
let r = sqrt(rhypo * rhypo + heff * heff);
let y = C_c0 + C_c1 * mag + C_c2 * mag * mag + C_c3 * log10(r) + C_c4 * r;
// log10 of cm/s2 to ln of g; PGV stays in cm/s
mean = select((y - 2.0) * ${LN10} - log(9.80665), y * ${LN10}, imt_kind == 1.0);
sig = C_sigma * ${LN10};
tau = C_tau * ${LN10};
phi = C_phi * ${LN10};
`;
}

function make(name: string, alt: boolean): GsimFactory {
  return (args) => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRT.INDUCED,
      imts: ["PGA", "PGV", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: { rupture: ["mag"], sites: [], distances: ["rhypo"] },
      tables: [{ prefix: "C", table: COEFFS }],
      body: body(alt),
    };
  };
}

export const atkinson2015 = make("Atkinson2015", false);
export const atkinson2015AltDistSat = make("Atkinson2015AltDistSat", true);
