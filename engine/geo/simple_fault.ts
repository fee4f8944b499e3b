// Simple fault surfaces (hazardlib/geo/surface/simple_fault.py): the trace resampled at the mesh
// spacing, each point projected down-dip to the upper and lower seismogenic depths, and each
// column filled with nodes exactly `spacing` km apart. Dip and strike come from the top row of
// cells, the width from the first column of cells.

import { Line } from "./line.ts";
import { MeshSurface, RectMesh, segmentsIntersect } from "./mesh.ts";
import {
  azimuth,
  haversine,
  intervalsBetween,
  OrthographicProjection,
  pointAt,
  pyMod,
} from "./geodetic.ts";
import type { Surface } from "./surface.ts";

export interface SimpleFaultData {
  /** [lon, lat] or [lon, lat, depth] */
  trace: number[][];
  upperSeismoDepth: number;
  lowerSeismoDepth: number;
  dip: number;
  meshSpacing: number;
}

/** utils.line_intersects_itself: non-adjacent segments of the projected trace cross. */
export function lineIntersectsItself(pts: number[][]): boolean {
  if (pts.length < 3) return false;
  const proj = OrthographicProjection.fromPoints(
    pts.map((p) => p[0]),
    pts.map((p) => p[1]),
    haversine,
  );
  const xy = pts.map((p) => proj.project(p[0], p[1]));
  for (let i = 0; i < xy.length - 1; i++) {
    for (let j = i + 2; j < xy.length - 1; j++) {
      if (segmentsIntersect(xy[i], xy[i + 1], xy[j], xy[j + 1])) return true;
    }
  }
  return false;
}

/** SimpleFaultSurface.check_fault_data, with OpenQuake's messages. */
export function checkSimpleFaultData(d: SimpleFaultData): Line {
  if (d.trace.length < 2) throw new Error("the fault trace must have at least two points");
  const trace = Line.of(d.trace);
  const z0 = trace.coo[0][2];
  if (!trace.coo.every((p) => p[2] === z0)) throw new Error("the fault trace must be horizontal");
  if (lineIntersectsItself(trace.coo)) throw new Error("fault trace intersects itself");
  if (!(d.dip > 0 && d.dip <= 90)) throw new Error("dip must be between 0.0 and 90.0");
  if (!(d.lowerSeismoDepth > d.upperSeismoDepth)) {
    throw new Error("lower seismogenic depth must be greater than upper seismogenic depth");
  }
  if (!(d.upperSeismoDepth >= z0)) {
    throw new Error(
      "upper seismogenic depth must be greater than or equal to depth of fault trace",
    );
  }
  if (!(d.meshSpacing > 0)) throw new Error("mesh spacing must be positive");
  return trace;
}

/** SimpleFaultSurface.from_fault_data: the whole-fault mesh. */
export function simpleFaultMesh(d: SimpleFaultData): RectMesh {
  const trace = checkSimpleFaultData(d);
  const t0 = trace.coo[0], tn = trace.coo[trace.size - 1];
  const vTop = d.upperSeismoDepth - t0[2], vBot = d.lowerSeismoDepth - t0[2];
  const tan = Math.tan(d.dip * Math.PI / 180);
  const hTop = vTop / tan, hBot = vBot / tan;
  const az = pyMod(azimuth(t0[0], t0[1], tn[0], tn[1]) + 90, 360);
  const columns: [number[], number[], number[]][] = [];
  for (const p of trace.resample(d.meshSpacing).coo) {
    const [tlon, tlat] = pointAt(p[0], p[1], az, hTop);
    const [blon, blat] = pointAt(p[0], p[1], az, hBot);
    columns.push(intervalsBetween(
      tlon,
      tlat,
      p[2] + vTop,
      blon,
      blat,
      p[2] + vBot,
      d.meshSpacing,
      haversine,
    ));
  }
  const rows = columns[0][0].length, cols = columns.length;
  if (columns.some((c) => c[0].length !== rows)) throw new Error("mesh columns of unequal length");
  const lons = new Float64Array(rows * cols), lats = new Float64Array(rows * cols);
  const deps = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) {
      lons[i * cols + j] = columns[j][0][i];
      lats[i * cols + j] = columns[j][1][i];
      deps[i * cols + j] = columns[j][2][i];
    }
  }
  if (rows < 2 || cols < 2) {
    throw new Error(
      "Mesh must have at least 2 nodes along both length and width. Possible cause: Mesh " +
        "spacing could be too large with respect to the fault length and width.",
    );
  }
  return RectMesh.of(rows, cols, lons, lats, deps);
}

/** A simple fault surface (whole fault or floating rupture) over a mesh. */
export class SimpleFaultSurface extends MeshSurface implements Surface {
  constructor(mesh: RectMesh) {
    if (mesh.rows < 2 || mesh.cols < 2) {
      throw new Error("Mesh must have at least 2 nodes along both length and width.");
    }
    super(mesh);
  }

  static fromFaultData(d: SimpleFaultData): SimpleFaultSurface {
    return new SimpleFaultSurface(simpleFaultMesh(d));
  }

  protected dipStrike(): [number, number] {
    return this.mesh.sub(0, 2, 0, this.mesh.cols).meanInclinationAndAzimuth();
  }

  protected width(): number {
    return this.mesh.sub(0, this.mesh.rows, 0, 2).meanWidth();
  }
}
