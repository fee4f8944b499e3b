// Kite surfaces (hazardlib/geo/surface/kite_fault.py) and the floating of kite-fault ruptures
// (hazardlib/source/kite_fault.py). Profiles are resampled down-dip at `profile_sd`, then the
// edges joining the samples of equal index are resampled along strike at `edge_sd` starting
// from the reference (longest) profile; the mesh may hold NaN nodes where profiles differ.

import type { KiteSurfaceGeometry, SimpleFaultGeometry } from "../source/spec.ts";
import { Line, resampleCoo } from "./line.ts";
import { hullDistance, outArray, polygonDistance, RectMesh } from "./mesh.ts";
import {
  azimuth,
  chordSurface,
  distance3d,
  distanceToArc,
  distanceToSemiArc,
  haversine,
  minDistanceToSegment,
  npointsTowards,
  npRound,
  OrthographicProjection,
  pyMod,
  sphericalToCartesianInto,
} from "./geodetic.ts";
import { simpleFaultMesh } from "./simple_fault.ts";
import type { DistanceName, Surface } from "./surface.ts";

const SMALL = 1e-5;
const VERY_SMALL = 1e-20;
const VERY_BIG = 1e20;
const ALMOST_RIGHT_ANGLE = 89.9;

type Pt = number[]; // [lon, lat, depth], NaNs allowed
const NAN3 = (): Pt => [NaN, NaN, NaN];
const fin = (p: Pt) => Number.isFinite(p[0]);

// ------------------------------------------------------------------ mesh construction

/** get_profiles_from_simple_fault_data: the columns of a simple fault mesh at 1.01 x spacing. */
export function profilesFromSimpleFault(g: SimpleFaultGeometry, meshSpacing: number): Pt[][] {
  const dip = Math.abs(g.dip - 90) < 1e-5 ? 89.9 : g.dip;
  const m = simpleFaultMesh({
    trace: g.trace,
    upperSeismoDepth: g.upperSeismoDepth,
    lowerSeismoDepth: g.lowerSeismoDepth,
    dip,
    meshSpacing: meshSpacing * 1.01,
  });
  const out: Pt[][] = [];
  for (let j = 0; j < m.cols; j++) {
    const col: Pt[] = [];
    for (let i = 0; i < m.rows; i++) col.push([m.lon(i, j), m.lat(i, j), m.depth(i, j)]);
    out.push(col);
  }
  return out;
}

/** _fix_profiles (no alignment, no IDL): resampled profiles padded with NaN, reference index. */
function fixProfiles(profiles: Pt[][], profileSd: number): [Pt[][], number] {
  const rprofiles = profiles.map((p) => Line.fromCoo(p).resample(profileSd));
  const lengths = rprofiles.map((p) => p.length);
  let refIdx = 0;
  if (Math.max(...lengths) - Math.min(...lengths) > profileSd * 0.1) {
    refIdx = lengths.indexOf(Math.max(...lengths));
  }
  const rprof: Pt[][] = rprofiles.map((p) => p.coo.map((c) => [c[0], c[1], c[2]]));
  const maxnum = Math.max(...rprof.map((p) => p.length));
  for (const p of rprof) while (p.length < maxnum) p.push(NAN3());
  return [rprof, refIdx];
}

/** _find_continuous_segments of one edge: [from, to+1, edge] runs of > 1 finite samples. */
function continuousSegments(col: Pt[], iSeg: number): number[][] {
  const out: number[][] = [];
  let from = -1, to = -1;
  for (let i = 0; i < col.length; i++) {
    if (fin(col[i])) {
      if (from < 0) from = to = i;
      else to = i;
    } else {
      if (from >= 0 && to >= 0 && from !== to) out.push([from, to + 1, iSeg]);
      from = to = -1;
    }
  }
  if (from >= 0 && to >= 0 && from !== to) out.push([from, to + 1, iSeg]);
  return out;
}

/** scipy.stats.linregress slope and intercept. */
function linregress(xs: number[], ys: number[]): [number, number] {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) * (xs[i] - mx);
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  const slope = sxy / sxx;
  return [slope, my - slope * mx];
}

