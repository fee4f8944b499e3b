import { deepStrictEqual } from "node:assert";
import { tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";

tableTest("CauzziFaccioli2008", {}, "CF08/CF08_MEAN.csv", 0.1);
tableTest("CauzziFaccioli2008", {}, "CF08/CF08_STD_TOTAL.csv", 0.1);
tableTest("FaccioliEtAl2010", {}, "F10/F10_MEAN.csv", 0.1);
tableTest("FaccioliEtAl2010", {}, "F10/F10_STD_TOTAL.csv", 0.1);

Deno.test("CauzziFaccioli2008: rhypo is floored at 15 km", () => {
  const block = {
    n: 3,
    cols: {
      rake: Float64Array.of(0, 0, 0),
      mag: Float64Array.of(5, 5, 5),
      vs30: Float64Array.of(800, 800, 800),
      rhypo: Float64Array.of(0, 7, 15),
    },
  };
  const out = evaluateGsim(makeGsim("CauzziFaccioli2008"), [parseImt("PGA")], block);
  deepStrictEqual(out.mean[0], out.mean[2]);
  deepStrictEqual(out.mean[1], out.mean[2]);
});
