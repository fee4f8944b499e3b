// Atkinson & Boore (2003, erratum 2008): global subduction interface/intraslab model with
// NEHRP site classes from vs30 and a rock-PGA-dependent soil linearity factor. SA 4 s comes
// from SA 3 s (SHARE). NSHMP 2008 variants add a B/C site term (half the class C term) and
// fix the interface hypocentral depth at 20 km; Cascadia/Japan slab variants use regional
// coefficients.
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, type GsimTable, TRT } from "./types.ts";

const COEFFS_SINTER = parseCoeffsTable(`
IMT    c1       c2       c3       c4        c5       c6       c7       sigma    s1       s2
pga    2.991000 0.035250 0.007590 -0.002060 0.190000 0.240000 0.290000 0.230000 0.200000 0.110000
0.0400 2.875300 0.070520 0.010040 -0.002780 0.150000 0.200000 0.200000 0.260000 0.220000 0.140000
0.1000 2.778900 0.098410 0.009740 -0.002870 0.150000 0.230000 0.200000 0.270000 0.250000 0.100000
0.2000 2.663800 0.123860 0.008840 -0.002800 0.150000 0.270000 0.250000 0.280000 0.250000 0.130000
0.4000 2.524900 0.147700 0.007280 -0.002350 0.130000 0.370000 0.380000 0.290000 0.250000 0.150000
1.0000 2.144200 0.134500 0.005210 -0.001100 0.100000 0.300000 0.550000 0.340000 0.280000 0.190000
2.0000 2.190700 0.071480 0.002240 0.000000  0.100000 0.250000 0.400000 0.340000 0.290000 0.180000
3.0000 2.301000 0.022370 0.000120 0.000000  0.100000 0.250000 0.360000 0.360000 0.310000 0.180000
4.0000 2.301000 0.022370 0.000120 0.000000  0.100000 0.250000 0.360000 0.360000 0.310000 0.180000
`);

const COEFFS_SSLAB = parseCoeffsTable(`
IMT    c1       c2      c3      c4       c5      c6      c7      sigma   s1      s2
pga    -0.04713 0.69090 0.01130 -0.00202 0.19000 0.24000 0.29000 0.27000 0.23000 0.14000
0.0400 0.50697  0.63273 0.01275 -0.00234 0.15000 0.20000 0.20000 0.25000 0.24000 0.07000
0.1000 0.43928  0.66675 0.01080 -0.00219 0.15000 0.23000 0.20000 0.28000 0.27000 0.07000
0.2000 0.51589  0.69186 0.00572 -0.00192 0.15000 0.27000 0.25000 0.28000 0.26000 0.10000
0.4000 0.00545  0.77270 0.00173 -0.00178 0.13000 0.37000 0.38000 0.28000 0.26000 0.10000
1.0000 -1.02133 0.87890 0.00130 -0.00173 0.10000 0.30000 0.55000 0.29000 0.27000 0.11000
2.0000 -2.39234 0.99640 0.00364 -0.00118 0.10000 0.25000 0.40000 0.30000 0.28000 0.11000
3.0000 -3.70012 1.11690 0.00615 -0.00045 0.10000 0.25000 0.36000 0.30000 0.29000 0.08000
4.0000 -3.70012 1.11690 0.00615 -0.00045 0.10000 0.25000 0.36000 0.30000 0.29000 0.08000
`);