/** _get_intersections: where an edge crosses the lines of the new profiles. */
function intersections(
  edge: Pt[],
  lines: number[][],
  proj: OrthographicProjection,
): [Pt[], number] {
  const pnts: Pt[] = [], idxs: number[] = [];
  for (let v = 0; v < edge.length - 1; v++) {
    const [x0, y0] = proj.project(edge[v][0], edge[v][1]);
    const [x1, y1] = proj.project(edge[v + 1][0], edge[v + 1][1]);
    const [slope, icpt] = linregress([x0, x1], [y0, y1]);
    lines.forEach((line, iLine) => {
      let xi: number, yi: number;
      if (line[0] >= VERY_BIG) {
        xi = line[1];
        yi = xi * slope + icpt;
      } else {
        xi = (icpt - line[1]) / (line[0] - slope);
        yi = xi * slope + icpt;
      }
      if (
        xi > Math.min(x0, x1) && xi < Math.max(x0, x1) && yi > Math.min(y0, y1) &&
        yi < Math.max(y0, y1)
      ) {
        const [lon, lat] = proj.reverse(xi, yi);
        const zi = (edge[v + 1][2] - edge[v][2]) * ((xi - x0) / (x1 - x0)) + edge[v][2];
        pnts.push([lon, lat, zi]);
        idxs.push(iLine);
      }
    });
  }
  return [pnts, Math.min(...idxs)];
}

/** _compute_lines: slope/intercept of the new profiles made by the group starting at iFrom. */
function computeLines(
  coos: [number, number, Pt[]][],
  iFrom: number,
  proj: OrthographicProjection,
  lines: number[][],
) {
  const profs: Pt[][] = [];
  for (const coo of coos) {
    if (coo[0] !== iFrom) continue;
    coo[2].forEach((c, ic) => {
      if (profs.length === ic) profs.push([c]);
      else profs[ic].push(c);
    });
  }
  for (const prof of profs) {
    const xy = prof.map((p) => proj.project(p[0], p[1]));
    const xp = xy.map((p) => p[0]), yp = xy.map((p) => p[1]);
    if (xp.every((x) => Math.abs(xp[0] - x) < SMALL)) lines.push([VERY_BIG, xp[0]]);
    else lines.push(linregress(xp, yp));
  }
}

function fill(delta: number, coo: Pt[]): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < Math.trunc(delta); i++) out.push(NAN3());
  return out.concat(coo.map((c) => [...c]));
}

/** _build_edges: join the sub-edges by edge index (single points are dropped). */
function buildEdges(coos: [number, number, Pt[]][]): Map<number, Pt[]> {
  const edges = new Map<number, Pt[]>();
  for (const [iProf, iEdge, pts] of coos) {
    const have = edges.get(iEdge);
    const tmp = iProf > 0 ? fill(have ? iProf - have.length : iProf, pts) : pts.map((c) => [...c]);
    if (tmp.length > 1) {
      if (have) have.push(...tmp);
      else edges.set(iEdge, tmp);
    }
  }
  return edges;
}

/** _build_profiles: the i-th samples of all the edges form the i-th new profile. */
function buildProfiles(edges: Map<number, Pt[]>): Pt[][] {
  const profs: Pt[][] = [];
  let maxLen = -1, iEdge = 0;
  for (const edge of edges.values()) {
    maxLen = Math.max(edge.length, maxLen);
    edge.forEach((c, ir) => {
      if (profs.length === ir && iEdge > 0) {
        const tmp: Pt[] = [];
        if (ir > 0) { for (let k = 0; k < profs[ir - 1].length - 1; k++) tmp.push(NAN3()); }
        profs.push([...tmp, c]);
      } else if (profs.length === ir) profs.push([c]);
      else profs[ir].push(c);
    });
    for (let ir = edge.length; ir < maxLen; ir++) profs[ir].push(NAN3());
    iEdge++;
  }
  const ml = Math.max(...profs.map((p) => p.length));
  for (const p of profs) while (p.length < ml) p.push(NAN3());
  return profs;
}

/** _get_resampled_profs: new profiles from edges resampled at `sd`, forward or backward. */
function resampledProfiles(
  profs: Pt[][],
  sd: number,
  proj: OrthographicProjection,
  refIdx: number,
  forward: boolean,
): Pt[][] {
  const idxs: number[] = [];
  if (forward) { for (let i = refIdx; i < profs.length; i++) idxs.push(i); }
  else for (let i = refIdx; i > -1; i--) idxs.push(i);
  const parr = idxs.map((i) => profs[i]);
  let csegs: number[][] = [];
  for (let e = 0; e < parr[0].length; e++) {
    csegs.push(...continuousSegments(parr.map((p) => p[e]), e));
  }
  csegs = csegs.sort((a, b) => a[0] - b[0] || b[1] - a[1] || a[2] - b[2]);
  const unique = [...new Set(csegs.map((c) => c[0]))].sort((a, b) => a - b);
  const coos: [number, number, Pt[]][] = [];
  const lines: number[][] = [];
  for (const iFrom of unique) {
    for (const cseg of csegs.filter((c) => c[0] === iFrom)) {
      const edge = parr.slice(cseg[0], cseg[1]).map((p) => p[cseg[2]]);
      if (iFrom === unique[0]) {
        let tmp = resampleCoo(Line.fromCoo(edge), sd, true);
        if (tmp.length >= 3) tmp = tmp.slice(0, -1);
        coos.push([0, cseg[2], tmp]);
      } else {
        const [tmp, iProf] = intersections(edge, lines, proj);
        coos.push([iProf, cseg[2], tmp]);
      }
    }
    computeLines(coos, iFrom, proj, lines);
  }
  return buildProfiles(buildEdges(coos));
}

