// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import { abrahamsonEtAl2014, ASK14_ALIASES } from "./abrahamson_2014.ts";
import {
  campbellBozorgnia2014,
  campbellBozorgnia2019,
  CB14_ALIASES,
} from "./campbell_bozorgnia_2014.ts";

export const GSIMS: Record<string, GsimFactory> = {
  AbrahamsonEtAl2014: abrahamsonEtAl2014,
  CampbellBozorgnia2014: campbellBozorgnia2014,
  CampbellBozorgnia2019: campbellBozorgnia2019,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...ASK14_ALIASES,
  ...CB14_ALIASES,
};
