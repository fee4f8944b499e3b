// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";

export const GSIMS: Record<string, GsimFactory> = {};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