/** _align_profiles: OpenQuake's top alignment loop never shifts (it pads with 0 NaNs before
 * breaking), so only the padding at the end to a common length has an effect. */
function alignProfiles(prfr: Pt[][], prfl: Pt[][]) {
  const delta = prfl[0].length - prfr[0].length;
  if (delta > 0) { for (const p of prfr) for (let k = 0; k < delta; k++) p.push(NAN3()); }
  else if (delta < 0) { for (const p of prfl) for (let k = 0; k < -delta; k++) p.push(NAN3()); }
}

/** fix_mesh: nodes without a finite neighbour along both directions become NaN. */
function fixMesh(msh: Pt[][]) {
  const R = msh.length, C = msh[0].length;
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      const row = (j > 0 && fin(msh[i][j - 1])) || (j < C - 1 && fin(msh[i][j + 1]));
      const col = (i > 0 && fin(msh[i - 1][j])) || (i < R - 1 && fin(msh[i + 1][j]));
      if (!(row && col)) msh[i][j] = NAN3();
    }
  }
}

/** _create_mesh: rows = edges sorted by depth, columns = new profiles. */
function createMesh(rprof: Pt[][], refIdx: number, edgeSd: number): Pt[][] {
  let west = 1e10, south = 1e10, east = -1e10, north = -1e10;
  for (const p of rprof) {
    for (const c of p) {
      if (!fin(c)) continue;
      west = Math.min(west, c[0]);
      east = Math.max(east, c[0]);
      south = Math.min(south, c[1]);
      north = Math.max(north, c[1]);
    }
  }
  const proj = new OrthographicProjection(west, east, north, south, haversine);
  let prfr: Pt[][] = [], prfl: Pt[][] = [];
  if (refIdx >= 0 && refIdx < rprof.length - 1) {
    prfr = resampledProfiles(rprof, edgeSd, proj, refIdx, true);
  }
  if (refIdx > 0) prfl = resampledProfiles(rprof, edgeSd, proj, refIdx, false);
  if (prfr.length > 0 && prfl.length > 0) {
    alignProfiles(prfr, prfl);
    prfl = prfl.slice(1);
  }
  const prf = [...prfr.slice().reverse(), ...prfl];
  if (prf.length <= 1) throw new Error("Not enough profiles. Decrease the spacing");
  // profiles -> edges (transpose)
  const nE = prf[0].length;
  let msh: Pt[][] = [];
  for (let e = 0; e < nE; e++) msh.push(prf.map((p) => p[e] ?? NAN3()));
  fixMesh(msh);
  const meanDepth = (row: Pt[]) => {
    const d = row.filter(fin).map((p) => p[2]);
    return d.reduce((a, b) => a + b, 0) / d.length;
  };
  msh = msh.map((r, i) => [r, meanDepth(r), i] as const)
    .sort((a, b) => (a[1] - b[1]) || (a[2] - b[2])).map((x) => x[0]);
  // _edges_fix_sorting
  for (let u = 0; u < msh.length - 1; u++) {
    for (let l = u; l < msh.length - 1; l++) {
      let swap = false;
      for (let j = 0; j < msh[u].length; j++) {
        if (Number.isFinite(msh[u][j][2]) && Number.isFinite(msh[l][j][2])) {
          if (msh[l][j][2] - msh[u][j][2] < 0) swap = true;
        }
      }
      if (swap) [msh[u], msh[l]] = [msh[l], msh[u]];
    }
  }
  return fixRightHand(msh);
}

/** Smallest-eigenvalue eigenvector of a symmetric 3x3 matrix (cyclic Jacobi). */
function smallestEigenvector(m: number[][]): number[] {
  const a = m.map((r) => r.slice());
  const v = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (let sweep = 0; sweep < 50; sweep++) {
    const off = a[0][1] ** 2 + a[0][2] ** 2 + a[1][2] ** 2;
    if (off < 1e-30 * (a[0][0] ** 2 + a[1][1] ** 2 + a[2][2] ** 2 + 1e-300)) break;
    for (const [p, q] of [[0, 1], [0, 2], [1, 2]]) {
      if (Math.abs(a[p][q]) < 1e-300) continue;
      const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
      const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
      const c = 1 / Math.sqrt(t * t + 1), s = t * c;
      for (let k = 0; k < 3; k++) {
        const akp = a[k][p], akq = a[k][q];
        a[k][p] = c * akp - s * akq;
        a[k][q] = s * akp + c * akq;
      }
      for (let k = 0; k < 3; k++) {
        const apk = a[p][k], aqk = a[q][k];
        a[p][k] = c * apk - s * aqk;
        a[q][k] = s * apk + c * aqk;
      }
      for (let k = 0; k < 3; k++) {
        const vkp = v[k][p], vkq = v[k][q];
        v[k][p] = c * vkp - s * vkq;
        v[k][q] = s * vkp + c * vkq;
      }
    }
  }
  let idx = 0;
  for (let k = 1; k < 3; k++) if (a[k][k] < a[idx][idx]) idx = k;
  return [v[0][idx], v[1][idx], v[2][idx]];
}

