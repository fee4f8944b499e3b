// A worker of the CPU pool: runs the f64 reference kernel on a slice of a block's rows that
// lives in SharedArrayBuffers, and answers with the sums of the sites it touched.
/// <reference lib="deno.worker" />
import type { GsimDef } from "../gsim/types.ts";
import { cpuBackend } from "./cpu.ts";
import type { PneJob } from "./types.ts";

export interface PoolTask {
  id: number;
  job: PneJob;
  first: number;
  count: number;
}

/** Run `fn` exported by `module` (a URL) with `arg`: whole tasks, e.g. a shard of a source group. */
export interface PoolCall {
  id: number;
  call: { module: string; fn: string; arg: unknown };
}

// one model object per distinct model, so its compiled evaluator is reused across tasks
const models = new Map<string, GsimDef>();

async function runCall(id: number, { module, fn, arg }: PoolCall["call"]) {
  try {
    const mod = await import(module);
    // the called function may report events (progress) before it returns
    const report = (event: unknown) => self.postMessage({ id, event });
    const result = await mod[fn](arg, report);
    self.postMessage({ id, result }, transferables(result));
  } catch (err) {
    self.postMessage({ id, error: String((err as Error)?.stack ?? err) });
  }
}

/** The buffers of the typed arrays in a result (one level deep), moved rather than copied. */
function transferables(x: unknown): Transferable[] {
  const out = new Set<ArrayBuffer>();
  const visit = (v: unknown) => {
    if (ArrayBuffer.isView(v) && v.buffer instanceof ArrayBuffer) out.add(v.buffer);
  };
  if (x && typeof x === "object") {
    for (const v of Object.values(x)) Array.isArray(v) ? v.forEach(visit) : visit(v);
  }
  return [...out];
}

self.onmessage = async (e: MessageEvent<PoolTask | PoolCall>) => {
  if ("call" in e.data) return runCall(e.data.id, e.data.call);
  const { id, job, first, count } = e.data;
  try {
    const key = `${job.gsim.name} ${JSON.stringify(job.gsim.args)} ${job.gsim.body}`;
    let gsim = models.get(key);
    if (!gsim) models.set(key, gsim = job.gsim);
    const cols: Record<string, Float64Array | Float32Array> = {};
    for (const [k, v] of Object.entries(job.block.cols)) {
      cols[k] = v!.subarray(first, first + count);
    }
    const local = new Map<number, number>();
    const sid = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const s = job.sid[first + i];
      let j = local.get(s);
      if (j === undefined) local.set(s, j = local.size);
      sid[i] = j;
    }
    const acc = new Float64Array(local.size * job.levels.length);
    await cpuBackend.accumulateLogPne({
      ...job,
      gsim,
      block: { n: count, cols },
      rate: job.rate.subarray(first, first + count),
      sid,
      nSites: local.size,
    }, acc);
    const sites = Uint32Array.from(local.keys());
    self.postMessage({ id, sites, acc }, [sites.buffer, acc.buffer]);
  } catch (err) {
    self.postMessage({ id, error: String((err as Error)?.stack ?? err) });
  }
};
