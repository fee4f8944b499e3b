// Polylines in 3D (lon, lat, depth) with OpenQuake's resampling algorithms
// (hazardlib/geo/line.py): `resample` (fixed step in an orthographic projection, used by
// simple fault traces and kite profiles/edges) and `resampleToNumPoints` (complex fault edges).

import { azimuth, distance3d, haversine, OrthographicProjection, pointAt } from "./geodetic.ts";

/** A point [lon, lat, depth]. */
export type P3 = [number, number, number];

/** Two points closer than this (km) are the same point (Point.EQUALITY_DISTANCE). */
const EQUALITY_DISTANCE = 1e-3;
/** resample: "vertical" when the last two resampled points differ less than this in degrees. */
const SMALL = 1e-2;

/** Remove adjacent duplicates (within 1 m), as Line(points) does. */
export function cleanPoints(points: number[][]): P3[] {
  const out: P3[] = [];
  for (const p of points) {
    const q: P3 = [p[0], p[1], p[2] ?? 0];
    const last = out[out.length - 1];
    if (
      !last ||
      distance3d(last[0], last[1], last[2], q[0], q[1], q[2], haversine) > EQUALITY_DISTANCE
    ) {
      out.push(q);
    }
  }
  if (out.length < 2) throw new Error("At least two distinct points are needed for a line!");
  return out;
}

export class Line {
  readonly proj: OrthographicProjection;
  readonly length: number;

  private constructor(readonly coo: P3[]) {
    this.proj = OrthographicProjection.fromPoints(
      coo.map((p) => p[0]),
      coo.map((p) => p[1]),
      haversine,
    );
    let len = 0;
    for (let i = 1; i < coo.length; i++) len += segLength(coo[i - 1], coo[i]);
    this.length = len;
  }

  /** Line(points): adjacent duplicate points are removed. */
  static of(points: number[][]): Line {
    return new Line(cleanPoints(points));
  }

  /** Line.from_coo: coordinates taken as they are. */
  static fromCoo(coo: number[][]): Line {
    return new Line(coo.map((p) => [p[0], p[1], p[2] ?? 0] as P3));
  }

  get size(): number {
    return this.coo.length;
  }

  /** Lengths of the segments (3D). */
  lengths(): number[] {
    const out: number[] = [];
    for (let i = 1; i < this.coo.length; i++) out.push(segLength(this.coo[i - 1], this.coo[i]));
    return out;
  }

  /** Weighted mean azimuth of the segments (Line.azimuth). */
  averageAzimuth(): number {
    const c = this.coo;
    if (c.length === 2) return azimuth(c[0][0], c[0][1], c[1][0], c[1][1]);
    let ss = 0, cs = 0;
    for (let i = 1; i < c.length; i++) {
      const az = azimuth(c[i - 1][0], c[i - 1][1], c[i][0], c[i][1]) * Math.PI / 180;
      const w = haversine(c[i - 1][0], c[i - 1][1], c[i][0], c[i][1]);
      ss += Math.sin(az) * w;
      cs += Math.cos(az) * w;
    }
    const m = Math.atan2(ss, cs) * 180 / Math.PI;
    return ((m % 360) + 360) % 360;
  }

  /** Line.resample: points exactly `sectLen` km apart (in the projection) along the line. */
  resample(sectLen: number, origExtremes = false): Line {
    return Line.fromCoo(resampleCoo(this, sectLen, origExtremes));
  }

  /** Line.resample_to_num_points: n points equally spaced along the 3D length. */
  resampleToNumPoints(n: number): Line {
    const pts = this.coo;
    if (pts.length < 2) throw new Error("can not resample the line of one point");
    const section = this.length / (n - 1);
    const out: number[][] = [pts[0]];
    let segment = 0, acc = 0, lastLen = 0;
    for (let i = 0; i < n - 1; i++) {
      const tot = (i + 1) * section;
      while (tot > acc && segment < pts.length - 1) {
        lastLen = segLength(pts[segment], pts[segment + 1]);
        acc += lastLen;
        segment++;
      }
      const p1 = pts[segment - 1], p2 = pts[segment];
      const offset = tot - (acc - lastLen);
      out.push(offset < 1e-5 ? p1 : stepTowards(p1, p2, offset));
    }
    return Line.of(out);
  }
}

function segLength(a: P3, b: P3): number {
  return distance3d(a[0], a[1], a[2], b[0], b[1], b[2], haversine);
}

/** The first point of `intervals_between(p1, p2, offset)` after p1. */
function stepTowards(p1: P3, p2: P3, offset: number): P3 {
  const h = haversine(p1[0], p1[1], p2[0], p2[1]), v = p2[2] - p1[2];
  const total = Math.round(Math.sqrt(h * h + v * v) * 1e7) / 1e7;
  const n = Math.floor(total / offset + 0.5);
  if (n === 0) throw new Error("resampling step larger than the segment");
  const f = (offset * n) / total;
  const [lon, lat] = pointAt(p1[0], p1[1], azimuth(p1[0], p1[1], p2[0], p2[1]), (h * f) / n);
  return [lon, lat, p1[2] + (v * f) / n];
}

