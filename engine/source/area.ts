// Area sources (hazardlib/source/area.py): point sources at the nodes of the polygon grid, each
// with the area's MFD divided by the number of nodes and every other parameter shared.
import type { AreaSourceSpec } from "./spec.ts";
import type { Rupture, SourceOptions } from "../geo/surface.ts";
import { Polygon } from "../geo/polygon.ts";
import { sourceMagRates, splitMfd } from "../mfd/index.ts";
import { makeMsr } from "../scalerel/index.ts";
import {
  countNphc,
  fixHypoDepths,
  fixNodalPlanes,
  pointLikeDistributions,
  pointRuptures,
  type PointSource,
  pointSourceAt,
  sourceWhere,
} from "./point.ts";

/** The area discretization (km): the source's own `discretization` attribute wins. */
export function areaDiscretization(src: AreaSourceSpec, opts: SourceOptions): number {
  const own = (src as { discretization?: number }).discretization;
  const d = own ?? opts.areaSourceDiscretization;
  if (d === undefined || d === null || !(d > 0)) {
    throw new Error(
      `${src.place.file}:${src.place.line}: source ${src.id}: area_source_discretization ` +
        "is not set (neither on the areaGeometry nor in the job.ini)",
    );
  }
  return d;
}

/** Grid nodes of the area polygon, [lons, lats] (`Polygon.discretize`). */
export function areaNodes(src: AreaSourceSpec, opts: SourceOptions): [number[], number[]] {
  const where = sourceWhere(src);
  try {
    return new Polygon(src.polygon).discretize(areaDiscretization(src, opts));
  } catch (e) {
    const msg = (e as Error).message;
    throw new Error(msg.startsWith(src.place.file) ? msg : `${where}: ${msg}`);
  }
}

/** The point sources an area source is made of, in grid order (ids `<id>:<i>`). */
export function* areaPointSources(
  src: AreaSourceSpec,
  opts: SourceOptions,
): Generator<PointSource> {
  const where = sourceWhere(src);
  const [lons, lats] = areaNodes(src, opts);
  const n = lons.length;
  const dists = pointLikeDistributions(src, where);
  let magRates: [number, number][];
  try {
    magRates = sourceMagRates(splitMfd(src.mfd, n), opts.widthOfMfdBin);
  } catch (e) {
    throw new Error(`${where}: ${(e as Error).message}`);
  }
  const msr = makeMsr(src.msr);
  for (let i = 0; i < n; i++) {
    yield pointSourceAt(src, `${src.id}:${i}`, lons[i], lats[i], msr, magRates, dists);
  }
}

/** Ruptures of an area source: those of its point sources, one node after the other. */
export function* areaRuptures(src: AreaSourceSpec, opts: SourceOptions): Generator<Rupture> {
  for (const ps of areaPointSources(src, opts)) yield* pointRuptures(ps);
}

/** nodes × magnitudes × nodal planes × depths (`AreaSource.count_ruptures`). */
export function countAreaRuptures(src: AreaSourceSpec, opts: SourceOptions): number {
  const [lons] = areaNodes(src, opts);
  const mags = sourceMagRates(splitMfd(src.mfd, lons.length), opts.widthOfMfdBin).length;
  const nphc = countNphc({
    nodalPlanes: fixNodalPlanes(src.nodalPlanes),
    hypoDepths: fixHypoDepths(src.hypoDepths),
  } as PointSource);
  return lons.length * mags * nphc;
}
