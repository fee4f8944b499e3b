// The source dispatcher: every typology -> its ruptures (lazily, in OpenQuake's order) and
// their count. Point-like sources are handled here; fault kinds by engine/source/fault.ts.
import type { SourceSpec } from "./spec.ts";
import type { Rupture, SourceOptions } from "../geo/surface.ts";
import { countPointRuptures, pointRuptures, type PointSource, pointSourceOf } from "./point.ts";
import { areaPointSources, areaRuptures, countAreaRuptures } from "./area.ts";
import { countMultiPointRuptures, multiPointRuptures, multiPointSources } from "./multipoint.ts";
import { countFaultRuptures, faultRuptures } from "./fault.ts";

/** True for the typologies made of point sources (point, area, multi-point). */
export function isPointLike(src: SourceSpec): boolean {
  return src.kind === "pointSource" || src.kind === "areaSource" ||
    src.kind === "multiPointSource";
}

/**
 * The point sources of a point-like source (a point source is itself, an area source its grid
 * nodes, a multi-point source its points), for the point-source collapse (see pointBlocks in
 * ./point.ts). Throws for other typologies.
 */
export function* pointSources(src: SourceSpec, opts: SourceOptions): Generator<PointSource> {
  switch (src.kind) {
    case "pointSource":
      yield pointSourceOf(src, opts.widthOfMfdBin);
      return;
    case "areaSource":
      yield* areaPointSources(src, opts);
      return;
    case "multiPointSource":
      yield* multiPointSources(src, opts);
      return;
    default:
      throw new Error(`pointSources: ${src.kind} is not a point-like source`);
  }
}

/** Ruptures of any source, lazily, in OpenQuake's order. */
export function iterRuptures(src: SourceSpec, opts: SourceOptions): Iterable<Rupture> {
  switch (src.kind) {
    case "pointSource":
      return pointRuptures(pointSourceOf(src, opts.widthOfMfdBin));
    case "areaSource":
      return areaRuptures(src, opts);
    case "multiPointSource":
      return multiPointRuptures(src, opts);
    default:
      return faultRuptures(src, opts);
  }
}

/** Number of ruptures iterRuptures yields. */
export function countRuptures(src: SourceSpec, opts: SourceOptions): number {
  switch (src.kind) {
    case "pointSource":
      return countPointRuptures(pointSourceOf(src, opts.widthOfMfdBin));
    case "areaSource":
      return countAreaRuptures(src, opts);
    case "multiPointSource":
      return countMultiPointRuptures(src, opts);
    default:
      return countFaultRuptures(src, opts);
  }
}
