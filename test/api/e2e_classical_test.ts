// End to end like a client: classical/case_01 submitted as a zip, then list -> status -> log ->
// results -> export csv -> extract, with the curves checked against OpenQuake's expected files.
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { unzipSync } from "fflate";
import { postForm, startServer, waitStatus, zip } from "./_server.ts";

const CASES = Deno.env.get("OQ_CASES") ??
  new URL("../../../shared/oq-cases", import.meta.url).pathname;
const CASE = `${CASES}/classical/case_01`;

function exists(p: string): boolean {
  try {
    Deno.statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Data rows of an OpenQuake CSV (comment lines dropped): header and numeric rows. */
function readCsv(text: string): { header: string; rows: number[][] } {
  const lines = text.split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
  return { header: lines[0], rows: lines.slice(1).map((l) => l.split(",").map(Number)) };
}

/** OpenQuake's assertEqualFiles numeric check: |a - e| <= delta + delta * |e|. */
function assertClose(actual: number[][], expected: number[][], delta: number): number {
  strictEqual(actual.length, expected.length);
  let worst = 0;
  actual.forEach((row, i) =>
    row.forEach((a, j) => {
      const e = expected[i][j];
      const err = Math.abs(a - e);
      ok(err <= delta + delta * Math.abs(e), `row ${i} col ${j}: ${a} vs ${e}`);
      worst = Math.max(worst, err);
    })
  );
  return worst;
}

Deno.test({
  name: "classical/case_01 through the API like a client",
  ignore: !exists(CASE),
  fn: async () => {
    const files: Record<string, Uint8Array> = {};
    for (
      const f of [
        "job.ini",
        "source_model.xml",
        "source_model_logic_tree.xml",
        "gsim_logic_tree.xml",
      ]
    ) {
      files[f] = Deno.readFileSync(`${CASE}/${f}`);
    }
    const srv = await startServer();
    const { base } = srv;
    try {
      const r = await postForm(`${base}/v1/calc/run`, {
        archive: { name: "case_01.zip", data: zip(files) },
      });
      strictEqual(r.status, 200);
      const id = (await r.json()).job_id as number;

      const list = JSON.parse(await (await fetch(`${base}/v1/calc/list?relevant=true`)).text());
      strictEqual(list[0].id, id);
      strictEqual(list[0].calculation_mode, "classical");
      strictEqual(list[0].description, "Classical Hazard QA Test, Case 1");

      const st = await waitStatus(base, id, ["complete", "failed"], 60_000);
      const log = JSON.parse(await (await fetch(`${base}/v1/calc/${id}/log/0:`)).text());
      strictEqual(st.status, "complete", JSON.stringify(log));
      ok(log.length > 0 && log.every((row: string[]) => row.length === 4));
      ok(log.some((row: string[]) => row[3].includes("minimun_magnitude")), "misspelt key warned");

      const results = JSON.parse(await (await fetch(`${base}/v1/calc/${id}/results`)).text());
      const hc = results.find((o: { type: string }) => o.type === "hcurves");
      ok(hc, JSON.stringify(results));
      strictEqual(hc.name, "Hazard Curves");
      deepStrictEqual(hc.outtypes.slice(0, 1), ["csv"]);

      const exp = await fetch(`${base}/v1/calc/result/${hc.id}?export_type=csv&dload=true`);
      strictEqual(exp.status, 200);
      const disp = exp.headers.get("content-disposition")!;
      strictEqual(disp, `attachment; filename=output-${hc.id}-hcurves-csv.zip`);
      const members = unzipSync(new Uint8Array(await exp.arrayBuffer()));
      deepStrictEqual(Object.keys(members).sort(), [
        `hazard_curve-mean-PGA_${id}.csv`,
        `hazard_curve-mean-SA(0.1)_${id}.csv`,
      ]);
      for (const imt of ["PGA", "SA(0.1)"]) {
        const got = readCsv(
          new TextDecoder().decode(members[`hazard_curve-mean-${imt}_${id}.csv`]),
        );
        const want = readCsv(Deno.readTextFileSync(`${CASE}/expected/hazard_curve-${imt}.csv`));
        strictEqual(got.header, want.header);
        const worst = assertClose(got.rows, want.rows, 1e-5);
        console.log(`csv ${imt}: max |actual - expected| = ${worst.toExponential(2)}`);
      }

      // QGIS reads the parameters and the curves through /extract
      const oq = await fetch(`${base}/v1/calc/${id}/extract/oqparam`);
      strictEqual(oq.status, 200);
      const oqz = unzipSync(new Uint8Array(await oq.arrayBuffer()));
      const jsonNpy = oqz["json.npy"];
      const hlen = jsonNpy[8] | (jsonNpy[9] << 8);
      const params = JSON.parse(new TextDecoder().decode(jsonNpy.subarray(10 + hlen)));
      strictEqual(params.calculation_mode, "classical");

      const x = await fetch(`${base}/v1/calc/${id}/extract/hcurves?kind=mean&imt=PGA`);
      strictEqual(x.status, 200);
      strictEqual(x.headers.get("content-type"), "application/x-zip");
      const xz = unzipSync(new Uint8Array(await x.arrayBuffer()));
      const mean = xz["mean.npy"];
      ok(mean, `members: ${Object.keys(xz)}`);
      const mh = mean[8] | (mean[9] << 8);
      const header = new TextDecoder().decode(mean.subarray(10, 10 + mh));
      ok(header.includes("'shape': (4, 1, 3)"), header);
      const want = readCsv(Deno.readTextFileSync(`${CASE}/expected/hazard_curve-PGA.csv`)).rows
        .map((row) => row.slice(3));
      const data = mean.slice(10 + mh);
      const values = header.includes("<f4")
        ? [...new Float32Array(data.buffer)]
        : [...new Float64Array(data.buffer)];
      // float32 in the npz, as upstream: compare at float32 precision
      const worst = assertClose([values], [want.flat()], 1e-5);
      console.log(`extract hcurves PGA: max |actual - expected| = ${worst.toExponential(2)}`);
    } finally {
      await srv.stop();
      await Deno.remove(srv.datadir, { recursive: true });
    }
  },
});

Deno.test({
  name: "bad NRML fails the job with the file and line in its traceback",
  ignore: !exists(CASE),
  fn: async () => {
    const files: Record<string, Uint8Array | string> = {};
    for (const f of ["job.ini", "source_model_logic_tree.xml", "gsim_logic_tree.xml"]) {
      files[f] = Deno.readFileSync(`${CASE}/${f}`);
    }
    const sm = Deno.readTextFileSync(`${CASE}/source_model.xml`).replace('dip="90"', 'dip="187"');
    const line = sm.split("\n").findIndex((l) => l.includes('dip="187"')) + 1;
    files["source_model.xml"] = sm;
    const srv = await startServer();
    try {
      const r = await postForm(`${srv.base}/v1/calc/run`, {
        archive: { name: "bad.zip", data: zip(files) },
      });
      const body = await r.text();
      // accepted at once (or refused at once); either way the job ends failed with the place
      const id = JSON.parse(body).job_id as number;
      const st = await waitStatus(srv.base, id, ["complete", "failed"], 60_000);
      strictEqual(st.status, "failed");
      const tb = JSON.parse(await (await fetch(`${srv.base}/v1/calc/${id}/traceback`)).text());
      ok(tb.some((l: string) => l.includes(`source_model.xml:${line}`)), tb.join("\n"));
      const v = await postForm(`${srv.base}/v1/calc/validate_zip`, {
        archive: { name: "bad.zip", data: zip(files) },
      });
      const vb = JSON.parse(await v.text());
      strictEqual(vb.valid, false);
      ok(vb.error_msg.includes(`source_model.xml:${line}`), vb.error_msg);
    } finally {
      await srv.stop();
      await Deno.remove(srv.datadir, { recursive: true });
    }
  },
});

if (!exists(CASE)) {
  console.warn(`SKIPPED classical/case_01 end-to-end test: ${CASE} not found (set OQ_CASES)`);
}
