// The errors OpenQuake's QA tests assert for classical runs, and the datastore a run leaves.
import { join } from "node:path";
import { deepStrictEqual, ok, rejects, strictEqual } from "node:assert";
import { runClassical } from "../../engine/calculators/classical.ts";
import { extract, toNpz } from "../../engine/extract.ts";
import {
  exportHazardCsv,
  exportHazardXml,
  exportRealizationsCsv,
} from "../../engine/export/hazard.ts";
import { EXPORTERS } from "../../engine/export/registry.ts";
import { makePoolBackend } from "../../engine/kernels/pool.ts";

const REPO = new URL("../../", import.meta.url).pathname;
const QA = Deno.env.get("OQ_QA_DIR") ?? join(REPO, "../shared/oq-cases");
const HAVE_QA = (() => {
  try {
    return Deno.statSync(join(QA, "classical/case_01")).isDirectory;
  } catch {
    return false;
  }
})();
if (!HAVE_QA) console.warn(`*** QA cases not found at ${QA} (OQ_QA_DIR): tests skipped ***`);
const CASE_01 = join(QA, "classical/case_01");

async function tmpStore(): Promise<string> {
  return join(await Deno.makeTempDir(), "calc.sqlite");
}

Deno.test({
  name: "case_01 with minimum_magnitude=4.5: all sources discarded",
  ignore: !HAVE_QA,
  fn: async () => {
    await rejects(
      runClassical(join(CASE_01, "job.ini"), {
        datastorePath: await tmpStore(),
        overrides: { minimum_magnitude: "4.5" },
      }),
      /All sources were discarded/,
    );
  },
});

Deno.test({
  name: "case_01 with SA(4.1): out of the period range of SadighEtAl1997",
  ignore: !HAVE_QA,
  fn: async () => {
    await rejects(
      runClassical(join(CASE_01, "job.ini"), {
        datastorePath: await tmpStore(),
        overrides: { intensity_measure_types_and_levels: '{"SA(4.1)": [0.1, 0.4, 0.6]}' },
      }),
      (e: Error) => e.message === "SA(4.1) is out of the period range defined for [SadighEtAl1997]",
    );
  },
});

Deno.test({
  name: "case_03 job_wrong.ini names reference_vs30_value",
  ignore: !HAVE_QA,
  fn: async () => {
    await rejects(
      runClassical(join(QA, "classical/case_03/job_wrong.ini"), {
        datastorePath: await tmpStore(),
      }),
      /reference_vs30_value/,
    );
  },
});

Deno.test({
  name: "case_01 job_wrong.ini (the SMLT path points at the source model) fails",
  ignore: !HAVE_QA,
  fn: async () => {
    await rejects(
      runClassical(join(CASE_01, "job_wrong.ini"), { datastorePath: await tmpStore() }),
    );
  },
});

Deno.test({
  name: "case_01 datastore: curves, exports, extracts",
  ignore: !HAVE_QA,
  sanitizeResources: false,
  fn: async () => {
    const path = await tmpStore();
    const progress: number[] = [];
    const { datastore: ds, info } = await runClassical(join(CASE_01, "job.ini"), {
      datastorePath: path,
      progress: (done, total) => progress.push(done / total),
    });
    deepStrictEqual(progress, [1]);
    deepStrictEqual(info.imts, ["PGA", "SA(0.1)"]);
    deepStrictEqual(info.stats, ["mean"]);
    deepStrictEqual(ds.get("hcurves-stats").shape, [4, 1, 2, 3]);
    // one source, two ruptures (the duplicated nodal plane merged), 8 contexts
    const srcInfo = ds.get("source_info").data as { num_ruptures: number; num_contexts: number }[];
    strictEqual(srcInfo.length, 1);
    strictEqual(srcInfo[0].num_ruptures, 2);
    strictEqual(srcInfo[0].num_contexts, 8);
    // science.md §4.10: site 0 PGA
    const hc = ds.get("hcurves-stats").data as Float64Array;
    ok(Math.abs(hc[0] - 0.4553861) < 1e-7 && Math.abs(hc[1] - 0.05754043) < 1e-8);
    const dir = await Deno.makeTempDir();
    const files = await exportHazardCsv(ds, "hcurves", dir, 7);
    deepStrictEqual(files.map((f) => f.slice(dir.length + 1)), [
      "hazard_curve-mean-PGA_7.csv",
      "hazard_curve-mean-SA(0.1)_7.csv",
    ]);
    const text = await Deno.readTextFile(files[0]);
    const lines = text.split("\n");
    ok(lines[0].startsWith('#,,,,,"generated_by='));
    ok(lines[0].endsWith(", kind='mean', investigation_time=1.0, imt='PGA'\""));
    strictEqual(lines[1], "lon,lat,depth,poe-0.1000000,poe-0.4000000,poe-0.6000000");
    strictEqual(lines[2], "0.00000,0.00000,-0.10000,4.553861E-01,5.754043E-02,6.354517E-03");
    const [rl] = await exportRealizationsCsv(ds, dir, 7);
    strictEqual((await Deno.readTextFile(rl)).split("\n")[1], "rlz_id,branch_path,weight");
    // extracts: sitecol has 4 sites; hcurves in the QGIS layout
    const sc = extract(ds, "sitecol", new URLSearchParams());
    strictEqual((sc.array as { shape: number[] }).shape[0], 4);
    const all = extract(ds, "hcurves", new URLSearchParams());
    strictEqual(all.investigation_time, 1);
    ok((all.all as { descr: string }).descr.includes("('mean', [('PGA', [('0.1', '<f4')"));
    const one = extract(ds, "hcurves", new URLSearchParams("kind=mean&imt=PGA"));
    deepStrictEqual((one.mean as { shape: number[] }).shape, [4, 1, 3]);
    ok(toNpz(all).length > 100);
    // npz export through the registry; legacy NRML XML curves
    const [npzFile] = await EXPORTERS.hcurves.npz(ds, "npz", dir, 7);
    ok(npzFile.endsWith("hcurves_7.npz") && (await Deno.stat(npzFile)).size > 100);
    const xml = await exportHazardXml(ds, "hcurves", dir, 7);
    strictEqual(xml.length, 2);
    const x = await Deno.readTextFile(xml[1]);
    ok(x.includes('<hazardCurves IMT="SA" saPeriod="0.1" saDamping="5.0" investigationTime="1.0"'));
    strictEqual(x.split("<hazardCurve>").length - 1, 4);
    ds.close();
  },
});

