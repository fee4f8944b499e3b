// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import * as montalva2017 from "./montalva_2017.ts";

export const GSIMS: Record<string, GsimFactory> = {
  ...montalva2017.GSIMS,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
