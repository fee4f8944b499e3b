// The CPU fallback: the f64 reference kernel on a pool of Deno Workers, one per core. A block's
// columns are copied once into SharedArrayBuffers; each worker takes a contiguous slice of rows.
import type { Backend, PneJob } from "./types.ts";
import type { PoolCall, PoolTask } from "./pool_worker.ts";

interface Reply {
  id: number;
  sites?: Uint32Array;
  acc?: Float64Array;
  result?: unknown;
  /** an event reported by a call before its result (e.g. progress) */
  event?: unknown;
  error?: string;
}

/** The pool also runs whole tasks: any exported function of a module, on the least busy worker. */
export interface PoolBackend extends Backend {
  name: "pool";
  size: number;
  /** `fn(arg, report)` in a worker; what it reports reaches `onEvent` */
  call<T>(module: string, fn: string, arg: unknown, onEvent?: (e: unknown) => void): Promise<T>;
}

export function isPoolBackend(b: Backend): b is PoolBackend {
  return b.name === "pool" && "call" in b;
}

function sharedF64(a: ArrayLike<number>): Float64Array {
  const out = new Float64Array(new SharedArrayBuffer(Math.max(1, a.length) * 8), 0, a.length);
  out.set(a);
  return out;
}

function sharedU32(a: ArrayLike<number>): Uint32Array {
  const out = new Uint32Array(new SharedArrayBuffer(Math.max(1, a.length) * 4), 0, a.length);
  out.set(a);
  return out;
}

/** Rows below which a job runs on one worker (the message costs more than the work). */
const MIN_ROWS_PER_TASK = 512;

export function makePoolBackend(size = navigator.hardwareConcurrency || 2): PoolBackend {
  const workers: Worker[] = [];
  const pending = new Map<number, (r: Reply) => void>();
  const busy = new Map<Worker, number>();
  const events = new Map<number, (e: unknown) => void>();
  let nextId = 0;
  for (let i = 0; i < size; i++) {
    const w = new Worker(new URL("./pool_worker.ts", import.meta.url), { type: "module" });
    w.onmessage = (e: MessageEvent<Reply>) => {
      if ("event" in e.data) return events.get(e.data.id)?.(e.data.event);
      events.delete(e.data.id);
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    };
    workers.push(w);
  }

  function run(w: Worker, task: PoolTask | PoolCall): Promise<Reply> {
    busy.set(w, (busy.get(w) ?? 0) + 1);
    return new Promise<Reply>((resolve) => {
      pending.set(task.id, resolve);
      w.postMessage(task);
    }).finally(() => busy.set(w, busy.get(w)! - 1));
  }

  function leastBusy(): Worker {
    return workers.reduce((a, b) => ((busy.get(b) ?? 0) < (busy.get(a) ?? 0) ? b : a));
  }

  return {
    name: "pool",
    description: `f64 on ${size} workers`,
    size,
    async call<T>(
      module: string,
      fn: string,
      arg: unknown,
      onEvent?: (e: unknown) => void,
    ): Promise<T> {
      const id = nextId++;
      if (onEvent) events.set(id, onEvent);
      const r = await run(leastBusy(), { id, call: { module, fn, arg } });
      if (r.error) throw new Error(`pool worker failed: ${r.error}`);
      return r.result as T;
    },
    async accumulateLogPne(job: PneJob, acc: Float64Array): Promise<void> {
      const n = job.block.n;
      if (n === 0) return;
      const L = job.levels.length;
      const cols: Record<string, Float64Array> = {};
      for (const [k, v] of Object.entries(job.block.cols)) cols[k] = sharedF64(v!);
      const sjob: PneJob = {
        ...job,
        block: { n, cols },
        rate: sharedF64(job.rate),
        sid: sharedU32(job.sid),
      };
      const tasks = Math.max(1, Math.min(workers.length, Math.floor(n / MIN_ROWS_PER_TASK)));
      const per = Math.ceil(n / tasks);
      const replies = await Promise.all(
        Array.from({ length: tasks }, (_, t) =>
          run(workers[t], {
            id: nextId++,
            job: sjob,
            first: t * per,
            count: Math.max(0, Math.min(per, n - t * per)),
          })),
      );
      for (const r of replies) {
        if (r.error) throw new Error(`pool worker failed: ${r.error}`);
        const { sites, acc: part } = r as Required<Reply>;
        for (let j = 0; j < sites.length; j++) {
          const base = sites[j] * L;
          for (let l = 0; l < L; l++) acc[base + l] += part[j * L + l];
        }
      }
    },
    close(): Promise<void> {
      for (const w of workers) w.terminate();
      workers.length = 0;
      return Promise.resolve();
    },
  };
}
