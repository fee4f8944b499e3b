// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import { abrahamsonSilva2008 } from "./abrahamson_silva_2008.ts";
import { akkarBommer2010 } from "./akkar_bommer_2010.ts";
import {
  akkarEtAl2013,
  akkarEtAlRepi2014,
  akkarEtAlRhyp2014,
  akkarEtAlRjb2014,
} from "./akkar_2014.ts";
import {
  campbellBozorgnia2008,
  campbellBozorgnia2008Arbitrary,
} from "./campbell_bozorgnia_2008.ts";

export const GSIMS: Record<string, GsimFactory> = {
  AbrahamsonSilva2008: abrahamsonSilva2008,
  AkkarBommer2010: akkarBommer2010,
  AkkarEtAl2013: akkarEtAl2013,
  AkkarEtAlRjb2014: akkarEtAlRjb2014,
  AkkarEtAlRepi2014: akkarEtAlRepi2014,
  AkkarEtAlRhyp2014: akkarEtAlRhyp2014,
  CampbellBozorgnia2008: campbellBozorgnia2008,
  CampbellBozorgnia2008Arbitrary: campbellBozorgnia2008Arbitrary,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
