// SPDX-License-Identifier: AGPL-3.0-or-later
// NRML readers on OpenQuake's QA inputs ($OQ_QA_DIR, default ../shared/oq-cases) and on small
// inline documents for what the QA set does not cover.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { readNrml } from "../../engine/input/nrml/index.ts";
import { parseMsrText } from "../../engine/input/nrml/msr.ts";
import { readRupture } from "../../engine/input/nrml/rupture.ts";
import {
  allSources,
  fixDuplNodalPlanes,
  parseSourceModel,
  readSourceModel,
} from "../../engine/input/nrml/sourcemodel.ts";
import { parseXml } from "../../engine/input/nrml/xml.ts";
import { InputError } from "../../engine/input/errors.ts";
import type { SourceSpec } from "../../engine/source/spec.ts";

const repoRoot = new URL("../../", import.meta.url).pathname;
const QA = Deno.env.get("OQ_QA_DIR") ?? `${repoRoot}../shared/oq-cases`;
const haveQA = (() => {
  try {
    return Deno.statSync(QA).isDirectory;
  } catch {
    return false;
  }
})();
if (!haveQA) console.warn(`SKIPPING QA-based NRML tests: ${QA} not found (set OQ_QA_DIR)`);
const qaTest = (name: string, fn: () => void) => Deno.test({ name, ignore: !haveQA, fn });

function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of Deno.readDirSync(dir)) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory) out.push(...xmlFiles(p));
    else if (p.endsWith(".xml")) out.push(p);
  }
  return out.sort();
}

const byId = (sources: SourceSpec[], id: string) => sources.find((s) => s.id === id)!;

qaTest("every QA .xml parses into its kind of document", () => {
  const counts: Record<string, number> = {};
  const kinds = new Set<string>();
  for (const f of xmlFiles(QA)) {
    const doc = readNrml(f);
    const k = doc.kind === "other" ? doc.tag : doc.kind;
    counts[k] = (counts[k] ?? 0) + 1;
    if (doc.kind === "sourceModel") {
      const srcs = allSources(doc.sourceModel);
      ok(srcs.length > 0, `${f}: no sources`);
      for (const s of srcs) kinds.add(s.kind);
    }
  }
  // the dev set: 28 source models, 42 logic trees, 3 scenario ruptures, and risk models
  deepStrictEqual(counts, {
    sourceModel: 28,
    logicTree: 42,
    rupture: 3,
    exposureModel: 10,
    fragilityModel: 5,
    vulnerabilityModel: 7,
  });
  deepStrictEqual([...kinds].sort(), [
    "areaSource",
    "characteristicFaultSource",
    "complexFaultSource",
    "kiteFaultSource",
    "pointSource",
    "simpleFaultSource",
  ]);
});

qaTest("classical/case_01: point source with CScalingMSR and a duplicated nodal plane", () => {
  const sm = readSourceModel(`${QA}/classical/case_01/source_model.xml`);
  strictEqual(sm.name, "Classical Hazard QA Test, Case 1 source model");
  strictEqual(sm.groups.length, 1);
  strictEqual(sm.groups[0].trt, "active shallow crust");
  const [src] = sm.groups[0].sources;
  if (src.kind !== "pointSource") throw new Error(src.kind);
  strictEqual(src.id, "1");
  strictEqual(src.place.line, 9);
  deepStrictEqual(src.location, [0, 0]);
  strictEqual(src.upperSeismoDepth, 0);
  strictEqual(src.lowerSeismoDepth, 10);
  deepStrictEqual(src.msr, { name: "CScalingMSR", args: { C: 3.9 } });
  strictEqual(src.ruptAspectRatio, 1);
  deepStrictEqual(src.mfd, { kind: "incrementalMFD", minMag: 4, binWidth: 1, occurRates: [1] });
  strictEqual(src.nodalPlanes.length, 3);
  deepStrictEqual(src.nodalPlanes[2], { probability: 0.5, strike: 0, dip: 90, rake: 0 });
  deepStrictEqual(src.hypoDepths, [{ probability: 1, depth: 4 }]);
  // OpenQuake merges the duplicate: [(0.5, (0, 90, 0)), (0.5, (144, 87, -179))]
  deepStrictEqual(fixDuplNodalPlanes(src.nodalPlanes), [
    { probability: 0.5, strike: 0, dip: 90, rake: 0 },
    { probability: 0.5, strike: 144, dip: 87, rake: -179 },
  ]);
});