/**
 * GriddedSurface.get_strike of the finite nodes: plane fit in the orthographic projection
 * (z up), strike = azimuth of the horizontal normal - 90. The sign of numpy's SVD vector is
 * taken as upward, which is what LAPACK returns for all but nearly vertical planes.
 */
export function griddedStrike(pts: Pt[]): number {
  return griddedStrikeDip(pts)[0];
}

/** [strike, dip] of GriddedSurface.get_strike/get_dip. */
export function griddedStrikeDip(pts: Pt[]): [number, number] {
  const proj = OrthographicProjection.fromPoints(
    pts.map((p) => p[0]),
    pts.map((p) => p[1]),
    haversine,
  );
  const coo = pts.map((p) => [...proj.project(p[0], p[1]), -p[2]]);
  const n = coo.length;
  const ctr = [0, 1, 2].map((k) => coo.reduce((s, c) => s + c[k], 0) / n);
  const m = [0, 1, 2].map((i) =>
    [0, 1, 2].map((j) => coo.reduce((s, c) => s + (c[i] - ctr[i]) * (c[j] - ctr[j]), 0))
  );
  let v = smallestEigenvector(m);
  if (v[2] < 0) v = v.map((x) => -x);
  const h = Math.hypot(v[0], v[1]);
  const phi = Math.acos(Math.max(-1, Math.min(1, v[1] / h))) * 180 / Math.PI;
  const delta = Math.acos(Math.max(-1, Math.min(1, (v[0] * v[0] + v[1] * v[1]) / h))) * 180 /
    Math.PI;
  return [v[0] < 0 ? pyMod(360 - phi - 90, 360) : pyMod(phi - 90, 360), 90 - delta];
}

/** kite_fault._fix_right_hand: flip the columns when the top edge runs against the strike. */
function fixRightHand(msh: Pt[][]): Pt[][] {
  const strike = griddedStrike(msh.flat().filter(fin));
  const topAz = (rows: Pt[][]) =>
    Line.of(rows[0].filter(fin).map((p) => [p[0], p[1]])).averageAzimuth();
  const diff = (a: number, b: number) => pyMod(a - b + 180, 360) - 180;
  if (!(Math.abs(diff(strike, topAz(msh))) < 60)) {
    const flipped = msh.map((r) => r.slice().reverse());
    if (!(Math.abs(diff(strike, topAz(flipped))) < 60)) {
      throw new Error("The mesh still does not comply with the right hand rule");
    }
    return flipped;
  }
  return msh;
}

/** KiteSurface.__init__ cleaning: drop all-NaN rows and columns; right-hand rule. */
function cleanAndOrient(msh: Pt[][]): Pt[][] {
  let rows = msh.filter((r) => r.some(fin));
  const keep = rows[0].map((_, j) => rows.some((r) => fin(r[j])));
  rows = rows.map((r) => r.filter((_, j) => keep[j]));
  if (!rows.length || !rows[0].length) throw new Error("Error while initialising section");
  const R = rows.length, C = rows[0].length;
  if (R < 2 || C < 2) throw new Error("Mesh must have at least 2 nodes along strike and dip.");
  // first fully finite 2x2 block, scanning as OpenQuake does
  let irow = 0, icol = 0, found = false;
  for (;;) {
    if (
      fin(rows[irow][icol]) && fin(rows[irow][icol + 1]) && fin(rows[irow + 1][icol]) &&
      fin(rows[irow + 1][icol + 1])
    ) {
      found = true;
      break;
    }
    icol += 1;
    if (icol + 1 >= C) {
      irow += 1;
      icol = 1;
      if (irow + 1 >= R) break;
    }
  }
  if (!found) throw new Error("Could not find a valid quadrilateral for strike calculation");
  const a = rows[irow][icol], b = rows[irow][icol + 1], c = rows[irow + 1][icol];
  const aziStrike = azimuth(a[0], a[1], b[0], b[1]);
  const aziDip = azimuth(a[0], a[1], c[0], c[1]);
  if (Math.abs(pyMod(aziStrike - 90, 360) - aziDip) < 40) {
    rows = rows.map((r) => r.slice().reverse());
  }
  return rows;
}

