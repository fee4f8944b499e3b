// Active-shallow-crust models (first group), registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import { sadighEtAl1997 } from "./sadigh_1997.ts";
import { booreAtkinson2008 } from "./boore_atkinson_2008.ts";
import { chiouYoungs2008 } from "./chiou_youngs_2008.ts";

export const GSIMS: Record<string, GsimFactory> = {
  SadighEtAl1997: sadighEtAl1997,
  BooreAtkinson2008: booreAtkinson2008,
  ChiouYoungs2008: chiouYoungs2008,
};

export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
