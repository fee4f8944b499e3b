// Keyword arguments every model accepts, handled once for all of them (not by the families).
import type { GsimDef } from "../types.ts";
import { wgslFloat } from "./compose.ts";

/**
 * `minimum_distance`: distances below it are raised to it before the model runs (older
 * OpenQuake took it per GSIM, e.g. `[LinLee2008SSlab]\nminimum_distance = 10` in scenario/case_9;
 * today it is also the job parameter that the context builder applies).
 */
export const COMMON_KWARGS = ["minimum_distance"] as const;

/** Split the common keyword arguments from the model's own. */
export function splitCommonArgs(args: Record<string, unknown>): {
  own: Record<string, unknown>;
  common: Record<string, unknown>;
} {
  const own: Record<string, unknown> = {}, common: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) {
    if ((COMMON_KWARGS as readonly string[]).includes(k)) common[k] = v;
    else own[k] = v;
  }
  return { own, common };
}

/** The minimum_distance of these arguments (0 when absent); throws unless a number >= 0. */
export function minimumDistanceArg(name: string, common: Record<string, unknown>): number {
  const v = common.minimum_distance;
  if (v === undefined) return 0;
  const x = typeof v === "number" ? v : typeof v === "string" ? Number(v) : NaN;
  if (!Number.isFinite(x) || x < 0) {
    throw new Error(`${name}: minimum_distance must be a number >= 0, not ${JSON.stringify(v)}`);
  }
  return x;
}

/**
 * The model with every distance it requires raised to at least `d` km, as OpenQuake's
 * ContextMaker does (`dst[dst < mindist] = mindist` on each REQUIRES_DISTANCES column).
 * The context parameters are private variables in WGSL and `let` in the transpiled JS, so
 * the body may reassign them.
 */
export function withMinimumDistance(def: GsimDef, d: number): GsimDef {
  if (!(d > 0)) return def;
  const lit = wgslFloat(d);
  const clip = def.requires.distances.map((p) => `${p} = max(${p}, ${lit});`).join("\n");
  return { ...def, body: `${clip}\n${def.body}` };
}
