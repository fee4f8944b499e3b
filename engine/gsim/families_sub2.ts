// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import * as montalva2017 from "./montalva_2017.ts";
import * as zhao2016 from "./zhao_2016.ts";
import * as mcverry2006 from "./mcverry_2006.ts";
import * as kuehn2020 from "./kuehn_2020.ts";
import * as eshm20Craton from "./eshm20_craton.ts";
import * as drouet2015 from "./drouet_2015.ts";
import * as ghofraniAtkinson2014 from "./ghofrani_atkinson_2014.ts";

export const GSIMS: Record<string, GsimFactory> = {
  ...montalva2017.GSIMS,
  ...zhao2016.GSIMS,
  ...mcverry2006.GSIMS,
  ...kuehn2020.GSIMS,
  ...eshm20Craton.GSIMS,
  ...drouet2015.GSIMS,
  ...ghofraniAtkinson2014.GSIMS,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...kuehn2020.ALIASES,
  ...eshm20Craton.ALIASES,
};