function toRectMesh(rows: Pt[][]): RectMesh {
  const R = rows.length, C = rows[0].length;
  const lons = new Float64Array(R * C), lats = new Float64Array(R * C);
  const deps = new Float64Array(R * C);
  for (let i = 0; i < R; i++) {
    for (let j = 0; j < C; j++) {
      lons[i * C + j] = rows[i][j][0];
      lats[i * C + j] = rows[i][j][1];
      deps[i * C + j] = rows[i][j][2];
    }
  }
  return RectMesh.of(R, C, lons, lats, deps);
}

/** KiteSurface.from_profiles (align = false, idl = false). */
export function kiteSurfaceFromProfiles(
  profiles: number[][][],
  profileSd: number,
  edgeSd: number,
): KiteSurface {
  const [rprof, refIdx] = fixProfiles(profiles, profileSd);
  return new KiteSurface(toRectMesh(cleanAndOrient(createMesh(rprof, refIdx, edgeSd))));
}

// ------------------------------------------------------------------ the surface

export class KiteSurface implements Surface {
  private c: { strike?: number; dip?: number; width?: number; area?: number } = {};
  /** the mesh, right-hand oriented, possibly with NaN nodes */
  readonly mesh: RectMesh;

  constructor(mesh: RectMesh) {
    this.mesh = mesh;
  }

  private ok(i: number, j: number): boolean {
    return Number.isFinite(this.mesh.lon(i, j));
  }
  private finiteTop(): number[] {
    const idx: number[] = [];
    for (let j = 0; j < this.mesh.cols; j++) if (this.ok(0, j)) idx.push(j);
    return idx;
  }

  /** mean of the azimuths of the finite top-edge segments (+0.001, as OpenQuake) */
  getStrike(): number {
    if (this.c.strike === undefined) {
      const m = this.mesh, idx = this.finiteTop();
      let s = 0;
      for (let k = 0; k < idx.length - 1; k++) {
        const a = idx[k], b = idx[k + 1];
        s += pyMod(azimuth(m.lon(0, a), m.lat(0, a), m.lon(0, b), m.lat(0, b)) + 0.001, 360);
      }
      this.c.strike = s / (idx.length - 1);
    }
    return this.c.strike;
  }

  /** length-weighted mean of the mean dip of each column */
  getDip(): number {
    if (this.c.dip === undefined) {
      const m = this.mesh;
      const dips: number[] = [], lens: number[] = [];
      for (let j = 0; j < m.cols; j++) {
        const tmp: number[] = [];
        let len = 0;
        for (let i = 0; i < m.rows - 1; i++) {
          if (!this.ok(i, j) || !this.ok(i + 1, j)) continue;
          const h = haversine(m.lon(i + 1, j), m.lat(i + 1, j), m.lon(i, j), m.lat(i, j));
          const v = m.depth(i + 1, j) - m.depth(i, j);
          if (!Number.isFinite(h) || !Number.isFinite(v)) continue;
          tmp.push(h > VERY_SMALL ? Math.atan(v / h) * 180 / Math.PI : 90);
          len += Math.sqrt(h * h + v * v);
        }
        if (tmp.length) {
          dips.push(tmp.reduce((a, b) => a + b, 0) / tmp.length);
          lens.push(len);
        }
      }
      const tot = lens.reduce((a, b) => a + b, 0);
      this.c.dip = dips.reduce((s, d, k) => s + d * lens[k] / tot, 0);
    }
    return this.c.dip;
  }

  /** mean over the columns of the summed lengths of consecutive finite nodes */
  getWidth(): number {
    if (this.c.width === undefined) {
      const m = this.mesh, widths: number[] = [];
      for (let j = 0; j < m.cols; j++) {
        let w = 0, n = 0;
        for (let i = 0; i < m.rows - 1; i++) {
          if (!this.ok(i, j) || !this.ok(i + 1, j)) continue;
          w += distance3d(
            m.lon(i, j),
            m.lat(i, j),
            m.depth(i, j),
            m.lon(i + 1, j),
            m.lat(i + 1, j),
            m.depth(i + 1, j),
            haversine,
          );
          n++;
        }
        if (n) widths.push(w);
      }
      this.c.width = widths.reduce((a, b) => a + b, 0) / widths.length;
    }
    return this.c.width;
  }

