// SPDX-License-Identifier: AGPL-3.0-or-later
// Logic trees and realizations on OpenQuake's QA cases ($OQ_QA_DIR, default ../shared/oq-cases):
// paths, weights and names as OpenQuake asserts or exports them, uncertainties applied to sources,
// and Monte Carlo sampling reproducing OpenQuake's draws (logictree/case_07 sampling.ini).
import { deepStrictEqual, ok, strictEqual } from "node:assert";
import { InputError } from "../../engine/input/errors.ts";
import { readGsimLogicTree, readLogicTrees } from "../../engine/logictree/index.ts";
import { GsimLt } from "../../engine/logictree/gsimlt.ts";
import { ltRandom, MT19937 } from "../../engine/logictree/random.ts";
import type { FullLogicTree } from "../../engine/logictree/types.ts";
import type { MfdSpec, SourceSpec } from "../../engine/source/spec.ts";

const repoRoot = new URL("../../", import.meta.url).pathname;
const QA = Deno.env.get("OQ_QA_DIR") ?? `${repoRoot}../shared/oq-cases`;
const haveQA = (() => {
  try {
    return Deno.statSync(QA).isDirectory;
  } catch {
    return false;
  }
})();
if (!haveQA) console.warn(`SKIPPING QA-based logic-tree tests: ${QA} not found (set OQ_QA_DIR)`);
const qaTest = (name: string, fn: () => void) => Deno.test({ name, ignore: !haveQA, fn });

function lt(
  dir: string,
  smlt: string,
  gslt: string,
  extra: Record<string, unknown> = {},
): FullLogicTree {
  return readLogicTrees({
    smltPath: smlt,
    gsimltPath: gslt,
    numberOfSamples: 0,
    randomSeed: 42,
    inputDir: `${QA}/${dir}`,
    ...extra,
  });
}

