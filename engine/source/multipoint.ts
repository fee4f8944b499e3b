// Multi-point sources (hazardlib/source/multi_point.py): exactly N point sources sharing
// everything except location and MFD, ids `<id>:<i>`.
import type { MultiPointSourceSpec } from "./spec.ts";
import type { Rupture, SourceOptions } from "../geo/surface.ts";
import { sourceMagRates } from "../mfd/index.ts";
import { makeMsr } from "../scalerel/index.ts";
import {
  fixHypoDepths,
  fixNodalPlanes,
  pointLikeDistributions,
  pointRuptures,
  type PointSource,
  pointSourceAt,
  sourceWhere,
} from "./point.ts";

/** The point sources of a multi-point source, in the order of its points. */
export function* multiPointSources(
  src: MultiPointSourceSpec,
  opts: SourceOptions,
): Generator<PointSource> {
  const where = sourceWhere(src);
  if (src.mfds.length !== src.points.length) {
    throw new Error(`${where}: ${src.mfds.length} MFDs for ${src.points.length} points`);
  }
  const dists = pointLikeDistributions(src, where);
  const msr = makeMsr(src.msr);
  for (let i = 0; i < src.points.length; i++) {
    let magRates: [number, number][];
    try {
      magRates = sourceMagRates(src.mfds[i], opts.widthOfMfdBin);
    } catch (e) {
      throw new Error(`${where}: point ${i}: ${(e as Error).message}`);
    }
    const [lon, lat] = src.points[i];
    yield pointSourceAt(src, `${src.id}:${i}`, lon, lat, msr, magRates, dists);
  }
}

/** Ruptures of a multi-point source, point after point. */
export function* multiPointRuptures(
  src: MultiPointSourceSpec,
  opts: SourceOptions,
): Generator<Rupture> {
  for (const ps of multiPointSources(src, opts)) yield* pointRuptures(ps);
}

/** Sum over the points of magnitudes × nodal planes × depths. */
export function countMultiPointRuptures(src: MultiPointSourceSpec, opts: SourceOptions): number {
  const nphc = fixNodalPlanes(src.nodalPlanes).length * fixHypoDepths(src.hypoDepths).length;
  let n = 0;
  for (const mfd of src.mfds) n += sourceMagRates(mfd, opts.widthOfMfdBin).length;
  return n * nphc;
}
