// Test-only calculation modes, loaded into the server and its workers with OQ_PRELOAD:
// they exercise the job plumbing (logs, progress, outputs, abort) without any science.
import { CALCULATORS } from "../../engine/calculators/registry.ts";
import type { CalcContext } from "../../engine/calculators/types.ts";
import { EXPORTERS } from "../../engine/export/registry.ts";
import { EXTRACTORS } from "../../engine/extract.ts";
import { readJobIni } from "../../engine/input/ini.ts";

function params(ctx: CalcContext): Record<string, string> {
  return readJobIni(ctx.jobIni, ctx.overrides).params;
}

CALCULATORS.test_ok = (ctx: CalcContext) => {
  const p = params(ctx);
  const n = Number(p.num_values ?? 4);
  const values = Float64Array.from({ length: n }, (_, i) => (i + 1) * 0.5);
  ctx.log("info", `computing ${n} values`);
  for (let i = 1; i <= 20; i++) ctx.progress(i, 20);
  ctx.datastore.put("test_values", values, [n], { investigation_time: 1 });
  ctx.datastore.put("oqparam", p);
  ctx.addOutput({ name: "test_values", type: "test_table", displayName: "Test Table" });
  ctx.addOutput({ name: "test_values", type: "test_pair", displayName: "Test Pair" });
  ctx.addOutput({ name: "nothing", type: "test_empty", displayName: "Nothing" });
  if (ctx.hazardCalcId !== undefined) {
    const parent = ctx.openDatastore(ctx.hazardCalcId);
    ctx.log("info", `parent has ${parent.list().length} datasets`);
  }
  return Promise.resolve();
};

CALCULATORS.test_sleep = async (ctx: CalcContext) => {
  const seconds = Number(params(ctx).sleep_seconds ?? 30);
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    if (ctx.signal.aborted) throw new Error("aborted");
    ctx.progress(Date.now() - t0, seconds * 1000);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** A calculator that never yields: SIGTERM cannot interrupt it, only SIGKILL. */
CALCULATORS.test_busy = (ctx: CalcContext) => {
  const seconds = Number(params(ctx).busy_seconds ?? 30);
  ctx.log("info", "busy");
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) { /* spin */ }
  return Promise.resolve();
};

CALCULATORS.test_fail = () => {
  throw new RangeError("the test calculator always fails");
};

function csv(ds: { get(n: string): { data: unknown } }): string {
  const v = ds.get("test_values").data as Float64Array;
  return "value\n" + [...v].map((x) => x.toFixed(2)).join("\n") + "\n";
}

EXPORTERS.test_table = {
  csv: (ds, _fmt, dir, calcId) => {
    const path = `${dir}/test_table_${calcId}.csv`;
    Deno.writeTextFileSync(path, csv(ds));
    return Promise.resolve([path]);
  },
};
EXPORTERS.test_pair = {
  csv: (ds, _fmt, dir, calcId) => {
    const a = `${dir}/test_pair-a_${calcId}.csv`;
    const b = `${dir}/test_pair-b_${calcId}.csv`;
    Deno.writeTextFileSync(a, csv(ds));
    Deno.writeTextFileSync(b, csv(ds));
    return Promise.resolve([a, b]);
  },
};
EXPORTERS.test_empty = { csv: () => Promise.resolve([]) };

EXTRACTORS.test_values = (ds, _what, query) => {
  const v = ds.get("test_values").data as Float64Array;
  const scale = Number(query.get("scale") ?? 1);
  return { array: v.map((x) => x * scale), kind: query.get("kind") ?? "none" };
};
