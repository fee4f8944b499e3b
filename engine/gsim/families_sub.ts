// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import * as abrahamson2015 from "./abrahamson_2015.ts";

export const GSIMS: Record<string, GsimFactory> = {
  ...abrahamson2015.GSIMS,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
