// Shared harness for GSIM verification-table tests. Tables are read from $GSIM_TABLES_DIR
// (default ../shared/gsim-tables, the layout of openquake/hazardlib/tests/gsim/data).
// When the folder is absent the tests are registered as ignored and say so loudly.
import { makeGsim } from "../../engine/gsim/registry.ts";
import { verifyOnCpu } from "../../engine/gsim/verify.ts";

export const TABLES_DIR = Deno.env.get("GSIM_TABLES_DIR") ??
  new URL("../../../shared/gsim-tables", import.meta.url).pathname;

let tablesPresent: boolean;
try {
  tablesPresent = Deno.statSync(TABLES_DIR).isDirectory;
} catch {
  tablesPresent = false;
}
if (!tablesPresent) {
  console.warn(`!!! GSIM verification tables not found at ${TABLES_DIR}: table tests SKIPPED`);
}

/**
 * Register one test: model `name(args)` recomputes table `file` within `tolPercent`.
 * Returns nothing; failures list the worst rows.
 */
export function tableTest(
  name: string,
  args: Record<string, unknown>,
  file: string,
  tolPercent: number,
): void {
  Deno.test({
    name: `${name}${Object.keys(args).length ? JSON.stringify(args) : ""} ${file} (cpu)`,
    ignore: !tablesPresent,
    fn() {
      const text = Deno.readTextFileSync(`${TABLES_DIR}/${file}`);
      const check = verifyOnCpu(makeGsim(name, args), text, tolPercent);
      if (check.values === 0) throw new Error(`${file}: no values compared`);
      if (check.failures > 0) {
        throw new Error(
          `${file}: ${check.failures}/${check.values} values off by more than ${tolPercent}% ` +
            `(max ${check.maxDiscrepancy.toFixed(4)}%)\n${check.examples.join("\n")}`,
        );
      }
    },
  });
}
