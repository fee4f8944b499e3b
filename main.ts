// quakeserver: the OpenQuake-compatible engine. Commands mirror `oq engine` / `oq webui`:
//   serve [--host 127.0.0.1] [--port 8800] [--lockdown] [--max-jobs N]   (the default)
//   run JOB.ini|ARCHIVE.zip[,JOB2.ini] [--exports csv] [--export-dir DIR] [--param k=v] [--hc ID]
//   list | export CALC_ID DIR [--exports csv] | worker CALC_ID
//   user add NAME [--password P] [--level 0|1|2] [--superuser] [--group G] | user list
// Any command: --backend auto|gpu|pool|cpu (QUAKE_BACKEND) picks where the hot loop runs.
import { parseArgs } from "node:util";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import "./engine/calculators/registry.ts";
import "./engine/export/registry.ts";
import { datadir, JobDB, shortHostname } from "./engine/db.ts";
import { executeJob, removeDatastore } from "./engine/jobs/execute.ts";
import { exportAll } from "./engine/jobs/export.ts";
import { recoverJobs, Runner } from "./engine/jobs/runner.ts";
import { submitJob } from "./engine/jobs/submit.ts";
import { ENGINE_VERSION } from "./engine/jobs/version.ts";
import { createApp } from "./routes/app.ts";
import { addUser } from "./routes/auth.ts";
import { datastorePath } from "./engine/db.ts";

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return Deno.env.get("USER") ?? Deno.env.get("LOGNAME") ?? "openquake";
  }
}

function envFlag(name: string): boolean {
  return ["1", "true", "yes", "on"].includes((Deno.env.get(name) ?? "").toLowerCase());
}

/** Test and plug-in hook: modules (paths or URLs) imported before any command runs. */
async function preload(): Promise<void> {
  for (const m of (Deno.env.get("OQ_PRELOAD") ?? "").split(",").filter(Boolean)) {
    await import(m.includes("://") ? m : new URL(`file://${resolve(m)}`).href);
  }
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string", default: "127.0.0.1" },
      port: { type: "string", default: "8800" },
      lockdown: { type: "boolean", default: envFlag("OQ_LOCKDOWN") },
      "max-jobs": { type: "string", default: Deno.env.get("OQ_MAX_JOBS") ?? "2" },
    },
  });
  const dir = datadir();
  const db = JobDB.open(dir);
  for (const id of recoverJobs(db, shortHostname())) {
    console.log(`job ${id} was left running by a dead server: marked failed`);
  }
  const runner = new Runner(db, {
    maxJobs: Math.max(1, Number(values["max-jobs"]) || 1),
    calcTimeout: Number(Deno.env.get("OQ_CALC_TIMEOUT")) || 0,
  });
  const app = createApp({
    db,
    runner,
    datadir: dir,
    lockdown: values.lockdown!,
    defaultUser: Deno.env.get("OQ_DEFAULT_USER") || osUser(),
  });
  const server = Deno.serve({
    hostname: values.host,
    port: Number(values.port),
    onListen: ({ hostname, port }) => {
      console.log(
        `quakeserver ${ENGINE_VERSION} listening on http://${hostname}:${port}` +
          ` (datadir ${dir}${values.lockdown ? ", lockdown" : ""})`,
      );
    },
  }, app.fetch);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await runner.close();
    await server.shutdown();
    db.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
  await server.finished;
}

/** The child process of one calculation; SIGTERM (abort) or the server's death stop it. */
async function worker(id: number): Promise<never> {
  const db = JobDB.open(datadir());
  const ctl = new AbortController();
  const stop = (status: "aborted" | "failed", why: string) => {
    ctl.abort();
    db.log(id, status === "failed" ? "CRITICAL" : "WARNING", process, why);
    db.setStatus(id, status, ["created", "submitted", "executing"]);
    removeDatastore(datastorePath(datadir(), id));
    Deno.exit(status === "aborted" ? 143 : 1);
  };
  const process = `SpawnProcess-${id}/${Deno.pid}`;
  Deno.addSignalListener("SIGTERM", () => stop("aborted", `Job ${id} aborted (SIGTERM)`));
  // the server holds our stdin open; end of file means it is gone
  (async () => {
    const buf = new Uint8Array(64);
    try {
      while ((await Deno.stdin.read(buf)) !== null) { /* nothing is sent */ }
    } catch { /* closed */ }
    stop("failed", `The server process of job ${id} exited; the job was stopped`);
  })();
  const status = await executeJob(db, id, { process, signal: ctl.signal });
  db.close();
  Deno.exit(status === "complete" ? 0 : 1);
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      exports: { type: "string", default: "" },
      "export-dir": { type: "string" },
      param: { type: "string", multiple: true, short: "p" },
      hc: { type: "string" },
    },
  });
  // `run job_h.ini,job_r.ini` (or two arguments): each job continues the previous one
  const jobs = positionals.flatMap((p) => p.split(",")).filter(Boolean);
  if (!jobs.length) {
    console.error(
      "usage: main.ts run JOB.ini|ARCHIVE.zip[,JOB2.ini] [--exports csv] [--export-dir DIR]",
    );
    return 2;
  }
  const overrides: Record<string, string> = {};
  for (const p of values.param ?? []) {
    const i = p.indexOf("=");
    if (i < 1) {
      console.error(`--param expects key=value, got ${p}`);
      return 2;
    }
    overrides[p.slice(0, i).trim()] = p.slice(i + 1).trim();
  }
  const db = JobDB.open(datadir());
  try {
    let hc = values.hc ? Number(values.hc) : undefined;
    for (const path of jobs) {
      const id = await runOne(db, path, overrides, hc, values.exports, values["export-dir"]);
      if (id === undefined) return 1;
      hc = id;
    }
    return 0;
  } finally {
    db.close();
  }
}

