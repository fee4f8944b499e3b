// Multi-surfaces (hazardlib/geo/surface/multi.py): several planar, mesh or kite surfaces acting
// as one rupture. rrup and rjb are minima over the components; rx and ry0 come from the GC2
// coordinates (Spudich & Chiou 2015) of the multi-line of the top edges (geo/multiline.py);
// strike, dip, width and ztor are area-weighted means.

import { Line } from "./line.ts";
import {
  azimuth,
  haversine,
  middlePoint,
  OrthographicProjection,
  pyMod,
  sphericalBoundingBox,
} from "./geodetic.ts";
import { outArray } from "./mesh.ts";
import type { DistanceName, Surface } from "./surface.ts";

const TOLERANCE = 0.1;

/** The top edge (trace) of a component surface. */
function topEdge(s: Surface): number[][] {
  const any = s as unknown as {
    corners?: number[][];
    mesh?: { cols: number; lon(i: number, j: number): number; lat(i: number, j: number): number };
  };
  if (any.corners) return [any.corners[0], any.corners[1]];
  if (any.mesh) {
    const m = any.mesh, pts: number[][] = [];
    for (let j = 0; j < m.cols; j++) {
      if (Number.isFinite(m.lon(0, j))) pts.push([m.lon(0, j), m.lat(0, j), 0]);
    }
    return keepCorners(pts, 1);
  }
  throw new Error("multi-surface component without a top edge");
}

/** Line.keep_corners: drop the vertices where the azimuth changes by less than delta. */
function keepCorners(pts: number[][], delta: number): number[][] {
  const az: number[] = [];
  for (let k = 0; k < pts.length - 1; k++) {
    az.push(azimuth(pts[k][0], pts[k][1], pts[k + 1][0], pts[k + 1][1]));
  }
  const keep = new Set([0, pts.length - 1]);
  for (let k = 0; k < az.length - 1; k++) if (Math.abs(az[k + 1] - az[k]) > delta) keep.add(k + 1);
  return [...keep].sort((a, b) => a - b).map((k) => pts[k]);
}

function angularMeanWeighted(degs: number[], ws: number[]): number {
  let s = 0, c = 0;
  degs.forEach((d, k) => {
    s += Math.sin(d * Math.PI / 180) * ws[k];
    c += Math.cos(d * Math.PI / 180) * ws[k];
  });
  return Math.atan2(s, c) * 180 / Math.PI;
}

interface TraceLine {
  line: Line;
  coo: number[][];
  slen: number[];
  uhat: number[][];
  that: number[][];
}

function traceLine(pts: number[][]): TraceLine {
  const line = Line.fromCoo(pts.map((p) => [p[0], p[1], 0]));
  const xy = line.coo.map((p) => line.proj.project(p[0], p[1]));
  const slen: number[] = [], uhat: number[][] = [], that: number[][] = [];
  for (let k = 0; k < xy.length - 1; k++) {
    const dx = xy[k + 1][0] - xy[k][0], dy = xy[k + 1][1] - xy[k][1];
    const l = Math.hypot(dx, dy);
    slen.push(l);
    uhat.push([dx / l, dy / l]);
    // cross(sg, [0, 0, 1]) = [dy, -dx, 0]
    that.push([dy / l, -dx / l]);
  }
  return { line, coo: line.coo.map((p) => [p[0], p[1]]), slen, uhat, that };
}

