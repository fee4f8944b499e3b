// Magnitude-scaling relationships (hazardlib/scalerel/*.py): median rupture area (km²) from Mw
// and rake, with sigma and the inverse where OpenQuake defines them. A registry by NRML name.
import type { MsrSpec } from "../source/spec.ts";

/** rake `null` selects the "all rupture types" branch where an MSR has one. */
export type Rake = number | null;

export interface Msr {
  readonly name: string;
  /** median area, km² */
  getMedianArea(mag: number, rake: Rake): number;
  /** standard deviation of log10(area) */
  getStdDevArea?(mag: number, rake: Rake): number;
  /** median magnitude from area (km²) */
  getMedianMag?(area: number, rake: Rake): number;
  getStdDevMag?(area: number, rake: Rake): number;
}

type Mech = "all" | "ss" | "reverse" | "normal";

/** Rake classes used by WC1994 and Leonard (strike-slip with closed bounds at ±45, ±135). */
function mech(rake: Rake): Mech {
  if (rake === null || rake === undefined) return "all";
  if ((-45 <= rake && rake <= 45) || rake >= 135 || rake <= -135) return "ss";
  return rake > 0 ? "reverse" : "normal";
}

const WC1994: Msr = {
  name: "WC1994",
  getMedianArea(mag, rake) {
    switch (mech(rake)) {
      case "all":
        return 10.0 ** (-3.49 + 0.91 * mag);
      case "ss":
        return 10.0 ** (-3.42 + 0.90 * mag);
      case "reverse":
        return 10.0 ** (-3.99 + 0.98 * mag);
      default:
        return 10.0 ** (-2.87 + 0.82 * mag);
    }
  },
  getStdDevArea(_mag, rake) {
    return { all: 0.24, ss: 0.22, reverse: 0.26, normal: 0.22 }[mech(rake)];
  },
  getStdDevMag(_area, rake) {
    return { all: 0.24, ss: 0.23, reverse: 0.25, normal: 0.25 }[mech(rake)];
  },
  getMedianMag(area, rake) {
    // NB: OpenQuake uses open bounds at ±135 here (rake > 135), unlike getMedianArea
    if (rake === null || rake === undefined) return 4.07 + 0.98 * Math.log10(area);
    if ((-45 <= rake && rake <= 45) || rake > 135 || rake < -135) {
      return 3.98 + 1.02 * Math.log10(area);
    }
    if (rake > 0) return 4.33 + 0.90 * Math.log10(area);
    return 3.93 + 1.02 * Math.log10(area);
  },
};

/** log10 A = M − c, sigma constant, inverse log10 A + c. */
function cScaling(name: string, c: number, sigma?: number): Msr {
  const msr: Msr = {
    name,
    getMedianArea: (mag) => 10 ** (mag - c),
  };
  if (sigma !== undefined) {
    msr.getStdDevArea = () => sigma;
  }
  return msr;
}

/** Leonard 2014 / 2010: log10 A = M − c(mechanism), sigma 0. */
function leonard(name: string, cAll: number, cSS: number, cOther: number): Msr {
  const c = (rake: Rake) => {
    const m = mech(rake);
    return m === "all" ? cAll : m === "ss" ? cSS : cOther;
  };
  return {
    name,
    getMedianArea: (mag, rake) => 10.0 ** (mag - c(rake)),
    getStdDevArea: () => 0.0,
    getMedianMag: (area, rake) => Math.log10(area) + c(rake),
    getStdDevMag: () => 0.0,
  };
}

/** log10 A = a + b·M with sigma, inverse (log10 A − a)/b or given coefficients. */
function linear(
  name: string,
  a: number,
  b: number,
  sigma: number,
  inv?: { c: number; d: number; sigma: number } | "invert",
  sigmaMag?: number,
): Msr {
  const msr: Msr = {
    name,
    getMedianArea: (mag) => 10 ** (a + b * mag),
    getStdDevArea: () => sigma,
  };
  if (inv === "invert") {
    msr.getMedianMag = (area) => (Math.log10(area) - a) / b;
    msr.getStdDevMag = () => sigmaMag ?? sigma;
  } else if (inv) {
    msr.getMedianMag = (area) => inv.c + inv.d * Math.log10(area);
    msr.getStdDevMag = () => inv.sigma;
  }
  return msr;
}

/** Canada 2015 models: area = 10^(a + b·M) × seismogenic width. */
function gsc(name: string, a: number, b: number, seisWidth: number, sigma: number): Msr {
  return {
    name,
    getMedianArea: (mag) => (10.0 ** (a + b * mag)) * seisWidth,
    getStdDevArea: () => sigma,
  };
}

const rad = (d: number) => d * Math.PI / 180;

