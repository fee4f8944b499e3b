// Auth on (--lockdown): users from `main.ts user add`, session login, 403s, owner/level rules.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { ini, postForm, runMain, startServer, waitStatus, zip } from "./_server.ts";

Deno.test("REST API, auth on (--lockdown)", async (t) => {
  const datadir = await Deno.makeTempDir({ prefix: "oqdata_auth_" });
  for (
    const args of [
      ["user", "add", "alice", "--password", "alice-pw", "--group", "team"],
      ["user", "add", "carol", "--password", "carol-pw", "--level", "1", "--group", "team,x"],
      ["user", "add", "bob", "--password", "bob-pw", "--level", "1"],
      ["user", "add", "root", "--password", "root-pw", "--superuser"],
    ]
  ) {
    const r = await runMain(args, { OQ_DATADIR: datadir });
    strictEqual(r.code, 0, r.stderr);
  }
  const srv = await startServer({
    datadir,
    args: ["--lockdown"],
    env: { OQ_MAX_UPLOAD_BYTES: String(1 << 20) },
  });
  const { base } = srv;
  const login = async (username: string, password: string) => {
    const r = await postForm(`${base}/accounts/ajax_login/`, { username, password });
    const body = await r.text();
    const cookie = (r.headers.getSetCookie().find((c) => c.startsWith("sessionid=")) ?? "")
      .split(";")[0];
    return { status: r.status, body, cookie, r };
  };
  const as = (cookie: string) => ({ headers: { cookie } });
  try {
    let alice = "", bob = "", root = "", carol = "";
    await t.step("no session: 403 on /v1, 302 elsewhere", async () => {
      const v = await fetch(`${base}/v1/engine_version`, { redirect: "manual" });
      strictEqual(v.status, 403);
      strictEqual(await v.text(), "");
      strictEqual(v.headers.get("access-control-allow-origin"), null);
      const l = await fetch(`${base}/v1/calc/list`);
      strictEqual(l.status, 403);
      await l.body?.cancel();
      const out = await fetch(`${base}/accounts/ajax_logout/`, {
        method: "POST",
        redirect: "manual",
      });
      strictEqual(out.status, 302);
      strictEqual(out.headers.get("location"), "/accounts/login/");
      await out.body?.cancel();
      const ui = await fetch(`${base}/engine/`, { redirect: "manual" });
      strictEqual(ui.status, 302);
      await ui.body?.cancel();
      const page = await fetch(`${base}/accounts/login/`);
      strictEqual(page.status, 200);
      ok((await page.text()).includes("/accounts/ajax_login/"));
    });

    await t.step("login", async () => {
      const bad = await login("alice", "wrong");
      deepStrictEqual([bad.status, bad.body, bad.cookie], [403, "Invalid login", ""]);
      strictEqual(bad.r.headers.get("content-type"), "text/plain");
      const nobody = await login("mallory", "x");
      deepStrictEqual([nobody.status, nobody.body], [403, "Invalid login"]);
      const get = await fetch(`${base}/accounts/ajax_login/`);
      strictEqual(get.status, 405);
      await get.body?.cancel();
      const a = await login("alice", "alice-pw");
      deepStrictEqual([a.status, a.body], [200, "Successful login"]);
      ok(a.r.headers.getSetCookie().some((c) => /^sessionid=\w+; HttpOnly; Path=\//.test(c)));
      alice = a.cookie;
      bob = (await login("bob", "bob-pw")).cookie;
      root = (await login("root", "root-pw")).cookie;
      carol = (await login("carol", "carol-pw")).cookie;
      const v = await fetch(`${base}/v1/engine_version`, as(alice));
      strictEqual(v.status, 200);
      await v.body?.cancel();
    });

    let id = 0;
    await t.step("visibility and read permission follow the owner", async () => {
      const okIni = ini({ calculation_mode: "test_ok", description: "alice's" });
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "a.zip", data: zip({ "job.ini": okIni }) },
      }, as(alice).headers);
      id = (await r.json()).job_id;
      const st = await waitStatus(base, id, ["complete", "failed"], 30_000, as(alice).headers);
      strictEqual(st.status, "complete");
      ok((st.owner as string).startsWith("alice@"));
      const bobList = JSON.parse(await (await fetch(`${base}/v1/calc/list`, as(bob))).text());
      deepStrictEqual(bobList, []);
      const rootList = JSON.parse(await (await fetch(`${base}/v1/calc/list`, as(root))).text());
      strictEqual(rootList.length, 1);
      // carol is in alice's group: she sees and reads alice's jobs
      const carolList = JSON.parse(await (await fetch(`${base}/v1/calc/list`, as(carol))).text());
      deepStrictEqual(carolList.map((j: { id: number }) => j.id), [id]);
      const cr = await fetch(`${base}/v1/calc/${id}/results`, as(carol));
      strictEqual(cr.status, 200);
      await cr.body?.cancel();
      for (const p of [`/v1/calc/${id}`, `/v1/calc/${id}/results`, `/v1/calc/${id}/datastore`]) {
        const x = await fetch(base + p, as(bob));
        strictEqual(x.status, 403, p);
        await x.body?.cancel();
      }
      const s = await fetch(`${base}/v1/calc/${id}/status`, as(bob));
      strictEqual(s.status, 404);
      await s.body?.cancel();
      // logs and tracebacks have no per-job check
      const lg = await fetch(`${base}/v1/calc/${id}/log/:`, as(bob));
      strictEqual(lg.status, 200);
      await lg.body?.cancel();
      // level < 2: no share, no job_zip
      const share = await fetch(`${base}/v1/calc/${id}/share`, { method: "POST", ...as(bob) });
      strictEqual(share.status, 403);
      await share.body?.cancel();
      const jz = await fetch(`${base}/v1/calc/${id}/job_zip`, as(bob));
      strictEqual(jz.status, 403);
      await jz.body?.cancel();
      const shared = await fetch(`${base}/v1/calc/${id}/share`, { method: "POST", ...as(alice) });
      strictEqual(shared.status, 200);
      await shared.body?.cancel();
      const seen = JSON.parse(await (await fetch(`${base}/v1/calc/list`, as(bob))).text());
      deepStrictEqual(seen.map((j: { id: number }) => j.id), [id]);
      const res = await fetch(`${base}/v1/calc/${id}/results`, as(bob));
      strictEqual(res.status, 200);
      await res.body?.cancel();
      // extract whitelist for level < 2
      const wl = await fetch(`${base}/v1/calc/${id}/extract/oqparam`, as(bob));
      strictEqual(wl.status, 200);
      await wl.body?.cancel();
      const nwl = await fetch(`${base}/v1/calc/${id}/extract/test_values`, as(bob));
      strictEqual(nwl.status, 403);
      await nwl.body?.cancel();
      const own = await fetch(`${base}/v1/calc/${id}/extract/test_values`, as(alice));
      strictEqual(own.status, 200);
      await own.body?.cancel();
    });

    await t.step("remove is owner-only, abort needs ownership or superuser", async () => {
      for (const [who, name] of [[bob, "bob"], [root, "root"]]) {
        const r = await fetch(`${base}/v1/calc/${id}/remove`, { method: "POST", ...as(who) });
        strictEqual(r.status, 403);
        strictEqual(
          await r.text(),
          `{"error": "Cannot delete calculation ${id}: it belongs to alice and you are ${name}"}`,
        );
      }
      const sleepIni = ini({ calculation_mode: "test_sleep", sleep_seconds: 60 });
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "s.zip", data: zip({ "job.ini": sleepIni }) },
      }, as(alice).headers);
      const sid = (await r.json()).job_id;
      await waitStatus(base, sid, ["executing"], 30_000, as(alice).headers);
      const denied = await fetch(`${base}/v1/calc/${sid}/abort`, { method: "POST", ...as(bob) });
      strictEqual(denied.status, 403);
      strictEqual(
        await denied.text(),
        `{"error": "User bob has no permission to abort job ${sid}"}`,
      );
      const killed = await fetch(`${base}/v1/calc/${sid}/abort`, { method: "POST", ...as(root) });
      strictEqual(await killed.text(), `{"success": "Killing job ${sid}"}`);
      const st = await waitStatus(base, sid, ["aborted", "failed"], 30_000, as(alice).headers);
      strictEqual(st.status, "aborted");
      const rm = await fetch(`${base}/v1/calc/${id}/remove`, { method: "POST", ...as(alice) });
      strictEqual(rm.status, 200);
      await rm.body?.cancel();
    });

    await t.step("job_owner cannot impersonate with auth on", async () => {
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "a.zip", data: zip({ "job.ini": ini({ calculation_mode: "test_ok" }) }) },
        job_owner: "alice",
      }, as(bob).headers);
      const jid = (await r.json()).job_id;
      const st = await waitStatus(base, jid, ["complete", "failed"], 30_000, as(bob).headers);
      ok((st.owner as string).startsWith("bob@"), st.owner as string);
    });

    await t.step("uploads larger than OQ_MAX_UPLOAD_BYTES are refused", async () => {
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "big.zip", data: new Uint8Array(2 << 20) },
      }, as(alice).headers);
      strictEqual(r.status, 413);
      strictEqual(await r.text(), `Request body larger than ${1 << 20} bytes`);
    });

    await t.step("logout ends the session", async () => {
      const out = await fetch(`${base}/accounts/ajax_logout/`, { method: "POST", ...as(alice) });
      strictEqual(out.status, 200);
      strictEqual(await out.text(), "Successful logout");
      const v = await fetch(`${base}/v1/engine_version`, as(alice));
      strictEqual(v.status, 403);
      await v.body?.cancel();
    });
  } finally {
    const st = await srv.stop();
    strictEqual(st.success, true, srv.output.join("\n"));
    await Deno.remove(datadir, { recursive: true });
  }
});
