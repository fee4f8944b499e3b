// The server's job runner: one child process per calculation (this same program re-invoked as
// `main.ts worker <id>`), at most `maxJobs` at once, the rest waiting as `submitted`.
// Abort = SIGTERM. A crashed worker fails its job; it never takes the server down.
import { basename, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { datastorePath, type JobDB } from "../db.ts";
import { removeDatastore } from "./execute.ts";

export interface RunnerOptions {
  maxJobs: number;
  /** seconds after which a running job is aborted (OpenQuake's webapi.calc_timeout); 0 = none */
  calcTimeout?: number;
}

interface Running {
  child: Deno.ChildProcess;
  done: Promise<void>;
  /** SIGKILL fallback for a worker that ignores SIGTERM (a calculator that never yields) */
  killTimer?: ReturnType<typeof setTimeout>;
  timeoutTimer?: ReturnType<typeof setTimeout>;
}

/** Seconds a worker gets to stop after SIGTERM before it is killed. */
const ABORT_GRACE_MS = Number(Deno.env.get("OQ_ABORT_GRACE_MS")) || 5000;

/** The command that runs `worker <id>`: the compiled binary itself, or `deno run main.ts`. */
export function workerCommand(jobId: number): { cmd: string; args: string[]; cwd?: string } {
  const exe = Deno.execPath();
  const compiled = Deno.mainModule.includes("/deno-compile-") ||
    !/^deno(\.exe)?$/i.test(basename(exe));
  if (compiled) return { cmd: exe, args: ["worker", String(jobId)] };
  const main = new URL("../../main.ts", import.meta.url);
  const root = dirname(fileURLToPath(main));
  const args = ["run", "-A", "--no-prompt"];
  try {
    Deno.statSync(`${root}/deno.json`);
    args.push("--config", `${root}/deno.json`);
  } catch { /* no config next to main.ts */ }
  return { cmd: exe, args: [...args, fileURLToPath(main), "worker", String(jobId)], cwd: root };
}

export class Runner {
  private queue: number[] = [];
  private running = new Map<number, Running>();
  private closed = false;

  constructor(readonly db: JobDB, readonly opts: RunnerOptions) {}

  /** Starts a created job now, or queues it as `submitted`. */
  start(jobId: number): void {
    if (this.running.size < this.opts.maxJobs) this.spawn(jobId);
    else {
      this.db.setStatus(jobId, "submitted", ["created"]);
      this.queue.push(jobId);
    }
  }

  isRunning(jobId: number): boolean {
    return this.running.has(jobId);
  }

  private spawn(jobId: number): void {
    const { cmd, args, cwd } = workerCommand(jobId);
    const child = new Deno.Command(cmd, {
      args,
      cwd,
      stdin: "piped", // closed when the server dies: the worker then stops
      stdout: "null",
      stderr: "piped",
      env: { OQ_DATADIR: dirname(this.db.path), DENO_NO_UPDATE_CHECK: "1" },
    }).spawn();
    this.db.updateJob(jobId, { pid: child.pid });
    const done = (async () => {
      const tail = await readTail(child.stderr);
      const status = await child.status;
      await child.stdin.close().catch(() => {});
      clearTimeout(this.running.get(jobId)?.killTimer);
      clearTimeout(this.running.get(jobId)?.timeoutTimer);
      this.running.delete(jobId);
      const job = this.db.getJob(jobId);
      if (job?.status === "aborted") removeDatastore(datastorePath(dirname(this.db.path), jobId));
      if (job && job.is_running) {
        // the worker died without recording an end (crash, out of memory, killed)
        this.db.log(
          jobId,
          "CRITICAL",
          `SpawnProcess-${jobId}/${child.pid}`,
          `The job process exited with code ${status.code}` +
            (status.signal ? ` (signal ${status.signal})` : "") + (tail ? `\n${tail}` : ""),
        );
        this.db.setStatus(jobId, "failed", ["created", "submitted", "executing"]);
      }
      this.next();
    })();
    const entry: Running = { child, done };
    const limit = this.opts.calcTimeout ?? 0;
    if (limit > 0) {
      entry.timeoutTimer = setTimeout(() => {
        this.db.log(
          jobId,
          "CRITICAL",
          "calc_timeout",
          `Job ${jobId} exceeded the time limit of ${limit} seconds and was aborted`,
        );
        this.abort(jobId);
      }, limit * 1000);
    }
    this.running.set(jobId, entry);
  }

  private next(): void {
    while (!this.closed && this.queue.length && this.running.size < this.opts.maxJobs) {
      const id = this.queue.shift()!;
      const job = this.db.getJob(id);
      if (job?.status === "submitted") this.spawn(id);
    }
  }

  /**
   * Aborts a running or queued job: the status becomes `aborted` and the worker gets SIGTERM.
   * Returns false when no process or queue entry of this server holds the job.
   */
  abort(jobId: number): boolean {
    const q = this.queue.indexOf(jobId);
    const r = this.running.get(jobId);
    if (q < 0 && !r) return false;
    this.db.setStatus(jobId, "aborted", ["created", "submitted", "executing"]);
    if (q >= 0) this.queue.splice(q, 1);
    if (r) {
      try {
        r.child.kill("SIGTERM");
      } catch { /* already gone */ }
      r.killTimer ??= setTimeout(() => {
        try {
          r.child.kill("SIGKILL");
        } catch { /* exited meanwhile */ }
      }, ABORT_GRACE_MS);
    }
    return true;
  }

  /** Stops every worker (their jobs become aborted) and waits for them. */
  async close(): Promise<void> {
    this.closed = true;
    for (const id of this.queue) this.db.setStatus(id, "aborted", ["submitted"]);
    this.queue = [];
    for (const id of [...this.running.keys()]) this.abort(id);
    await Promise.all([...this.running.values()].map((r) => r.done));
  }
}

async function readTail(stream: ReadableStream<Uint8Array>, max = 4000): Promise<string> {
  let text = "";
  const dec = new TextDecoder();
  for await (const chunk of stream) {
    text = (text + dec.decode(chunk, { stream: true })).slice(-max);
  }
  return text.trim();
}

/** Is a process of this machine alive? (Linux /proc; elsewhere unknown = assume dead.) */
export function processAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    const stat = Deno.readTextFileSync(`/proc/${pid}/stat`);
    return !/^\d+ \(.*\) Z/.test(stat); // a zombie is dead
  } catch {
    return false;
  }
}

/**
 * Server start: jobs left running by a server that is gone become `failed`, with a log line
 * saying why. A job whose process is still alive on this host is left alone.
 */
export function recoverJobs(db: JobDB, host: string): number[] {
  const failed: number[] = [];
  for (const job of db.runningJobs()) {
    if (job.host === host && job.status === "executing" && processAlive(job.pid)) continue;
    const why = `Job ${job.id} was left ${job.status} by a server that is no longer running` +
      (job.pid ? ` (process ${job.pid} is gone)` : "") + "; marked as failed";
    db.tx(() => {
      db.log(job.id, "CRITICAL", "server restart", why);
      db.setStatus(job.id, "failed", ["created", "submitted", "executing"]);
    });
    failed.push(job.id);
  }
  return failed;
}