qaTest("classical/case_42: complex fault edges (NRML 0.5 group)", () => {
  const sm = readSourceModel(`${QA}/classical/case_42/int_2.xml`);
  strictEqual(sm.groups.length, 1);
  const g = sm.groups[0];
  strictEqual(g.trt, "Subduction Interface");
  strictEqual(g.srcInterdep, "indep");
  const [src] = g.sources;
  if (src.kind !== "complexFaultSource") throw new Error(src.kind);
  strictEqual(src.trt, "Subduction Interface");
  strictEqual(src.geometry.edges.length, 55); // top + 53 intermediate + bottom
  deepStrictEqual(src.geometry.edges[0][0], [-72.59387302523292, -32.46802582519723, 9]);
  deepStrictEqual(src.geometry.edges[0][1], [-72.55816603545021, -31.568160150520963, 9]);
  deepStrictEqual(src.geometry.edges[54][0], [
    -71.10980862359195,
    -32.571670080510074,
    49.860911018536505,
  ]);
  deepStrictEqual(src.msr, { name: "StrasserInterface", args: {} });
  strictEqual(src.ruptAspectRatio, 3);
  strictEqual(src.rake, -90);
  if (src.mfd.kind !== "incrementalMFD") throw new Error(src.mfd.kind);
  strictEqual(src.mfd.minMag, 6.05);
  strictEqual(src.mfd.binWidth, 0.1);
  strictEqual(src.mfd.occurRates[0], 0.1489154672002616);
});

qaTest("classical/case_61: kite fault source given by a simpleFaultGeometry", () => {
  const sm = readSourceModel(`${QA}/classical/case_61/ssmkf.xml`);
  const [src] = allSources(sm);
  if (src.kind !== "kiteFaultSource") throw new Error(src.kind);
  deepStrictEqual(src.geometry, {
    kind: "simpleFaultGeometry",
    trace: [[1, -0.2], [1.4, 0], [1.7, 0]],
    dip: 30,
    upperSeismoDepth: 5,
    lowerSeismoDepth: 15,
  });
  deepStrictEqual(src.msr, { name: "WC1994", args: {} });
  strictEqual(src.ruptAspectRatio, 2);
  deepStrictEqual(src.mfd, {
    kind: "truncGutenbergRichterMFD",
    aValue: 4.2,
    bValue: 0.9,
    minMag: 6,
    maxMag: 7,
  });
  strictEqual(src.rake, 90);
});

qaTest("logictree/case_13: characteristic fault sources", () => {
  const a = allSources(readSourceModel(`${QA}/logictree/case_13/aFault_aPriori_D2_1.xml`));
  const b = allSources(readSourceModel(`${QA}/logictree/case_13/bFault_stitched_D2_1_Char.xml`));
  strictEqual(a.length, 8);
  strictEqual(b.length, 9);
  ok([...a, ...b].every((s) => s.kind === "characteristicFaultSource"));
  const src = byId(b, "0_0");
  if (src.kind !== "characteristicFaultSource") throw new Error(src.kind);
  strictEqual(src.name, "Mount Diablo Thrust combined w/merge2.f");
  strictEqual(src.rake, 90);
  if (src.mfd.kind !== "incrementalMFD") throw new Error(src.mfd.kind);
  strictEqual(src.mfd.minMag, 6.46);
  strictEqual(src.mfd.binWidth, 0.048);
  strictEqual(src.mfd.occurRates.length, 11);
  strictEqual(src.mfd.occurRates[0], 1.44010545193e-05);
  deepStrictEqual(src.surface, {
    kind: "simpleFaultGeometry",
    trace: [[-121.89893637, 37.6603863591], [-122.11498748, 37.8073862294]],
    dip: 38,
    upperSeismoDepth: 8,
    lowerSeismoDepth: 16.0035991792,
  });
});

qaTest("scenario/case_1: simpleFaultRupture", () => {
  const rup = readRupture(`${QA}/scenario/case_1/rupture_model.xml`);
  strictEqual(rup.kind, "simpleFaultRupture");
  strictEqual(rup.mag, 6.5);
  strictEqual(rup.rake, 0);
  deepStrictEqual(rup.hypocenter, [0, 0, 6]);
  deepStrictEqual(rup.surface, {
    kind: "simpleFaultGeometry",
    trace: [[-0.104328, -0.104328], [0.104328, 0.104328]],
    dip: 90,
    upperSeismoDepth: 2,
    lowerSeismoDepth: 10,
  });
});

