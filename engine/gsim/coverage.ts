// deno task gsims: the coverage table of the GSIM library — every implemented model with its
// IMTs and period range, whether its WGSL form compiles on this WebGPU adapter, and how many of
// OpenQuake's verification tables it passes on the CPU (f64) and the GPU (f32). The table list
// and tolerances come from $GSIM_TABLES_DIR/INDEX.md (default ../shared/gsim-tables).
import { GSIMS, makeGsim } from "./registry.ts";
import { compareTable, parseVerificationTable, type TableCheck, tableContext } from "./verify.ts";
import { evaluateGsim } from "./evaluate.ts";
import { contextParams } from "./wgsl.ts";
import type { GsimDef } from "./types.ts";
import { evaluateGsimGpu, getGpu, gsimPipeline } from "../kernels/webgpu.ts";

/** f32 cannot honour tolerances below a few ulps (Sadigh's sigma asks 1e-10 %). */
const F32_FLOOR_PERCENT = 1e-4;

export interface IndexedTable {
  file: string;
  kind: string;
  gsim: string;
  args: Record<string, unknown>;
  tolPercent: number;
}

/** Rows of INDEX.md: `| \`file\` | KIND | rows | Gsim(args) [2017 name: ...] | tol | ... |`. */
export function parseIndex(text: string): IndexedTable[] {
  const out: IndexedTable[] = [];
  for (const line of text.split("\n")) {
    const m = /^\|\s*`([^`]+)`\s*\|\s*(\w+)\s*\|[^|]*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|/.exec(line);
    if (!m) continue;
    const tols = m[4].split("/").map(Number);
    const tol = m[2] === "MEAN" ? tols[0] : tols[tols.length - 1];
    // "A(x=1); A(x=2) [2017 name: ...]": one table checked with several models
    for (const spec of m[3].replace(/\s*\[.*\]\s*$/, "").split(";").map((p) => p.trim())) {
      const call = /^(\w+)(?:\((.*)\))?$/.exec(spec);
      if (!call) continue;
      try {
        const args = pyArgs(call[2] ?? "");
        out.push({ file: m[1], kind: m[2], gsim: call[1], args, tolPercent: tol });
      } catch {
        // arguments we cannot read (lists, nested models) are left out of the table
      }
    }
  }
  return out;
}

function pyArgs(s: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const part of s.split(",").map((p) => p.trim()).filter((p) => p)) {
    const kv = /^(\w+)\s*=\s*(.+)$/.exec(part);
    if (!kv) throw new Error(`cannot read argument ${part}`);
    const v = kv[2];
    if (/^'.*'$|^".*"$/.test(v)) args[kv[1]] = v.slice(1, -1);
    else if (v === "True" || v === "False") args[kv[1]] = v === "True";
    else if (!isNaN(Number(v))) args[kv[1]] = Number(v);
    else throw new Error(`cannot read value ${v}`);
  }
  return args;
}

interface Row {
  model: string;
  imts: string;
  gpuForm: string;
  cpu: [number, number];
  gpu: [number, number];
  worstCpu: number;
  worstGpu: number;
}

if (import.meta.main) {
  const dir = Deno.env.get("GSIM_TABLES_DIR") ??
    new URL("../../../shared/gsim-tables", import.meta.url).pathname;
  let index: IndexedTable[] = [];
  try {
    index = parseIndex(Deno.readTextFileSync(`${dir}/INDEX.md`));
  } catch {
    console.warn(`!!! no verification tables at ${dir}: table columns left empty`);
  }
  const gpu = await getGpu();
  const rows = new Map<string, Row>();
  for (const name of Object.keys(GSIMS).sort()) {
    const def = makeGsim(name);
    let gpuForm = "no adapter";
    if (gpu) {
      try {
        await gsimPipeline(gpu, def);
        gpuForm = "yes";
      } catch (e) {
        gpuForm = `NO: ${(e as Error).message.slice(0, 60)}`;
      }
    }
    const periods = def.tables.filter((t) => !t.imt).map((t) => t.table.periods);
    const sa = periods.length && periods[0].length
      ? ` SA ${Math.max(...periods.map((p) => p[0]))}-${
        Math.min(...periods.map((p) => p[p.length - 1]))
      } s`
      : "";
    rows.set(name, {
      model: name,
      imts: def.imts.filter((k) => k !== "SA").join(" ") + sa,
      gpuForm,
      cpu: [0, 0],
      gpu: [0, 0],
      worstCpu: 0,
      worstGpu: 0,
    });
  }
  const missing = new Set<string>();
  for (const t of index) {
    const row = rows.get(t.gsim);
    if (!row) {
      missing.add(t.gsim);
      continue;
    }
    let def: GsimDef;
    try {
      def = makeGsim(t.gsim, t.args);
    } catch {
      row.cpu[1]++;
      row.gpu[1]++;
      continue;
    }
    let table: ReturnType<typeof parseVerificationTable>;
    try {
      table = parseVerificationTable(Deno.readTextFileSync(`${dir}/${t.file}`));
    } catch {
      // residual tables (ASK14_Res*) have unnamed columns: not verification tables
      continue;
    }
    const imts = table.imtCols.map((c) => c.imt);
    const block = tableContext(table, contextParams(def));
    const tally = (check: TableCheck | null, side: "cpu" | "gpu") => {
      row[side][1]++;
      if (check && check.failures === 0 && check.values > 0) row[side][0]++;
      const w = check ? check.maxDiscrepancy : Infinity;
      if (side === "cpu") row.worstCpu = Math.max(row.worstCpu, w);
      else row.worstGpu = Math.max(row.worstGpu, w);
    };
    try {
      tally(compareTable(table, evaluateGsim(def, imts, block), t.tolPercent), "cpu");
    } catch {
      tally(null, "cpu");
    }
    if (gpu) {
      try {
        const out = await evaluateGsimGpu(gpu, def, imts, block);
        tally(compareTable(table, out, Math.max(t.tolPercent, F32_FLOOR_PERCENT)), "gpu");
      } catch {
        tally(null, "gpu");
      }
    }
  }
  console.log(`GSIM library: ${rows.size} models; GPU: ${gpu?.description ?? "none"}\n`);
  console.log(
    "| model | IMTs | GPU form | tables CPU | tables GPU | max diff CPU % | max diff GPU % |",
  );
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows.values()) {
    const f = (x: number) => (x === 0 ? "-" : x.toExponential(2));
    console.log(
      `| ${r.model} | ${r.imts} | ${r.gpuForm} | ${r.cpu[0]}/${r.cpu[1]} | ${r.gpu[0]}/${
        r.gpu[1]
      } | ${f(r.worstCpu)} | ${f(r.worstGpu)} |`,
    );
  }
  if (missing.size) {
    console.log(
      `\nNot implemented yet (${missing.size} models with tables): ${
        [...missing].sort().join(", ")
      }`,
    );
  }
}
