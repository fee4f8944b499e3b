// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import * as abrahamson2015 from "./abrahamson_2015.ts";
import * as zhao2006 from "./zhao_2006.ts";
import * as atkinsonBoore2003 from "./atkinson_boore_2003.ts";
import * as youngs1997 from "./youngs_1997.ts";
import * as linLee2008 from "./lin_lee_2008.ts";
import * as atkinsonMacias2009 from "./atkinson_macias_2009.ts";
import * as garcia2005 from "./garcia_2005.ts";
import * as kanno2006 from "./kanno_2006.ts";
import * as siMidorikawa1999 from "./si_midorikawa_1999.ts";
import * as parker2020 from "./parker_2020.ts";
import * as abrahamsonGulerce2020 from "./abrahamson_gulerce_2020.ts";

export const GSIMS: Record<string, GsimFactory> = {
  ...abrahamson2015.GSIMS,
  ...zhao2006.GSIMS,
  ...atkinsonBoore2003.GSIMS,
  ...youngs1997.GSIMS,
  ...linLee2008.GSIMS,
  ...atkinsonMacias2009.GSIMS,
  ...garcia2005.GSIMS,
  ...kanno2006.GSIMS,
  ...siMidorikawa1999.GSIMS,
  ...parker2020.GSIMS,
  ...abrahamsonGulerce2020.GSIMS,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...parker2020.ALIASES,
  ...abrahamsonGulerce2020.ALIASES,
};