/** line.get_tuw for one (possibly flipped) trace and one site: [t, u, w]. */
function tuw(tl: TraceLine, flipped: boolean, lon: number, lat: number): [number, number, number] {
  const coo = flipped ? tl.coo.slice().reverse() : tl.coo;
  const sgn = flipped ? -1 : 1;
  const [sx, sy] = tl.line.proj.project(lon, lat);
  const n = coo.length - 1;
  const ui: number[] = [], ti: number[] = [], ws: number[] = [];
  let onTrace = false;
  for (let i = 0; i < n; i++) {
    const [tx, ty] = tl.line.proj.project(coo[i][0], coo[i][1]);
    const dx = sx - tx, dy = sy - ty;
    const u = dx * sgn * tl.uhat[i][0] + dy * sgn * tl.uhat[i][1];
    const t = dx * sgn * tl.that[i][0] + dy * sgn * tl.that[i][1];
    ui.push(u);
    ti.push(t);
    const seglen = tl.slen[i];
    let w = 0;
    if (Math.abs(t) >= TOLERANCE) {
      w = (Math.atan((seglen - u) / t) - Math.atan(-u / t)) / t;
    } else if (u < -TOLERANCE || u > seglen + TOLERANCE) {
      w = 1 / (u - seglen) - 1 / u;
    } else {
      w = 1 / (-0.01 - seglen) + 1 / 0.01;
      onTrace = true;
    }
    ws.push(w);
  }
  const wsum = ws.reduce((a, b) => a + b, 0);
  let t = 0, u = 0, acc = 0;
  for (let i = 0; i < n; i++) {
    t += ti[i] * ws[i] / wsum;
    u += (ui[i] + acc) * ws[i];
    acc += tl.slen[i];
  }
  return [onTrace ? 0 : t, u / wsum, wsum];
}

/** GC2 multi-line of the top edges (MultiLine). */
class MultiLine {
  readonly lines: TraceLine[];
  readonly flipped: boolean[];
  readonly soidx: number[];
  readonly shift: number[];

  constructor(traces: number[][][]) {
    this.lines = traces.map(traceLine);
    const lengths = this.lines.map((l) => l.line.length);
    const azs = this.lines.map((l) => l.line.averageAzimuth());
    const ends = this.lines.map((l) => [l.coo[0], l.coo[l.coo.length - 1]]);
    const proj = OrthographicProjection.fromPoints(
      ends.flat().map((p) => p[0]),
      ends.flat().map((p) => p[1]),
      haversine,
    );
    const ave = pyMod(angularMeanWeighted(azs, lengths), 360);
    const inIdx = azs.map((a) =>
      ave >= 90 && ave <= 270
        ? a >= pyMod(ave - 90, 360) && a < pyMod(ave + 90, 360)
        : a >= pyMod(ave - 90, 360) || a < pyMod(ave + 90, 360)
    );
    const scale = azs.map((a) => Math.abs(Math.cos(Math.abs(a - ave) * Math.PI / 180)));
    let num = 0, den = 0;
    azs.forEach((_, k) => {
      den += lengths[k] * scale[k];
      if (inIdx[k]) num += lengths[k] * scale[k];
    });
    const strikeToEast = num / den > 0.5;
    this.flipped = inIdx.map((v) => strikeToEast ? !v : v);
    const azs2 = azs.map((a, k) => this.flipped[k] ? pyMod(a + 180, 360) : a);
    const avgAzim = pyMod(angularMeanWeighted(azs2, lengths), 360);
    // get_origin
    const flat = ends.flat();
    const pxy = flat.map((p) => proj.project(p[0], p[1]));
    const toEast = (avgAzim > 0 && avgAzim <= 180) || Math.abs(avgAzim) < 0.1;
    let idx = 0;
    for (let k = 1; k < pxy.length; k++) {
      if (toEast ? pxy[k][0] < pxy[idx][0] : pxy[k][0] > pxy[idx][0]) idx = k;
    }
    const eps = ends.map((_, i) => Math.min(pxy[2 * i][0], pxy[2 * i + 1][0]));
    let soidx = eps.map((_, i) => i).sort((a, b) => eps[a] - eps[b]);
    if (!toEast) soidx = soidx.reverse();
    const [olon, olat] = proj.reverse(pxy[idx][0], pxy[idx][1]);
    this.soidx = soidx;
    this.shift = soidx.map((i) => {
      const p = ends[i][this.flipped[i] ? 1 : 0];
      const d = haversine(olon, olat, p[0], p[1]);
      const az = azimuth(olon, olat, p[0], p[1]);
      return Math.cos((avgAzim - az) * Math.PI / 180) * d;
    });
  }

