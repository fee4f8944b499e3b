// deno task gmpe NAME [--args TOML] --input ctx.csv [--backend cpu|gpu]
// Recomputes a table in the verification-table layout (rup_*, site_*, dist_*, result_type, IMT
// columns whose values are ignored) with one model, and writes the same table to stdout with the
// computed values: MEAN rows as the median (g, cm/s), STDDEV rows in ln units.
import { parseGsimSpec } from "./registry.ts";
import { evaluateGsim } from "./evaluate.ts";
import { parseVerificationTable, resultTypeOf, tableContext } from "./verify.ts";
import { contextParams } from "./wgsl.ts";
import type { GsimOutput } from "./types.ts";
import { evaluateGsimGpu, getGpu } from "../kernels/webgpu.ts";

const USAGE = "usage: deno task gmpe NAME [--args TOML] --input ctx.csv [--backend cpu|gpu]";

export async function recomputeTable(
  spec: string,
  csv: string,
  backend: "cpu" | "gpu" = "cpu",
): Promise<string> {
  const def = parseGsimSpec(spec);
  const t = parseVerificationTable(csv);
  const imts = t.imtCols.map((c) => c.imt);
  const block = tableContext(t, contextParams(def));
  let out: GsimOutput;
  if (backend === "gpu") {
    const gpu = await getGpu();
    if (!gpu) throw new Error("--backend gpu: no WebGPU adapter is available");
    out = await evaluateGsimGpu(gpu, def, imts, block);
  } else {
    out = evaluateGsim(def, imts, block);
  }
  const n = t.rows.length;
  const lines = [t.header.join(",")];
  for (let i = 0; i < n; i++) {
    const cells = [...t.rows[i]];
    const rt = resultTypeOf(t, i);
    t.imtCols.forEach(({ index }, m) => {
      const k = m * n + i;
      const v = rt === "MEAN"
        ? Math.exp(out.mean[k])
        : rt === "TOTAL_STDDEV"
        ? out.sig[k]
        : rt === "INTER_EVENT_STDDEV"
        ? out.tau[k]
        : out.phi[k];
      cells[index] = String(v);
    });
    lines.push(cells.join(","));
  }
  return lines.join("\n") + "\n";
}

if (import.meta.main) {
  const a = [...Deno.args];
  const take = (flag: string) => {
    const i = a.indexOf(flag);
    if (i < 0) return undefined;
    const v = a[i + 1];
    a.splice(i, 2);
    return v;
  };
  const tomlArgs = take("--args");
  const input = take("--input");
  const backend = (take("--backend") ?? "cpu") as "cpu" | "gpu";
  const name = a[0];
  if (!name || !input || !["cpu", "gpu"].includes(backend)) {
    console.error(USAGE);
    Deno.exit(2);
  }
  try {
    const spec = tomlArgs ? `[${name}]\n${tomlArgs.replaceAll(";", "\n")}` : name;
    Deno.stdout.writeSync(
      new TextEncoder().encode(await recomputeTable(spec, Deno.readTextFileSync(input), backend)),
    );
  } catch (e) {
    console.error(`gmpe: ${(e as Error).message}`);
    Deno.exit(1);
  }
}
