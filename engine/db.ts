// The job database (`$OQ_DATADIR/db.sqlite3`, WAL): jobs, their log rows, their outputs, users
// and sessions. What OpenQuake keeps in its `db.sqlite3`; the schema is versioned and migrated.
import { DatabaseSync } from "node:sqlite";

export type JobStatus =
  | "created"
  | "submitted"
  | "executing"
  | "complete"
  | "failed"
  | "aborted"
  | "shared"
  | "deleted";

export interface JobRow {
  id: number;
  description: string;
  user_name: string;
  calculation_mode: string;
  hazard_calculation_id: number | null;
  status: JobStatus;
  is_running: number;
  /** Python str() of the naive UTC time; reset when execution starts. */
  start_time: string;
  stop_time: string | null;
  relevant: number;
  ds_calc_dir: string;
  pid: number;
  size_mb: number | null;
  host: string | null;
  /** absolute path of the job.ini being run (empty until the inputs are stored) */
  job_ini: string;
  /** ini overrides (CLI --param, hazard_calculation_id) as JSON */
  overrides: string;
}

export interface LogRow {
  timestamp: string;
  level: string;
  process: string;
  message: string;
}

export interface OutputDbRow {
  id: number;
  oq_job_id: number;
  display_name: string;
  ds_key: string;
  size_mb: number | null;
}

export interface UserRow {
  name: string;
  pw_hash: string;
  level: number;
  is_superuser: number;
  is_active: number;
}

/** `$OQ_DATADIR`, default `~/oqdata`. */
export function datadir(): string {
  const d = Deno.env.get("OQ_DATADIR");
  if (d) return d;
  const home = Deno.env.get("HOME") ?? Deno.env.get("USERPROFILE") ?? ".";
  return `${home}/oqdata`;
}

/** The datastore file of a calculation. */
export function datastorePath(dir: string, calcId: number): string {
  return `${dir}/calc_${calcId}.sqlite`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, "0");
}

/** Python `str()` of the naive UTC datetime now: `2025-03-10 14:02:11.520390`. */
export function pyNow(micros = true): string {
  const d = new Date();
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  // milliseconds from the clock, the sub-millisecond digits from the monotonic timer
  const us = d.getUTCMilliseconds() * 1000 + Math.floor((performance.now() * 1000) % 1000);
  const frac = micros && us !== 0 ? `.${pad(us, 6)}` : "";
  return base + frac;
}

