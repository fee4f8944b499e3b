// Shared harness for GSIM verification-table tests. Tables are read from $GSIM_TABLES_DIR
// (default ../shared/gsim-tables, the layout of openquake/hazardlib/tests/gsim/data).
// When the folder is absent the tests are registered as ignored and say so loudly.
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import {
  compareTable,
  parseVerificationTable,
  type TableCheck,
  tableContext,
  verifyOnCpu,
} from "../../engine/gsim/verify.ts";
import { contextParams } from "../../engine/gsim/wgsl.ts";
import { evaluateGsimGpu, getGpu } from "../../engine/kernels/webgpu.ts";

const gpu = await getGpu();
if (!gpu) console.warn("!!! no WebGPU adapter: GSIM table tests run on the CPU only");

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
      assertCheck(file, verifyOnCpu(makeGsim(name, args), text, tolPercent), tolPercent);
    },
  });
  // the same rows through the generated WGSL, in f32, at the same tolerance
  Deno.test({
    name: `${name}${Object.keys(args).length ? JSON.stringify(args) : ""} ${file} (gpu)`,
    ignore: !tablesPresent || !gpu,
    async fn() {
      const def = makeGsim(name, args);
      const t = parseVerificationTable(Deno.readTextFileSync(`${TABLES_DIR}/${file}`));
      const out = await evaluateGsimGpu(
        gpu!,
        def,
        t.imtCols.map((c) => c.imt),
        tableContext(t, contextParams(def)),
      );
      // f32 holds a value to 6e-6 % (half an ulp): a table tolerance below what f32 can
      // represent (Sadigh's sigma: 1e-10 %) is raised to F32_FLOOR_PERCENT, never more.
      const tol = Math.max(tolPercent, F32_FLOOR_PERCENT);
      const check = compareTable(t, out, tol);
      console.log(`f32 max discrepancy ${check.maxDiscrepancy.toExponential(2)}%`);
      assertCheck(file, check, tol);
      // and the f32 values stay close to the f64 ones, whatever the table's tolerance
      const cpu = evaluateGsim(
        def,
        t.imtCols.map((c) => c.imt),
        tableContext(t, contextParams(def)),
      );
      let worst = 0;
      for (let k = 0; k < cpu.mean.length; k++) {
        worst = Math.max(
          worst,
          Math.abs(out.mean[k] - cpu.mean[k]),
          relDiff(out.sig[k], cpu.sig[k]),
          relDiff(out.tau[k], cpu.tau[k]),
          relDiff(out.phi[k], cpu.phi[k]),
        );
      }
      if (!(worst <= F32_VS_F64)) {
        throw new Error(`${file}: f32 and f64 differ by ${worst} (ln units / relative)`);
      }
    },
  });
}

/** |ln median| and relative sigma gap allowed between the GPU (f32) and CPU (f64) results. */
const F32_VS_F64 = 1e-4;

/**
 * Sigma gap relative to max(|sigma|, 0.05): a sigma that cancels to ~1e-3 (ASK14's tau where the
 * non-linear site term turns over) keeps an f32 rounding of ~1e-7 in absolute terms, which is
 * what matters for a PoE, but not in relative terms.
 */
function relDiff(a: number, b: number): number {
  return a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 0.05);
}

/** The smallest tolerance (percent) asked of f32 results: a few ulps. */
export const F32_FLOOR_PERCENT = 1e-4;

function assertCheck(file: string, check: TableCheck, tolPercent: number): void {
  if (check.values === 0) throw new Error(`${file}: no values compared`);
  if (check.failures > 0) {
    throw new Error(
      `${file}: ${check.failures}/${check.values} values off by more than ${tolPercent}% ` +
        `(max ${check.maxDiscrepancy.toFixed(4)}%)\n${check.examples.join("\n")}`,
    );
  }
}
