import { throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

for (const [name, tag] of [["DrouetBrazil2015", ""], ["DrouetBrazil2015withDepth", "DEPTH_"]]) {
  for (const f of ["MEAN", "TOTAL", "INTER_EVENT", "INTRA_EVENT"]) {
    tableTest(name, {}, `drouet_2015/DROUET2015_${tag}${f}.csv`, 0.1);
  }
}

Deno.test("DrouetBrazil2015 takes no constructor arguments", () => {
  throws(() => makeGsim("DrouetBrazil2015", { depth: true }), /depth/);
});
