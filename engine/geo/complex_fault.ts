// Complex fault surfaces (hazardlib/geo/surface/complex_fault.py): every edge resampled to the
// same number of points (mean edge length / spacing), then every down-dip polyline resampled to
// the same number of points (mean width / spacing). Dip, strike and width over the whole mesh.

import { Line } from "./line.ts";
import { MeshSurface, RectMesh, segmentsIntersect } from "./mesh.ts";
import { azimuth, npRound, pointAt, sphericalToCartesianInto } from "./geodetic.ts";
import type { Surface } from "./surface.ts";

/** check_aki_richards_convention (with OpenQuake's use of the corner depths). */
function checkAkiRichards(edges: Line[]) {
  const ul = edges[0].coo[0], u1 = edges[0].coo[1];
  const last = edges[edges.length - 1];
  const bl = last.coo[0], b1 = last.coo[1];
  const v = new Float64Array(12);
  sphericalToCartesianInto(ul[0], ul[1], ul[2], v, 0);
  sphericalToCartesianInto(u1[0], u1[1], b1[2], v, 3); // OpenQuake uses b1's depth for the upper right corner
  sphericalToCartesianInto(bl[0], bl[1], bl[2], v, 6);
  sphericalToCartesianInto(b1[0], b1[1], b1[2], v, 9);
  const P = (k: number) => [v[3 * k], v[3 * k + 1], v[3 * k + 2]];
  const [pul, pur, pbl, pbr] = [P(0), P(1), P(2), P(3)];
  const d = (a: number[], b: number[]) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const cr = (a: number[], b: number[]) => [
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  ];
  const top = d(pur, pul), left = d(pbl, pul), right = d(pbr, pur);
  const lc = cr(left, top), rc = cr(right, top);
  if (lc.every((x) => x === 0) || rc.every((x) => x === 0)) return;
  const unit = (a: number[]) => {
    const n = Math.hypot(a[0], a[1], a[2]);
    return a.map((x) => x / n);
  };
  const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const ang = (a: number[], b: number[]) =>
    Math.round(Math.acos(Math.max(-1, Math.min(1, dot(unit(a), unit(b))))) * 1800 / Math.PI) / 10;
  if (ang(pul, lc) > 90 || ang(pur, rc) > 90) {
    throw new Error("Surface does not conform with Aki & Richards convention");
  }
}

/**
 * check_surface_validity: the outline of the edges projected on a vertical plane along the
 * top edge must be a valid (not self-intersecting) polygon.
 */
function checkSurfaceValidity(edges: Line[]) {
  const top = edges[0].coo, bottom = edges[edges.length - 1].coo;
  const boundary = [...top];
  for (let i = 1; i < edges.length - 1; i++) boundary.push(edges[i].coo[edges[i].size - 1]);
  boundary.push(...bottom.slice().reverse());
  for (let i = edges.length - 2; i >= 1; i--) boundary.push(edges[i].coo[0]);
  const ul = top[0], tn = top[top.length - 1];
  const strike = azimuth(ul[0], ul[1], tn[0], tn[1]);
  const [urLon, urLat] = pointAt(ul[0], ul[1], strike, 10);
  const c = new Float64Array(9);
  sphericalToCartesianInto(ul[0], ul[1], ul[2], c, 0);
  sphericalToCartesianInto(urLon, urLat, ul[2], c, 3);
  sphericalToCartesianInto(ul[0], ul[1], ul[2] + 10, c, 6);
  const tl = [c[0], c[1], c[2]];
  const sub = (a: number[], b: number[]) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
  const cross = (a: number[], b: number[]) => [
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  ];
  const unit = (a: number[]) => {
    const n = Math.hypot(a[0], a[1], a[2]);
    return a.map((x) => x / n);
  };
  const dot = (a: number[], b: number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  const tr = [c[3], c[4], c[5]], bl = [c[6], c[7], c[8]];
  const n = unit(cross(sub(tl, tr), sub(tl, bl)));
  const uv1 = unit(sub(tr, tl)), uv2 = cross(n, uv1);
  const p = new Float64Array(3);
  const xy = boundary.map((q) => {
    sphericalToCartesianInto(q[0], q[1], q[2], p, 0);
    const d = sub([p[0], p[1], p[2]], tl);
    return [dot(d, uv1), dot(d, uv2)];
  });
  const m = xy.length;
  for (let i = 0; i < m; i++) {
    for (let j = i + 2; j < m; j++) {
      if (i === 0 && j === m - 1) continue; // adjacent through the closing edge
      if (segmentsIntersect(xy[i], xy[(i + 1) % m], xy[j], xy[(j + 1) % m])) {
        throw new Error("Edges points are not in the right order");
      }
    }
  }
}

/** Points along a mean edge length or width: round(mean / spacing) + 1, at least 2. */
function meshPoints(mean: number, meshSpacing: number, what: "length" | "width"): number {
  const n = Math.trunc(npRound(mean / meshSpacing)) + 1;
  if (n <= 1) {
    throw new Error(
      `mesh spacing ${meshSpacing.toFixed(1)} km is too big for mean ${what} ${mean.toFixed(1)} km`,
    );
  }
  return n;
}

/** ComplexFaultSurface.from_fault_data: the whole-fault mesh from edges top to bottom. */
export function complexFaultMesh(edgePoints: number[][][], meshSpacing: number): RectMesh {
  if (edgePoints.length < 2) throw new Error("at least two edges are required");
  if (!edgePoints.every((e) => e.length >= 2)) {
    throw new Error("at least two points must be defined in each edge");
  }
  if (!(meshSpacing > 0)) throw new Error("mesh spacing must be positive");
  const edges = edgePoints.map((e) => Line.of(e));
  checkSurfaceValidity(edges);
  checkAkiRichards(edges);
  const meanLength = edges.reduce((s, e) => s + e.length, 0) / edges.length;
  const nH = meshPoints(meanLength, meshSpacing, "length");
  const resampled = edges.map((e) => e.resampleToNumPoints(nH).coo);
  const vert: Line[] = [];
  for (let j = 0; j < nH; j++) vert.push(Line.of(resampled.map((e) => e[j])));
  const meanWidth = vert.reduce((s, e) => s + e.length, 0) / vert.length;
  const nV = meshPoints(meanWidth, meshSpacing, "width");
  const cols = vert.map((v) => v.resampleToNumPoints(nV).coo);
  const lons = new Float64Array(nV * nH), lats = new Float64Array(nV * nH);
  const deps = new Float64Array(nV * nH);
  for (let i = 0; i < nV; i++) {
    for (let j = 0; j < nH; j++) {
      const p = cols[j][i];
      lons[i * nH + j] = p[0];
      lats[i * nH + j] = p[1];
      deps[i * nH + j] = p[2];
    }
  }
  return RectMesh.of(nV, nH, lons, lats, deps);
}

export class ComplexFaultSurface extends MeshSurface implements Surface {
  constructor(mesh: RectMesh) {
    if (mesh.rows < 2 || mesh.cols < 2) throw new Error(`invalid mesh ${mesh.rows}x${mesh.cols}`);
    super(mesh);
  }

  static fromFaultData(edges: number[][][], meshSpacing: number): ComplexFaultSurface {
    return new ComplexFaultSurface(complexFaultMesh(edges, meshSpacing));
  }

  protected dipStrike(): [number, number] {
    return this.mesh.meanInclinationAndAzimuth();
  }

  protected width(): number {
    return this.mesh.meanWidth();
  }
}