qaTest("NRML 0.4 models are grouped by TRT (disagg/case_1 has two TRTs)", () => {
  const sm = readSourceModel(`${QA}/disagg/case_1/source_model.xml`);
  const trts = sm.groups.map((g) => g.trt).sort();
  ok(trts.length >= 1);
  for (const g of sm.groups) ok(g.sources.every((s) => s.trt === g.trt));
  // source_id filtering keeps the ids starting with the given prefixes
  const only = readSourceModel(`${QA}/disagg/case_1/source_model.xml`, {
    sourceId: ["2", "3", "4"],
  });
  deepStrictEqual(allSources(only).map((s) => s.id).sort(), ["2", "3", "4"]);
  deepStrictEqual(allSources(only).map((s) => s.kind).sort(), [
    "areaSource",
    "complexFaultSource",
    "simpleFaultSource",
  ]);
});

// ---- inline documents ----

const NRML = (body: string, v = "0.4") =>
  `<?xml version="1.0" encoding="utf-8"?>\n<nrml xmlns="http://openquake.org/xmlns/nrml/${v}" xmlns:gml="http://www.opengis.net/gml">\n${body}\n</nrml>\n`;

const POINT = (mfd: string, extra = "") =>
  `<sourceModel name="m">
<pointSource id="p1" name="p" tectonicRegion="Active Shallow Crust" ${extra}>
  <pointGeometry><gml:Point><gml:pos>10 45</gml:pos></gml:Point>
    <upperSeismoDepth>0</upperSeismoDepth><lowerSeismoDepth>20</lowerSeismoDepth></pointGeometry>
  <magScaleRel>WC1994</magScaleRel>
  <ruptAspectRatio>1.5</ruptAspectRatio>
  ${mfd}
  <nodalPlaneDist><nodalPlane probability="1" strike="0" dip="90" rake="0"/></nodalPlaneDist>
  <hypoDepthDist><hypoDepth probability="1" depth="10"/></hypoDepthDist>
</pointSource>
</sourceModel>`;

const parse = (xml: string) => parseSourceModel(parseXml(xml, "mem.xml"));

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("no error raised");
}

Deno.test("malformed XML and bad values name file, line and field", () => {
  let e = inputError(() => parseXml("<nrml>\n<sourceModel>\n</nrml>\n", "bad.xml"));
  strictEqual(e.file, "bad.xml");
  strictEqual(e.line, 3);
  ok(e.message.startsWith("bad.xml:3"), e.message);

  // missing aValue on line 9
  e = inputError(() =>
    parse(NRML(POINT('<truncGutenbergRichterMFD bValue="1" minMag="5" maxMag="7"/>')))
  );
  strictEqual(e.line, 9);
  strictEqual(e.field, "aValue");
  strictEqual(e.file, "mem.xml");

  e = inputError(() =>
    parse(NRML(POINT('<truncGutenbergRichterMFD aValue="x3" bValue="1" minMag="5" maxMag="7"/>')))
  );
  strictEqual(e.field, "aValue");
  ok(e.message.includes('could not convert "x3" to a float'), e.message);

  e = inputError(() =>
    parse(
      NRML(
        POINT(
          '<incrementalMFD minMag="5" binWidth="0.1"><occurRates>1 2</occurRates></incrementalMFD>',
        )
          .replace('dip="90"', 'dip="95"'),
      ),
    )
  );
  strictEqual(e.field, "dip");

  e = inputError(() =>
    parse(
      NRML(
        POINT('<truncGutenbergRichterMFD aValue="3" bValue="1" minMag="5" maxMag="7"/>').replace(
          "WC1994",
          "WC1995",
        ),
      ),
    )
  );
  strictEqual(e.field, "magScaleRel");
  ok(e.message.includes("'WC1995' is not a recognized magnitude-scale relationship"));

  // a 0.5 namespace with bare sources
  e = inputError(() =>
    parse(
      NRML(POINT('<truncGutenbergRichterMFD aValue="3" bValue="1" minMag="5" maxMag="7"/>'), "0.5"),
    )
  );
  ok(e.message.includes("incorrect declaration"), e.message);
});

