// Fault typologies -> ruptures, in OpenQuake's order (hazardlib/source/{simple_fault,
// complex_fault,kite_fault,characteristic,non_parametric}.py): floating ruptures on the
// whole-fault mesh, each with the magnitude's annual rate divided by the number of positions.
// Generators: ruptures are produced lazily and share the whole-fault mesh coordinates.

import type {
  ComplexFaultSourceSpec,
  KiteFaultSourceSpec,
  MsrSpec,
  NonParametricSourceSpec,
  SimpleFaultSourceSpec,
  SourceSpec,
  SurfaceGeometry,
} from "./spec.ts";
import type { Rupture, SourceOptions, Surface } from "../geo/surface.ts";
import { minMaxMag, sourceMagRates } from "../mfd/index.ts";
import { makeMsr } from "../scalerel/index.ts";
import type { RectMesh } from "../geo/mesh.ts";
import { simpleFaultMesh, SimpleFaultSurface } from "../geo/simple_fault.ts";
import { complexFaultMesh, ComplexFaultSurface } from "../geo/complex_fault.ts";
import {
  griddedStrikeDip,
  kiteFloatingMeshes,
  KiteSurface,
  kiteSurfaceFromProfiles,
} from "../geo/kite.ts";
import { GriddedSurface } from "../geo/mesh.ts";
import { MultiSurface } from "../geo/multi.ts";
import { PlanarSurface } from "../geo/planar.ts";
import { roundHalfAway } from "../geo/geodetic.ts";

/** Errors name the source and where it was defined. */
function where(src: SourceSpec): string {
  return `source ${src.id} (${src.place.file}:${src.place.line})`;
}

function wrap<T>(src: SourceSpec, f: () => T): T {
  try {
    return f();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (msg.startsWith("source ")) throw e;
    throw new Error(`${where(src)}: ${msg}`);
  }
}

/** Ruptures of a fault source, lazily, in OpenQuake's order. */
export function faultRuptures(src: SourceSpec, opts: SourceOptions): Iterable<Rupture> {
  switch (src.kind) {
    case "simpleFaultSource":
      return simpleFaultRuptures(src, opts);
    case "complexFaultSource":
      return complexFaultRuptures(src, opts);
    case "kiteFaultSource":
      return kiteFaultRuptures(src, opts);
    case "characteristicFaultSource":
      return characteristicRuptures(src, opts);
    case "nonParametricSeismicSource":
      return nonParametricRuptures(src, opts);
    default:
      throw new Error(`faultRuptures: ${src.kind} is not a fault source`);
  }
}

/** Number of ruptures faultRuptures generates (without building their surfaces). */
export function countFaultRuptures(src: SourceSpec, opts: SourceOptions): number {
  switch (src.kind) {
    case "simpleFaultSource":
      return wrap(src, () => {
        const { mesh, dims } = simpleFaultSetup(src, opts);
        let n = 0;
        for (const [mag] of magRates(src, opts)) {
          const [cols, rows] = dims(mag);
          n += (mesh.cols - cols + 1) * (mesh.rows - rows + 1);
        }
        return n;
      });
    case "complexFaultSource":
      return wrap(src, () => {
        const { cells, msr } = complexFaultSetup(src, opts);
        let n = 0;
        for (const [mag] of magRates(src, opts)) {
          const area = msr.getMedianArea(mag, src.rake);
          n += floatRuptures(area, Math.sqrt(area * src.ruptAspectRatio), cells).length;
        }
        return n;
      });
    case "kiteFaultSource":
      return wrap(src, () => {
        let n = 0;
        for (const [, , meshes] of kiteMeshes(src, opts)) n += meshes.length;
        return n;
      });
    case "characteristicFaultSource":
      return magRates(src, opts).length;
    case "nonParametricSeismicSource":
      return src.ruptures.length;
    default:
      throw new Error(`countFaultRuptures: ${src.kind} is not a fault source`);
  }
}

/** A surface from an NRML geometry (characteristic sources, non-parametric and scenario ruptures). */
export function surfaceFromGeometry(g: SurfaceGeometry, opts: SourceOptions): Surface {
  switch (g.kind) {
    case "simpleFaultGeometry":
      return SimpleFaultSurface.fromFaultData({
        trace: g.trace,
        upperSeismoDepth: g.upperSeismoDepth,
        lowerSeismoDepth: g.lowerSeismoDepth,
        dip: g.dip,
        meshSpacing: opts.ruptureMeshSpacing,
      });
    case "complexFaultGeometry":
      return ComplexFaultSurface.fromFaultData(g.edges, complexSpacing(opts));
    case "kiteSurface":
      return kiteSurfaceFromProfiles(g.profiles, opts.ruptureMeshSpacing, opts.ruptureMeshSpacing);
    case "planarSurface":
      return PlanarSurface.fromCornerPoints(
        corner(g.topLeft),
        corner(g.topRight),
        corner(g.bottomRight),
        corner(g.bottomLeft),
      );
    case "griddedSurface" as string: {
      // not yet in SurfaceGeometry: { kind: "griddedSurface", points: [lon, lat, depth][] }
      const pts = (g as unknown as { points: number[][] }).points;
      return new GriddedSurface(pts, griddedStrikeDip);
    }
    case "multiSurface": {
      if (g.surfaces.length === 1) return surfaceFromGeometry(g.surfaces[0], opts);
      return new MultiSurface(g.surfaces.map((s) => surfaceFromGeometry(s, opts)));
    }
    default:
      throw new Error(`unknown surface geometry ${(g as { kind: string }).kind}`);
  }
}

