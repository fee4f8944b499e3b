// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import * as campbell2003 from "./campbell_2003.ts";
import * as toro2002 from "./toro_2002.ts";
import * as atkinsonBoore2006 from "./atkinson_boore_2006.ts";
import * as pezeshk2011 from "./pezeshk_2011.ts";
import * as booreAtkinson2011 from "./boore_atkinson_2011.ts";
import * as toro1997 from "./toro_1997.ts";
import * as silva2002 from "./silva_2002.ts";
import * as tavakoliPezeshk2005 from "./tavakoli_pezeshk_2005.ts";
import * as somerville2001 from "./somerville_2001.ts";
import * as shahjoueiPezeshk2016 from "./shahjouei_pezeshk_2016.ts";
import * as allen2012 from "./allen_2012.ts";
import * as frankel1996 from "./frankel_1996.ts";

export const GSIMS: Record<string, GsimFactory> = {
  ...toro2002.GSIMS,
  ...campbell2003.GSIMS,
  ...atkinsonBoore2006.GSIMS,
  ...pezeshk2011.GSIMS,
  ...booreAtkinson2011.GSIMS,
  ...toro1997.GSIMS,
  ...silva2002.GSIMS,
  ...tavakoliPezeshk2005.GSIMS,
  ...somerville2001.GSIMS,
  ...shahjoueiPezeshk2016.GSIMS,
  ...allen2012.GSIMS,
  ...frankel1996.GSIMS,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...atkinsonBoore2006.ALIASES,
};
