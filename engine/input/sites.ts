// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * The hazard site collection and its site parameters, as OpenQuake builds it
 * (commonlib/readinput.py::get_mesh_exp, get_site_model, get_site_collection,
 * calculators/base.py::_read_risk3, hazardlib/site.py).
 *
 * Where the sites come from, in OpenQuake's priority order: `sites` (sorted by lon, lat, depth),
 * a `region` + `region_grid_spacing` grid, the site model (`site_model_file`, or `sites_csv`
 * which OpenQuake turns into a site model with prefer_global_site_params), in file order (a CSV
 * without a header, a "poor" site model, is sorted). Depths come from `sites` or from the site
 * model when it gives the sites.
 * Site parameters: the reference_* parameters when there is no site model; otherwise the site
 * model's own values (when it gives the sites) or those of the nearest site-model point, except
 * that with prefer_global_site_params and a reference_vs30_value the reference values win.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { InputError } from "./errors.ts";
import { latitude, longitude, npRound5, type OqParam, pyFloat } from "./oqparam.ts";
import { geohash } from "../geo/geohash.ts";
import {
  longitudinalExtent,
  OrthographicProjection,
  pointAt,
  sphericalBoundingBox,
  sphericalToCartesian,
} from "../geo/geodetic.ts";
import { locateInRing, orientation, resampledCoordinates } from "../geo/polygon.ts";

export interface SiteCollection {
  n: number;
  lon: Float64Array;
  lat: Float64Array;
  /** km, positive down (only `sites = lon lat depth` gives non-zero depths) */
  depth: Float64Array;
  vs30: Float64Array;
  /** 0 | 1 */
  vs30measured: Float64Array;
  /** m */
  z1pt0: Float64Array;
  /** km */
  z2pt5: Float64Array;
  /** 0 forearc, 1 backarc, 2 along arc */
  backarc: Float64Array;
  /** given in the site model, else OpenQuake's 8-char geohash of (lon, lat) */
  custom_site_id: string[];
  /**
   * whether OpenQuake's site collection has the custom_site_id field (given by the site model,
   * or added in scenario, event based, risk and damage calculations): exporters then write it
   */
  has_custom_site_id: boolean;
  /** other numeric site-model columns (z_sed, kappa0, xvf, ...), by name */
  extra: Record<string, Float64Array>;
}

/** site parameter -> the job.ini parameter giving its global value (hazardlib/site.py::param) */
export const SITE_PARAM_REF: Record<string, string> = {
  vs30measured: "reference_vs30_type",
  vs30: "reference_vs30_value",
  z1pt0: "reference_depth_to_1pt0km_per_sec",
  z2pt5: "reference_depth_to_2pt5km_per_sec",
};

/** acceptable distance (km) between a site and its site-model point (calculators/base.py) */
export const ASSOC_DIST = 8;

interface SiteModelRow {
  lon: number;
  lat: number;
  depth: number;
  values: Record<string, number>;
  custom_site_id?: string;
}

interface SiteModel {
  rows: SiteModelRow[];
  /** the columns given (besides lon, lat) */
  fields: Set<string>;
  /** NRML site models: a missing required parameter is an error, vs30measured defaults to 0 */
  xml?: boolean;
}

const STRING_FIELDS = new Set([
  "custom_site_id",
  "siteclass",
  "geohash",
  "ampcode",
  "ec8",
  "ec8_p18",
  "geology",
  "unit",
  "liq_susc_cat",
  "lithology",
]);

/** the global value of a site parameter; NaN when not given */
function refValue(oq: OqParam, name: string): number {
  if (name === "vs30measured") return oq.reference_vs30_type === "measured" ? 1 : 0;
  if (name === "backarc") return 0;
  const v = oq[SITE_PARAM_REF[name]];
  return typeof v === "number" ? v : NaN;
}

function jobIni(oq: OqParam): string {
  return String(oq.inputs.job_ini ?? "<in-memory>");
}

/**
 * OpenQuake's check_site_param: a site parameter required by the GSIMs must have a global value
 * when the site model does not give it ("<job.ini>: reference_vs30_value not specified").
 */