function corner(p: number[]): [number, number, number] {
  return [p[0], p[1], p[2] ?? 0];
}

function complexSpacing(opts: SourceOptions): number {
  return opts.complexFaultMeshSpacing || opts.ruptureMeshSpacing;
}

/** (mag, rate) pairs with rate > 0 (ParametricSeismicSource.get_annual_occurrence_rates). */
function magRates(src: { mfd: import("./spec.ts").MfdSpec }, opts: SourceOptions) {
  return sourceMagRates(src.mfd, opts.widthOfMfdBin);
}

function msrOf(spec: MsrSpec) {
  return makeMsr(spec);
}

// ------------------------------------------------------------------ simple faults

function simpleFaultSetup(src: SimpleFaultSourceSpec, opts: SourceOptions) {
  const sp = opts.ruptureMeshSpacing, g = src.geometry, msr = msrOf(src.msr);
  const dimsFor = (faultLength: number, faultWidth: number) => (mag: number): [number, number] => {
    const area = msr.getMedianArea(mag, src.rake);
    let len = Math.sqrt(area * src.ruptAspectRatio), wid = area / len;
    if (area >= faultLength * faultWidth) {
      len = faultLength;
      wid = faultWidth;
    } else if (wid > faultWidth) {
      len = len * (wid / faultWidth);
      wid = faultWidth;
    } else if (len > faultLength) {
      wid = wid * (len / faultLength);
      len = faultLength;
    }
    return [Math.trunc(roundHalfAway(len / sp) + 1), Math.trunc(roundHalfAway(wid / sp) + 1)];
  };
  const [minMag] = minMaxMag(src.mfd, opts.widthOfMfdBin);
  const minDims = dimsFor(Infinity, Infinity)(minMag);
  if (minDims.includes(1)) {
    throw new Error(`mesh spacing ${sp} is too high to represent ruptures of magnitude ${minMag}`);
  }
  const mesh = simpleFaultMesh({
    trace: g.trace,
    upperSeismoDepth: g.upperSeismoDepth,
    lowerSeismoDepth: g.lowerSeismoDepth,
    dip: g.dip,
    meshSpacing: sp,
  });
  const dims = dimsFor((mesh.cols - 1) * sp, (mesh.rows - 1) * sp);
  return { mesh, dims };
}

function* simpleFaultRuptures(src: SimpleFaultSourceSpec, opts: SourceOptions) {
  const { mesh, dims } = wrap(src, () => simpleFaultSetup(src, opts));
  for (const [mag, magRate] of magRates(src, opts)) {
    const [cols, rows] = dims(mag);
    const nL = mesh.cols - cols + 1, nW = mesh.rows - rows + 1;
    const rate = magRate / (nL * nW);
    for (let r = 0; r < nW; r++) {
      for (let c = 0; c < nL; c++) {
        const sub = mesh.sub(r, r + rows, c, c + cols);
        yield rupture(src, mag, src.rake, sub.middlePoint(), new SimpleFaultSurface(sub), rate);
      }
    }
  }
}

function rupture(
  src: SourceSpec,
  mag: number,
  rake: number,
  hypo: [number, number, number],
  surface: Surface,
  rate: number,
  probsOccur?: number[],
): Rupture {
  const r: Rupture = { mag, rake, trt: src.trt, hypo, surface, rate, sourceId: src.id };
  if (probsOccur) r.probsOccur = probsOccur;
  return r;
}

// ------------------------------------------------------------------ complex faults

interface Cells {
  nrows: number;
  ncols: number;
  length: Float64Array;
  area: Float64Array;
  total: number;
}

function complexFaultSetup(src: ComplexFaultSourceSpec, opts: SourceOptions) {
  const mesh = complexFaultMesh(src.geometry.edges, complexSpacing(opts));
  const { length, area } = mesh.cellDimensions();
  let total = 0;
  for (const a of area) total += a;
  const cells: Cells = { nrows: mesh.rows - 1, ncols: mesh.cols - 1, length, area, total };
  return { mesh, cells, msr: msrOf(src.msr) };
}

