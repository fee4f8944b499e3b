// Si & Midorikawa (1999) as given in the NIED "Technical Reports on National Seismic Hazard
// Maps for Japan" (2009): PGA and PGV for crustal, interface and intraslab events, on
// vs30 = 600 m/s with NIED's factors to 400 and 800 m/s. Log10 units in the report.
// Not here: the northeast (trench) and southwest (volcanic front) corrections, which need
// the site's distance to fixed polylines.
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

type Kind = "asc" | "sinter" | "sslab";

function body(kind: Kind): string {
  // source-type terms d for PGV / PGA (equation 3.5.1-1)
  const d = kind === "asc" ? ["0.0", "0.0"] : kind === "sinter" ? ["-0.02", "0.01"] : [
    "0.12",
    "0.22",
  ];
  const sigma = kind === "asc"
    // equation 3.5.5-2: 0.23 within 20 km, 0.20 beyond 30 km, log-linear between
    ? `var s = 0.23 - 0.03 * log10(rrup / 20.0) / log10(30.0 / 20.0);
if (rrup <= 20.0) {
  s = 0.23;
} else if (rrup > 30.0) {
  s = 0.20;
}`
    // equation 3.5.5-1, on 10^lg of the IMT itself (as OpenQuake evaluates it, PGA included)
    : `let pgv = pow(10.0, lg);
var s = 0.20 - 0.05 * (pgv - 25.0) / 25.0;
if (pgv <= 25.0) {
  s = 0.20;
} else if (pgv > 50.0) {
  s = 0.15;
}`;
  return `
let m = min(mag, 8.3);
var lg = 0.0;
if (imt_kind == 1.0) {
  lg = 0.58 * m + 0.0038 * hypo_depth + ${d[0]} - 1.29 -
    log10(rrup + 0.0028 * pow(10.0, 0.5 * m)) - 0.002 * rrup;
} else {
  lg = 0.50 * m + 0.0043 * hypo_depth + ${d[1]} + 0.61 -
    log10(rrup + 0.0055 * pow(10.0, 0.5 * m)) - 0.003 * rrup - log10(9.80665 * 100.0);
}
${sigma}
sig = s * log(10.0);
// NIED amplification from 600 m/s: x1.41 to 400 m/s, /1.25 to 800 m/s (other vs30: see notes)
mean = lg * log(10.0);
if (abs(vs30 - 400.0) < 1e-6) {
  mean = mean + log(1.41);
} else if (abs(vs30 - 800.0) < 1e-6) {
  mean = mean - log(1.25);
}
`;
}

const TRTS: Record<Kind, string> = {
  asc: TRT.ACTIVE_SHALLOW_CRUST,
  sinter: TRT.SUBDUCTION_INTERFACE,
  sslab: TRT.SUBDUCTION_INTRASLAB,
};

function make(name: string, kind: Kind) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRTS[kind],
      imts: ["PGA", "PGV"],
      stddevs: ["TOTAL"],
      requires: { rupture: ["mag", "hypo_depth"], sites: ["vs30"], distances: ["rrup"] },
      tables: [],
      body: body(kind),
      notes: "defined for vs30 = 400, 600 or 800 m/s only; any other vs30 is computed as 600 " +
        "m/s (OpenQuake raises an error)",
    };
  };
}

export const GSIMS = {
  SiMidorikawa1999Asc: make("SiMidorikawa1999Asc", "asc"),
  SiMidorikawa1999SInter: make("SiMidorikawa1999SInter", "sinter"),
  SiMidorikawa1999SSlab: make("SiMidorikawa1999SSlab", "sslab"),
};
