// Runs one submitted job to the end in this process: status executing -> complete | failed
// (| aborted, set by whoever aborts). Used by the `worker` child process and by the CLI `run`.
import { dirname } from "node:path";
import { Datastore } from "../datastore.ts";
import { datastorePath, type JobDB, type JobRow, shortHostname } from "../db.ts";
import { getCalculator } from "../calculators/registry.ts";
import type { CalcContext, OutputRow } from "../calculators/types.ts";
import { readJobIni } from "../input/ini.ts";
import { tracebackLines } from "./submit.ts";

export interface ExecuteOptions {
  /** the log rows' process field, e.g. `SpawnProcess-7/4242` */
  process: string;
  signal?: AbortSignal;
  /** echo log rows here too (CLI) */
  echo?: (level: string, msg: string) => void;
}

/** Removes a datastore and its WAL side files. */
export function removeDatastore(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      Deno.removeSync(p);
    } catch { /* not there */ }
  }
}

function fileSizeMb(path: string): number {
  try {
    return Deno.statSync(path).size / 1024 / 1024;
  } catch {
    return 0;
  }
}

/** Runs job `jobId`; returns its final status. Never throws for calculation errors. */
export async function executeJob(db: JobDB, jobId: number, opts: ExecuteOptions): Promise<string> {
  const job = db.getJob(jobId);
  if (!job) throw new Error(`Unknown job ${jobId}`);
  if (!db.setStatus(jobId, "executing", ["created", "submitted"], { pid: Deno.pid })) {
    return db.getJob(jobId)!.status; // aborted or removed before it could start
  }
  const t0 = performance.now();
  const datadir = dirname(db.path);
  const dsPath = datastorePath(datadir, jobId);
  const log = (level: string, msg: string) => {
    db.log(jobId, level, opts.process, msg);
    opts.echo?.(level, msg);
  };
  const outputs: OutputRow[] = [];
  let ds: Datastore | undefined;
  const opened: Datastore[] = [];
  try {
    const overrides = JSON.parse(job.overrides || "{}") as Record<string, string>;
    log(
      "info",
      `${job.user_name}@${shortHostname()} running ${job.job_ini} ` +
        `[--hc=${job.hazard_calculation_id ?? "None"}]`,
    );
    const { params } = readJobIni(job.job_ini, overrides);
    const calculator = getCalculator(params.calculation_mode);
    removeDatastore(dsPath);
    ds = new Datastore(dsPath);
    const ctx = makeContext(db, job, ds, overrides, outputs, log, opened, opts.signal);
    await calculator(ctx);
    if (opts.signal?.aborted) throw new Error(`Job ${jobId} was aborted`);
    ds.close();
    ds = undefined;
    const size = fileSizeMb(dsPath);
    log(
      "info",
      `Stored ${(size * 1024).toFixed(2)} KB on ${dsPath} in ` +
        `${Math.round((performance.now() - t0) / 1000)} seconds`,
    );
    // the report and the inputs are always exposed, as OpenQuake does
    for (const [type, displayName] of [["fullreport", "Full Report"], ["input", "Input Files"]]) {
      if (!outputs.some((o) => o.type === type)) outputs.push({ name: type, type, displayName });
    }
    db.tx(() => {
      db.addOutputs(jobId, outputs.map((o) => ({ type: o.type, displayName: o.displayName })));
      db.setStatus(jobId, "complete", ["executing"], { size_mb: size });
    });
  } catch (err) {
    try {
      ds?.close();
    } catch { /* already closed */ }
    removeDatastore(dsPath); // a failed calculation leaves no half-written datastore
    if (!opts.signal?.aborted) {
      log("critical", tracebackLines(err).join("\n"));
      db.setStatus(jobId, "failed", ["executing"]);
    }
  } finally {
    for (const d of opened) {
      try {
        d.close();
      } catch { /* closed by the calculator */ }
    }
  }
  return db.getJob(jobId)!.status;
}

function makeContext(
  db: JobDB,
  job: JobRow,
  ds: Datastore,
  overrides: Record<string, string>,
  outputs: OutputRow[],
  log: (level: string, msg: string) => void,
  opened: Datastore[],
  signal?: AbortSignal,
): CalcContext {
  const datadir = dirname(db.path);
  let lastPct = -1;
  return {
    calcId: job.id,
    inputDir: dirname(job.job_ini),
    jobIni: job.job_ini,
    overrides,
    datastore: ds,
    hazardCalcId: job.hazard_calculation_id ?? undefined,
    openDatastore(calcId: number) {
      const path = datastorePath(datadir, calcId);
      Deno.statSync(path); // a clear NotFound instead of an empty new file
      const d = new Datastore(path, { readOnly: true });
      opened.push(d);
      return d;
    },
    log,
    progress(done: number, total: number) {
      const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
      if (pct >= lastPct + 5 || (pct === 100 && lastPct < 100)) {
        lastPct = pct;
        log("info", `${pct}% of tasks done`);
      }
    },
    signal: signal ?? new AbortController().signal,
    addOutput(o: OutputRow) {
      if (!outputs.some((x) => x.type === o.type)) outputs.push(o);
    },
  };
}
