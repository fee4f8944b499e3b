// Restart recovery: jobs left running by a dead server become failed, with a log line.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { JobDB } from "../../engine/db.ts";
import { ini, postForm, startServer, waitStatus, zip } from "./_server.ts";

function alive(pid: number): boolean {
  try {
    Deno.statSync(`/proc/${pid}`);
    return !/^\d+ \(.*\) Z/.test(Deno.readTextFileSync(`/proc/${pid}/stat`));
  } catch {
    return false;
  }
}

Deno.test("jobs left executing by a dead server become failed on start", async () => {
  const datadir = await Deno.makeTempDir({ prefix: "oqdata_recover_" });
  const db = JobDB.open(datadir);
  const a = db.createJob({ user_name: "someone", datadir });
  db.setStatus(a.id, "executing", undefined, { pid: 4_000_000 + 12345 }); // no such process
  const b = db.createJob({ user_name: "someone", datadir });
  db.setStatus(b.id, "submitted");
  const c = db.createJob({ user_name: "someone", datadir });
  db.setStatus(c.id, "complete");
  db.close();
  const srv = await startServer({ datadir, env: { OQ_CALC_TIMEOUT: "1" } });
  try {
    for (const id of [a.id, b.id]) {
      const st = JSON.parse(await (await fetch(`${srv.base}/v1/calc/${id}/status`)).text());
      strictEqual(st.status, "failed");
      strictEqual(st.is_running, false);
      const log = JSON.parse(await (await fetch(`${srv.base}/v1/calc/${id}/log/:`)).text());
      ok(log.at(-1)[3].includes("by a server that is no longer running"), log.at(-1)[3]);
      const tb = JSON.parse(await (await fetch(`${srv.base}/v1/calc/${id}/traceback`)).text());
      ok(tb[0].startsWith(`Job ${id} was left`));
    }
    const done = JSON.parse(await (await fetch(`${srv.base}/v1/calc/${c.id}/status`)).text());
    strictEqual(done.status, "complete");
    ok(srv.output.some((l) => l.includes(`job ${a.id} was left running`)));

    // OQ_CALC_TIMEOUT: a job running longer is aborted
    const r = await postForm(`${srv.base}/v1/calc/run`, {
      archive: {
        name: "s.zip",
        data: zip({ "job.ini": ini({ calculation_mode: "test_sleep", sleep_seconds: 60 }) }),
      },
    });
    const sid = (await r.json()).job_id;
    const st = await waitStatus(srv.base, sid, ["aborted", "failed", "complete"], 20_000);
    strictEqual(st.status, "aborted");
    const tb = JSON.parse(await (await fetch(`${srv.base}/v1/calc/${sid}/traceback`)).text());
    deepStrictEqual(tb, [`Job ${sid} exceeded the time limit of 1 seconds and was aborted`]);
  } finally {
    await srv.stop();
    await Deno.remove(datadir, { recursive: true });
  }
});

Deno.test("a killed server stops its workers; the restarted server reports them failed", async () => {
  const datadir = await Deno.makeTempDir({ prefix: "oqdata_kill_" });
  const srv = await startServer({ datadir });
  const r = await postForm(`${srv.base}/v1/calc/run`, {
    archive: {
      name: "s.zip",
      data: zip({ "job.ini": ini({ calculation_mode: "test_sleep", sleep_seconds: 60 }) }),
    },
  });
  const id = (await r.json()).job_id;
  await waitStatus(srv.base, id, ["executing"]);
  const db = JobDB.open(datadir);
  const pid = db.getJob(id)!.pid;
  ok(alive(pid));
  await srv.stop("SIGKILL");
  // the worker sees its stdin closed and stops by itself
  for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  strictEqual(alive(pid), false);
  strictEqual(db.getJob(id)!.status, "failed");
  db.close();
  const srv2 = await startServer({ datadir });
  try {
    const st = JSON.parse(await (await fetch(`${srv2.base}/v1/calc/${id}/status`)).text());
    strictEqual(st.status, "failed");
    const log = await (await fetch(`${srv2.base}/v1/calc/${id}/log/:`)).text();
    ok(log.includes("exited; the job was stopped"), log);
  } finally {
    await srv2.stop();
    await Deno.remove(datadir, { recursive: true });
  }
});