export function checkRequiredSiteParams(oq: OqParam, reqSiteParams: Iterable<string>): void {
  for (const name of reqSiteParams) {
    if (!(name in SITE_PARAM_REF)) continue;
    if (name === "vs30measured") continue; // a string with a default, never NaN
    if (Number.isNaN(refValue(oq, name))) {
      throw new InputError(
        jobIni(oq),
        undefined,
        SITE_PARAM_REF[name],
        `${SITE_PARAM_REF[name]} not specified`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// site model readers

function parseNumber(file: string, line: number, field: string, raw: string): number {
  const s = raw.trim();
  if (s === "") return NaN;
  const low = s.toLowerCase();
  if (low === "true") return 1;
  if (low === "false") return 0;
  const x = Number(s);
  if (Number.isNaN(x) && low !== "nan") {
    throw new InputError(file, line, field, `could not convert string to float: '${raw}'`);
  }
  return x;
}

function checkSiteValue(file: string, line: number, field: string, x: number, sentinel: boolean) {
  if (field === "vs30" || field === "z1pt0" || field === "z2pt5") {
    if (x < 0 && !(sentinel && x === -999)) {
      const why = sentinel ? ` or not equal to -999` : "";
      throw new InputError(file, line, field, `float ${x} < 0${why}`);
    }
  }
}

/** a site model CSV; a file whose first field is a longitude is a "poor" model (lon,lat[,depth]) */
function readSiteModelCsv(oq: OqParam, file: string): SiteModel {
  let text = Deno.readTextFileSync(file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.split(/\r?\n/, 1)[0];
  const first = firstLine.split(",", 1)[0];
  let poor = true;
  try {
    longitude(first);
  } catch {
    poor = false;
  }
  if (poor) {
    // readinput.get_poor_site_model: commas become spaces, the lines are the coordinates
    const coords: [number, number, number][] = [];
    const seen = new Set<string>();
    text.split(/\r?\n/).forEach((ln, i) => {
      const parts = ln.replaceAll(",", " ").split(/\s+/).filter((x) => x);
      if (!parts.length) return;
      if (parts.length !== 2 && parts.length !== 3) {
        throw new InputError(file, i + 1, undefined, `Invalid point format: ${ln}`);
      }
      let lon: number, lat: number, dep: number;
      try {
        lon = longitude(parts[0]);
        lat = latitude(parts[1]);
        dep = parts.length === 3 ? Number(parts[2]) : 0;
      } catch (e) {
        throw new InputError(file, i + 1, undefined, (e as Error).message);
      }
      const key = `${lon},${lat}`;
      if (seen.has(key)) {
        throw new InputError(file, i + 1, undefined, `Found overlapping site #${i + 1}, ${ln}`);
      }
      seen.add(key);
      coords.push([lon, lat, dep]);
    });
    coords.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return {
      rows: coords.map(([lon, lat, depth]) => ({ lon, lat, depth, values: {} })),
      fields: new Set(["depth"]),
    };
  }
  const records: string[][] = parseCsv(text, {
    comment: "#",
    comment_no_infix: true,
    skip_empty_lines: true,
    relax_column_count: false,
    trim: true,
  });
  const header = records[0];
  // the line of each record: skip comment/blank lines as the parser does
  const lineNos: number[] = [];
  text.split(/\r?\n/).forEach((ln, i) => {
    if (ln.trim() && !ln.trimStart().startsWith("#")) lineNos.push(i + 1);
  });
  for (const req of ["lon", "lat"]) {
    if (!header.includes(req)) throw new InputError(file, lineNos[0], req, `Missing field ${req}`);
  }
  const rows: SiteModelRow[] = [];
  const seen = new Map<string, number>();
  const sentinel = ((oq.override_vs30 as number[] | undefined) ?? []).length > 0;
  for (let r = 1; r < records.length; r++) {
    const rec = records[r];
    const line = lineNos[r];
    const row: SiteModelRow = { lon: 0, lat: 0, depth: 0, values: {} };
    header.forEach((h, c) => {
      const raw = rec[c];
      if (h === "lon" || h === "lat") {
        try {
          // _smparse: numpy.round first, then valid.longitudes/latitudes (Python's round)
          const x = String(npRound5(pyFloat(raw)));
          row[h] = h === "lon" ? longitude(x) : latitude(x);
        } catch (e) {
          throw new InputError(file, line, h, (e as Error).message);
        }
      } else if (h === "custom_site_id") {
        row.custom_site_id = raw;
      } else if (STRING_FIELDS.has(h)) {
        // string site parameters are not needed by the classical calculators
      } else if (h === "depth") {
        row.depth = parseNumber(file, line, h, raw);
      } else {
        const x = parseNumber(file, line, h, raw);
        checkSiteValue(file, line, h, x, h !== "vs30" || sentinel);
        row.values[h] = x;
      }
    });
    if (header.includes("site_id") && row.values.site_id !== r - 1) {
      throw new InputError(file, line, "site_id", `${file}: site_id not sequential from zero`);
    }
    const key = `${row.lon},${row.lat}`;
    if (seen.has(key)) {
      throw new InputError(file, line, undefined, `Found duplicate sites [${key}] in ${file}`);
    }
    seen.set(key, r);
    rows.push(row);
  }
  return { rows, fields: new Set(header.filter((h) => h !== "lon" && h !== "lat")) };
}

const XML_SITE_RE = /<site\b([^>]*?)\/?>/g;
const XML_ATTR_RE = /([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** a site model in NRML: <siteModel><site lon=".." lat=".." vs30=".." vs30Type=".." .../> */
function readSiteModelXml(file: string): SiteModel {
  const text = Deno.readTextFileSync(file);
  const rows: SiteModelRow[] = [];
  let fields: Set<string> | undefined;
  const seen = new Set<string>();
  const dupl: string[] = [];
  for (const m of text.matchAll(XML_SITE_RE)) {
    const line = text.slice(0, m.index).split("\n").length;
    const row: SiteModelRow = { lon: 0, lat: 0, depth: 0, values: {} };
    const names = new Set<string>();
    for (const a of m[1].matchAll(XML_ATTR_RE)) {
      const [name, raw] = [a[1], a[3] ?? a[4]];
      if (name === "lon") row.lon = Number(raw);
      else if (name === "lat") row.lat = Number(raw);
      else if (name === "vs30Type") {
        row.values.vs30measured = raw === "measured" ? 1 : 0;
        names.add("vs30measured");
      } else if (name === "custom_site_id") {
        row.custom_site_id = raw;
        names.add(name);
      } else if (STRING_FIELDS.has(name)) {
        names.add(name);
      } else {
        row.values[name] = parseNumber(file, line, name, raw);
        names.add(name);
      }
    }
    fields ??= names;
    if (!names.has("vs30measured")) row.values.vs30measured = 0; // OpenQuake: False
    const key = `${row.lon} ${row.lat}`;
    if (seen.has(key)) dupl.push(key);
    seen.add(key);
    rows.push(row);
  }
  if (dupl.length) {
    throw new InputError(
      file,
      undefined,
      undefined,
      `There are duplicated sites in ${file}:\n${dupl.join("\n")}`,
    );
  }
  return { rows, fields: fields ?? new Set(), xml: true };
}

/** all the site model files (OpenQuake concatenates them; they must have the same fields) */
export function readSiteModel(oq: OqParam): SiteModel | undefined {
  const files: string[] = oq.inputs.site_model ?? [];
  if (!files.length) return undefined;
  const models = files.map((f) =>
    f.endsWith(".xml") ? readSiteModelXml(f) : readSiteModelCsv(oq, f)
  );
  for (let i = 0; i < models.length; i++) {
    for (let j = 0; j < models.length; j++) {
      if (i === j) continue;
      const diff = [...models[i].fields].filter((f) => !models[j].fields.has(f));
      if (diff.length) {
        throw new InputError(
          files[i],
          undefined,
          undefined,
          `Fields {${diff.map((d) => `'${d}'`).join(", ")}} present in ${files[i]} were not ` +
            `found in ${files[j]}`,
        );
      }
    }
  }
  return {
    rows: models.flatMap((m) => m.rows),
    fields: models[0].fields,
    xml: models.some((m) => m.xml),
  };
}

// ---------------------------------------------------------------------------------------------
// region grid (readinput.get_mesh_exp: poly.dilate(spacing).discretize(spacing))

/** the [lon, lat] vertices of a WKT "POLYGON((lon lat, ...))" */
export function parseWktPolygon(wkt: string): [number, number][] {
  const m = /POLYGON\s*\(\(([^)]*)\)/i.exec(wkt);
  if (!m) throw new Error(`Invalid WKT polygon: ${wkt}`);
  const pts = m[1].split(",").map((p) => {
    const [x, y] = p.trim().split(/\s+/).map(Number);
    return [x, y] as [number, number];
  });
  const [a, b] = [pts[0], pts[pts.length - 1]];
  if (pts.length > 1 && a[0] === b[0] && a[1] === b[1]) pts.pop();
  return pts;
}

/**
 * GEOS' positive buffer of a simple ring (shapely `Polygon.buffer(d)`: round joins, 16 segments
 * per quarter circle), as OffsetCurveBuilder builds the offset curve of a polygon shell. The
 * noding/overlay step that removes self-intersections is not done: it only matters when the
 * dilation is large compared with narrow concavities of the region.
 */
export function bufferRing(xs: number[], ys: number[], d: number): [number[], number[]] {
  // closed ring without repeated points
  const px: number[] = [], py: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    if (i && xs[i] === px[px.length - 1] && ys[i] === py[py.length - 1]) continue;
    px.push(xs[i]);
    py.push(ys[i]);
  }
  if (px[0] !== px[px.length - 1] || py[0] !== py[py.length - 1]) {
    px.push(px[0]);
    py.push(py[0]);
  }
  let area2 = 0;
  for (let i = 0; i + 1 < px.length; i++) area2 += px[i] * py[i + 1] - px[i + 1] * py[i];
  const LEFT = 1, RIGHT = -1;
  const side = area2 > 0 ? RIGHT : LEFT; // CCW shells are offset on their right side
  const quantum = Math.PI / 2 / 16;
  const minDist = d * 1e-6;
  const ox: number[] = [], oy: number[] = [];
  const addPt = (x: number, y: number) => {
    const n = ox.length;
    if (n && Math.hypot(x - ox[n - 1], y - oy[n - 1]) < minDist) return;
    ox.push(x);
    oy.push(y);
  };
  const offset = (x0: number, y0: number, x1: number, y1: number) => {
    const dx = x1 - x0, dy = y1 - y0;
    const len = Math.sqrt(dx * dx + dy * dy);
    const ux = side * d * dx / len, uy = side * d * dy / len;
    return [x0 - uy, y0 + ux, x1 - uy, y1 + ux];
  };
  const fillet = (cx: number, cy: number, p0: number[], p1: number[], dir: number) => {
    let start = Math.atan2(p0[1] - cy, p0[0] - cx);
    const end = Math.atan2(p1[1] - cy, p1[0] - cx);
    if (dir === -1) {
      if (start <= end) start += 2 * Math.PI;
    } else if (start >= end) start -= 2 * Math.PI;
    addPt(p0[0], p0[1]);
    const total = Math.abs(start - end);
    const nSegs = Math.trunc(total / quantum + 0.5);
    if (nSegs >= 1) {
      const inc = total / nSegs;
      for (let i = 0; i < nSegs; i++) {
        const a = start + dir * i * inc;
        addPt(cx + d * Math.cos(a), cy + d * Math.sin(a));
      }
    }
    addPt(p1[0], p1[1]);
  };
  const n = px.length - 1;
  let [s1x, s1y, s2x, s2y] = [px[n - 1], py[n - 1], px[0], py[0]];
  let off1 = offset(s1x, s1y, s2x, s2y);
  for (let i = 1; i <= n; i++) {
    const addStart = i !== 1;
    if (px[i] === s2x && py[i] === s2y) continue;
    const [s0x, s0y] = [s1x, s1y];
    [s1x, s1y, s2x, s2y] = [s2x, s2y, px[i], py[i]];
    const off0 = off1;
    off1 = offset(s1x, s1y, s2x, s2y);
    const orient = orientation(s0x, s0y, s1x, s1y, s2x, s2y);
    if (orient === 0) continue; // collinear, same direction: the offsets join
    const outside = (orient === -1 && side === LEFT) || (orient === 1 && side === RIGHT);
    if (outside) {
      if (Math.hypot(off0[2] - off1[0], off0[3] - off1[1]) < d * 1e-3) {
        addPt(off0[2], off0[3]);
        continue;
      }
      if (addStart) addPt(off0[2], off0[3]);
      fillet(s1x, s1y, [off0[2], off0[3]], [off1[0], off1[1]], orient);
      addPt(off1[0], off1[1]);
    } else {
      const ip = segmentIntersection(off0, off1);
      if (ip) addPt(ip[0], ip[1]);
      else {
        addPt(off0[2], off0[3]);
        addPt(s1x, s1y);
        addPt(off1[0], off1[1]);
      }
    }
  }
  return [ox, oy];
}

function segmentIntersection(a: number[], b: number[]): [number, number] | undefined {
  const [x1, y1, x2, y2] = a, [x3, y3, x4, y4] = b;
  const den = (x2 - x1) * (y4 - y3) - (y2 - y1) * (x4 - x3);
  if (den === 0) return undefined;
  const t = ((x3 - x1) * (y4 - y3) - (y3 - y1) * (x4 - x3)) / den;
  const u = ((x3 - x1) * (y2 - y1) - (y3 - y1) * (x2 - x1)) / den;
  if (t < 0 || t > 1 || u < 0 || u > 1) return undefined;
  return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
}

/**
 * OpenQuake's hazard grid for `region` + `region_grid_spacing`
 * (`Polygon.from_wkt(region).dilate(spacing).discretize(spacing)`, then sorted by lon, lat):
 * the region's edges are resampled and projected orthographically, buffered by the spacing in
 * that plane, and the nodes are walked from the north-west corner of the dilated polygon's
 * bounding box, `spacing` km apart along parallels and meridians, keeping those strictly inside.
 */
export function regionGrid(wkt: string, spacing: number): [number, number][] {
  if (!(spacing > 0)) throw new Error(`invalid spacing ${spacing}`);
  const ring = parseWktPolygon(wkt);
  const [rl, ra] = resampledCoordinates(ring.map((p) => p[0]), ring.map((p) => p[1]));
  const proj = new OrthographicProjection(...sphericalBoundingBox(rl, ra));
  const xs: number[] = [], ys: number[] = [];
  rl.forEach((lon, i) => {
    const [x, y] = proj.project(lon, ra[i]);
    xs.push(x);
    ys.push(y);
  });
  const [bx, by] = bufferRing(xs, ys, spacing);
  const closed = bx[0] === bx[bx.length - 1] && by[0] === by[by.length - 1];
  const [vx, vy] = closed ? [bx.slice(0, -1), by.slice(0, -1)] : [bx, by];
  const dl: number[] = [], da: number[] = [];
  vx.forEach((x, i) => {
    const [lon, lat] = proj.reverse(x, vy[i]);
    dl.push(lon);
    da.push(lat);
  });
  const [west, east, north, south] = sphericalBoundingBox(dl, da);
  const out: [number, number][] = [];
  let latitude = north;
  while (latitude > south) {
    let longitude = west;
    while (longitudinalExtent(longitude, east) > 0) {
      const [x, y] = proj.project(longitude, latitude);
      if (locateInRing(x, y, vx, vy) === 1) out.push([longitude, latitude]);
      longitude = pointAt(longitude, latitude, 90, spacing)[0];
    }
    latitude = pointAt(west, latitude, 180, spacing)[1];
  }
  if (!out.length) {
    throw new Error(`The area_source_discretization is too large (${Math.trunc(spacing)} km)`);
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function convexHull(points: number[][]): number[][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: number[][] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) {
      lower.pop();
    }
    lower.push(q);
  }
  const upper: number[][] = [];
  for (const q of p.reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) {
      upper.pop();
    }
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** the lon, lat of a hazard-curves CSV input (readinput.get_pmap_from_csv), in file order */
function hazardCurvesSites(file: string): [number, number, number][] {
  const lines = Deno.readTextFileSync(file).split(/\r?\n/)
    .map((l, i) => [l, i + 1] as [string, number])
    .filter(([l]) => l.trim() && !l.startsWith("#"));
  const header = lines[0][0].split(",");
  const [il, ia] = [header.indexOf("lon"), header.indexOf("lat")];
  if (il < 0 || ia < 0) throw new InputError(file, lines[0][1], "lon", "Missing field lon/lat");
  return lines.slice(1).map(([l, n]) => {
    const f = l.split(",");
    const [lon, lat] = [Number(f[il]), Number(f[ia])];
    if (Number.isNaN(lon) || Number.isNaN(lat)) {
      throw new InputError(file, n, "lon", `could not convert string to float: '${l}'`);
    }
    return [lon, lat, 0];
  });
}

// ---------------------------------------------------------------------------------------------
// the site collection

function allocate(n: number): SiteCollection {
  const f = () => new Float64Array(n);
  return {
    n,
    lon: f(),
    lat: f(),
    depth: f(),
    vs30: f(),
    vs30measured: f(),
    z1pt0: f(),
    z2pt5: f(),
    backarc: f(),
    custom_site_id: new Array(n).fill(""),
    has_custom_site_id: false,
    extra: {},
  };
}

const CORE = ["vs30", "vs30measured", "z1pt0", "z2pt5", "backarc"] as const;

function setGlobal(sc: SiteCollection, oq: OqParam): void {
  for (const name of CORE) sc[name].fill(refValue(oq, name));
}

/** copy the parameters of site-model row `row` into site `i` (missing ones: global values) */
function setFromRow(sc: SiteCollection, i: number, row: SiteModelRow, oq: OqParam): void {
  for (const name of CORE) sc[name][i] = row.values[name] ?? refValue(oq, name);
  for (const [k, x] of Object.entries(row.values)) {
    if ((CORE as readonly string[]).includes(k) || k === "site_id" || k === "sids") continue;
    (sc.extra[k] ??= new Float64Array(sc.n).fill(NaN))[i] = x;
  }
}

/**
 * Build the hazard sites and their parameters. `reqSiteParams` (the GSIMs' required site
 * parameters, when known) enables OpenQuake's check that a required parameter missing from the
 * site model has a global value ("reference_vs30_value not specified").
 */
export function readSites(oq: OqParam, reqSiteParams: Iterable<string> = []): SiteCollection {
  // with precomputed hazard no site parameter is required (readinput.get_site_collection)
  const precomputed = ["gmfs", "hazard_curves", "shakemap"].some((k) => k in oq.inputs);
  const req = precomputed ? [] : [...reqSiteParams];
  const file = jobIni(oq);
  const sm = readSiteModel(oq);

  // the points
  let coords: [number, number, number][];
  let fromSiteModel = false;
  if (oq.sites && oq.sites.length) {
    coords = [...oq.sites].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  } else if (oq.inputs.hazard_curves) {
    coords = hazardCurvesSites(oq.inputs.hazard_curves[0]);
  } else if (oq.region_grid_spacing) {
    if (!oq.region) {
      if (sm) {
        const hull = convexHull(sm.rows.map((r) => [r.lon, r.lat]));
        const wkt = `POLYGON((${[...hull, hull[0]].map((p) => `${p[0]} ${p[1]}`).join(", ")}))`;
        coords = regionGrid(wkt, oq.region_grid_spacing).map(([x, y]) => [x, y, 0]);
      } else {
        throw new InputError(
          file,
          undefined,
          "region_grid_spacing",
          `There is a grid spacing but not a region, nor a site model, nor an exposure in ${file}`,
        );
      }
    } else {
      try {
        coords = regionGrid(oq.region, oq.region_grid_spacing).map(([x, y]) => [x, y, 0]);
      } catch {
        throw new InputError(
          file,
          undefined,
          "region_grid_spacing",
          `Could not discretize region with grid spacing ${oq.region_grid_spacing}`,
        );
      }
    }
  } else if (sm) {
    // the site-model depth (a "depth" column, or the third field of a poor model) becomes the
    // site depth (SiteCollection.from_points sets every field of the site model)
    coords = sm.rows.map((r) => [r.lon, r.lat, r.depth]);
    fromSiteModel = true;
  } else {
    throw new InputError(
      file,
      undefined,
      undefined,
      `You are missing sites.csv or site_model.csv in ${file}`,
    );
  }

  const sc = allocate(coords.length);
  coords.forEach(([lon, lat, depth], i) => {
    // _get_sitecol: numpy.round(lons, 5)
    sc.lon[i] = npRound5(lon > 180 ? lon - 360 : lon);
    sc.lat[i] = npRound5(lat);
    sc.depth[i] = depth;
  });
  const seen = new Set<string>();
  for (let i = 0; i < sc.n; i++) {
    const key = `${sc.lon[i]},${sc.lat[i]}`;
    if (seen.has(key)) {
      throw new InputError(file, undefined, undefined, `There are duplicate sites ${key}`);
    }
    seen.add(key);
  }

  // the parameters
  if (!sm) {
    checkRequiredSiteParams(oq, req);
    setGlobal(sc, oq);
  } else {
    // a required parameter absent from the site model needs its global value (check_site_param)
    const missing = req.filter((p) =>
      !sm.fields.has(p) && !["backarc", "lon", "lat", "vs30measured", "ampcode"].includes(p)
    );
    if (sm.xml && missing.length) {
      const files = (oq.inputs.site_model as string[]).map((f) => `'${f}'`).join(", ");
      throw new InputError(
        oq.inputs.site_model[0],
        undefined,
        missing[0],
        `[${files}]: missing parameter ${missing.join(", ")}`,
      );
    }
    checkRequiredSiteParams(oq, missing);
    if (oq.prefer_global_site_params && !Number.isNaN(oq.reference_vs30_value)) {
      setGlobal(sc, oq);
    } else if (fromSiteModel) {
      sm.rows.forEach((row, i) => setFromRow(sc, i, row, oq));
    } else {
      associate(sc, sm, oq);
    }
    if (fromSiteModel && sm.fields.has("custom_site_id")) {
      sm.rows.forEach((row, i) => (sc.custom_site_id[i] = row.custom_site_id ?? ""));
      sc.has_custom_site_id = true;
    }
  }
  for (let i = 0; i < sc.n; i++) {
    if (!sc.custom_site_id[i]) sc.custom_site_id[i] = geohash(sc.lon[i], sc.lat[i], 8);
  }
  if (/scenario|event_based|risk|damage/.test(oq.calculation_mode)) sc.has_custom_site_id = true;
  return sc;
}

/** each site takes the parameters of the nearest site-model point (3D Cartesian distance) */
function associate(sc: SiteCollection, sm: SiteModel, oq: OqParam): void {
  const assocDist = oq.region_grid_spacing ? oq.region_grid_spacing * 1.414 : ASSOC_DIST;
  const mode = oq.region_grid_spacing || ((oq.siteid as string[] | undefined) ?? []).length
    ? "warn"
    : "strict";
  const xyz = sm.rows.map((r) => sphericalToCartesian(r.lon, r.lat, r.depth));
  for (let i = 0; i < sc.n; i++) {
    const [x, y, z] = sphericalToCartesian(sc.lon[i], sc.lat[i], 0);
    let best = 0, bestD = Infinity;
    for (let j = 0; j < xyz.length; j++) {
      const d = Math.hypot(xyz[j][0] - x, xyz[j][1] - y, xyz[j][2] - z);
      if (d < bestD) [best, bestD] = [j, d];
    }
    if (bestD > assocDist && mode === "strict") {
      throw new InputError(
        jobIni(oq),
        undefined,
        "site_model_file",
        `There is nothing closer than ${assocDist} km to site (${sc.lon[i]} ${sc.lat[i]})`,
      );
    }
    setFromRow(sc, i, sm.rows[best], oq);
  }
}