  /** sum of the finite cell areas (Heron on 3D distances, diagonal 00-11) */
  getArea(): number {
    if (this.c.area === undefined) {
      const m = this.mesh;
      const d = (i1: number, j1: number, i2: number, j2: number) =>
        distance3d(
          m.lon(i1, j1),
          m.lat(i1, j1),
          m.depth(i1, j1),
          m.lon(i2, j2),
          m.lat(i2, j2),
          m.depth(i2, j2),
          haversine,
        );
      const heron = (a: number, b: number, c: number) => {
        const s = (a + b + c) * 0.5;
        return (s * (s - a) * (s - b) * (s - c)) ** 0.5;
      };
      let area = 0;
      for (let i = 0; i < m.rows - 1; i++) {
        for (let j = 0; j < m.cols - 1; j++) {
          const dd = d(i + 1, j + 1, i, j);
          const upp = heron(d(i, j + 1, i, j), d(i, j, i + 1, j), dd);
          const low = heron(d(i + 1, j + 1, i + 1, j), d(i, j + 1, i + 1, j + 1), dd);
          if (Number.isFinite(upp) && Number.isFinite(low)) area += upp + low;
        }
      }
      this.c.area = area;
    }
    return this.c.area;
  }

  getZtor(): number {
    let z = Infinity;
    for (const j of this.finiteTop()) z = Math.min(z, this.mesh.depth(0, j));
    return z;
  }

  getBoundingBox(): [number, number, number, number] {
    return this.mesh.boundingBox();
  }

  /** the finite node closest to the Cartesian centroid of the finite nodes */
  getMiddlePoint(): [number, number, number] {
    const { lons, lats, depths } = this.mesh.arrays();
    const pts: number[] = [], xyz = new Float64Array(3);
    let cx = 0, cy = 0, cz = 0, n = 0;
    const all: number[][] = [];
    for (let k = 0; k < lons.length; k++) {
      if (Number.isNaN(lons[k]) || Number.isNaN(lats[k]) || Number.isNaN(depths[k])) continue;
      sphericalToCartesianInto(lons[k], lats[k], depths[k], xyz, 0);
      all.push([xyz[0], xyz[1], xyz[2]]);
      pts.push(k);
      cx += xyz[0];
      cy += xyz[1];
      cz += xyz[2];
      n++;
    }
    cx /= n;
    cy /= n;
    cz /= n;
    let best = 0, bd = Infinity;
    all.forEach((p, q) => {
      const d = Math.sqrt((cx - p[0]) ** 2 + (cy - p[1]) ** 2 + (cz - p[2]) ** 2);
      if (d < bd) {
        bd = d;
        best = q;
      }
    });
    const k = pts[best];
    return [lons[k], lats[k], depths[k]];
  }

  /** get_center: the node at round(rows/2), round(cols/2) (the rupture hypocentre) */
  getCenter(): [number, number, number] {
    const i = Math.trunc(npRound(this.mesh.rows / 2)), j = Math.trunc(npRound(this.mesh.cols / 2));
    return [this.mesh.lon(i, j), this.mesh.lat(i, j), this.mesh.depth(i, j)];
  }

  private isVertical(): boolean {
    const m = this.mesh;
    for (let j = 0; j < m.cols; j++) {
      const col: number[] = [];
      for (let i = 0; i < m.rows; i++) if (this.ok(i, j)) col.push(i);
      for (let k = 1; k < col.length; k++) {
        const b = col[k];
        // min_geodetic_distance: nearest of all the previous nodes of the column
        let dho = Infinity;
        for (let q = 0; q < col.length - 1; q++) {
          const a = col[q];
          dho = Math.min(dho, chordSurface(m.lon(a, j), m.lat(a, j), m.lon(b, j), m.lat(b, j)));
        }
        const dve = m.depth(b, j) - m.depth(col[k - 1], j);
        const ang = dho > VERY_SMALL ? Math.atan(dve / dho) * 180 / Math.PI : 90;
        if (!(ang > ALMOST_RIGHT_ANGLE)) return false;
      }
    }
    return true;
  }