/** Schema migrations; index i brings the schema from version i to i + 1. Never edit old ones. */
const MIGRATIONS: string[] = [
  `CREATE TABLE job (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     description TEXT NOT NULL DEFAULT 'Calculation waiting to start',
     user_name TEXT NOT NULL,
     calculation_mode TEXT NOT NULL DEFAULT 'custom',
     hazard_calculation_id INTEGER REFERENCES job(id),
     status TEXT NOT NULL DEFAULT 'created',
     is_running INTEGER NOT NULL DEFAULT 1,
     start_time TEXT NOT NULL,
     stop_time TEXT,
     relevant INTEGER NOT NULL DEFAULT 1,
     ds_calc_dir TEXT NOT NULL DEFAULT '',
     pid INTEGER NOT NULL DEFAULT 0,
     size_mb REAL,
     host TEXT,
     job_ini TEXT NOT NULL DEFAULT '',
     overrides TEXT NOT NULL DEFAULT '{}');
   CREATE TABLE log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     job_id INTEGER NOT NULL REFERENCES job(id),
     timestamp TEXT NOT NULL,
     level TEXT NOT NULL,
     process TEXT NOT NULL,
     message TEXT NOT NULL);
   CREATE INDEX log_job ON log(job_id, id);
   CREATE TABLE output (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     oq_job_id INTEGER NOT NULL REFERENCES job(id),
     display_name TEXT NOT NULL,
     ds_key TEXT NOT NULL,
     size_mb REAL);
   CREATE INDEX output_job ON output(oq_job_id);
   CREATE TABLE user (
     name TEXT PRIMARY KEY,
     pw_hash TEXT NOT NULL,
     level INTEGER NOT NULL DEFAULT 2,
     is_superuser INTEGER NOT NULL DEFAULT 0,
     is_active INTEGER NOT NULL DEFAULT 1);
   CREATE TABLE session (
     key TEXT PRIMARY KEY,
     user_name TEXT NOT NULL REFERENCES user(name),
     expires REAL NOT NULL);`,
  // 2: groups; a user sees the jobs of every member of their groups (OpenQuake's valid users)
  `CREATE TABLE user_group (
     user_name TEXT NOT NULL REFERENCES user(name) ON DELETE CASCADE,
     group_name TEXT NOT NULL,
     PRIMARY KEY (user_name, group_name));`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface ListFilters {
  is_running?: boolean;
  relevant?: boolean;
  calculation_mode?: string;
  limit?: number;
  start_time?: string;
  /** only jobs of these owners, plus shared jobs (auth on, not superuser) */
  users?: string[];
}

export class JobDB {
  readonly db: DatabaseSync;

  constructor(readonly path: string) {
    this.db = new DatabaseSync(path);
    this.db.exec("PRAGMA busy_timeout = 10000");
    this.db.exec("PRAGMA journal_mode = WAL");
    this.db.exec("PRAGMA foreign_keys = ON");
    this.migrate();
  }

  /** Opens `<dir>/db.sqlite3`, creating the folder if needed. */
  static open(dir = datadir()): JobDB {
    Deno.mkdirSync(dir, { recursive: true });
    return new JobDB(`${dir}/db.sqlite3`);
  }

  private migrate(): void {
    const v = (this.db.prepare("PRAGMA user_version").get() as { user_version: number })
      .user_version;
    if (v > SCHEMA_VERSION) {
      throw new Error(
        `${this.path} has schema version ${v}, newer than this engine's ${SCHEMA_VERSION}`,
      );
    }
    for (let i = v; i < SCHEMA_VERSION; i++) {
      this.tx(() => {
        this.db.exec(MIGRATIONS[i]);
        this.db.exec(`PRAGMA user_version = ${i + 1}`);
      });
    }
  }

  /** Runs fn in one IMMEDIATE transaction (so that concurrent writers queue up). */
  tx<T>(fn: () => T): T {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const out = fn();
      this.db.exec("COMMIT");
      return out;
    } catch (e) {
      this.db.exec("ROLLBACK");
      throw e;
    }
  }

  close(): void {
    this.db.close();
  }

  // ---- jobs ----------------------------------------------------------------------------------

  createJob(opts: { user_name: string; datadir: string; host?: string | null }): JobRow {
    return this.tx(() => {
      const r = this.db.prepare(
        "INSERT INTO job (user_name, start_time, host) VALUES (?, ?, ?)",
      ).run(opts.user_name, pyNow(false), opts.host ?? shortHostname());
      const id = Number(r.lastInsertRowid);
      this.db.prepare("UPDATE job SET ds_calc_dir = ? WHERE id = ?")
        .run(`${opts.datadir}/calc_${id}`, id);
      return this.getJob(id)!;
    });
  }

  getJob(id: number): JobRow | undefined {
    return this.db.prepare("SELECT * FROM job WHERE id = ?").get(id) as JobRow | undefined;
  }

  updateJob(id: number, fields: Partial<Omit<JobRow, "id">>): void {
    const keys = Object.keys(fields);
    if (!keys.length) return;
    this.db.prepare(`UPDATE job SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`)
      .run(...keys.map((k) => (fields as Record<string, never>)[k]), id);
  }

  /**
   * Moves a job to a new status when it is in one of `from` (all statuses when omitted);
   * returns whether it moved. is_running, stop_time and start_time follow the status.
   */
  setStatus(id: number, status: JobStatus, from?: JobStatus[], extra: Partial<JobRow> = {}) {
    const running = ["created", "submitted", "executing"].includes(status) ? 1 : 0;
    const sets: Record<string, unknown> = { status, is_running: running };
    if (status === "executing") sets.start_time = pyNow();
    if (["complete", "failed", "aborted"].includes(status)) sets.stop_time = pyNow();
    Object.assign(sets, extra);
    const keys = Object.keys(sets);
    let sql = `UPDATE job SET ${keys.map((k) => `${k} = ?`).join(", ")} WHERE id = ?`;
    const args = [...keys.map((k) => sets[k] as never), id];
    if (from) {
      sql += ` AND status IN (${from.map(() => "?").join(", ")})`;
      args.push(...(from as never[]));
    }
    return Number(this.db.prepare(sql).run(...args).changes) > 0;
  }

  listJobs(f: ListFilters = {}): JobRow[] {
    const where = ["status != 'deleted'"];
    const args: (string | number)[] = [];
    if (f.is_running !== undefined) {
      where.push("is_running = ?");
      args.push(f.is_running ? 1 : 0);
    }
    if (f.relevant !== undefined) {
      where.push("relevant = ?");
      args.push(f.relevant ? 1 : 0);
    }
    if (f.calculation_mode !== undefined) {
      where.push("calculation_mode = ?");
      args.push(f.calculation_mode);
    }
    if (f.start_time !== undefined) {
      where.push("start_time >= ?");
      args.push(f.start_time);
    }
    if (f.users) {
      where.push(`(user_name IN (${f.users.map(() => "?").join(", ")}) OR status = 'shared')`);
      args.push(...f.users);
    }
    args.push(f.limit ?? 100);
    return this.db.prepare(
      `SELECT * FROM job WHERE ${where.join(" AND ")} ORDER BY id DESC LIMIT ?`,
    ).all(...args) as unknown as JobRow[];
  }

  /** Non-deleted jobs whose parent is `id`. */
  children(id: number): number[] {
    return (this.db.prepare(
      "SELECT id FROM job WHERE hazard_calculation_id = ? AND status != 'deleted' ORDER BY id",
    ).all(id) as { id: number }[]).map((r) => r.id);
  }

  /** Jobs marked running (created/submitted/executing). */
  runningJobs(): JobRow[] {
    return this.db.prepare("SELECT * FROM job WHERE is_running = 1 ORDER BY id")
      .all() as unknown as JobRow[];
  }

  // ---- logs ----------------------------------------------------------------------------------

  log(jobId: number, level: string, process: string, message: string): void {
    const ts = pyNow().replace(" ", "T");
    this.db.prepare(
      "INSERT INTO log (job_id, timestamp, level, process, message) VALUES (?, ?, ?, ?, ?)",
    ).run(jobId, ts, level.toUpperCase(), process, message);
  }

  /** Log rows in insertion order: skip `start`, then `stop - start` rows (all when stop is 0). */
  logs(jobId: number, start = 0, stop = 0): LogRow[] {
    const limit = stop > start ? stop - start : -1;
    return this.db.prepare(
      "SELECT timestamp, level, process, message FROM log WHERE job_id = ? ORDER BY id " +
        "LIMIT ? OFFSET ?",
    ).all(jobId, limit, start) as unknown as LogRow[];
  }

  logSize(jobId: number): number {
    return (this.db.prepare("SELECT count(*) AS n FROM log WHERE job_id = ?").get(jobId) as {
      n: number;
    }).n;
  }

  /** The message of the last CRITICAL row, split into lines (what /traceback returns). */
  traceback(jobId: number): string[] {
    const r = this.db.prepare(
      "SELECT message FROM log WHERE job_id = ? AND level = 'CRITICAL' ORDER BY id DESC LIMIT 1",
    ).get(jobId) as { message: string } | undefined;
    return r ? r.message.split("\n") : [];
  }

  // ---- outputs -------------------------------------------------------------------------------

  /** Registers outputs in one batch, in alphabetical order of type (as OpenQuake does). */
  addOutputs(jobId: number, outs: { type: string; displayName: string; sizeMb?: number }[]) {
    const sorted = [...outs].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
    const ins = this.db.prepare(
      "INSERT INTO output (oq_job_id, display_name, ds_key, size_mb) VALUES (?, ?, ?, ?)",
    );
    for (const o of sorted) ins.run(jobId, o.displayName, o.type, o.sizeMb ?? -1);
  }

  outputs(jobId: number): OutputDbRow[] {
    return this.db.prepare("SELECT * FROM output WHERE oq_job_id = ? ORDER BY id")
      .all(jobId) as unknown as OutputDbRow[];
  }

  output(rid: number): OutputDbRow | undefined {
    return this.db.prepare("SELECT * FROM output WHERE id = ?").get(rid) as
      | OutputDbRow
      | undefined;
  }

  // ---- users and sessions --------------------------------------------------------------------

  getUser(name: string): UserRow | undefined {
    return this.db.prepare("SELECT * FROM user WHERE name = ?").get(name) as UserRow | undefined;
  }

  putUser(u: UserRow): void {
    this.db.prepare(
      "INSERT OR REPLACE INTO user (name, pw_hash, level, is_superuser, is_active) " +
        "VALUES (?, ?, ?, ?, ?)",
    ).run(u.name, u.pw_hash, u.level, u.is_superuser, u.is_active);
  }

  setGroups(name: string, groups: string[]): void {
    this.tx(() => {
      this.db.prepare("DELETE FROM user_group WHERE user_name = ?").run(name);
      const ins = this.db.prepare("INSERT INTO user_group (user_name, group_name) VALUES (?, ?)");
      for (const g of new Set(groups)) ins.run(name, g);
    });
  }

  groups(name: string): string[] {
    return (this.db.prepare(
      "SELECT group_name FROM user_group WHERE user_name = ? ORDER BY group_name",
    ).all(name) as { group_name: string }[]).map((r) => r.group_name);
  }

  /** The members of the user's groups, or just the user when in no group. */
  validUsers(name: string): string[] {
    const rows = this.db.prepare(
      "SELECT DISTINCT b.user_name AS n FROM user_group a JOIN user_group b " +
        "ON a.group_name = b.group_name WHERE a.user_name = ? ORDER BY n",
    ).all(name) as { n: string }[];
    return rows.length ? rows.map((r) => r.n) : [name];
  }

  listUsers(): UserRow[] {
    return this.db.prepare("SELECT * FROM user ORDER BY name").all() as unknown as UserRow[];
  }

  createSession(key: string, user: string, ttlSeconds: number): void {
    const now = Date.now() / 1000;
    this.db.prepare("DELETE FROM session WHERE expires < ?").run(now);
    this.db.prepare("INSERT INTO session (key, user_name, expires) VALUES (?, ?, ?)")
      .run(key, user, now + ttlSeconds);
  }

  sessionUser(key: string): string | undefined {
    const r = this.db.prepare("SELECT user_name, expires FROM session WHERE key = ?").get(key) as
      | { user_name: string; expires: number }
      | undefined;
    return r && r.expires > Date.now() / 1000 ? r.user_name : undefined;
  }

  deleteSession(key: string): void {
    this.db.prepare("DELETE FROM session WHERE key = ?").run(key);
  }
}

/** The host name up to the first dot. */
export function shortHostname(): string {
  try {
    return Deno.hostname().split(".")[0];
  } catch {
    return "localhost";
  }
}