/** Runs one job in this process; returns its id when it completed. */
async function runOne(
  db: JobDB,
  path: string,
  overrides: Record<string, string>,
  hazardJobId: number | undefined,
  exports: string | undefined,
  exportDir: string | undefined,
): Promise<number | undefined> {
  const r = submitJob(db, { path, owner: osUser(), overrides, hazardJobId });
  console.log(`calc_id = ${r.jobId}`);
  if (!r.ok) {
    console.error(r.traceback!.at(-1));
    return undefined;
  }
  const ctl = new AbortController();
  const onSignal = () => {
    ctl.abort();
    db.setStatus(r.jobId, "aborted", ["created", "submitted", "executing"]);
  };
  Deno.addSignalListener("SIGINT", onSignal);
  Deno.addSignalListener("SIGTERM", onSignal);
  let status: string;
  try {
    status = await executeJob(db, r.jobId, {
      process: `MainProcess/${Deno.pid}`,
      signal: ctl.signal,
      echo: (level, msg) => {
        if (level !== "debug") console.error(`[${level.toUpperCase()}] ${msg}`);
      },
    });
  } finally {
    Deno.removeSignalListener("SIGINT", onSignal);
    Deno.removeSignalListener("SIGTERM", onSignal);
  }
  console.log(`status = ${status}`);
  if (status !== "complete") return undefined;
  const formats = exports ? exports.split(",").map((s) => s.trim()) : [];
  if (formats.length) {
    const dir = resolve(exportDir ?? ".");
    for (const f of await exportAll(db, r.jobId, dir, formats)) console.log(f);
  }
  return r.jobId;
}

function list(): number {
  const db = JobDB.open(datadir());
  const jobs = db.listJobs({ limit: -1 }).reverse();
  console.log(" job_id |     status |          start_time |         description");
  for (const j of jobs) {
    console.log(
      `${String(j.id).padStart(7)} | ${j.status.padStart(10)} | ${j.start_time.slice(0, 19)} | ` +
        j.description,
    );
  }
  db.close();
  return 0;
}

async function exportCmd(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { exports: { type: "string" } },
  });
  if (positionals.length !== 2 || !/^\d+$/.test(positionals[0])) {
    console.error("usage: main.ts export CALC_ID DIR [--exports csv]");
    return 2;
  }
  const db = JobDB.open(datadir());
  try {
    const job = db.getJob(Number(positionals[0]));
    if (!job || job.status === "deleted") {
      console.error(`No calculation ${positionals[0]}`);
      return 1;
    }
    const formats = values.exports?.split(",").map((s) => s.trim());
    const files = await exportAll(db, job.id, resolve(positionals[1]), formats);
    for (const f of files) console.log(f);
    if (!files.length) console.error(`Nothing to export for calculation ${job.id}`);
    return 0;
  } finally {
    db.close();
  }
}

async function user(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      password: { type: "string" },
      level: { type: "string", default: "2" },
      superuser: { type: "boolean", default: false },
      group: { type: "string", multiple: true },
    },
  });
  const db = JobDB.open(datadir());
  try {
    if (positionals[0] === "add" && positionals[1]) {
      const pw = values.password ?? Deno.env.get("OQ_PASSWORD") ??
        prompt(`Password for ${positionals[1]}:`) ?? "";
      await addUser(db, positionals[1], pw, {
        level: Number(values.level),
        superuser: values.superuser,
        groups: values.group?.flatMap((g) => g.split(",")).map((g) => g.trim()).filter(Boolean),
      });
      console.log(`user ${positionals[1]} saved`);
      return 0;
    }
    if (positionals[0] === "list") {
      for (const u of db.listUsers()) {
        const groups = db.groups(u.name);
        console.log(
          `${u.name} level=${u.level}${u.is_superuser ? " superuser" : ""}` +
            (groups.length ? ` groups=${groups.join(",")}` : ""),
        );
      }
      return 0;
    }
    console.error(
      "usage: main.ts user add NAME [--password P] [--level 0|1|2] [--superuser] [--group G]",
    );
    return 2;
  } finally {
    db.close();
  }
}

/**
 * `--backend auto|gpu|pool|cpu` anywhere on the command line: the compute backend of every
 * calculation this process (and the job workers it starts) runs; the same as QUAKE_BACKEND.
 */
function takeBackend(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const eq = /^--backend=(.*)$/.exec(args[i]);
    const value = eq ? eq[1] : args[i] === "--backend" ? args[++i] : undefined;
    if (value === undefined) {
      out.push(args[i]);
      continue;
    }
    if (!["auto", "gpu", "pool", "cpu"].includes(value)) {
      console.error(`--backend must be auto, gpu, pool or cpu, not ${JSON.stringify(value)}`);
      Deno.exit(2);
    }
    Deno.env.set("QUAKE_BACKEND", value);
  }
  return out;
}

if (import.meta.main) {
  await preload();
  const [cmd = "serve", ...rest] = takeBackend(Deno.args);
  let code = 0;
  switch (cmd) {
    case "serve":
      await serve(rest);
      break;
    case "worker":
      await worker(Number(rest[0]));
      break;
    case "run":
      code = await run(rest);
      break;
    case "list":
      code = list();
      break;
    case "export":
      code = await exportCmd(rest);
      break;
    case "user":
      code = await user(rest);
      break;
    case "--version":
    case "version":
      console.log(ENGINE_VERSION);
      break;
    default:
      console.error(`unknown command ${cmd}; try serve, run, list, export, worker, user`);
      code = 2;
  }
  Deno.exit(code);
}