function dist3(a: number[], b: number[]): number {
  const dx = a[0] - b[0], dy = a[1] - b[1], dz = a[2] - b[2];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** find_t: the point of segment [p0, p1] at `r` from `ref` (sphere-line intersection). */
function findT(p0: number[], p1: number[], ref: number[], r: number): number[] {
  const [x1, y1, z1] = p0, [x2, y2, z2] = p1, [x3, y3, z3] = ref;
  const pa = (x2 - x1) ** 2 + (y2 - y1) ** 2 + (z2 - z1) ** 2;
  const pb = 2 * ((x2 - x1) * (x1 - x3) + (y2 - y1) * (y1 - y3) + (z2 - z1) * (z1 - z3));
  const pc = x3 ** 2 + y3 ** 2 + z3 ** 2 + x1 ** 2 + y1 ** 2 + z1 ** 2 -
    2 * (x3 * x1 + y3 * y1 + z3 * z1) - r ** 2;
  const chk = pb * pb - 4 * pa * pc;
  if (chk < 0) return [NaN, NaN, NaN];
  let pu = (-pb + Math.sqrt(chk)) / (2 * pa);
  let x = x1 + pu * (x2 - x1), y = y1 + pu * (y2 - y1), z = z1 + pu * (z2 - z1);
  const inside = x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) &&
    y <= Math.max(y1, y2) && z >= Math.min(z1, z2) && z <= Math.max(z1, z2);
  if (!inside) {
    pu = (-pb - Math.sqrt(chk)) / (2 * pa);
    x = x1 + pu * (x2 - x1);
    y = y1 + pu * (y2 - y1);
    z = z1 + pu * (z2 - z1);
  }
  return [x, y, z];
}

/** _get_same_dir: does the last resampled step go the way of the final vertex? */
function sameDir(rtra: number[][], coo: P3[]): boolean {
  const a = rtra[rtra.length - 2], b = rtra[rtra.length - 1], last = coo[coo.length - 1];
  if (Math.abs(a[0] - b[0]) < SMALL && Math.abs(a[1] - b[1]) < SMALL) {
    return !(last[2] < b[2]);
  }
  const azR = azimuth(a[0], a[1], b[0], b[1]);
  const azO = azimuth(b[0], b[1], last[0], last[1]);
  return Math.abs(azR - azO) < 30;
}

/** line._resample */
export function resampleCoo(line: Line, sectLen: number, origExtremes: boolean): number[][] {
  const coo = line.coo, proj = line.proj, n = coo.length;
  const txy = coo.map((p) => [...proj.project(p[0], p[1]), p[2]]);
  const rtraPrj: number[][] = [txy[0]];
  const rtra: number[][] = [coo[0]];
  const update = (pnt: number[]) => {
    const [lon, lat] = proj.reverse(pnt[0], pnt[1]);
    rtra.push([lon, lat, pnt[2]]);
    rtraPrj.push(pnt);
  };
  let idxVtx = -1;
  for (let guard = 0; guard < 1e7; guard++) {
    const ref = rtraPrj[rtraPrj.length - 1];
    // farthest vertex within sectLen (vertices already passed excluded); argmax of -inf is 0
    let idx = 0, best = -Infinity;
    for (let k = 0; k < n; k++) {
      const d = idxVtx > 0 && k < idxVtx ? 100000 : dist3(txy[k], ref);
      const v = d <= sectLen ? d : -Infinity;
      if (v > best) {
        best = v;
        idx = k;
      }
    }
    if (idx < n - 1) {
      const pnt = findT(txy[idx + 1], txy[idx], ref, sectLen);
      if (pnt.some(Number.isNaN)) throw new Error("Did not find the intersection");
      update(pnt);
      let last = rtraPrj[rtraPrj.length - 1];
      const target = txy[idx + 1];
      let chk = dist3(target, last);
      const rat = [0, 1, 2].map((c) => (target[c] - last[c]) / chk);
      while (chk > sectLen * 0.9999) {
        update([0, 1, 2].map((c) => last[c] + sectLen * rat[c]));
        last = rtraPrj[rtraPrj.length - 1];
        chk = dist3(target, last);
      }
    } else {
      const same = rtra.length > 1 ? sameDir(rtra, coo) : true;
      const last = rtraPrj[rtraPrj.length - 1];
      const dfl = dist3(last, txy[n - 1]);
      if (
        (dfl > sectLen / 2 && !origExtremes && same) ||
        (dfl < sectLen / 2 && !origExtremes && !same)
      ) {
        const a = txy[n - 1], b = txy[n - 2], chk = dist3(a, b);
        update([0, 1, 2].map((c) => last[c] + (sectLen * (a[c] - b[c])) / chk));
      } else if (origExtremes) {
        rtra.push(coo[n - 1]);
      }
      break;
    }
    idxVtx = idx + 1;
  }
  // clean_points on arrays: drop exact adjacent duplicates
  const out: number[][] = [rtra[0]];
  for (let k = 1; k < rtra.length; k++) {
    const p = rtra[k], q = out[out.length - 1];
    if (p[0] !== q[0] || p[1] !== q[1] || p[2] !== q[2]) out.push(p);
  }
  if (out.length < 2) throw new Error("At least two distinct points are needed for a line!");
  return out;
}
