// AbrahamsonEtAl2014 against OpenQuake's ASK14 verification tables (INDEX.md tolerances).
// The STD tables end with an empty pandas index column ("Unnamed: 38"), which the shared table
// parser would read as an IMT; those files are checked here on a copy without that column.
import { F32_FLOOR_PERCENT, TABLES_DIR, tableTest } from "./_tables.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import {
  compareTable,
  parseVerificationTable,
  tableContext,
  verifyOnCpu,
} from "../../engine/gsim/verify.ts";
import { contextParams } from "../../engine/gsim/wgsl.ts";
import { evaluateGsimGpu, getGpu } from "../../engine/kernels/webgpu.ts";
import { ok } from "node:assert";

const gpu = await getGpu();
let present = false;
try {
  present = Deno.statSync(TABLES_DIR).isDirectory;
} catch {
  present = false;
}

/** The table text without its "Unnamed: N" columns. */
function withoutUnnamed(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const keep = lines[0].split(",").map((h) => !/^Unnamed/.test(h.trim()));
  return lines.map((l) => l.split(",").filter((_, i) => keep[i]).join(",")).join("\n");
}

function stdTableTest(name: string, args: Record<string, unknown>, file: string, tol: number) {
  const label = `${name}${Object.keys(args).length ? JSON.stringify(args) : ""} ${file}`;
  const read = () => withoutUnnamed(Deno.readTextFileSync(`${TABLES_DIR}/${file}`));
  Deno.test({
    name: `${label} (cpu)`,
    ignore: !present,
    fn() {
      const check = verifyOnCpu(makeGsim(name, args), read(), tol);
      ok(check.values > 0 && check.failures === 0, `${file}: ${check.examples.join("\n")}`);
    },
  });
  Deno.test({
    name: `${label} (gpu)`,
    ignore: !present || !gpu,
    async fn() {
      const def = makeGsim(name, args);
      const t = parseVerificationTable(read());
      const out = await evaluateGsimGpu(
        gpu!,
        def,
        t.imtCols.map((c) => c.imt),
        tableContext(t, contextParams(def)),
      );
      const check = compareTable(t, out, Math.max(tol, F32_FLOOR_PERCENT));
      console.log(`f32 max discrepancy ${check.maxDiscrepancy.toExponential(2)}%`);
      ok(check.values > 0 && check.failures === 0, `${file}: ${check.examples.join("\n")}`);
    },
  });
}

for (const reg of ["CAL", "CHN", "JPN", "TWN"]) {
  const args = reg === "CAL" ? {} : { region: reg };
  tableTest(
    "AbrahamsonEtAl2014",
    args,
    `ASK14/ASK14_ResMEAN_Reg${reg}.csv`,
    reg === "TWN" ? 0.5 : 0.1,
  );
}
for (const reg of ["CAL", "JPN"]) {
  const args = reg === "CAL" ? {} : { region: reg };
  stdTableTest("AbrahamsonEtAl2014", args, `ASK14/ASK14_ResStdPhi_Reg${reg}.csv`, 0.1);
  stdTableTest("AbrahamsonEtAl2014", args, `ASK14/ASK14_ResStdTot_Reg${reg}.csv`, 0.1);
}
// the legacy name
stdTableTest("AbrahamsonEtAl2014RegJPN", {}, "ASK14/ASK14_ResStdTot_RegJPN.csv", 0.1);
