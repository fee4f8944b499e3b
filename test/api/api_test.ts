// The REST API against a real server (auth off): every endpoint, its shapes, bytes and errors.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { unzipSync, zipSync } from "fflate";
import { ini, postForm, startServer, waitStatus, zip } from "./_server.ts";
import { adler32 } from "../../routes/info.ts";

const CASES = Deno.env.get("OQ_CASES") ??
  new URL("../../../shared/oq-cases", import.meta.url).pathname;

function exists(p: string): boolean {
  try {
    Deno.statSync(p);
    return true;
  } catch {
    return false;
  }
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-max-age": "1000",
  "access-control-allow-headers": "*",
};

function assertCors(r: Response) {
  for (const [k, v] of Object.entries(CORS)) strictEqual(r.headers.get(k), v, k);
}

/** Reads an .npy entry: header dict text and raw data. */
function npy(bytes: Uint8Array): { header: string; data: Uint8Array } {
  deepStrictEqual([...bytes.subarray(0, 8)], [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]);
  const hlen = bytes[8] | (bytes[9] << 8);
  strictEqual((10 + hlen) % 64, 0);
  return {
    header: new TextDecoder().decode(bytes.subarray(10, 10 + hlen)),
    data: bytes.subarray(10 + hlen),
  };
}