/** Index of the smallest |acc[k] - target| (first one on ties, as numpy.argmin). */
function argminAbs(acc: number[], target: number): number {
  let best = 0, bv = Infinity;
  for (let k = 0; k < acc.length; k++) {
    const v = Math.abs(acc[k] - target);
    if (v < bv) {
      bv = v;
      best = k;
    }
  }
  return best;
}

/**
 * _float_ruptures: rupture placements as [row0, row1, col0, col1] vertex windows
 * (exclusive ends); null means the whole surface.
 */
export function floatRuptures(
  rupArea: number,
  rupLength: number,
  c: Cells,
): ([number, number, number, number] | null)[] {
  const { nrows, ncols, length, area } = c;
  if (rupArea >= c.total) return [null];
  const out: [number, number, number, number][] = [];
  const dead = new Set<number>();
  for (let row = 0; row < nrows; row++) {
    for (let col = 0; col < ncols; col++) {
      if (dead.has(col)) continue;
      const lens: number[] = [];
      let s = 0;
      for (let j = col; j < ncols; j++) lens.push(s += length[row * ncols + j]);
      let rupCols = argminAbs(lens, rupLength);
      let lastCol = rupCols + col + 1;
      if (lastCol === ncols && lens[rupCols] < rupLength && col !== 0) break;
      const areas: number[] = [];
      s = 0;
      for (let i = row; i < nrows; i++) {
        for (let j = col; j < lastCol; j++) s += area[i * ncols + j];
        areas.push(s);
      }
      const rupRows = argminAbs(areas, rupArea);
      const lastRow = rupRows + row + 1;
      if (lastRow === nrows && areas[rupRows] < rupArea) {
        if (row === 0) {
          if (lastCol === ncols) return out;
          const colAreas: number[] = [];
          s = 0;
          for (let j = col; j < ncols; j++) {
            for (let i = 0; i < nrows; i++) s += area[i * ncols + j];
            colAreas.push(s);
          }
          rupCols = argminAbs(colAreas, rupArea);
          lastCol = rupCols + col + 1;
          if (lastCol === ncols && colAreas[rupCols] < rupArea) return out;
        } else {
          dead.add(col);
        }
      }
      out.push([row, lastRow + 1, col, lastCol + 1]);
    }
  }
  return out;
}

function* complexFaultRuptures(src: ComplexFaultSourceSpec, opts: SourceOptions) {
  const { mesh, cells, msr } = wrap(src, () => complexFaultSetup(src, opts));
  for (const [mag, magRate] of magRates(src, opts)) {
    const area = msr.getMedianArea(mag, src.rake);
    const slices = floatRuptures(area, Math.sqrt(area * src.ruptAspectRatio), cells);
    const rate = magRate / slices.length;
    for (const sl of slices) {
      const sub: RectMesh = sl ? mesh.sub(sl[0], sl[1], sl[2], sl[3]) : mesh;
      yield rupture(src, mag, src.rake, sub.middlePoint(), new ComplexFaultSurface(sub), rate);
    }
  }
}

// ------------------------------------------------------------------ kite faults

function kiteMeshes(src: KiteFaultSourceSpec, opts: SourceOptions) {
  const msr = msrOf(src.msr);
  return kiteFloatingMeshes(
    src.geometry,
    opts.ruptureMeshSpacing,
    src.ruptAspectRatio,
    magRates(src, opts),
    (mag) => msr.getMedianArea(mag, src.rake),
    // job.ini floating_x_step / floating_y_step (default 0: every mesh node)
    opts.floatingXStep ?? 0,
    opts.floatingYStep ?? 0,
  );
}

function* kiteFaultRuptures(src: KiteFaultSourceSpec, opts: SourceOptions) {
  const gen = wrap(src, () => kiteMeshes(src, opts));
  for (const [mag, rate, meshes] of gen) {
    for (const m of meshes) {
      const surf = new KiteSurface(m);
      yield rupture(src, mag, src.rake, surf.getCenter(), surf, rate);
    }
  }
}

// ------------------------------------------------------------------ characteristic, non-parametric

function* characteristicRuptures(
  src: Extract<SourceSpec, { kind: "characteristicFaultSource" }>,
  opts: SourceOptions,
) {
  const surface = wrap(src, () => surfaceFromGeometry(src.surface, opts));
  const hypo = surface.getMiddlePoint();
  for (const [mag, rate] of magRates(src, opts)) {
    yield rupture(src, mag, src.rake, hypo, surface, rate);
  }
}

function* nonParametricRuptures(src: NonParametricSourceSpec, opts: SourceOptions) {
  for (const r of src.ruptures) {
    const surface = wrap(src, () => surfaceFromGeometry(r.surface, opts));
    const h = r.hypocenter;
    yield rupture(src, r.mag, r.rake, [h[0], h[1], h[2] ?? 0], surface, NaN, r.probsOccur ?? []);
  }
}