  /** [t, u] of a site */
  tu(lon: number, lat: number): [number, number] {
    let ts = 0, us = 0, ws = 0;
    this.soidx.forEach((idx, i) => {
      const [t, u, w] = tuw(this.lines[idx], this.flipped[idx], lon, lat);
      ts += t * w;
      us += (u + this.shift[i]) * w;
      ws += w;
    });
    return [ts / ws, us / ws];
  }

  uMax(): number {
    let m = 0;
    for (const l of this.lines) {
      for (const p of [l.coo[0], l.coo[l.coo.length - 1]]) {
        m = Math.max(m, Math.abs(this.tu(p[0], p[1])[1]));
      }
    }
    return m;
  }
}

export class MultiSurface implements Surface {
  private readonly params: {
    area: number;
    dip: number;
    strike: number;
    width: number;
    ztor: number;
    bbox: [number, number, number, number];
  };
  private tor?: MultiLine;

  constructor(readonly surfaces: Surface[]) {
    const areas = surfaces.map((s) => s.getArea());
    const area = areas.reduce((a, b) => a + b, 0);
    const ws = areas.map((a) => a / area);
    const wmean = (f: (s: Surface) => number) => surfaces.reduce((t, s, k) => t + ws[k] * f(s), 0);
    const lons: number[] = [], lats: number[] = [];
    for (const s of surfaces) {
      const [w, so, e, n] = s.getBoundingBox();
      lons.push(w, e);
      lats.push(n, so);
    }
    const [w, e, n, s] = sphericalBoundingBox(lons, lats);
    this.params = {
      area,
      dip: wmean((s) => s.getDip()),
      strike: pyMod(angularMeanWeighted(surfaces.map((s) => s.getStrike()), ws), 360),
      width: wmean((s) => s.getWidth()),
      ztor: wmean((s) => s.getZtor()),
      bbox: [w, s, e, n],
    };
  }

  getStrike(): number {
    return this.params.strike;
  }
  getDip(): number {
    return this.params.dip;
  }
  getZtor(): number {
    return this.params.ztor;
  }
  getWidth(): number {
    return this.params.width;
  }
  getArea(): number {
    return this.params.area;
  }
  getBoundingBox(): [number, number, number, number] {
    return this.params.bbox;
  }

  /** middle point of the component closest to the middle of the bounding box */
  getMiddlePoint(): [number, number, number] {
    if (this.surfaces.length === 1) return this.surfaces[0].getMiddlePoint();
    const [w, s, e, n] = this.params.bbox;
    const [lon, lat] = middlePoint(w, n, e, s, haversine);
    let best = 0, bd = Infinity;
    this.surfaces.forEach((surf, k) => {
      const out: Partial<Record<DistanceName, Float64Array>> = {};
      surf.distances([lon], [lat], ["rrup"], out);
      if (out.rrup![0] < bd) {
        bd = out.rrup![0];
        best = k;
      }
    });
    return this.surfaces[best].getMiddlePoint();
  }

  distances(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    names: DistanceName[],
    out: Partial<Record<DistanceName, Float64Array>>,
    depths?: ArrayLike<number>,
  ): void {
    const N = lons.length;
    for (const name of names) {
      const arr = outArray(out, name, N);
      if (name === "rrup" || name === "rjb") {
        arr.fill(Infinity, 0, N);
        for (const s of this.surfaces) {
          const o: Partial<Record<DistanceName, Float64Array>> = {};
          s.distances(lons, lats, [name], o, depths);
          for (let i = 0; i < N; i++) arr[i] = Math.min(arr[i], o[name]![i]);
        }
      } else if (name === "rx" || name === "ry0") {
        this.tor ??= new MultiLine(this.surfaces.map(topEdge));
        const uMax = name === "ry0" ? this.tor.uMax() : 0;
        for (let i = 0; i < N; i++) {
          const [t, u] = this.tor.tu(lons[i], lats[i]);
          arr[i] = name === "rx" ? t : u < 0 ? -u : u > uMax ? u - uMax : 0;
        }
      } else throw new Error(`distance ${name} is not available for multi-surfaces`);
    }
  }
}
