// Fault typologies -> ruptures: simple, complex, kite, characteristic and non-parametric sources.
// Implementation in progress; the signatures are the contract the dispatcher imports.
import type { SourceSpec, SurfaceGeometry } from "./spec.ts";
import type { Rupture, SourceOptions, Surface } from "../geo/surface.ts";

/** Ruptures of a fault source, lazily, in OpenQuake's order. */
export function faultRuptures(src: SourceSpec, _opts: SourceOptions): Iterable<Rupture> {
  throw new Error(`faultRuptures: ${src.kind} not yet implemented`);
}

/** Number of ruptures faultRuptures would generate. */
export function countFaultRuptures(src: SourceSpec, _opts: SourceOptions): number {
  throw new Error(`countFaultRuptures: ${src.kind} not yet implemented`);
}

/** A surface from an NRML geometry (characteristic sources, non-parametric and scenario ruptures). */
export function surfaceFromGeometry(g: SurfaceGeometry, _opts: SourceOptions): Surface {
  throw new Error(`surfaceFromGeometry: ${g.kind} not yet implemented`);
}
