// Models of this family group, registered by OpenQuake class name.
import type { GsimFactory } from "./types.ts";
import { abrahamsonEtAl2014, ASK14_ALIASES } from "./abrahamson_2014.ts";
import { atkinson2015, atkinson2015AltDistSat } from "./atkinson_2015.ts";
import { bindiEtAl2017Rhypo, bindiEtAl2017Rjb } from "./bindi_2017.ts";
import {
  campbellBozorgnia2014,
  campbellBozorgnia2019,
  CB14_ALIASES,
} from "./campbell_bozorgnia_2014.ts";
import { kaleEtAl2015Iran, kaleEtAl2015Turkey } from "./kale_2015.ts";
import { lanzanoEtAl2019RjbOmo, lanzanoEtAl2019RupOmo } from "./lanzano_2019.ts";
import {
  kothaEtAl2016,
  kothaEtAl2016Italy,
  kothaEtAl2016Other,
  kothaEtAl2016Turkey,
} from "./kotha_2016.ts";
import {
  KOTHA20_ALIASES,
  kothaEtAl2020,
  kothaEtAl2020ESHM20,
  kothaEtAl2020ESHM20SlopeGeology,
  kothaEtAl2020regional,
  kothaEtAl2020Site,
  kothaEtAl2020Slope,
} from "./kotha_2020.ts";

export const GSIMS: Record<string, GsimFactory> = {
  AbrahamsonEtAl2014: abrahamsonEtAl2014,
  Atkinson2015: atkinson2015,
  Atkinson2015AltDistSat: atkinson2015AltDistSat,
  BindiEtAl2017Rjb: bindiEtAl2017Rjb,
  BindiEtAl2017Rhypo: bindiEtAl2017Rhypo,
  CampbellBozorgnia2014: campbellBozorgnia2014,
  CampbellBozorgnia2019: campbellBozorgnia2019,
  KaleEtAl2015Turkey: kaleEtAl2015Turkey,
  KaleEtAl2015Iran: kaleEtAl2015Iran,
  LanzanoEtAl2019_RJB_OMO: lanzanoEtAl2019RjbOmo,
  LanzanoEtAl2019_RUP_OMO: lanzanoEtAl2019RupOmo,
  KothaEtAl2016: kothaEtAl2016,
  KothaEtAl2016Italy: kothaEtAl2016Italy,
  KothaEtAl2016Turkey: kothaEtAl2016Turkey,
  KothaEtAl2016Other: kothaEtAl2016Other,
  KothaEtAl2020: kothaEtAl2020,
  KothaEtAl2020Site: kothaEtAl2020Site,
  KothaEtAl2020Slope: kothaEtAl2020Slope,
  KothaEtAl2020regional: kothaEtAl2020regional,
  KothaEtAl2020ESHM20: kothaEtAl2020ESHM20,
  KothaEtAl2020ESHM20SlopeGeology: kothaEtAl2020ESHM20SlopeGeology,
};
export const ALIASES: Record<string, [string, Record<string, unknown>]> = {
  ...ASK14_ALIASES,
  ...CB14_ALIASES,
  ...KOTHA20_ALIASES,
};
