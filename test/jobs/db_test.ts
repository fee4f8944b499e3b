// The job database: migrations, status transitions, log slicing, outputs in type order.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { DatabaseSync } from "node:sqlite";
import { JobDB, SCHEMA_VERSION } from "../../engine/db.ts";
import { workerCommand } from "../../engine/jobs/runner.ts";

Deno.test("job database: schema version, statuses, logs, outputs", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const db = JobDB.open(dir);
    const v = db.db.prepare("PRAGMA user_version").get() as { user_version: number };
    strictEqual(v.user_version, SCHEMA_VERSION);
    strictEqual(
      (db.db.prepare("PRAGMA journal_mode").get() as { journal_mode: string }).journal_mode,
      "wal",
    );
    const job = db.createJob({ user_name: "u", datadir: dir });
    deepStrictEqual(
      [job.status, job.is_running, job.calculation_mode, job.description, job.stop_time],
      ["created", 1, "custom", "Calculation waiting to start", null],
    );
    strictEqual(job.ds_calc_dir, `${dir}/calc_${job.id}`);
    ok(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(job.start_time), job.start_time);
    strictEqual(db.setStatus(job.id, "executing", ["created"], { pid: 42 }), true);
    strictEqual(db.setStatus(job.id, "executing", ["created"]), false);
    strictEqual(db.getJob(job.id)!.pid, 42);
    strictEqual(db.setStatus(job.id, "complete", ["executing"], { size_mb: 0.5 }), true);
    const done = db.getJob(job.id)!;
    deepStrictEqual([done.status, done.is_running, done.size_mb], ["complete", 0, 0.5]);
    ok(done.stop_time);

    for (let i = 0; i < 6; i++) db.log(job.id, "info", "p/1", `row ${i}`);
    db.log(job.id, "critical", "p/1", "Traceback\nValueError: x");
    db.log(job.id, "error", "p/1", "after");
    const all = db.logs(job.id).map((r) => r.message);
    strictEqual(all.length, 8);
    deepStrictEqual(db.logs(job.id, 2, 4).map((r) => r.message), ["row 2", "row 3"]);
    deepStrictEqual(db.logs(job.id, 6).map((r) => r.message), all.slice(6));
    deepStrictEqual(db.logs(job.id, 5, 2).map((r) => r.message), all.slice(5)); // stop < start
    strictEqual(db.logs(job.id)[0].level, "INFO");
    strictEqual(db.logSize(job.id), 8);
    deepStrictEqual(db.traceback(job.id), ["Traceback", "ValueError: x"]);
    deepStrictEqual(db.traceback(999), []);

    db.addOutputs(job.id, [
      { type: "uhs", displayName: "Uniform Hazard Spectra" },
      { type: "hcurves", displayName: "Hazard Curves" },
      { type: "hmaps", displayName: "Hazard Maps" },
    ]);
    const outs = db.outputs(job.id);
    deepStrictEqual(outs.map((o) => o.ds_key), ["hcurves", "hmaps", "uhs"]);
    ok(outs[0].id < outs[1].id && outs[1].id < outs[2].id);
    strictEqual(outs[0].size_mb, -1);

    const child = db.createJob({ user_name: "u", datadir: dir });
    db.updateJob(child.id, { hazard_calculation_id: job.id });
    deepStrictEqual(db.children(job.id), [child.id]);
    deepStrictEqual(db.listJobs().map((j) => j.id), [child.id, job.id]);
    deepStrictEqual(db.listJobs({ is_running: true }).map((j) => j.id), [child.id]);
    deepStrictEqual(db.listJobs({ limit: 1 }).map((j) => j.id), [child.id]);
    db.close();

    // groups: the valid users of a member are all members of their groups
    const g = JobDB.open(dir);
    for (const n of ["a", "b", "c"]) {
      g.putUser({ name: n, pw_hash: "x", level: 2, is_superuser: 0, is_active: 1 });
    }
    g.setGroups("a", ["team"]);
    g.setGroups("b", ["team", "other"]);
    deepStrictEqual(g.validUsers("a"), ["a", "b"]);
    deepStrictEqual(g.validUsers("c"), ["c"]);
    deepStrictEqual(g.groups("b"), ["other", "team"]);
    // a version-1 database is migrated to the current schema, keeping its rows
    g.db.exec("DROP TABLE user_group; PRAGMA user_version = 1");
    g.close();
    const m = JobDB.open(dir);
    strictEqual(
      (m.db.prepare("PRAGMA user_version").get() as { user_version: number }).user_version,
      SCHEMA_VERSION,
    );
    deepStrictEqual(m.validUsers("a"), ["a"]);
    strictEqual(m.getJob(job.id)!.status, "complete");
    m.close();

    // reopening does not migrate again; a newer schema is refused
    JobDB.open(dir).close();
    const raw = new DatabaseSync(`${dir}/db.sqlite3`);
    raw.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    throws(() => JobDB.open(dir), /newer than this engine/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the worker re-invokes main.ts with this deno", () => {
  const { cmd, args } = workerCommand(5);
  strictEqual(cmd, Deno.execPath());
  deepStrictEqual(args.slice(0, 3), ["run", "-A", "--no-prompt"]);
  ok(args.at(-3)!.endsWith("/main.ts"));
  deepStrictEqual(args.slice(-2), ["worker", "5"]);
});
