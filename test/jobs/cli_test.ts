// The command line: `run` in-process with exports, `list`, `export`, failures with exit codes.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { ini, runMain, zip } from "../api/_server.ts";

Deno.test("CLI run / list / export", async (t) => {
  const datadir = await Deno.makeTempDir({ prefix: "oqdata_cli_" });
  const work = await Deno.makeTempDir({ prefix: "cli_work_" });
  const env = { OQ_DATADIR: datadir };
  try {
    Deno.writeTextFileSync(
      `${work}/job.ini`,
      ini({ description: "cli job", calculation_mode: "test_ok", num_values: 2 }),
    );
    await t.step("run an ini with exports", async () => {
      const r = await runMain(
        ["run", `${work}/job.ini`, "--exports", "csv", "--export-dir", `${work}/out`],
        env,
      );
      strictEqual(r.code, 0, r.stderr);
      const lines = r.stdout.trim().split("\n");
      strictEqual(lines[0], "calc_id = 1");
      strictEqual(lines[1], "status = complete");
      deepStrictEqual(lines.slice(2).sort(), [
        `${work}/out/test_pair-a_1.csv`,
        `${work}/out/test_pair-b_1.csv`,
        `${work}/out/test_table_1.csv`,
      ]);
      strictEqual(Deno.readTextFileSync(`${work}/out/test_table_1.csv`), "value\n0.50\n1.00\n");
      ok(r.stderr.includes("[INFO] 100% of tasks done"));
    });

    await t.step("run an archive with --param overrides", async () => {
      Deno.writeFileSync(`${work}/a.zip`, zip({ "job.ini": ini({ calculation_mode: "test_ok" }) }));
      const r = await runMain(["run", `${work}/a.zip`, "--param", "num_values=5"], env);
      strictEqual(r.code, 0, r.stderr);
      ok(r.stdout.startsWith("calc_id = 2\nstatus = complete"));
    });

    await t.step("two inis in sequence: the second continues the first", async () => {
      Deno.writeTextFileSync(`${work}/job_h.ini`, ini({ calculation_mode: "test_ok" }));
      Deno.writeTextFileSync(`${work}/job_r.ini`, ini({ calculation_mode: "test_ok" }));
      const r = await runMain(["run", `${work}/job_h.ini,${work}/job_r.ini`], env);
      strictEqual(r.code, 0, r.stderr);
      strictEqual(r.stdout, "calc_id = 3\nstatus = complete\ncalc_id = 4\nstatus = complete\n");
      ok(r.stderr.includes("job_r.ini [--hc=3]"), r.stderr);
      ok(r.stderr.includes("parent has"), r.stderr);
    });

    await t.step("failures exit non-zero with the reason", async () => {
      Deno.writeTextFileSync(`${work}/bad.ini`, ini({ calculation_mode: "scenario_x" }));
      const r = await runMain(["run", `${work}/bad.ini`], env);
      strictEqual(r.code, 1);
      ok(r.stderr.includes("calculation_mode scenario_x is not supported yet"), r.stderr);
      Deno.writeTextFileSync(`${work}/fail.ini`, ini({ calculation_mode: "test_fail" }));
      const f = await runMain(["run", `${work}/fail.ini`], env);
      strictEqual(f.code, 1);
      ok(f.stdout.includes("status = failed"));
      const z = await runMain(["run", `${work}/nothing.zip`], env);
      strictEqual(z.code, 1);
      strictEqual((await runMain(["run"], env)).code, 2);
    });

    await t.step("list and export", async () => {
      const l = await runMain(["list"], env);
      strictEqual(l.code, 0);
      const rows = l.stdout.trim().split("\n").slice(1);
      deepStrictEqual(rows.map((r) => r.split("|")[1].trim()), [
        "complete",
        "complete",
        "complete",
        "complete",
        "failed",
        "failed",
        "failed",
      ]);
      ok(rows[0].endsWith("cli job"));
      const e = await runMain(["export", "1", `${work}/exp`], env);
      strictEqual(e.code, 0, e.stderr);
      deepStrictEqual(e.stdout.trim().split("\n").sort(), [
        `${work}/exp/input_1.zip`,
        `${work}/exp/report_1.rst`,
        `${work}/exp/test_pair-a_1.csv`,
        `${work}/exp/test_pair-b_1.csv`,
        `${work}/exp/test_table_1.csv`,
      ]);
      strictEqual((await runMain(["export", "99", `${work}/exp`], env)).code, 1);
    });
  } finally {
    await Deno.remove(datadir, { recursive: true });
    await Deno.remove(work, { recursive: true });
  }
});
