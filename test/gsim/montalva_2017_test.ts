import { throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

for (
  const [name, kind] of [["MontalvaEtAl2017SInter", "SINTER"], ["MontalvaEtAl2017SSlab", "SSLAB"]]
) {
  for (const f of ["MEAN", "TOTAL", "INTER_EVENT", "INTRA_EVENT"]) {
    tableTest(name, {}, `mont17/MONTALVA_${kind}_${f}.csv`, 0.1);
  }
}

Deno.test("MontalvaEtAl2017 rejects unknown arguments and non-ergodic sigma by name", () => {
  throws(() => makeGsim("MontalvaEtAl2017SInter", { region: "x" }), /region/);
  throws(() => makeGsim("MontalvaEtAl2017SSlab", { ergodic: false }), /ergodic/);
});
