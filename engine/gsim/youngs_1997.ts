// Youngs, Chiou, Silva & Humphrey (1997): subduction interface and intraslab model with
// separate rock (vs30 >= 760) and soil equations and a magnitude-dependent total sigma.
// SA 4 s on rock is derived from 3 s (SHARE). Variants: SInterNSHMP2008 (hypo_depth fixed
// at 20 km) and the GSC 2010 western-Canada slab branches (firm-ground factor 1.162, +/-0.7).
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS_SOIL = parseCoeffsTable(`
IMT   C1     C2      C3     C4   C5
pga   0.000  0.0000  -2.329 1.45 -0.1
0.075 2.400  -0.0019 -2.697 1.45 -0.1
0.100 2.516  -0.0019 -2.697 1.45 -0.1
0.200 1.549  -0.0020 -2.464 1.45 -0.1
0.300 0.793  -0.0020 -2.327 1.45 -0.1
0.400 0.144  -0.0035 -2.230 1.45 -0.1
0.500 -0.438 -0.0048 -2.140 1.45 -0.1
0.750 -1.704 -0.0066 -1.952 1.45 -0.1
1.000 -2.870 -0.0114 -1.785 1.45 -0.1
1.500 -5.101 -0.0164 -1.470 1.50 -0.1
2.000 -6.433 -0.0221 -1.290 1.55 -0.1
3.000 -6.672 -0.0235 -1.347 1.65 -0.1
4.000 -7.618 -0.0235 -1.272 1.65 -0.1
`);

const COEFFS_ROCK = parseCoeffsTable(`
IMT   C1     C2      C3     C4   C5
pga   0.000  0.0000  -2.552 1.45 -0.1
0.075 1.275  0.0000  -2.707 1.45 -0.1
0.100 1.188  -0.0011 -2.655 1.45 -0.1
0.200 0.722  -0.0027 -2.528 1.45 -0.1
0.300 0.246  -0.0036 -2.454 1.45 -0.1
0.400 -0.115 -0.0043 -2.401 1.45 -0.1
0.500 -0.400 -0.0048 -2.360 1.45 -0.1
0.750 -1.149 -0.0057 -2.286 1.45 -0.1
1.000 -1.736 -0.0064 -2.234 1.45 -0.1
1.500 -2.634 -0.0073 -2.160 1.50 -0.1
2.000 -3.328 -0.0080 -2.107 1.55 -0.1
3.000 -4.511 -0.0089 -2.033 1.65 -0.1
4.000 -4.511 -0.0089 -2.033 1.65 -0.1
`);

/**
 * ln median of the rock or the soil equation: constants a1..a6 (a6 the slab term),
 * coefficients c1..c3 of the IMT, depth h.
 */
const FNS = `
fn ys97_ln(a1: f32, a2: f32, a3: f32, a4: f32, a5: f32, a6: f32, c1: f32, c2: f32, c3: f32,
  h: f32) -> f32 {
  // a product, not pow(): WGSL pow() is undefined for a negative base
  let dm3 = (10.0 - mag) * (10.0 - mag) * (10.0 - mag);
  return a1 + a2 * mag + c1 + c2 * dm3 + c3 * log(rrup + a3 * exp(a4 * mag)) + a5 * h +
    SLAB * a6;
}
`;

const BODY = `
let rock = vs30 >= 760.0;
let h = DEPTH;
var lnm = 0.0;
if (rock) {
  lnm = ys97_ln(0.2418, 1.414, 1.7818, 0.554, 0.00607, 0.3846, R_C1, R_C2, R_C3, h);
  sig = R_C4 + R_C5 * clamp(mag, 0.0, 8.0);
  if (imt_period == 4.0) {
    // SHARE: OpenQuake divides the ln of the rock SA 3 s value by 0.399
    lnm = lnm / 0.399;
  }
} else {
  lnm = ys97_ln(-0.6687, 1.438, 1.097, 0.617, 0.00648, 0.3643, S_C1, S_C2, S_C3, h);
  sig = S_C4 + S_C5 * clamp(mag, 0.0, 8.0);
}
mean = lnm + DELTA;
`;

interface Variant {
  slab: boolean;
  depth?: number;
  delta?: number;
}

function make(name: string, v: Variant) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: v.slab ? TRT.SUBDUCTION_INTRASLAB : TRT.SUBDUCTION_INTERFACE,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL"],
      requires: { rupture: ["mag", "hypo_depth"], sites: ["vs30"], distances: ["rrup"] },
      tables: [{ prefix: "R", table: COEFFS_ROCK }, { prefix: "S", table: COEFFS_SOIL }],
      consts: { SLAB: v.slab ? 1 : 0, DELTA: v.delta ?? 0 },
      fns: FNS,
      body: BODY.replace("DEPTH", v.depth !== undefined ? v.depth.toFixed(1) : "hypo_depth"),
    };
  };
}

const GSC = Math.log(1.162);

export const GSIMS = {
  YoungsEtAl1997SInter: make("YoungsEtAl1997SInter", { slab: false }),
  YoungsEtAl1997SInterNSHMP2008: make("YoungsEtAl1997SInterNSHMP2008", { slab: false, depth: 20 }),
  YoungsEtAl1997SSlab: make("YoungsEtAl1997SSlab", { slab: true }),
  YoungsEtAl1997GSCSSlabBest: make("YoungsEtAl1997GSCSSlabBest", { slab: true, delta: GSC }),
  YoungsEtAl1997GSCSSlabUpperLimit: make("YoungsEtAl1997GSCSSlabUpperLimit", {
    slab: true,
    delta: GSC + 0.7,
  }),
  YoungsEtAl1997GSCSSlabLowerLimit: make("YoungsEtAl1997GSCSSlabLowerLimit", {
    slab: true,
    delta: GSC - 0.7,
  }),
};
