// Si & Midorikawa (1999) as given in the NIED "Technical Reports on National Seismic Hazard
// Maps for Japan" (2009): PGA and PGV for crustal, interface and intraslab events, on
// vs30 = 600 m/s with NIED's factors to 400 and 800 m/s. Log10 units in the report.
// NorthEast/SouthWest variants add the report's corrections for the site's distance to the
// Japan trench (equation 3.5.2-1) and to the volcanic front (3.5.2-2), measured as OpenQuake
// does: the Rx distance to a vertical surface whose top edge is the fixed polyline.
import { checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

type Kind = "asc" | "sinter" | "sslab";
type Correction = "none" | "ne" | "sw";

const SUB_TRENCH: [number, number][] = [
  [143.50, 24.00],
  [143.00, 29.00],
  [141.90, 33.80],
  [142.40, 35.80],
  [143.25, 36.55],
  [143.80, 37.70],
  [144.20, 39.20],
  [144.30, 40.10],
  [144.65, 41.00],
  [146.80, 42.00],
  [153.00, 45.50],
];
const VOLCANIC_FRONT: [number, number][] = [
  [122.00, 24.50],
  [124.00, 24.50],
  [128.30, 27.90],
  [129.70, 29.50],
  [130.80, 31.50],
  [131.60, 33.40],
  [132.00, 34.90],
  [133.70, 35.30],
  [134.90, 35.30],
  [136.90, 36.20],
];

/**
 * Spherical geodesy (earth radius 6371 km) as OpenQuake's geodetic module: great-circle
 * distance, azimuth, signed distance to a great-circle arc, to a semi-arc and to a segment.
 */
const GEO_FNS = `
// WGSL's asin/atan/atan2 may be as coarse as 4096 ULP (llvmpipe's asin is off by 7e-5
// relative): series with range reduction instead, good to ~2e-7 in f32
fn asin_series(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (0.16666667 + x2 * (0.075 + x2 * (0.044642857 + x2 * (0.030381944 +
    x2 * (0.022372159 + x2 * (0.017352764 + x2 * (0.013964844 + x2 * 0.011551800))))))));
}
fn asin_acc(x: f32) -> f32 {
  let ax = abs(x);
  var r = asin_series(ax);
  if (ax > 0.5) {
    r = 1.5707963267948966 - 2.0 * asin_series(sqrt((1.0 - ax) / 2.0));
  }
  return select(r, -r, x < 0.0);
}
fn atan_unit(z: f32) -> f32 {
  // z in [0, 1]; above tan(pi/12) shift by pi/6
  var t = z;
  var off = 0.0;
  if (z > 0.2679491924311227) {
    t = (z * 1.7320508075688772 - 1.0) / (1.7320508075688772 + z);
    off = 0.5235987755982988;
  }
  let t2 = t * t;
  return off + t * (1.0 - t2 * (0.33333333 - t2 * (0.2 - t2 * (0.14285714 - t2 * (0.11111111 -
    t2 * 0.09090909)))));
}
fn atan2_acc(y: f32, x: f32) -> f32 {
  let ay = abs(y);
  let ax = abs(x);
  let hi = max(ax, ay);
  if (hi == 0.0) {
    return 0.0;
  }
  var r = atan_unit(min(ax, ay) / hi);
  if (ay > ax) {
    r = 1.5707963267948966 - r;
  }
  if (x < 0.0) {
    r = 3.141592653589793 - r;
  }
  return select(r, -r, y < 0.0);
}
fn geo_dist(lon1: f32, lat1: f32, lon2: f32, lat2: f32) -> f32 {
  let p1 = radians(lat1);
  let p2 = radians(lat2);
  let a = sin((p1 - p2) / 2.0);
  let b = sin(radians(lon1 - lon2) / 2.0);
  return 2.0 * 6371.0 * asin_acc(sqrt(a * a + cos(p1) * cos(p2) * b * b));
}
// azimuth in radians, clockwise from north, not reduced to [0, 2 pi): only sines and cosines
// of azimuth differences are used, and f32 keeps more of them this way than in degrees
fn geo_azimuth(lon1: f32, lat1: f32, lon2: f32, lat2: f32) -> f32 {
  let p1 = radians(lat1);
  let p2 = radians(lat2);
  let dl = radians(lon1 - lon2);
  return -atan2_acc(sin(dl) * cos(p2), cos(p1) * sin(p2) - sin(p1) * cos(p2) * cos(dl));
}
fn geo_dist_to_arc(alon: f32, alat: f32, az: f32, plon: f32, plat: f32) -> f32 {
  let t = geo_azimuth(alon, alat, plon, plat) - az;
  return asin_acc(sin(t) * sin(geo_dist(alon, alat, plon, plat) / 6371.0)) * 6371.0;
}
fn geo_dist_to_semi_arc(alon: f32, alat: f32, az: f32, plon: f32, plat: f32) -> f32 {
  let d = az - geo_azimuth(alon, alat, plon, plat);
  if (cos(d) > 0.0) {
    return geo_dist_to_arc(alon, alat, az, plon, plat);
  }
  return select(1.0, -1.0, sin(d) > 0.0) * geo_dist(alon, alat, plon, plat);
}
fn geo_dist_to_segment(lon1: f32, lat1: f32, lon2: f32, lat2: f32, plon: f32, plat: f32) -> f32 {
  let seg = geo_azimuth(lon1, lat1, lon2, lat2);
  let az1 = geo_azimuth(lon1, lat1, plon, plat);
  let az2 = geo_azimuth(lon2, lat2, plon, plat);
  var d = 0.0;
  if (cos(seg - az1) >= 0.0 && cos(seg - az2) <= 0.0) {
    d = abs(geo_dist_to_arc(lon1, lat1, seg, plon, plat));
  } else {
    d = min(geo_dist(lon1, lat1, plon, plat), geo_dist(lon2, lat2, plon, plat));
  }
  return select(d, -d, sin(az1 - seg) < 0.0);
}
`;

/**
 * WGSL of \`fn <name>(plon, plat) -> f32\`: OpenQuake's Rx of a site to a vertical surface
 * with this top edge: semi-arcs beyond the two end segments (the first one reversed and its
 * sign flipped), segment distances between; the value of smallest magnitude wins.
 */
function rxFn(name: string, pts: [number, number][]): string {
  const f = (x: number) => x.toFixed(2);
  const lines: string[] = [];
  const last = pts.length - 2;
  for (let i = 0; i <= last; i++) {
    let [a, b] = [pts[i], pts[i + 1]];
    let expr: string;
    if (i === 0 || i === last) {
      if (i === 0) [a, b] = [b, a];
      expr = `geo_dist_to_semi_arc(${f(a[0])}, ${f(a[1])}, geo_azimuth(${f(a[0])}, ${f(a[1])}, ` +
        `${f(b[0])}, ${f(b[1])}), plon, plat)`;
    } else {
      expr = `geo_dist_to_segment(${f(a[0])}, ${f(a[1])}, ${f(b[0])}, ${f(b[1])}, plon, plat)`;
    }
    if (i === 0) {
      lines.push(`  var best = -${expr};`);
    } else {
      lines.push(`  let d${i} = ${expr};`);
      lines.push(`  best = select(best, d${i}, abs(d${i}) < abs(best));`);
    }
  }
  return `fn ${name}(plon: f32, plat: f32) -> f32 {\n${lines.join("\n")}\n  return best;\n}\n`;
}

const CORRECTION_FNS = GEO_FNS + rxFn("rx_trench", SUB_TRENCH) +
  rxFn("rx_volcanic_front", VOLCANIC_FRONT);

function correction(c: Correction): string {
  if (c === "ne") {
    return `
// subduction trench correction (equation 3.5.2-1)
let x_tr = abs(rx_trench(lon, lat));
var corr = 0.0;
if (imt_kind == 1.0) {
  corr = max(1.0, pow(10.0, -0.012) * pow(rrup / 300.0, 2.064));
  if (hypo_depth > 30.0) {
    corr = corr * pow(10.0, (-4.021e-5 * x_tr + 9.905e-3) * (hypo_depth - 30.0));
  }
} else {
  corr = max(1.0, pow(10.0, 0.13) * pow(rrup / 300.0, 3.2));
  if (hypo_depth > 30.0) {
    corr = corr * pow(10.0, (-8.1e-5 * x_tr + 2.0e-2) * (hypo_depth - 30.0));
  }
}
mean = mean + log(corr);
`;
  }
  if (c === "sw") {
    return `
// volcanic front correction (equation 3.5.2-2)
let x_vf = rx_volcanic_front(lon, lat);
var v1 = 0.0;
if (imt_kind == 1.0) {
  v1 = select(3.21e-3, 4.28e-5 * x_vf, x_vf <= 75.0) * (hypo_depth - 30.0);
} else {
  v1 = select(5.30e-3, 7.06e-5 * x_vf, x_vf <= 75.0) * (hypo_depth - 30.0);
}
mean = mean + v1 * log(10.0);
`;
  }
  return "";
}

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

function make(name: string, kind: Kind, corr: Correction = "none") {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, []);
    return {
      name,
      args,
      trt: TRTS[kind],
      imts: ["PGA", "PGV"],
      stddevs: ["TOTAL"],
      requires: {
        rupture: ["mag", "hypo_depth"],
        sites: corr === "none" ? ["vs30"] : ["vs30", "lon", "lat"],
        distances: ["rrup"],
      },
      tables: [],
      fns: corr === "none" ? undefined : CORRECTION_FNS,
      body: body(kind) + correction(corr),
      notes: "defined for vs30 = 400, 600 or 800 m/s only; any other vs30 is computed as 600 " +
        "m/s (OpenQuake raises an error)",
    };
  };
}

export const GSIMS = {
  SiMidorikawa1999Asc: make("SiMidorikawa1999Asc", "asc"),
  SiMidorikawa1999SInter: make("SiMidorikawa1999SInter", "sinter"),
  SiMidorikawa1999SSlab: make("SiMidorikawa1999SSlab", "sslab"),
  SiMidorikawa1999SInterNorthEastCorrection: make(
    "SiMidorikawa1999SInterNorthEastCorrection",
    "sinter",
    "ne",
  ),
  SiMidorikawa1999SInterSouthWestCorrection: make(
    "SiMidorikawa1999SInterSouthWestCorrection",
    "sinter",
    "sw",
  ),
  SiMidorikawa1999SSlabNorthEastCorrection: make(
    "SiMidorikawa1999SSlabNorthEastCorrection",
    "sslab",
    "ne",
  ),
  SiMidorikawa1999SSlabSouthWestCorrection: make(
    "SiMidorikawa1999SSlabSouthWestCorrection",
    "sslab",
    "sw",
  ),
};