const COEFFS_SSLAB_CASCADIA = parseCoeffsTable(`
IMT    c1    c2      c3      c4       c5      c6      c7      sigma   s1      s2
pga    -0.25 0.69090 0.01130 -0.00202 0.19000 0.24000 0.29000 0.27000 0.23000 0.14000
0.0400 0.23  0.63273 0.01275 -0.00234 0.15000 0.20000 0.20000 0.25000 0.24000 0.07000
0.1000 0.16  0.66675 0.01080 -0.00219 0.15000 0.23000 0.20000 0.28000 0.27000 0.07000
0.2000 0.40  0.69186 0.00572 -0.00192 0.15000 0.27000 0.25000 0.28000 0.26000 0.10000
0.4000 -0.01 0.77270 0.00173 -0.00178 0.13000 0.37000 0.38000 0.28000 0.26000 0.10000
1.0000 -0.98 0.87890 0.00130 -0.00173 0.10000 0.30000 0.55000 0.29000 0.27000 0.11000
2.0000 -2.25 0.99640 0.00364 -0.00118 0.10000 0.25000 0.40000 0.30000 0.28000 0.11000
3.0000 -3.64 1.11690 0.00615 -0.00045 0.10000 0.25000 0.36000 0.30000 0.29000 0.08000
`);

const COEFFS_SSLAB_JAPAN = parseCoeffsTable(`
IMT    c1    c2      c3      c4       c5      c6      c7      sigma   s1      s2
pga    0.10  0.69090 0.01130 -0.00202 0.19000 0.24000 0.29000 0.27000 0.23000 0.14000
0.0400 0.68  0.63273 0.01275 -0.00234 0.15000 0.20000 0.20000 0.25000 0.24000 0.07000
0.1000 0.61  0.66675 0.01080 -0.00219 0.15000 0.23000 0.20000 0.28000 0.27000 0.07000
0.2000 0.70  0.69186 0.00572 -0.00192 0.15000 0.27000 0.25000 0.28000 0.26000 0.10000
0.4000 0.07  0.77270 0.00173 -0.00178 0.13000 0.37000 0.38000 0.28000 0.26000 0.10000
1.0000 -0.98 0.87890 0.00130 -0.00173 0.10000 0.30000 0.55000 0.29000 0.27000 0.11000
2.0000 -2.44 0.99640 0.00364 -0.00118 0.10000 0.25000 0.40000 0.30000 0.28000 0.11000
3.0000 -3.73 1.11690 0.00615 -0.00045 0.10000 0.25000 0.36000 0.30000 0.29000 0.08000
`);

/**
 * `ab03_log10`: log10 of the median in cm/s2 for one coefficient row (equation 1), with the
 * NEHRP-class soil term scaled by the linearity factor `sl`; `ab03_sl`: that factor from rock
 * PGA (cm/s2) and the SA period.
 */
const FNS = `
fn ab03_log10(c1: f32, c2: f32, c3: f32, c4: f32, c5: f32, c6: f32, c7: f32, m: f32,
  gexp: f32, h: f32, sl: f32) -> f32 {
  let delta = 0.00724 * pow(10.0, 0.507 * m);
  let r = sqrt(rrup * rrup + delta * delta);
  var samp = c7 * sl;
  if (vs30 > 760.0) {
    samp = BC_FACTOR * c5 * sl;
  } else if (vs30 > 360.0) {
    samp = c5 * sl;
  } else if (vs30 >= 180.0) {
    samp = c6 * sl;
  }
  return c1 + c2 * m + c3 * h + c4 * r - gexp * log10(r) + samp;
}
fn ab03_sl(pga: f32, t: f32) -> f32 {
  if (t >= 1.0 || pga <= 100.0) {
    return 1.0;
  }
  var sl = 0.0;
  if (t > 0.5) {
    sl = 1.0 - (1.0 / t - 1.0) * min(pga - 100.0, 400.0) / 400.0;
  } else if (pga < 500.0) {
    sl = 1.0 - (pga - 100.0) / 400.0;
  }
  return sl;
}
`;

const cols = (p: string) => ["c1", "c2", "c3", "c4", "c5", "c6", "c7"].map((c) => `${p}_${c}`);