const close = (a: number, b: number, tol = 1e-12) =>
  ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} != ${b}`);
const sources = (flt: FullLogicTree, smr: number): SourceSpec[] =>
  flt.sm[smr].sourceModels.flatMap((m) => m.groups.flatMap((g) => g.sources));
const grOf = (s: SourceSpec) => {
  const m = (s as { mfd: MfdSpec }).mfd;
  if (m.kind !== "truncGutenbergRichterMFD") throw new Error(m.kind);
  return m;
};

// total moment rate of a truncated GR MFD, from its definition (hazardlib/mfd/truncated_gr.py)
function tmr(m: { aValue: number; bValue: number; minMag: number; maxMag: number }): number {
  const ai = 9.05 + m.aValue + Math.log10(m.bValue), bi = 1.5 - m.bValue;
  return 10 ** ai / bi * (10 ** (bi * m.maxMag) - 10 ** (bi * m.minMag));
}

Deno.test("MT19937 and numpy's uniform doubles", () => {
  // the reference generator's first output for the default seed 5489
  strictEqual(new MT19937(5489).nextUint32(), 3499211612);
  // numpy.random.seed(0); numpy.random.uniform() == 0.5488135039273248
  strictEqual(ltRandom(1, 1, 0)[0][0], 0.5488135039273248);
  // numpy.random.seed(42); numpy.random.uniform(size=(1, 2)) == [[0.3745401188473625, 0.9507143064099162]]
  deepStrictEqual(ltRandom(1, 2, 42), [[0.3745401188473625, 0.9507143064099162]]);
});

qaTest("logictree/case_07: three source models, weights .4/.3/.3", () => {
  const flt = lt("logictree/case_07", "source_model_logic_tree.xml", "gsim_logic_tree.xml");
  deepStrictEqual(flt.sm.map((s) => [s.name, s.weight, s.files]), [
    ["b1", 0.4, ["source_model_1.xml"]],
    ["b2", 0.3, ["source_model_2.xml"]],
    ["b3", 0.3, ["source_model_3.xml"]],
  ]);
  deepStrictEqual(flt.realizations.map((r) => [r.ordinal, r.smOrdinal, r.branchPath, r.weight]), [
    [0, 0, "A~A", 0.4],
    [1, 1, "B~A", 0.3],
    [2, 2, "C~A", 0.3],
  ]);
  strictEqual(flt.realizations[0].gsimByTrt["active shallow crust"].spec, "SadighEtAl1997");
  // source "1" belongs to source models 1 and 2 (OpenQuake's test_case_07_bis)
  deepStrictEqual(sources(flt, 0).map((s) => s.id).sort(), ["1", "2"]);
  deepStrictEqual(sources(flt, 1).map((s) => s.id), ["1"]);
  deepStrictEqual(sources(flt, 2).map((s) => s.id), ["3"]);
});

qaTest("logictree/case_07 sampling.ini: 1000 samples as expected/sm_rlzs.org", () => {
  const flt = lt("logictree/case_07", "source_model_logic_tree.xml", "gsim_logic_tree.xml", {
    numberOfSamples: 1000,
    randomSeed: 1066,
  });
  // | ordinal | lt_path | value | samples | weight |
  const rows = Deno.readTextFileSync(`${QA}/logictree/case_07/expected/sm_rlzs.org`).split("\n")
    .filter((l) => /^\|\s*\d/.test(l)).map((l) => l.split("|").slice(1, -1).map((x) => x.trim()));
  strictEqual(rows.length, 3);
  strictEqual(flt.sm.length, rows.length);
  rows.forEach(([ordinal, path, value, samples, weight], i) => {
    const s = flt.sm[i];
    strictEqual(s.ordinal, Number(ordinal));
    strictEqual(s.name, path);
    deepStrictEqual(s.files, JSON.parse(value.replaceAll("'", '"')));
    strictEqual(s.samples, Number(samples));
    strictEqual(s.weight.toFixed(4), weight);
  });
  strictEqual(flt.realizations.length, 1000);
  // early_weights: every realization weighs 1/S; realizations are grouped by source model
  ok(flt.realizations.every((r) => Math.abs(r.weight - 0.001) < 1e-15));
  deepStrictEqual(
    [0, 401, 402, 684, 685, 999].map((i) => flt.realizations[i].smName),
    ["b1", "b1", "b2", "b2", "b3", "b3"],
  );
});

qaTest("logictree/case_11: maxMagGRRelative gives 3 realizations, moment rate kept", () => {
  const flt = lt("logictree/case_11", "source_model_logic_tree.xml", "gsim_logic_tree.xml");
  // expected files hazard_curve-smltp_b1_b2/b3/b4 are these paths
  deepStrictEqual(flt.sm.map((s) => [s.name, s.weight]), [["b1~b2", 0.2], ["b1~b3", 0.6], [
    "b1~b4",
    0.2,
  ]]);
  strictEqual(flt.realizations.length, 3);
  const base = { aValue: 2, bValue: 1, minMag: 4, maxMag: 7 }; // source "1" in source_model.xml
  [0.5, 0, -0.5].forEach((dm, i) => {
    const m = grOf(sources(flt, i).find((s) => s.id === "1")!);
    close(m.maxMag, base.maxMag + dm);
    strictEqual(m.bValue, 1);
    close(tmr(m), tmr(base));
  });
});

qaTest("logictree/case_15: abGRAbsolute on SM2, names as OpenQuake asserts", () => {
  const flt = lt("logictree/case_15", "source_model_logic_tree.xml", "gmpe_logic_tree.xml");
  // OpenQuake's test_case_15: SM1~. w .5, SM2~a3b1 (3.0, 1.0) w .25, SM2~a3pt2b0pt8 (3.2, 0.8) w .25
  deepStrictEqual(flt.sm.map((s) => [s.ordinal, s.name, s.weight, s.files]), [
    [0, "SM1~.", 0.5, ["source_model_1.xml"]],
    [1, "SM2~a3b1", 0.25, ["source_model_2.xml"]],
    [2, "SM2~a3pt2b0pt8", 0.25, ["source_model_2.xml"]],
  ]);
  const m1 = grOf(sources(flt, 1).find((s) => s.id === "3")!);
  const m2 = grOf(sources(flt, 2).find((s) => s.id === "3")!);
  deepStrictEqual([m1.aValue, m1.bValue], [3.0, 1.0]);
  deepStrictEqual([m2.aValue, m2.bValue], [3.2, 0.8]);
  deepStrictEqual(flt.trts, ["Active Shallow Crust", "Stable Continental Crust"]);
  // 3 SM paths x (2 ASC x 2 SCC) GSIM paths, the last TRT varying fastest
  strictEqual(flt.realizations.length, 12);
  deepStrictEqual(
    flt.realizations.slice(0, 4).map((r) => [
      r.branchPath,
      r.gsimByTrt["Active Shallow Crust"].spec,
      r.gsimByTrt["Stable Continental Crust"].spec,
    ]),
    [
      ["A.~AA", "BooreAtkinson2008", "Campbell2003"],
      ["A.~AB", "BooreAtkinson2008", "ToroEtAl2002"],
      ["A.~BA", "CampbellBozorgnia2008", "Campbell2003"],
      ["A.~BB", "CampbellBozorgnia2008", "ToroEtAl2002"],
    ],
  );
  close(flt.realizations.reduce((w, r) => w + r.weight, 0), 1);
  deepStrictEqual(flt.realizations.map((r) => r.weight), [
    ...Array(4).fill(0.125),
    ...Array(8).fill(0.0625),
  ]);
});

qaTest("logictree/case_46: bGRRelative and maxMagGRRelative on specific branches", () => {
  const flt = lt("logictree/case_46", "ssmLT.xml", "gmmLT.xml");
  deepStrictEqual(flt.sm.map((s) => [s.name, s.weight]), [
    ["a1~.~.", 0.5],
    ["a2~b1~c1", 0.5 * 0.25 * 0.25],
    ["a2~b1~c2", 0.5 * 0.25 * 0.5],
    ["a2~b1~c3", 0.5 * 0.25 * 0.25],
    ["a2~b2~c1", 0.5 * 0.5 * 0.25],
    ["a2~b2~c2", 0.5 * 0.5 * 0.5],
    ["a2~b2~c3", 0.5 * 0.5 * 0.25],
    ["a2~b3~.", 0.5 * 0.25],
  ]);
  const orig = grOf(sources(flt, 5)[0]); // a2~b2~c2: no change (+0 and +0)
  const base = { ...orig };
  close(base.bValue, 0.9);
  close(base.maxMag, 7.5);
  const db = [0.05, 0.05, 0.05, 0, 0, 0, -0.05];
  const dm = [0.2, 0, -0.2, 0.2, 0, -0.2, 0];
  for (let i = 1; i < 8; i++) {
    const m = grOf(sources(flt, i)[0]);
    close(m.bValue, base.bValue + db[i - 1]);
    close(m.maxMag, base.maxMag + dm[i - 1]);
    close(tmr(m), tmr(base), 1e-10);
  }
  // a1 is untouched
  deepStrictEqual(grOf(sources(flt, 0)[0]), {
    kind: "truncGutenbergRichterMFD",
    aValue: 3.2,
    bValue: 0.9,
    minMag: 6.5,
    maxMag: 7.5,
  });
  strictEqual(flt.realizations.length, 8);
  strictEqual(flt.realizations[0].gsimByTrt["Active Shallow Crust"].spec, "ChiouYoungs2014");
});

qaTest("logictree/case_13: 2 source models x 2 GSIMs = 4 realizations; sources by branch", () => {
  const flt = lt("logictree/case_13", "source_model_logic_tree.xml", "gmpe_logic_tree.xml");
  deepStrictEqual(
    flt.realizations.map((
      r,
    ) => [r.branchPath, r.smName, r.gsimByTrt["Active Shallow Crust"].spec, r.weight]),
    [
      ["A~A", "aFault_aPriori_D2_1", "BooreAtkinson2008", 0.25],
      ["A~B", "aFault_aPriori_D2_1", "ChiouYoungs2008", 0.25],
      ["B~A", "bFault_stitched_D2_1_Char", "BooreAtkinson2008", 0.25],
      ["B~B", "bFault_stitched_D2_1_Char", "ChiouYoungs2008", 0.25],
    ],
  );
  deepStrictEqual(flt.sm.map((s) => s.samples), [2, 2]);
  // expected/source_branches.org: | trt | sources | branches |
  const rows = Deno.readTextFileSync(`${QA}/logictree/case_13/expected/source_branches.org`).split(
    "\n",
  )
    .filter((l) => l.startsWith("| Active")).map((l) =>
      l.split("|").slice(1, -1).map((x) => x.trim())
    );
  ok(rows.length === 3);
  const idsOf = (name: string) =>
    new Set(sources(flt, flt.sm.findIndex((s) => s.name === name)).map((s) => s.id));
  for (const [, srcs, branches] of rows) {
    const brs = branches.split(" ");
    for (const sm of flt.sm) {
      const ids = idsOf(sm.name);
      for (const id of srcs.split(" ")) {
        strictEqual(ids.has(id), brs.includes(sm.name), `${id} in ${sm.name}`);
      }
    }
  }
});

qaTest("disagg/case_2: discard_trts drops the TRT from the GSIM tree and the sources", () => {
  const flt = lt("disagg/case_2", "source_model_logic_tree.xml", "gmpe_logic_tree.xml", {
    discardTrts: ["Subduction IntraSlab"],
  });
  deepStrictEqual(flt.trts, ["Active Shallow Crust"]);
  strictEqual(flt.realizations.length, 4);
  ok(
    flt.sm.every((s) =>
      s.sourceModels.every((m) => m.groups.every((g) => g.trt === "Active Shallow Crust"))
    ),
  );
  const all = lt("disagg/case_2", "source_model_logic_tree.xml", "gmpe_logic_tree.xml");
  deepStrictEqual(all.trts, ["Active Shallow Crust", "Subduction IntraSlab"]);
});

qaTest("classical_risk/case_5: 1 x 4 GSIM realizations over two TRTs", () => {
  const flt = lt("classical_risk/case_5", "source_model_logic_tree.xml", "gsim_logic_tree.xml");
  deepStrictEqual(flt.trts, ["Active Shallow Crust", "Subduction Interface"]);
  deepStrictEqual(
    flt.realizations.map((r) => [r.branchPath, r.gsimByTrt["Subduction Interface"].spec, r.weight]),
    [
      ["A~AA", "ZhaoEtAl2006SInter", 0.25],
      ["A~AB", "AtkinsonBoore2003SInter", 0.25],
      ["A~AC", "YoungsEtAl1997SInter", 0.25],
      ["A~AD", "LinLee2008SInter", 0.25],
    ],
  );
});

qaTest("scenario/case_9: GSIM logic tree with TOML arguments kept as the spec string", () => {
  const g = GsimLt.read(`${QA}/scenario/case_9/gsim_logic_tree.xml`);
  deepStrictEqual(g.trts, ["Subduction Deep"]);
  deepStrictEqual(g.enumerate().map((p) => [p.branches[0].spec, p.weights]), [
    ["LinLee2008SSlab", [0.6]],
    ["YoungsEtAl1997SSlab", [0.4]],
  ]);
  let err: unknown;
  try {
    GsimLt.read(`${QA}/scenario/case_9/gsim_logic_tree.xml`, ["Active Shallow Crust"]);
  } catch (e) {
    err = e;
  }
  ok(
    err instanceof InputError && err.message.includes("is missing the TRT 'Active Shallow Crust'"),
    String(err),
  );
});

qaTest(
  "job.ini gsim instead of a GMPE logic tree, source_model_file instead of a logic tree",
  () => {
    const flt = readLogicTrees({
      sourceModelPath: "source_model.xml",
      gsim: "SadighEtAl1997",
      numberOfSamples: 0,
      randomSeed: 42,
      inputDir: `${QA}/classical/case_01`,
    });
    deepStrictEqual(flt.sm.map((s) => [s.name, s.shortPath, s.weight]), [["br0", "A", 1]]);
    deepStrictEqual(flt.trts, ["*"]);
    strictEqual(flt.realizations.length, 1);
    strictEqual(flt.realizations[0].branchPath, "A~A");
    strictEqual(flt.realizations[0].gsimByTrt["*"].spec, "SadighEtAl1997");
    strictEqual(flt.realizations[0].gsimByTrt["active shallow crust"].spec, "SadighEtAl1997");
  },
);

qaTest(
  "classical/case_01 job_wrong.ini: a source model given as logic tree is an InputError",
  () => {
    let err: unknown;
    try {
      lt("classical/case_01", "source_model.xml", "gsim_logic_tree.xml");
    } catch (e) {
      err = e;
    }
    ok(err instanceof InputError, String(err));
    ok(err.message.includes("is not a valid source_model_logic_tree_file"), err.message);
    ok(err.file.endsWith("classical/case_01/source_model.xml"));
  },
);

// The tree of OpenQuake's logictree/case_52 (one source model; GSIMs b1 w=.9, b2 w=.1; 10 samples,
// random_seed 1067), written inline; the weights are the ones OpenQuake's test_case_52 asserts.
Deno.test("sampling methods: late_weights, late_latin, early_weights as OpenQuake's case_52", () => {
  const dir = Deno.makeTempDirSync();
  const nrml = (body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<nrml xmlns:gml="http://www.opengis.net/gml" xmlns="http://openquake.org/xmlns/nrml/0.4">\n${body}\n</nrml>\n`;
  Deno.writeTextFileSync(
    `${dir}/source_model.xml`,
    nrml(`<sourceModel name="sm"><pointSource id="1" name="p" tectonicRegion="active shallow crust">
  <pointGeometry><gml:Point><gml:pos>0 0</gml:pos></gml:Point>
  <upperSeismoDepth>0</upperSeismoDepth><lowerSeismoDepth>10</lowerSeismoDepth></pointGeometry>
  <magScaleRel>WC1994</magScaleRel><ruptAspectRatio>1</ruptAspectRatio>
  <truncGutenbergRichterMFD aValue="3" bValue="1" minMag="5" maxMag="7"/>
  <nodalPlaneDist><nodalPlane probability="1" strike="0" dip="90" rake="0"/></nodalPlaneDist>
  <hypoDepthDist><hypoDepth probability="1" depth="5"/></hypoDepthDist>
</pointSource></sourceModel>`),
  );
  Deno.writeTextFileSync(
    `${dir}/smlt.xml`,
    nrml(
      `<logicTree logicTreeID="lt1"><logicTreeBranchSet uncertaintyType="sourceModel" branchSetID="bs1">
  <logicTreeBranch branchID="b11"><uncertaintyModel>source_model.xml</uncertaintyModel>
  <uncertaintyWeight>1</uncertaintyWeight></logicTreeBranch></logicTreeBranchSet></logicTree>`,
    ),
  );
  Deno.writeTextFileSync(
    `${dir}/gslt.xml`,
    nrml(
      `<logicTree logicTreeID="lt1"><logicTreeBranchSet uncertaintyType="gmpeModel" branchSetID="bs1"
    applyToTectonicRegionType="active shallow crust">
  <logicTreeBranch branchID="b1"><uncertaintyModel>AkkarBommer2010</uncertaintyModel>
  <uncertaintyWeight>0.9</uncertaintyWeight></logicTreeBranch>
  <logicTreeBranch branchID="b2"><uncertaintyModel>SadighEtAl1997</uncertaintyModel>
  <uncertaintyWeight>0.1</uncertaintyWeight></logicTreeBranch></logicTreeBranchSet></logicTree>`,
    ),
  );
  const weights = (numberOfSamples: number, samplingMethod: string) =>
    readLogicTrees({
      smltPath: "smlt.xml",
      gsimltPath: "gslt.xml",
      numberOfSamples,
      randomSeed: 1067,
      samplingMethod,
      inputDir: dir,
    }).realizations.map((r) => r.weight);
  const allclose = (a: number[], e: number[], rtol: number) => {
    strictEqual(a.length, e.length);
    a.forEach((x, i) => ok(Math.abs(x - e[i]) <= rtol * Math.abs(e[i]), `${i}: ${x} != ${e[i]}`));
  };
  // sampled 8 times b1 and 2 times b2
  allclose(weights(10, "late_weights"), [
    0.029412,
    0.029412,
    0.029412,
    0.264706,
    0.264706,
    0.029412,
    0.029412,
    0.264706,
    0.029412,
    0.029412,
  ], 1e-5);
  allclose(weights(10, "early_weights"), Array(10).fill(0.1), 1e-7);
  allclose(weights(0, "early_weights"), [0.9, 0.1], 1e-7);
  // sampled 5 times b1 and 5 times b2
  allclose(
    weights(10, "late_latin"),
    [0.18, 0.02, 0.18, 0.18, 0.02, 0.02, 0.02, 0.02, 0.18, 0.18],
    1e-7,
  );
  Deno.removeSync(dir, { recursive: true });
});

qaTest("scenario/case_9: GSIM-only realizations (weights .6/.4)", () => {
  const { gsim, realizations } = readGsimLogicTree({
    gsimltPath: "gsim_logic_tree.xml",
    inputDir: `${QA}/scenario/case_9`,
  });
  deepStrictEqual(gsim.trts, ["Subduction Deep"]);
  deepStrictEqual(
    realizations.map((
      r,
    ) => [r.ordinal, r.branchPath, r.gsimByTrt["Subduction Deep"].spec, r.weight]),
    [
      [0, "A~A", "LinLee2008SSlab", 0.6],
      [1, "A~B", "YoungsEtAl1997SSlab", 0.4],
    ],
  );
});
