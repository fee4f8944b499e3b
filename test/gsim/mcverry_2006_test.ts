import { throws } from "node:assert";
import { makeGsim } from "../../engine/gsim/registry.ts";
import { tableTest } from "./_tables.ts";

for (const kind of ["Asc", "SInter", "SSlab", "Volc"]) {
  for (const name of [`McVerry2006${kind}`, `McVerry2006${kind}SC`]) {
    for (const f of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
      tableTest(name, {}, `MCVERRY2006/${name}_${f}.csv`, 0.1);
    }
  }
}

Deno.test("McVerry2006 takes no constructor arguments", () => {
  throws(() => makeGsim("McVerry2006Asc", { additional_sigma: 0.35 }), /additional_sigma/);
});