Deno.test("magnitude-scaling relation strings", () => {
  deepStrictEqual(parseMsrText(" WC1994 "), { name: "WC1994", args: {} });
  deepStrictEqual(parseMsrText("PeerMSR"), { name: "PeerMSR", args: {} });
  deepStrictEqual(parseMsrText("CScalingMSR.C = 3.90"), { name: "CScalingMSR", args: { C: 3.9 } });
  deepStrictEqual(parseMsrText("CScalingMSR.C=4.7"), { name: "CScalingMSR", args: { C: 4.7 } });
  deepStrictEqual(parseMsrText("[CScalingMSR]\nC = 4.2"), {
    name: "CScalingMSR",
    args: { C: 4.2 },
  });
  deepStrictEqual(parseMsrText("Leonard2014_Interplate"), {
    name: "Leonard2014_Interplate",
    args: {},
  });
  deepStrictEqual(parseMsrText("StrasserInterface"), { name: "StrasserInterface", args: {} });
  throws(() => parseMsrText("Foo"), /'Foo' is not a recognized magnitude-scale relationship/);
});

Deno.test("MFDs: YoungsCoppersmith, arbitrary, multiMFD; multi-point, planar and non-parametric sources", () => {
  const yc = parse(NRML(POINT(
    '<YoungsCoppersmithMFD minMag="5.0" bValue="1.0" characteristicMag="7.0" characteristicRate="0.005" binWidth="0.1"/>',
  )));
  deepStrictEqual((allSources(yc)[0] as { mfd: unknown }).mfd, {
    kind: "YoungsCoppersmithMFD",
    minMag: 5,
    bValue: 1,
    characteristicMag: 7,
    binWidth: 0.1,
    characteristicRate: 0.005,
  });
  const arb = parse(NRML(POINT(
    "<arbitraryMFD><magnitudes>5.1 5.9 6.3</magnitudes><occurRates>0.01 0.002 0.001</occurRates></arbitraryMFD>",
  )));
  deepStrictEqual((allSources(arb)[0] as { mfd: unknown }).mfd, {
    kind: "arbitraryMFD",
    magnitudes: [5.1, 5.9, 6.3],
    occurRates: [0.01, 0.002, 0.001],
  });

  const mps = parse(NRML(
    `<sourceModel name="mp"><sourceGroup tectonicRegion="Stable Continental Crust">
<multiPointSource id="mps" name="m">
  <multiPointGeometry><gml:posList>0 0 0.1 0 0.2 0</gml:posList>
    <upperSeismoDepth>0</upperSeismoDepth><lowerSeismoDepth>10</lowerSeismoDepth></multiPointGeometry>
  <magScaleRel>PeerMSR</magScaleRel><ruptAspectRatio>1</ruptAspectRatio>
  <multiMFD kind="incrementalMFD" size="3">
    <bin_width>0.1</bin_width><min_mag>5.0 5.1 5.2</min_mag>
    <occurRates>1 2 3 4 5</occurRates><lengths>2 1 2</lengths>
  </multiMFD>
  <nodalPlaneDist><nodalPlane probability="1" strike="0" dip="90" rake="0"/></nodalPlaneDist>
  <hypoDepthDist><hypoDepth probability="1" depth="5"/></hypoDepthDist>
</multiPointSource></sourceGroup></sourceModel>`,
    "0.5",
  ));
  const mp = allSources(mps)[0];
  if (mp.kind !== "multiPointSource") throw new Error(mp.kind);
  strictEqual(mp.trt, "Stable Continental Crust");
  deepStrictEqual(mp.points, [[0, 0], [0.1, 0], [0.2, 0]]);
  deepStrictEqual(mp.mfds, [
    { kind: "incrementalMFD", minMag: 5, binWidth: 0.1, occurRates: [1, 2] },
    { kind: "incrementalMFD", minMag: 5.1, binWidth: 0.1, occurRates: [3] },
    { kind: "incrementalMFD", minMag: 5.2, binWidth: 0.1, occurRates: [4, 5] },
  ]);

  const plane = (tl: string, tr: string, bl: string, br: string) =>
    `<planarSurface><topLeft ${tl}/><topRight ${tr}/><bottomLeft ${bl}/><bottomRight ${br}/></planarSurface>`;
  const np = parse(NRML(
    `<sourceModel name="np" investigation_time="50"><sourceGroup tectonicRegion="Subduction Interface">
<nonParametricSeismicSource id="np:1" name="n">
  <singlePlaneRupture probs_occur="0.9 0.1">
    <magnitude>8.0</magnitude><rake>90</rake><hypocenter lon="0" lat="0.25" depth="10"/>
    ${
      plane(
        'lon="0" lat="0" depth="0"',
        'lon="0" lat="0.5" depth="0"',
        'lon="0" lat="0" depth="20"',
        'lon="0" lat="0.5" depth="20"',
      )
    }
  </singlePlaneRupture>
  <multiPlanesRupture probs_occur="0.8 0.2">
    <magnitude>8.5</magnitude><rake>90</rake><hypocenter lon="0.5" lat="0" depth="10"/>
    ${
      plane(
        'lon="0" lat="0" depth="0"',
        'lon="0.5" lat="0" depth="0"',
        'lon="0" lat="0" depth="20"',
        'lon="0.5" lat="0" depth="20"',
      )
    }
    ${
      plane(
        'lon="0.5" lat="0" depth="0"',
        'lon="1" lat="0" depth="0"',
        'lon="0.5" lat="0" depth="20"',
        'lon="1" lat="0" depth="20"',
      )
    }
  </multiPlanesRupture>
</nonParametricSeismicSource></sourceGroup></sourceModel>`,
    "0.5",
  ));
  strictEqual(np.investigationTime, 50);
  const src = allSources(np)[0];
  if (src.kind !== "nonParametricSeismicSource") throw new Error(src.kind);
  strictEqual(src.ruptures.length, 2);
  deepStrictEqual(src.ruptures[0].probsOccur, [0.9, 0.1]);
  const s0 = src.ruptures[0].surface;
  if (s0.kind !== "planarSurface") throw new Error(s0.kind);
  strictEqual(s0.strike, 0); // top edge due north
  strictEqual(s0.dip, 90); // bottom edge right below the top edge
  const s1 = src.ruptures[1].surface;
  if (s1.kind !== "multiSurface") throw new Error(s1.kind);
  strictEqual(s1.surfaces.length, 2);
  const p1 = s1.surfaces[0];
  if (p1.kind !== "planarSurface") throw new Error(p1.kind);
  ok(Math.abs(p1.strike - 90) < 1e-12); // due east along the equator

  const e = inputError(() =>
    parse(NRML(
      np
        ? `<sourceModel name="x"><sourceGroup tectonicRegion="A">
<nonParametricSeismicSource id="n" name="n">
  <singlePlaneRupture probs_occur="0.9 0.2"><magnitude>8</magnitude><rake>0</rake><hypocenter lon="0" lat="0" depth="5"/>
  ${
          plane(
            'lon="0" lat="0" depth="0"',
            'lon="0" lat="0.5" depth="0"',
            'lon="0" lat="0" depth="20"',
            'lon="0" lat="0.5" depth="20"',
          )
        }
  </singlePlaneRupture></nonParametricSeismicSource></sourceGroup></sourceModel>`
        : "",
      "0.5",
    ))
  );
  strictEqual(e.field, "probs_occur");
  strictEqual(e.line, 5);
});

Deno.test("NRML 0.5: the group TRT is inherited and must match the source's", () => {
  const body = (srcTrt: string) =>
    `<sourceModel name="g"><sourceGroup tectonicRegion="Active Shallow Crust">${
      POINT('<truncGutenbergRichterMFD aValue="3" bValue="1" minMag="5" maxMag="7"/>')
        .replace('<sourceModel name="m">', "").replace("</sourceModel>", "")
        .replace('tectonicRegion="Active Shallow Crust"', srcTrt)
    }</sourceGroup></sourceModel>`;
  strictEqual(allSources(parse(NRML(body(""), "0.5")))[0].trt, "Active Shallow Crust");
  const e = inputError(() => parse(NRML(body('tectonicRegion="Stable Shallow Crust"'), "0.5")));
  strictEqual(e.field, "tectonicRegion");
  ok(e.message.includes("Found Stable Shallow Crust, expected Active Shallow Crust"));
});