const FIXED: Record<string, Msr> = {
  WC1994,
  PeerMSR: cScaling("PeerMSR", 4.0, 0.25),
  CEUS2011: cScaling("CEUS2011", 4.366),
  PointMSR: { name: "PointMSR", getMedianArea: () => 1e-4 },
  WC1994_QCSS: {
    name: "WC1994_QCSS",
    getMedianArea(mag) {
      const length = 10.0 ** (-2.57 + 0.62 * mag);
      const seisWid = 20.0;
      return length < seisWid ? length ** 2 : length * seisWid;
    },
    getStdDevArea: () => 0.15,
  },
  Leonard2014_SCR: leonard("Leonard2014_SCR", 4.185, 4.18, 4.19),
  Leonard2014_Interplate: leonard("Leonard2014_Interplate", 3.995, 3.99, 4.00),
  Leonard2010_SCR: leonard("Leonard2010_SCR", 4.19, 4.19, 4.19),
  Leonard2010_SCR_M0: leonard("Leonard2010_SCR_M0", 4.22, 4.22, 4.22),
  Leonard2010_SCR_MX: leonard("Leonard2010_SCR_MX", 4.00, 4.00, 4.00),
  StrasserInterface: linear("StrasserInterface", -3.476, 0.952, 0.304, {
    c: 4.441,
    d: 0.846,
    sigma: 0.286,
  }),
  StrasserIntraslab: linear("StrasserIntraslab", -3.225, 0.89, 0.184, {
    c: 4.054,
    d: 0.981,
    sigma: 0.193,
  }),
  ThingbaijamInterface: linear("ThingbaijamInterface", -3.292, 0.949, 0.150, "invert"),
  ThingbaijamStrikeSlip: linear("ThingbaijamStrikeSlip", -3.486, 0.942, 0.184, "invert"),
  ThingbaijamNormalFault: linear("ThingbaijamNormalFault", -2.551, 0.808, 0.181, "invert"),
  ThingbaijamReverseFault: linear("ThingbaijamReverseFault", -4.362, 1.049, 0.121, "invert"),
  AllenHayesInterfaceLinear: linear(
    "AllenHayesInterfaceLinear",
    -3.63,
    0.96,
    0.255,
    "invert",
    0.266,
  ),
  AllenHayesInterfaceBilinear: {
    name: "AllenHayesInterfaceBilinear",
    getMedianArea: (mag) => mag <= 8.63 ? 10 ** (-5.62 + 1.22 * mag) : 10 ** (2.23 + 0.31 * mag),
    getStdDevArea: () => 0.256,
    getMedianMag: (area) =>
      area <= 74000 ? (Math.log10(area) + 5.62) / 1.22 : (Math.log10(area) - 2.23) / 0.31,
    getStdDevMag: () => 0.266,
  },
  AllenHayesIntraslab: linear("AllenHayesIntraslab", -3.89, 0.96, 0.19, "invert"),
  GermanyMSR: linear("GermanyMSR", -2.44, 0.59, 0.16),
  GSCCascadia: gsc("GSCCascadia", 3.01, 0.001, 125.0, 0.01),
  GSCEISO: gsc("GSCEISO", 1.90, 0.001, 11. / Math.sin(rad(18.0)), 0.01),
  GSCEISB: gsc("GSCEISB", 1.90, 0.001, 17.0 / Math.sin(rad(18.)), 0.01),
  GSCEISI: gsc("GSCEISI", 1.90, 0.001, 23.0 / Math.sin(rad(18.)), 0.01),
  GSCOffshoreThrustsWIN: gsc("GSCOffshoreThrustsWIN", -2.943, 0.677, 3.0 / Math.sin(rad(15)), 0.2),
  GSCOffshoreThrustsHGT: gsc(
    "GSCOffshoreThrustsHGT",
    -2.943,
    0.677,
    19.0 / Math.sin(rad(25.0)),
    0.2,
  ),
};

/** Parametric MSRs: name -> (required argument names, factory). */
const PARAMETRIC: Record<string, [string[], (args: Record<string, number>) => Msr]> = {
  CScalingMSR: [["C"], (a) => {
    const msr = cScaling(`CScalingMSR.C = ${a.C.toFixed(2)}`, a.C);
    return msr;
  }],
};

/** Names the registry knows (fixed and parametric). */
export const MSR_NAMES: readonly string[] = [...Object.keys(FIXED), ...Object.keys(PARAMETRIC)]
  .sort();

/**
 * The MSR named in NRML (`WC1994`, `CScalingMSR` with args {C: 3.9}, ...). Unknown names and
 * missing or unexpected arguments raise an Error naming them.
 */
export function makeMsr(spec: MsrSpec): Msr {
  const name = spec.name.trim();
  const args = spec.args ?? {};
  const fixed = FIXED[name];
  if (fixed) {
    const extra = Object.keys(args);
    if (extra.length) {
      throw new Error(`magnitude-scale relationship ${name} takes no arguments, got ${extra}`);
    }
    return fixed;
  }
  const par = PARAMETRIC[name];
  if (par) {
    const [names, make] = par;
    for (const n of names) {
      if (typeof args[n] !== "number" || !Number.isFinite(args[n])) {
        throw new Error(`magnitude-scale relationship ${name} needs a numeric argument ${n}`);
      }
    }
    for (const k of Object.keys(args)) {
      if (!names.includes(k)) {
        throw new Error(`magnitude-scale relationship ${name}: unexpected argument ${k}`);
      }
    }
    return make(args);
  }
  throw new Error(`'${name}' is not a recognized magnitude-scale relationship`);
}

/**
 * Parse the NRML text form of an MSR: `WC1994`, `CScalingMSR.C = 3.90` (TOML-like
 * `Class.param = value`). A helper for readers; makeMsr does the validation.
 */
export function parseMsr(text: string): MsrSpec {
  const t = text.trim();
  const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)$/.exec(t);
  if (m) {
    const v = Number(m[3]);
    if (!Number.isFinite(v)) throw new Error(`invalid magnitude-scale relationship ${t}`);
    return { name: m[1], args: { [m[2]]: v } };
  }
  return { name: t, args: {} };
}
