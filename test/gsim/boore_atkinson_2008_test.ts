import { ok, throws } from "node:assert";
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { unsupportedReason } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

const BA08 = "BooreAtkinson2008";
tableTest(BA08, {}, "NGA/BA08/BA08_MEDIAN_NM.csv", 0.6);
tableTest(BA08, {}, "NGA/BA08/BA08_MEDIAN_RV.csv", 0.6);
tableTest(BA08, {}, "NGA/BA08/BA08_MEDIAN_SS.csv", 0.6);
tableTest(BA08, {}, "NGA/BA08/BA08_SIGTM_SS.csv", 0.1);
tableTest(BA08, {}, "NGA/BA08/BA08_STD_INTER.csv", 0.1);
tableTest(BA08, {}, "NGA/BA08/BA08_STD_INTRA.csv", 0.1);

Deno.test("BooreAtkinson2008: period range and arguments", () => {
  const def = makeGsim(BA08);
  ok(unsupportedReason(def, parseImt("SA(10.0)")) === null);
  ok(unsupportedReason(def, parseImt("SA(12.0)"))!.includes("outside"));
  throws(() => makeGsim(BA08, { region: "CAL" }), /unknown argument region/);
});
