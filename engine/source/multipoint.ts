// Multi-point sources (hazardlib/source/multi_point.py): exactly N point sources sharing
// everything except location and MFD, ids `<id>:<i>`.
import type { MultiPointSourceSpec } from "./spec.ts";
import type { Rupture, SourceOptions } from "../geo/surface.ts";
import { sourceMagRates } from "../mfd/index.ts";
import { makeMsr } from "../scalerel/index.ts";
import {
  checkPointLike,
  fixHypoDepths,
  fixNodalPlanes,
  pointRuptures,
  type PointSource,
} from "./point.ts";

/** The point sources of a multi-point source, in the order of its points. */
export function* multiPointSources(
  src: MultiPointSourceSpec,
  opts: SourceOptions,
): Generator<PointSource> {
  const where = `${src.place.file}:${src.place.line}: source ${src.id}`;
  if (src.mfds.length !== src.points.length) {
    throw new Error(`${where}: ${src.mfds.length} MFDs for ${src.points.length} points`);
  }
  const hypoDepths = fixHypoDepths(src.hypoDepths);
  checkPointLike(
    where,
    src.upperSeismoDepth,
    src.lowerSeismoDepth,
    hypoDepths,
    src.ruptAspectRatio,
  );
  const nodalPlanes = fixNodalPlanes(src.nodalPlanes);
  const msr = makeMsr(src.msr);
  for (let i = 0; i < src.points.length; i++) {
    let magRates: [number, number][];
    try {
      magRates = sourceMagRates(src.mfds[i], opts.widthOfMfdBin);
    } catch (e) {
      throw new Error(`${where}: point ${i}: ${(e as Error).message}`);
    }
    yield {
      sourceId: src.id,
      splitId: `${src.id}:${i}`,
      trt: src.trt,
      lon: src.points[i][0],
      lat: src.points[i][1],
      usd: src.upperSeismoDepth,
      lsd: src.lowerSeismoDepth,
      rar: src.ruptAspectRatio,
      msr,
      magRates,
      nodalPlanes,
      hypoDepths,
    };
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