function body(slab: boolean, depth?: number): string {
  const call = (p: string, sl: string) => `ab03_log10(${cols(p).join(", ")}, m, gexp, h, ${sl})`;
  // interface SA 0.2 s and 0.4 s are smoothed between the two rows (exact periods only)
  const lg = slab ? `let lg = ${call("C", "sl")};` : `var lg = ${call("C", "sl")};
if (imt_period == 0.2 || imt_period == 0.4) {
  let l02 = ${call("A", "sl")};
  let l04 = ${call("B", "sl")};
  lg = select(0.333 * l04 + 0.667 * l02, 0.333 * l02 + 0.667 * l04, imt_period == 0.2);
}`;
  return `
let m = ${slab ? "min(mag, 8.0)" : "min(mag, 8.5)"};
let gexp = ${slab ? "pow(10.0, 0.301 - 0.01 * m)" : "pow(10.0, 1.2 - 0.18 * m)"};
let h = clamp(${depth !== undefined ? depth.toFixed(1) : "hypo_depth"}, 0.0, 100.0);
// rock PGA in cm/s2 (the soil term vanishes for it)
let pga_rock = pow(10.0, ${call("P", "0.0")});
let sl = ab03_sl(pga_rock, imt_period);
${lg}
mean = lg * 2.302585092994046 + log(0.01 / 9.80665);
if (imt_period == 4.0) {
  // SHARE: OpenQuake divides the ln of the SA 3 s value by 0.55
  mean = mean / 0.55;
}
sig = C_sigma * 2.302585092994046;
tau = C_s2 * 2.302585092994046;
phi = C_s1 * 2.302585092994046;
`;
}

interface Variant {
  slab: boolean;
  nshmp: boolean;
  table: typeof COEFFS_SINTER;
}

function make(name: string, v: Variant) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    const tables: GsimTable[] = [
      { prefix: "C", table: v.table },
      { prefix: "P", table: v.table, imt: "PGA" },
    ];
    if (!v.slab) {
      tables.push({ prefix: "A", table: v.table, imt: "SA(0.2)" });
      tables.push({ prefix: "B", table: v.table, imt: "SA(0.4)" });
    }
    return {
      name,
      args,
      trt: v.slab ? TRT.SUBDUCTION_INTRASLAB : TRT.SUBDUCTION_INTERFACE,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: { rupture: ["mag", "hypo_depth"], sites: ["vs30"], distances: ["rrup"] },
      tables,
      consts: { BC_FACTOR: v.nshmp ? 0.5 : 0 },
      fns: FNS,
      body: body(v.slab, v.nshmp && !v.slab ? 20 : undefined),
    };
  };
}

export const GSIMS = {
  AtkinsonBoore2003SInter: make("AtkinsonBoore2003SInter", {
    slab: false,
    nshmp: false,
    table: COEFFS_SINTER,
  }),
  AtkinsonBoore2003SInterNSHMP2008: make("AtkinsonBoore2003SInterNSHMP2008", {
    slab: false,
    nshmp: true,
    table: COEFFS_SINTER,
  }),
  AtkinsonBoore2003SSlab: make("AtkinsonBoore2003SSlab", {
    slab: true,
    nshmp: false,
    table: COEFFS_SSLAB,
  }),
  AtkinsonBoore2003SSlabNSHMP2008: make("AtkinsonBoore2003SSlabNSHMP2008", {
    slab: true,
    nshmp: true,
    table: COEFFS_SSLAB,
  }),
  AtkinsonBoore2003SSlabCascadia: make("AtkinsonBoore2003SSlabCascadia", {
    slab: true,
    nshmp: false,
    table: COEFFS_SSLAB_CASCADIA,
  }),
  AtkinsonBoore2003SSlabCascadiaNSHMP2008: make("AtkinsonBoore2003SSlabCascadiaNSHMP2008", {
    slab: true,
    nshmp: true,
    table: COEFFS_SSLAB_CASCADIA,
  }),
  AtkinsonBoore2003SSlabJapan: make("AtkinsonBoore2003SSlabJapan", {
    slab: true,
    nshmp: false,
    table: COEFFS_SSLAB_JAPAN,
  }),
  AtkinsonBoore2003SSlabJapanNSHMP2008: make("AtkinsonBoore2003SSlabJapanNSHMP2008", {
    slab: true,
    nshmp: true,
    table: COEFFS_SSLAB_JAPAN,
  }),
};