  /** _get_external_boundary: surface projection of the outline */
  externalBoundary(): [number[], number[]] {
    const m = this.mesh;
    if (this.isVertical()) {
      const firstFinite = (j: number) => {
        for (let i = 0; i < m.rows; i++) if (this.ok(i, j)) return i;
        return 0;
      };
      const i0 = firstFinite(0), i1 = firstFinite(m.cols - 1);
      const slo = m.lon(i0, 0), sla = m.lat(i0, 0);
      const elo = m.lon(i1, m.cols - 1), ela = m.lat(i1, m.cols - 1);
      const strike = azimuth(slo, sla, elo, ela);
      const lo: number[] = [], la: number[] = [];
      for (
        const [x, y, az] of [
          [slo, sla, strike - 90],
          [slo, sla, strike + 90],
          [elo, ela, strike + 90],
          [elo, ela, strike - 90],
        ]
      ) {
        const t = npointsTowards(x, y, 0, az, 0.1, 0, 2);
        lo.push(t[0][1]);
        la.push(t[1][1]);
      }
      return [lo, la];
    }
    const iul: number[][] = [], ilr: number[][] = [];
    for (let j = 0; j < m.cols; j++) {
      const idx: number[] = [];
      for (let i = 0; i < m.rows; i++) if (this.ok(i, j)) idx.push(i);
      if (idx.length) iul.push([Math.min(...idx), Math.max(...idx)]);
    }
    for (let i = 0; i < m.rows; i++) {
      const idx: number[] = [];
      for (let j = 0; j < m.cols; j++) if (this.ok(i, j)) idx.push(j);
      if (idx.length) ilr.push([Math.min(...idx), Math.max(...idx)]);
    }
    const bnd: number[][] = [];
    for (let j = 0; j < m.cols; j++) bnd.push([iul[j][0], j]);
    const last = iul[iul.length - 1];
    for (let i = last[0] + 1; i < last[1]; i++) bnd.push([i, ilr[i][1]]);
    for (let j = m.cols - 1; j >= 0; j--) bnd.push([iul[j][1], j]);
    for (let i = iul[0][1] - 1; i > iul[0][0]; i--) bnd.push([i, ilr[i][0]]);
    return [bnd.map(([i, j]) => m.lon(i, j)), bnd.map(([i, j]) => m.lat(i, j))];
  }

  private rjb(slons: ArrayLike<number>, slats: ArrayLike<number>, out: Float64Array) {
    const [blo, bla] = this.externalBoundary();
    let proj: OrthographicProjection | undefined;
    let xs: number[] = [], ys: number[] = [];
    for (let s = 0; s < slons.length; s++) {
      let d = Infinity;
      for (let k = 0; k < blo.length; k++) {
        d = Math.min(d, chordSurface(blo[k], bla[k], slons[s], slats[s]));
      }
      if (d < 40) {
        if (!proj) {
          proj = OrthographicProjection.fromPoints(blo, bla, haversine);
          const xy = blo.map((lo, k) => proj!.project(lo, bla[k]));
          xs = xy.map((p) => p[0]);
          ys = xy.map((p) => p[1]);
        }
        const [x, y] = proj.project(slons[s], slats[s]);
        d = xs.length < 3 ? hullDistance(xs, ys, x, y) : polygonDistance(xs, ys, x, y);
      }
      out[s] = d;
    }
  }

  private rx(slons: ArrayLike<number>, slats: ArrayLike<number>, out: Float64Array) {
    const m = this.mesh, k = m.cols, idx = this.finiteTop();
    const ia = idx[0], ib = idx[idx.length - 2];
    const lo = (j: number) => m.lon(0, j), la = (j: number) => m.lat(0, j);
    for (let s = 0; s < slons.length; s++) {
      const x = slons[s], y = slats[s];
      if (k < 3) {
        out[s] = distanceToArc(lo(0), la(0), azimuth(lo(0), la(0), lo(1), la(1)), x, y);
        continue;
      }
      let best = NaN;
      for (let i = 0; i < k - 1; i++) {
        if (!this.ok(0, i) || !this.ok(0, i + 1)) continue;
        let p1 = i, p2 = i + 1;
        if (i === 0) [p1, p2] = [p2, p1];
        let d: number;
        if (i === ia || i === ib) {
          d = distanceToSemiArc(lo(p1), la(p1), azimuth(lo(p1), la(p1), lo(p2), la(p2)), x, y);
        } else d = minDistanceToSegment(lo(p1), la(p1), lo(p2), la(p2), x, y);
        if (i === 0) d = -d;
        if (Number.isNaN(best) || Math.abs(d) < Math.abs(best)) best = d;
      }
      out[s] = best;
    }
  }

  distances(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    names: DistanceName[],
    out: Partial<Record<DistanceName, Float64Array>>,
    depths?: ArrayLike<number>,
  ): void {
    for (const name of names) {
      const arr = outArray(out, name, lons.length);
      if (name === "rrup") this.mesh.minDistance(lons, lats, arr, depths);
      else if (name === "rjb") this.rjb(lons, lats, arr);
      else if (name === "rx") this.rx(lons, lats, arr);
      else if (name === "ry0") {
        const idx = this.finiteTop();
        this.mesh.ry0Distance(this.getStrike(), lons, lats, arr, idx[0], idx[idx.length - 1]);
      } else throw new Error(`distance ${name} is not available for kite surfaces`);
    }
  }
}

// ------------------------------------------------------------------ floating ruptures