Deno.test({
  name: "logictree/case_13: hazard maps recomputed from a parent calculation's curves",
  ignore: !HAVE_QA,
  sanitizeResources: false,
  fn: async () => {
    const dir = join(QA, "logictree/case_13");
    const parent = await runClassical(join(dir, "job.ini"), { datastorePath: await tmpStore() });
    const child = await runClassical(join(dir, "job.ini"), {
      datastorePath: await tmpStore(),
      overrides: {
        gsim_logic_tree_file: "",
        source_model_logic_tree_file: "",
        hazard_calculation_id: "1",
      },
      parent: parent.datastore,
    });
    const a = parent.datastore.get("hmaps-stats"), b = child.datastore.get("hmaps-stats");
    deepStrictEqual(b.shape, a.shape);
    deepStrictEqual(Array.from(b.data as Float64Array), Array.from(a.data as Float64Array));
    strictEqual(child.numRuptures, 0);
    parent.datastore.close();
    child.datastore.close();
  },
});

Deno.test({
  name: "classical/case_24: tiny context blocks give the same curves as one big block",
  ignore: !HAVE_QA,
  sanitizeResources: false,
  fn: async () => {
    const ini = join(QA, "classical/case_24/job.ini");
    const big = await runClassical(ini, { datastorePath: await tmpStore(), backend: "cpu" });
    const small = await runClassical(ini, {
      datastorePath: await tmpStore(),
      backend: "cpu",
      blockRows: 7,
    });
    strictEqual(small.numContexts, 1560); // 780 ruptures x 2 sites, as OpenQuake asserts
    const a = big.datastore.get("hcurves-stats").data as Float64Array;
    const b = small.datastore.get("hcurves-stats").data as Float64Array;
    strictEqual(a.length, b.length);
    for (let i = 0; i < a.length; i++) ok(Math.abs(a[i] - b[i]) <= 1e-12 * Math.max(a[i], 1e-300));
    big.datastore.close();
    small.datastore.close();
  },
});

Deno.test({
  name: "classical/case_24 sharded over the worker pool: same curves, source_info and progress",
  ignore: !HAVE_QA,
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const ini = join(QA, "classical/case_24/job.ini");
    const one = await runClassical(ini, { datastorePath: await tmpStore(), backend: "cpu" });
    const pool = makePoolBackend(3);
    const steps: number[] = [];
    try {
      const sharded = await runClassical(ini, {
        datastorePath: await tmpStore(),
        backend: pool,
        progress: (done, total) => steps.push(done / total),
      });
      strictEqual(sharded.numContexts, 1560);
      deepStrictEqual(
        sharded.datastore.get("source_info").data,
        one.datastore.get("source_info").data,
      );
      const a = one.datastore.get("hcurves-stats").data as Float64Array;
      const b = sharded.datastore.get("hcurves-stats").data as Float64Array;
      for (let i = 0; i < a.length; i++) {
        ok(Math.abs(a[i] - b[i]) <= 1e-12 * Math.max(a[i], 1e-300));
      }
      strictEqual(steps.at(-1), 1);
      sharded.datastore.close();
    } finally {
      await pool.close();
      one.datastore.close();
    }
  },
});
