// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import {
  campbellBozorgnia2008,
  campbellBozorgnia2008Arbitrary,
} from "./campbell_bozorgnia_2008.ts";

export const GSIMS: Record<string, GsimFactory> = {
  CampbellBozorgnia2008: campbellBozorgnia2008,
  CampbellBozorgnia2008Arbitrary: campbellBozorgnia2008Arbitrary,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