/** kite_fault.get_discrete_dimensions: rupture length and width, multiples of the samplings. */
export function discreteDimensions(
  area: number,
  sampling: number,
  aspr: number,
  samplingY = sampling,
): [number, number] {
  if (aspr % 1 < 0.01) aspr += 0.05;
  const l0 = Math.ceil((area * aspr) ** 0.5 / sampling) * sampling;
  const l1 = Math.floor((area * aspr) ** 0.5 / sampling) * sampling;
  const widths = [
    Math.ceil(l0 / aspr / samplingY) * samplingY,
    Math.floor(l0 / aspr / samplingY) * samplingY,
    Math.ceil(l1 / aspr / samplingY) * samplingY,
    Math.floor(l1 / aspr / samplingY) * samplingY,
  ];
  // numpy.tile pairs lengths [l0, l1] x4 with widths x2, element by element
  const a = [l0, l1, l0, l1, l0, l1, l0, l1];
  const b = [...widths, ...widths];
  let idx = 0, best = Infinity;
  for (let k = 0; k < 8; k++) {
    const v = Math.abs(a[k] * b[k] - area) ** 0.5 + Math.abs(a[k] / b[k] - aspr) * sampling;
    if (v < best) {
      best = v;
      idx = k;
    }
  }
  const lng = a[idx], wdt = b[idx];
  const err = Math.abs(lng * wdt - area) / area;
  if (Math.abs(wdt - samplingY) < 1e-10 || (Math.abs(lng - sampling) < 1e-10 && err > 0.3)) {
    throw new Error(`rupture of area ${area} km² cannot be represented with these samplings`);
  } else if (err > 0.25 && lng > 1e-10 && wdt > 1e-10) {
    throw new Error(
      `Sampling along strike: ${sampling}, along dip: ${samplingY}, area expected: ${area}, ` +
        `area computed: ${lng * wdt}`,
    );
  }
  return [lng, wdt];
}

/** arange(0, n, step), shrinking the step until the last node is n - 1 (as _get_meshes). */
function floatNodes(n: number, step: number): number[] {
  const nodes = (st: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i += st) out.push(i);
    return out;
  };
  let x = nodes(step);
  while (x.length > 0 && step > 1 && x[x.length - 1] !== n - 1) x = nodes(--step);
  return x;
}

/** _get_meshes: columns outer, rows inner; windows containing NaN nodes are skipped. */
export function floatingMeshes(
  m: RectMesh,
  rupS: number,
  rupD: number,
  fStrike = 1,
  fDip = 1,
): RectMesh[] {
  const out: RectMesh[] = [];
  for (const i of floatNodes(m.cols - rupS + 1, fStrike)) {
    for (const j of floatNodes(m.rows - rupD + 1, fDip)) {
      let nna = 0;
      for (let r = j; r < j + rupD; r++) {
        for (let c = i; c < i + rupS; c++) if (Number.isFinite(m.lon(r, c))) nna++;
      }
      const prc = nna / (rupD * rupS) * 100;
      if (prc > 99.99 && nna >= 4) out.push(m.sub(j, j + rupD, i, i + rupS));
    }
  }
  return out;
}

/** The whole kite surface of a kiteFaultSource (profiles sampled at spacing / aspect ratio). */
export function kiteSourceSurface(
  g: SimpleFaultGeometry | KiteSurfaceGeometry,
  meshSpacing: number,
  aspectRatio: number,
): KiteSurface {
  const profiles = g.kind === "simpleFaultGeometry"
    ? profilesFromSimpleFault(g, meshSpacing)
    : g.profiles;
  return kiteSurfaceFromProfiles(profiles, meshSpacing / aspectRatio, meshSpacing);
}

/** KiteFaultSource._gen_meshes: [mag, rate per rupture, rupture meshes] per magnitude. */
export function* kiteFloatingMeshes(
  g: SimpleFaultGeometry | KiteSurfaceGeometry,
  meshSpacing: number,
  aspectRatio: number,
  magRates: [number, number][],
  area: (mag: number) => number,
  floatingXStep = 0,
  floatingYStep = 0,
): Generator<[number, number, RectMesh[]]> {
  const surface = kiteSourceSurface(g, meshSpacing, aspectRatio);
  const profileSd = meshSpacing / aspectRatio;
  for (const [mag, rate] of magRates) {
    const [lng, wdt] = discreteDimensions(area(mag), meshSpacing, aspectRatio, profileSd);
    const rupLen = Math.trunc(npRound(lng / meshSpacing)) + 1;
    const rupWid = Math.trunc(npRound(wdt / profileSd)) + 1;
    // OpenQuake tests floating_x_step for both directions
    const fStrike = floatingXStep === 0 ? 1 : Math.floor(rupLen * floatingXStep) || 1;
    const fDip = floatingXStep === 0 ? 1 : Math.floor(rupWid * floatingYStep) || 1;
    const meshes = floatingMeshes(surface.mesh, rupLen, rupWid, fStrike, fDip);
    if (meshes.length) yield [mag, rate / meshes.length, meshes];
  }
}
