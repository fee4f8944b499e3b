// Active-shallow-crust models (first group), registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import { sadighEtAl1997 } from "./sadigh_1997.ts";
import { booreAtkinson2008 } from "./boore_atkinson_2008.ts";
import { chiouYoungs2008 } from "./chiou_youngs_2008.ts";
import {
  booreEtAl2014,
  booreEtAl2014HighQ,
  booreEtAl2014LowQ,
  bssa14Aliases,
} from "./boore_2014.ts";
import {
  chiouYoungs2014,
  chiouYoungs2014NearFaultEffect,
  chiouYoungs2014PEER,
  CY14_ALIASES,
} from "./chiou_youngs_2014.ts";
import { idriss2014 } from "./idriss_2014.ts";
import { CAUZZI_2014 } from "./cauzzi_2014.ts";
import { BINDI_2014 } from "./bindi_2014.ts";
import { BINDI_2011 } from "./bindi_2011.ts";
import { cauzziFaccioli2008, faccioliEtAl2010 } from "./cauzzi_faccioli_2008.ts";
import { akkarCagnan2010 } from "./akkar_cagnan_2010.ts";
import { BRADLEY_2013 } from "./bradley_2013.ts";

export const GSIMS: Record<string, GsimFactory> = {
  SadighEtAl1997: sadighEtAl1997,
  BooreAtkinson2008: booreAtkinson2008,
  ChiouYoungs2008: chiouYoungs2008,
  BooreEtAl2014: booreEtAl2014,
  BooreEtAl2014HighQ: booreEtAl2014HighQ,
  BooreEtAl2014LowQ: booreEtAl2014LowQ,
  ChiouYoungs2014: chiouYoungs2014,
  ChiouYoungs2014PEER: chiouYoungs2014PEER,
  ChiouYoungs2014NearFaultEffect: chiouYoungs2014NearFaultEffect,
  Idriss2014: idriss2014,
  ...CAUZZI_2014,
  ...BINDI_2014,
  ...BINDI_2011,
  CauzziFaccioli2008: cauzziFaccioli2008,
  FaccioliEtAl2010: faccioliEtAl2010,
  AkkarCagnan2010: akkarCagnan2010,
  ...BRADLEY_2013,
};

export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...bssa14Aliases(),
  ...CY14_ALIASES,
};