Deno.test("REST API, auth off", async (t) => {
  const srv = await startServer({
    args: ["--max-jobs", "3"],
    env: { OQ_ABORT_GRACE_MS: "500" },
  });
  const { base } = srv;
  const get = async (path: string, init?: RequestInit) => {
    const r = await fetch(base + path, init);
    const body = new Uint8Array(await r.arrayBuffer());
    return { r, status: r.status, text: new TextDecoder().decode(body), body };
  };
  const okIni = ini({ description: "Test OK — calc", calculation_mode: "test_ok", num_values: 3 });
  try {
    await t.step("engine information", async () => {
      const v = await get("/v1/engine_version");
      strictEqual(v.status, 200);
      strictEqual(v.r.headers.get("content-type"), "text/html; charset=utf-8");
      assertCors(v.r);
      // QGIS: split at '-', then every dot-separated piece must be an int; major.minor 3.26
      const parts = v.text.split("-")[0].split(".").map(Number);
      ok(parts.every(Number.isInteger));
      deepStrictEqual(parts.slice(0, 2), [3, 26]);
      const latest = await get("/v1/engine_latest_version");
      strictEqual(latest.text, "None");
      const g = await get("/v1/available_gsims");
      strictEqual(g.r.headers.get("content-type"), "application/json");
      const names = JSON.parse(g.text) as string[];
      ok(names.length > 0);
      deepStrictEqual(names, [...names].sort());
      ok(g.text.startsWith('["') && g.text.includes('", "'), "Python separators");
      const d = await get("/v1/ini_defaults");
      strictEqual(d.status, 200);
      strictEqual(d.r.headers.get("content-type"), "application/json");
      ok(d.text.startsWith('{"aggregate_by": [], '), d.text.slice(0, 40));
      ok(d.text.includes('"extreme_gmv": {"default": Infinity}'));
      ok(d.text.includes('"rupture_mesh_spacing": 5.0'));
      ok(!d.text.includes('"calculation_mode"'));
    });

    await t.step("URL rules: trailing slash, methods, OPTIONS, unknown routes", async () => {
      strictEqual((await get("/v1/calc/list/")).status, 404);
      const nf = await get("/v1/nothing/here");
      strictEqual(nf.status, 404);
      strictEqual(nf.r.headers.get("access-control-allow-origin"), null);
      const m = await get("/v1/calc/run");
      strictEqual(m.status, 405);
      strictEqual(m.r.headers.get("allow"), "POST");
      strictEqual(m.text, "");
      assertCors(m.r);
      const rm = await get("/v1/calc/1/remove");
      strictEqual(rm.status, 405);
      const post = await get("/v1/calc/list", { method: "POST" });
      strictEqual(post.status, 405);
      strictEqual(post.r.headers.get("allow"), "GET");
      const opt = await get("/v1/calc/run", { method: "OPTIONS" });
      strictEqual(opt.status, 200);
      strictEqual(opt.text, "");
      assertCors(opt.r);
      strictEqual((await get("/v1/calc/abc")).status, 404);
      strictEqual((await get("/v1/calc/1/log/-5:")).status, 404);
      const v = await get("/v1/valid", { redirect: "manual" });
      strictEqual(v.status, 301);
      strictEqual(v.r.headers.get("location"), "/v1/valid/");
      const root = await get("/", { redirect: "manual" });
      strictEqual(root.status, 301);
      strictEqual(root.r.headers.get("location"), "/engine/");
      const ui = await get("/engine/");
      strictEqual(ui.status, 200);
      strictEqual(ui.r.headers.get("content-type"), "text/html; charset=utf-8");
      ok(ui.text.includes("/v1/calc/list"));
    });

    await t.step("empty list and unknown ids", async () => {
      const l = await get("/v1/calc/list");
      strictEqual(l.text, "[]");
      strictEqual(l.r.headers.get("content-type"), "application/json");
      for (const p of ["/v1/calc/999", "/v1/calc/999/status", "/v1/calc/999/results"]) {
        const r = await get(p);
        strictEqual(r.status, 404, p);
        strictEqual(r.text, "");
        strictEqual(r.r.headers.get("content-type"), "text/html; charset=utf-8");
        assertCors(r.r);
      }
      strictEqual((await get("/v1/calc/999/traceback")).text, "[]");
      strictEqual((await get("/v1/calc/999/log/:")).text, "[]");
      strictEqual((await get("/v1/calc/999/log/size")).text, "0");
      strictEqual((await get("/v1/calc/result/999?export_type=csv")).status, 404);
      strictEqual((await get("/v1/calc/999/extract/oqparam")).status, 404);
      strictEqual((await get("/v1/calc/999/datastore")).status, 404);
      strictEqual((await get("/v1/calc/999/job_zip")).status, 404);
      const a = await get("/v1/calc/999/abort", { method: "POST" });
      strictEqual(a.text, '{"error": "Unknown job 999"}');
      const rm = await get("/v1/calc/999/remove", { method: "POST" });
      strictEqual(rm.status, 403);
      strictEqual(rm.text, '{"error": "Cannot delete calculation 999: ID does not exist"}');
    });

    let id1 = 0;
    await t.step("run an archive and follow it like a client", async () => {
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "calc.zip", data: zip({ "sub/job.ini": okIni }) },
      });
      const body = await r.text();
      strictEqual(r.status, 200, body);
      assertCors(r);
      id1 = JSON.parse(body).job_id;
      strictEqual(body, `{"status": "created", "job_id": ${id1}}`);
      const st = await waitStatus(base, id1, ["complete", "failed"]);
      strictEqual(st.status, "complete");
      const s = await get(`/v1/calc/${id1}/status`);
      const obj = JSON.parse(s.text);
      deepStrictEqual(Object.keys(obj), [
        "id",
        "owner",
        "calculation_mode",
        "status",
        "is_running",
        "description",
        "url",
        "parent_id",
        "abortable",
        "size_mb",
        "start_time",
      ]);
      strictEqual(obj.calculation_mode, "test_ok");
      strictEqual(obj.description, "Test OK — calc");
      ok(s.text.includes('"description": "Test OK \\u2014 calc"'), "non-ASCII escaped");
      strictEqual(obj.url, `${base}/v1/calc/${id1}`);
      strictEqual(obj.is_running, false);
      strictEqual(obj.abortable, false);
      ok(obj.size_mb > 0);
      ok(/^\d{4}-\d\d-\d\d, \d\d:\d\d:\d\d UTC$/.test(obj.start_time));
      ok(obj.owner.includes("@"));
      const list = JSON.parse((await get("/v1/calc/list?relevant=true")).text);
      deepStrictEqual(list[0], obj);
      strictEqual(JSON.parse((await get("/v1/calc/list?is_running=true")).text).length, 0);
      strictEqual(JSON.parse((await get("/v1/calc/list?is_running=FALSE ")).text).length, 1);
      strictEqual((await get("/v1/calc/list?is_running=maybe")).status, 500);
      strictEqual(JSON.parse((await get("/v1/calc/list?calculation_mode=x")).text).length, 0);
      strictEqual(JSON.parse((await get("/v1/calc/list?start_time=2999-01-01")).text).length, 0);

      const info = await get(`/v1/calc/${id1}`);
      const i = JSON.parse(info.text);
      deepStrictEqual(Object.keys(i), [
        "user_name",
        "status",
        "start_time",
        "stop_time",
        "is_running",
      ]);
      ok(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/.test(i.start_time), i.start_time);
      ok(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?$/.test(i.stop_time), i.stop_time);
      ok(info.text.endsWith('"is_running": 0}'));

      // logs: 4-string rows, slices, size
      const all = JSON.parse((await get(`/v1/calc/${id1}/log/:`)).text) as string[][];
      ok(all.length >= 4);
      for (const row of all) {
        strictEqual(row.length, 4);
        ok(row.every((x) => typeof x === "string"));
        ok(row[0].length === 22 || row[0].length === 19);
      }
      ok(all[0][3].includes("running"));
      ok(all.some((r) => r[3] === "50% of tasks done"));
      ok(all.some((r) => r[3] === "100% of tasks done"));
      strictEqual((await get(`/v1/calc/${id1}/log/size`)).text, String(all.length));
      deepStrictEqual(JSON.parse((await get(`/v1/calc/${id1}/log/0:2`)).text), all.slice(0, 2));
      deepStrictEqual(JSON.parse((await get(`/v1/calc/${id1}/log/2:`)).text), all.slice(2));
      deepStrictEqual(JSON.parse((await get(`/v1/calc/${id1}/log/:3`)).text), all.slice(0, 3));
      deepStrictEqual(JSON.parse((await get(`/v1/calc/${id1}/log/3:1`)).text), all.slice(3));
      strictEqual((await get(`/v1/calc/${id1}/traceback`)).text, "[]");
    });

    await t.step("results and exports", async () => {
      const res = await get(`/v1/calc/${id1}/results`);
      strictEqual(res.status, 200);
      const [report, input, ...items] = JSON.parse(res.text);
      deepStrictEqual([report.type, report.name, report.outtypes], ["fullreport", "Full Report", [
        "rst",
      ]]);
      const rst = await get(`/v1/calc/result/${report.id}?export_type=rst`);
      strictEqual(rst.r.headers.get("content-type"), "text/plain");
      strictEqual(
        rst.r.headers.get("content-disposition"),
        `attachment; filename=output-${report.id}-report_${id1}.rst`,
      );
      ok(rst.text.startsWith("Test OK — calc\n=============="), rst.text);
      ok(/\| engine_version \| 3\.26\.\d+ +\|/.test(rst.text), rst.text);
      ok(/\| input_size +\| 8\d +\|/.test(rst.text), rst.text);
      ok(/\| test_values +\| f64 +\| 3 +\|/.test(rst.text), rst.text);
      deepStrictEqual([input.type, input.name, input.outtypes], ["input", "Input Files", ["zip"]]);
      const inz = await get(`/v1/calc/result/${input.id}?export_type=zip`);
      strictEqual(
        inz.r.headers.get("content-disposition"),
        `attachment; filename=output-${input.id}-input_${id1}.zip`,
      );
      strictEqual(new TextDecoder().decode(unzipSync(inz.body)["sub/job.ini"]), okIni);
      deepStrictEqual(items.map((x: { type: string }) => x.type), [
        "test_empty",
        "test_pair",
        "test_table",
      ]);
      deepStrictEqual(Object.keys(items[0]), ["id", "name", "type", "outtypes", "url", "size_mb"]);
      ok(res.text.includes('"size_mb": -1.0'));
      strictEqual(items[2].url, `${base}/v1/calc/result/${items[2].id}?export_type=csv`);
      strictEqual((await get(`/v1/calc/${id1}/result/list`)).text, res.text);

      const one = await get(`/v1/calc/result/${items[2].id}?export_type=csv&dload=true`);
      strictEqual(one.status, 200);
      strictEqual(one.r.headers.get("content-type"), "text/plain");
      strictEqual(
        one.r.headers.get("content-disposition"),
        `attachment; filename=output-${items[2].id}-test_table_${id1}.csv`,
      );
      strictEqual(one.r.headers.get("content-length"), String(one.body.length));
      strictEqual(one.text, "value\n0.50\n1.00\n1.50\n");
      assertCors(one.r);

      const head = await get(`/v1/calc/result/${items[2].id}?export_type=csv`, { method: "HEAD" });
      strictEqual(head.status, 200);
      strictEqual(head.text, "");
      strictEqual(
        head.r.headers.get("content-disposition"),
        one.r.headers.get("content-disposition"),
      );

      const pair = await get(`/v1/calc/result/${items[1].id}?export_type=csv`);
      strictEqual(pair.r.headers.get("content-type"), "application/x-zip");
      strictEqual(
        pair.r.headers.get("content-disposition"),
        `attachment; filename=output-${items[1].id}-test_pair-csv.zip`,
      );
      deepStrictEqual(Object.keys(unzipSync(pair.body)).sort(), [
        `test_pair-a_${id1}.csv`,
        `test_pair-b_${id1}.csv`,
      ]);

      const none = await get(`/v1/calc/result/${items[0].id}?export_type=csv`);
      strictEqual(none.status, 404);
      strictEqual(none.text, "Nothing to export for export_type=csv, test_empty");

      const noType = await get(`/v1/calc/result/${items[2].id}`);
      strictEqual(noType.status, 500);
      strictEqual(noType.r.headers.get("content-type"), "text/plain");
      ok(noType.text.startsWith("DataStoreExportError: Could not export test_table in xml"));
      const bad = await get(`/v1/calc/result/${items[2].id}?export_type=gibberish`);
      strictEqual(bad.status, 500);
    });

    await t.step("extract, datastore, job_zip", async () => {
      const x = await get(`/v1/calc/${id1}/extract/test_values?kind=mean&scale=2`);
      strictEqual(x.status, 200, x.text);
      strictEqual(x.r.headers.get("content-type"), "application/x-zip");
      ok(
        /^attachment; filename=test_values\w*\.npz$/.test(x.r.headers.get("content-disposition")!),
      );
      const entries = unzipSync(x.body);
      deepStrictEqual(Object.keys(entries).sort(), ["array.npy", "kind.npy"]);
      const arr = npy(entries["array.npy"]);
      ok(arr.header.startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"));
      deepStrictEqual([...new Float64Array(arr.data.slice().buffer)], [1, 2, 3]);
      const kind = npy(entries["kind.npy"]);
      ok(kind.header.includes("'descr': '|S4'") && kind.header.includes("'shape': ()"));
      strictEqual(new TextDecoder().decode(kind.data), "mean");

      // the query string is decoded once before parsing, as upstream does
      const y = await get(`/v1/calc/${id1}/extract/test_values?kind%3Dmax`);
      strictEqual(new TextDecoder().decode(npy(unzipSync(y.body)["kind.npy"]).data), "max");

      // specs may hold slashes and dots (agg_losses/structural, composite_risk_model.attrs)
      const slash = await get(`/v1/calc/${id1}/extract/test_values/structural.x?kind=a`);
      strictEqual(slash.status, 200, slash.text);
      strictEqual(new TextDecoder().decode(npy(unzipSync(slash.body)["kind.npy"]).data), "a");

      // raw dataset fallback with a JSON value
      const raw = await get(`/v1/calc/${id1}/extract/oqparam`);
      strictEqual(raw.status, 200);
      const js = npy(unzipSync(raw.body)["json.npy"]);
      strictEqual(JSON.parse(new TextDecoder().decode(js.data)).calculation_mode, "test_ok");

      const unknown = await get(`/v1/calc/${id1}/extract/nonexistent?a=1`);
      strictEqual(unknown.status, 500);
      strictEqual(unknown.r.headers.get("content-type"), "text/plain");
      ok(unknown.text.startsWith("KeyError: 'nonexistent' in /v1/calc/"), unknown.text);
      strictEqual(
        (await get(`/v1/calc/${id1}/extract/test_values`, { method: "HEAD" })).status,
        200,
      );

      const ds = await get(`/v1/calc/${id1}/datastore`);
      strictEqual(ds.status, 200);
      strictEqual(ds.r.headers.get("content-type"), "application/x-hdf");
      strictEqual(ds.r.headers.get("content-disposition"), `attachment; filename=calc_${id1}.hdf5`);
      strictEqual(new TextDecoder().decode(ds.body.subarray(0, 15)), "SQLite format 3");

      const jz = await get(`/v1/calc/${id1}/job_zip`);
      strictEqual(jz.status, 200);
      strictEqual(jz.r.headers.get("content-disposition"), `attachment; filename=job_${id1}.zip`);
      strictEqual(new TextDecoder().decode(unzipSync(jz.body)["sub/job.ini"]), okIni);
    });

    await t.step("legacy fields job_config + input_model_N, and run_ini", async () => {
      const r = await postForm(`${base}/v1/calc/run`, {
        job_config: { name: "my_job.ini", data: new TextEncoder().encode(okIni) },
        input_model_1: { name: "extra.xml", data: new TextEncoder().encode("<nrml/>") },
      });
      strictEqual(r.status, 200);
      const id = (await r.json()).job_id;
      strictEqual((await waitStatus(base, id, ["complete", "failed"])).status, "complete");
      const files = unzipSync(
        new Uint8Array(
          await (await fetch(`${base}/v1/calc/${id}/job_zip`))
            .arrayBuffer(),
        ),
      );
      deepStrictEqual(Object.keys(files).sort(), ["extra.xml", "my_job.ini"]);

      const dir = await Deno.makeTempDir();
      Deno.writeTextFileSync(`${dir}/job.ini`, okIni);
      const r2 = await postForm(`${base}/v1/calc/run_ini`, {
        job_ini: `${dir}/job.ini`,
        job_owner: "someone",
      });
      strictEqual(r2.status, 200);
      const id2 = (await r2.json()).job_id;
      const st2 = await waitStatus(base, id2, ["complete", "failed"]);
      strictEqual(st2.status, "complete");
      ok((st2.owner as string).startsWith("someone@"), "job_owner honoured with auth off");
      await Deno.remove(dir, { recursive: true });
      const miss = await postForm(`${base}/v1/calc/run_ini`, {});
      strictEqual(miss.status, 500);
      await miss.body?.cancel();
    });

    await t.step("submission errors fail the job at once, leaving no inputs behind", async () => {
      const cases: [string, Record<string, Parameters<typeof postForm>[1][string]>, string][] = [
        [
          "no ini",
          { archive: { name: "a.zip", data: zip({ "x.txt": "x" }) } },
          "There are no .ini files in the archive",
        ],
        ["no files", { foo: "bar" }, "There are no .ini files in the archive"],
        [
          "not a zip",
          { archive: { name: "a.zip", data: new TextEncoder().encode("nope") } },
          "File is not a zip file",
        ],
        [
          "zip slip",
          { archive: { name: "a.zip", data: zip({ "../evil.ini": okIni }) } },
          "Path traversal in archive: ../evil.ini",
        ],
        [
          "absolute path",
          { archive: { name: "a.zip", data: zip({ "/etc/evil.ini": okIni }) } },
          "Absolute path in archive: /etc/evil.ini",
        ],
        [
          "symlink",
          {
            archive: {
              name: "a.zip",
              data: zipSync({
                "job.ini": new TextEncoder().encode(okIni),
                "link.xml": [new TextEncoder().encode("/etc/passwd"), {
                  os: 3,
                  attrs: (0o120777 << 16) >>> 0,
                }],
              }),
            },
          },
          "Links and special files are not allowed in archive: link.xml",
        ],
        [
          "zip bomb",
          {
            archive: {
              name: "a.zip",
              data: zipSync({
                "job.ini": new TextEncoder().encode(okIni),
                "big.xml": [new Uint8Array(30 << 20), { level: 9 }],
              }),
            },
          },
          "Suspicious compression ratio for big.xml",
        ],
        [
          "missing input file",
          {
            archive: {
              name: "a.zip",
              data: zip({ "job.ini": okIni + "source_model_logic_tree_file = nope.xml\n" }),
            },
          },
          "No such file: ",
        ],
        [
          "unsupported mode",
          {
            archive: {
              name: "a.zip",
              data: zip({ "job.ini": ini({ calculation_mode: "ebrisk_x" }) }),
            },
          },
          "calculation_mode ebrisk_x is not supported yet",
        ],
        [
          "invalid parameter",
          {
            archive: {
              name: "a.zip",
              data: zip({
                "job.ini": ini({ calculation_mode: "classical", investigation_time: -1 }),
              }),
            },
          },
          "job.ini:3 [investigation_time]: float -1.0 < 0: could not convert to positivefloat",
        ],
        ["wrong job_ini", {
          archive: { name: "a.zip", data: zip({ "job.ini": okIni }) },
          job_ini: "risk.ini",
        }, "There are no risk.ini files in the archive"],
        ["unknown parent", {
          archive: { name: "a.zip", data: zip({ "job_risk.ini": okIni }) },
          hazard_job_id: "4242",
        }, "Calculation 4242 does not exist"],
      ];
      for (const [label, fields, msg] of cases) {
        const r = await postForm(`${base}/v1/calc/run`, fields);
        const text = await r.text();
        strictEqual(r.status, 500, label);
        strictEqual(r.headers.get("content-type"), "application/json");
        const body = JSON.parse(text);
        deepStrictEqual(Object.keys(body), ["traceback", "job_id"]);
        ok(body.traceback.at(-1).includes(msg), `${label}: ${body.traceback.at(-1)}`);
        strictEqual(body.traceback[0], "Traceback (most recent call last):");
        const st = JSON.parse(await (await fetch(`${base}/v1/calc/${body.job_id}/status`)).text());
        strictEqual(st.status, "failed", label);
        strictEqual(st.calculation_mode, "custom");
        strictEqual(st.description, "Calculation waiting to start");
        deepStrictEqual(
          JSON.parse(await (await fetch(`${base}/v1/calc/${body.job_id}/traceback`)).text()),
          body.traceback,
        );
        const log = JSON.parse(await (await fetch(`${base}/v1/calc/${body.job_id}/log/:`)).text());
        strictEqual(log.length, 1);
        deepStrictEqual(log[0].slice(1, 3), ["CRITICAL", "before starting"]);
        let leftover = true;
        try {
          Deno.statSync(`${srv.datadir}/calc_${body.job_id}`);
        } catch {
          leftover = false;
        }
        strictEqual(leftover, false, `${label}: no half-written inputs`);
      }
      ok(
        !Deno.readDirSync(srv.datadir).some((e) => e.name === "evil.ini"),
        "nothing written outside the calc folder",
      );
    });

    await t.step("runtime failure: a failing calculator", async () => {
      const r2 = await postForm(`${base}/v1/calc/run`, {
        archive: {
          name: "a.zip",
          data: zip({ "job.ini": ini({ calculation_mode: "test_fail" }) }),
        },
      });
      const id2 = (await r2.json()).job_id;
      strictEqual((await waitStatus(base, id2, ["complete", "failed"])).status, "failed");
      const tb2 = JSON.parse(await (await fetch(`${base}/v1/calc/${id2}/traceback`)).text());
      ok(tb2.includes("RangeError: the test calculator always fails"));
      const info = JSON.parse(await (await fetch(`${base}/v1/calc/${id2}`)).text());
      strictEqual(info.status, "failed");
      ok(info.stop_time !== "None");
      let exists = true;
      try {
        Deno.statSync(`${srv.datadir}/calc_${id2}.sqlite`);
      } catch {
        exists = false;
      }
      strictEqual(exists, false, "no half-written datastore");
    });

    await t.step("abort a running job; queueing beyond --max-jobs", async () => {
      const sleepy = zip({ "job.ini": ini({ calculation_mode: "test_sleep", sleep_seconds: 60 }) });
      const ids: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await postForm(`${base}/v1/calc/run`, {
          archive: { name: "s.zip", data: sleepy },
        });
        ids.push((await r.json()).job_id);
      }
      // max 3 at once: the fourth waits as submitted
      const queued = JSON.parse(await (await fetch(`${base}/v1/calc/${ids[3]}/status`)).text());
      strictEqual(queued.status, "submitted");
      strictEqual(queued.is_running, true);
      const running = await waitStatus(base, ids[0], ["executing"]);
      strictEqual(running.abortable, true);
      const listed = JSON.parse(await (await fetch(`${base}/v1/calc/list?is_running=true`)).text());
      strictEqual(listed.length, 4);
      // wait for a progress line so the worker is really inside the calculator
      for (let i = 0; i < 100; i++) {
        const log = await (await fetch(`${base}/v1/calc/${ids[0]}/log/:`)).text();
        if (log.includes("% of tasks done")) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const queuedAbort = await (await fetch(`${base}/v1/calc/${ids[3]}/abort`, { method: "POST" }))
        .text();
      strictEqual(queuedAbort, `{"success": "Killing job ${ids[3]}"}`);
      for (const id of ids.slice(0, 3)) {
        const a = await (await fetch(`${base}/v1/calc/${id}/abort`, { method: "POST" })).text();
        strictEqual(a, `{"success": "Killing job ${id}"}`);
      }
      for (const id of ids) {
        const st = await waitStatus(base, id, ["aborted", "failed", "complete"]);
        strictEqual(st.status, "aborted");
        strictEqual(st.is_running, false);
      }
      // the aborted state sticks once the worker is gone
      await new Promise((r) => setTimeout(r, 300));
      const again = JSON.parse(await (await fetch(`${base}/v1/calc/${ids[0]}/status`)).text());
      strictEqual(again.status, "aborted");
      // a calculator that never yields is killed after the grace period
      const busy = await postForm(`${base}/v1/calc/run`, {
        archive: {
          name: "b.zip",
          data: zip({ "job.ini": ini({ calculation_mode: "test_busy", busy_seconds: 60 }) }),
        },
      });
      const bid = (await busy.json()).job_id;
      for (let i = 0; i < 100; i++) {
        if ((await (await fetch(`${base}/v1/calc/${bid}/log/:`)).text()).includes('"busy"')) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const t0 = Date.now();
      const ab = await fetch(`${base}/v1/calc/${bid}/abort`, { method: "POST" });
      strictEqual(await ab.text(), `{"success": "Killing job ${bid}"}`);
      strictEqual((await waitStatus(base, bid, ["aborted"])).status, "aborted");
      const pidOf = (await import("../../engine/db.ts")).JobDB.open(srv.datadir);
      const bpid = pidOf.getJob(bid)!.pid;
      pidOf.close();
      while (Date.now() - t0 < 10_000) {
        try {
          Deno.statSync(`/proc/${bpid}`);
        } catch {
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      ok(Date.now() - t0 < 5000, "the busy worker was killed");
      let leftover = true;
      for (let i = 0; i < 50 && leftover; i++) {
        try {
          Deno.statSync(`${srv.datadir}/calc_${bid}.sqlite`);
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          leftover = false;
        }
      }
      strictEqual(leftover, false, "the killed job's datastore is removed");
      const a2 = await (await fetch(`${base}/v1/calc/${ids[0]}/abort`, { method: "POST" })).text();
      strictEqual(a2, `{"error": "Job ${ids[0]} is not running"}`);
    });

    await t.step("hazard_job_id continues a calculation; remove and share rules", async () => {
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "a.zip", data: zip({ "job_hazard.ini": okIni, "job_risk.ini": okIni }) },
        job_ini: "job_hazard.ini",
      });
      const parent = (await r.json()).job_id;
      strictEqual((await waitStatus(base, parent, ["complete", "failed"])).status, "complete");
      const r2 = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "a.zip", data: zip({ "job_hazard.ini": okIni, "job_risk.ini": okIni }) },
        hazard_job_id: String(parent),
      });
      const child = (await r2.json()).job_id;
      const st = await waitStatus(base, child, ["complete", "failed"]);
      strictEqual(st.status, "complete");
      strictEqual(st.parent_id, parent);
      const log = await (await fetch(`${base}/v1/calc/${child}/log/:`)).text();
      ok(log.includes("job_risk.ini [--hc=" + parent + "]"), log);
      ok(log.includes("parent has 2 datasets"));

      const blocked = await fetch(`${base}/v1/calc/${parent}/remove`, { method: "POST" });
      strictEqual(blocked.status, 403);
      strictEqual(
        await blocked.text(),
        `{"error": "Cannot delete calculation ${parent}: there are calculations dependent from it: [${child}]"}`,
      );

      const sh = async (id: number, action: string) => {
        const x = await fetch(`${base}/v1/calc/${id}/${action}`, { method: "POST" });
        return [x.status, await x.text()];
      };
      deepStrictEqual(await sh(child, "share"), [
        200,
        `{"success": "The status of calculation ${child} was changed from \\"complete\\" to \\"shared\\""}`,
      ]);
      deepStrictEqual(await sh(child, "share"), [
        200,
        `{"success": "Calculation ${child} was already shared"}`,
      ]);
      deepStrictEqual(await sh(child, "unshare"), [
        200,
        `{"success": "The status of calculation ${child} was changed from \\"shared\\" to \\"complete\\""}`,
      ]);
      deepStrictEqual(await sh(child, "unshare"), [
        200,
        `{"success": "Calculation ${child} was already complete"}`,
      ]);
      deepStrictEqual(await sh(1, "share").then((x) => x[0]), 200);
      const failedShare = await sh(2, "unshare");
      strictEqual(failedShare[0], 200);

      const rm = await fetch(`${base}/v1/calc/${child}/remove`, { method: "POST" });
      const rmBody = JSON.parse(await rm.text());
      strictEqual(rm.status, 200);
      deepStrictEqual(rmBody, {
        success: String(child),
        hdf5path: `${srv.datadir}/calc_${child}.sqlite`,
      });
      strictEqual((await fetch(`${base}/v1/calc/${child}/status`)).status, 404);
      const info = JSON.parse(await (await fetch(`${base}/v1/calc/${child}`)).text());
      strictEqual(info.status, "deleted");
      strictEqual((await fetch(`${base}/v1/calc/${child}/results`)).status, 200);
      const again = await fetch(`${base}/v1/calc/${child}/remove`, { method: "POST" });
      strictEqual(again.status, 200);
      await again.body?.cancel();
      ok(
        !JSON.parse(await (await fetch(`${base}/v1/calc/list`)).text()).some((j: { id: number }) =>
          j.id === child
        ),
      );
      let exists = true;
      try {
        Deno.statSync(`${srv.datadir}/calc_${child}.sqlite`);
      } catch {
        exists = false;
      }
      strictEqual(exists, false);
      // now the parent can go
      strictEqual(
        await fetch(`${base}/v1/calc/${parent}/remove`, { method: "POST" }).then(async (x) => {
          await x.body?.cancel();
          return x.status;
        }),
        200,
      );
    });

    await t.step("validation endpoints", async () => {
      const gsimLt = '<?xml version="1.0"?>\n<nrml xmlns="http://openquake.org/xmlns/nrml/0.5">' +
        '<logicTree logicTreeID="lt1"><logicTreeBranchSet uncertaintyType="gmpeModel" ' +
        'branchSetID="bs1" applyToTectonicRegionType="Active Shallow Crust">' +
        '<logicTreeBranch branchID="b1"><uncertaintyModel>SadighEtAl1997</uncertaintyModel>' +
        "<uncertaintyWeight>1.0</uncertaintyWeight></logicTreeBranch></logicTreeBranchSet>" +
        "</logicTree></nrml>";
      const v = await postForm(`${base}/v1/valid/`, { xml_text: gsimLt });
      strictEqual(await v.text(), '{"error_msg": null, "error_line": null, "valid": true}');
      const bad = await postForm(`${base}/v1/valid/anything`, {
        xml_text: "<nrml>\n<a>\n</b>\n</nrml>",
      });
      const b = JSON.parse(await bad.text());
      strictEqual(b.valid, false);
      strictEqual(b.error_line, 3);
      ok(b.error_msg.startsWith("malformed XML"), b.error_msg);
      const notNrml = JSON.parse(
        await (await postForm(`${base}/v1/valid/`, { xml_text: '<?xml version="1.0"?><foo/>' }))
          .text(),
      );
      deepStrictEqual(notNrml, {
        error_msg: "expected a <nrml> root element, got <foo>",
        error_line: 1,
        valid: false,
      });
      const sm = `${CASES}/classical/case_01/source_model.xml`;
      if (exists(sm)) {
        // an out-of-range dip, reported with its line
        const text = Deno.readTextFileSync(sm).replace('dip="90"', 'dip="187"');
        const line = text.split("\n").findIndex((l) => l.includes('dip="187"')) + 1;
        const r = JSON.parse(
          await (await postForm(`${base}/v1/valid/`, { xml_text: text })).text(),
        );
        strictEqual(r.valid, false);
        strictEqual(r.error_line, line);
        ok(r.error_msg.includes("187"), r.error_msg);
        const good = await postForm(`${base}/v1/valid/`, { xml_text: Deno.readTextFileSync(sm) });
        strictEqual(await good.text(), '{"error_msg": null, "error_line": null, "valid": true}');
      } else console.warn(`SKIPPED source-model validation: ${sm} not found`);
      const miss = await postForm(`${base}/v1/valid/`, {});
      strictEqual(miss.status, 400);
      strictEqual(await miss.text(), 'Please provide the "xml_text" parameter');
      strictEqual((await fetch(`${base}/v1/valid/`)).status, 405);

      const okZip = await postForm(`${base}/v1/calc/validate_zip`, {
        archive: { name: "a.zip", data: zip({ "job.ini": okIni }) },
      });
      strictEqual(await okZip.text(), '{"error_msg": null, "error_line": null, "valid": true}');
      const noIni = JSON.parse(
        await (await postForm(`${base}/v1/calc/validate_zip`, {
          archive: { name: "n.zip", data: zip({ "a.txt": "" }) },
        })).text(),
      );
      deepStrictEqual(noIni, {
        error_msg: "Could not find job.ini inside n.zip",
        error_line: null,
        valid: false,
      });
      const notZip = JSON.parse(
        await (await postForm(`${base}/v1/calc/validate_zip`, {
          archive: { name: "n.zip", data: new Uint8Array(10) },
        })).text(),
      );
      strictEqual(notZip.error_msg, "File is not a zip file");
      const missingFile = JSON.parse(
        await (await postForm(`${base}/v1/calc/validate_zip`, {
          archive: {
            name: "m.zip",
            data: zip({ "job.ini": okIni + "gsim_logic_tree_file = gone.xml\n" }),
          },
        })).text(),
      );
      strictEqual(missingFile.error_msg, "No such file: gone.xml");
      const vi = await postForm(`${base}/v1/calc/validate_ini`, {
        job_ini: { name: "job.ini", data: new TextEncoder().encode(okIni) },
      });
      strictEqual(await vi.text(), '{"error_msg": null, "error_line": null, "valid": true}');
      const viBad = JSON.parse(
        await (await postForm(`${base}/v1/calc/validate_ini`, {
          job_ini: {
            name: "job.ini",
            data: new TextEncoder().encode(ini({ calculation_mode: "classical", poes: "2" })),
          },
        })).text(),
      );
      strictEqual(viBad.valid, false);
      ok(viBad.error_msg.startsWith("job.ini:3 [poes]"), viBad.error_msg);
      const viNone = await postForm(`${base}/v1/calc/validate_ini`, {});
      strictEqual(viNone.status, 400);
      await viNone.body?.cancel();
      const none = await postForm(`${base}/v1/calc/validate_zip`, { foo: "bar" });
      strictEqual(none.status, 400);
      strictEqual(await none.text(), "Missing archive file");

      const file = `${srv.datadir}/db.sqlite3`;
      const head = Deno.readFileSync(file).subarray(0, 32);
      const same = await postForm(`${base}/v1/on_same_fs`, {
        filename: file,
        checksum: String(adler32(head)),
      });
      strictEqual(await same.text(), '{"success": true}');
      const diff = await postForm(`${base}/v1/on_same_fs`, { filename: file, checksum: "12" });
      strictEqual(await diff.text(), '{"success": false}');
      const gone = await postForm(`${base}/v1/on_same_fs`, {
        filename: "/nonexistent/x",
        checksum: "1",
      });
      strictEqual(await gone.text(), '{"success": false}');
      const missing = await postForm(`${base}/v1/on_same_fs`, {});
      strictEqual(missing.status, 500);
      await missing.body?.cancel();
      // auth off: no login routes
      strictEqual(
        await postForm(`${base}/accounts/ajax_login/`, {}).then(async (x) => {
          await x.body?.cancel();
          return x.status;
        }),
        404,
      );
    });
  } finally {
    const st = await srv.stop();
    strictEqual(st.success, true, srv.output.join("\n"));
    await Deno.remove(srv.datadir, { recursive: true });
  }
});
