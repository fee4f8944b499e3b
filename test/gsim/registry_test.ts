// The registry: GSIM specs as OpenQuake's logic trees write them (every GMPE logic tree of the
// QA cases in $OQ_QA_DIR, default ../shared/oq-cases), the common minimum_distance argument
// (checked numerically on the CPU and on WebGPU against the model run on clipped distances),
// and the errors for unknown models and arguments.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { parseImt } from "../../engine/gsim/imt.ts";
import {
  ALIASES,
  availableGsims,
  GSIMS,
  makeGsim,
  parseGsimSpec,
  UnknownGsimError,
} from "../../engine/gsim/registry.ts";
import type { ContextBlock, GsimDef } from "../../engine/gsim/types.ts";
import { contextParams } from "../../engine/gsim/wgsl.ts";
import { evaluateGsimGpu, getGpu } from "../../engine/kernels/webgpu.ts";

const QA_DIR = Deno.env.get("OQ_QA_DIR") ??
  new URL("../../../shared/oq-cases", import.meta.url).pathname;
let qaPresent = false;
try {
  qaPresent = Deno.statSync(QA_DIR).isDirectory;
} catch { /* absent */ }
if (!qaPresent) console.warn(`!!! OpenQuake QA cases not found at ${QA_DIR}: QA spec test SKIPPED`);

const gpu = await getGpu();
if (!gpu) console.warn("!!! no WebGPU adapter: registry GPU tests SKIPPED");

/** A deterministic context block with plausible values, distances spanning 0-60 km. */
function block(def: GsimDef, n: number): ContextBlock {
  let s = 7;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const range: Record<string, [number, number]> = {
    mag: [5, 7.5],
    rake: [-180, 180],
    dip: [30, 90],
    ztor: [0, 10],
    width: [5, 20],
    hypo_depth: [5, 60],
    vs30: [200, 1000],
    vs30measured: [0, 1],
    z1pt0: [10, 500],
    z2pt5: [0.5, 3],
    rx: [-30, 30],
  };
  const cols: ContextBlock["cols"] = {};
  for (const p of contextParams(def)) {
    const [lo, hi] = range[p] ?? [0, 60];
    cols[p as keyof ContextBlock["cols"]] = Float64Array.from({ length: n }, () => {
      const v = lo + (hi - lo) * rnd();
      return p === "vs30measured" ? Math.round(v) : v;
    });
  }
  return { n, cols };
}

/** The block with every distance column raised to at least d, as OpenQuake's ContextMaker. */
function clipped(def: GsimDef, b: ContextBlock, d: number): ContextBlock {
  const cols = { ...b.cols };
  for (const p of def.requires.distances) cols[p] = b.cols[p]!.map((x) => Math.max(x, d));
  return { n: b.n, cols };
}

/** OpenQuake's to_toml: an uncertaintyModel node (text + attributes) as a TOML spec. */
function toToml(text: string, attrs: [string, string][]): string {
  let t = text.trim();
  if (!t.startsWith("[")) t = `[${t}]`;
  for (const [k, v] of attrs) t += `\n${k} = ${isNaN(Number(v)) ? JSON.stringify(v) : v}`;
  return t;
}

const XML_ENTITIES: Record<string, string> = {
  "&quot;": '"',
  "&apos;": "'",
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
};

/** The uncertaintyModel specs of the gmpeModel branch sets of one logic tree file. */
function gmpeSpecs(xml: string): string[] {
  const out: string[] = [];
  const sets = xml.matchAll(
    /<logicTreeBranchSet\b[^>]*gmpeModel[^>]*>([\s\S]*?)<\/logicTreeBranchSet>/g,
  );
  for (const set of sets) {
    for (const m of set[1].matchAll(/<uncertaintyModel\b([^>]*)>([\s\S]*?)<\/uncertaintyModel>/g)) {
      const attrs = [...m[1].matchAll(/(\w+)\s*=\s*["']([^"']*)["']/g)].map((a) =>
        [a[1], a[2]] as [string, string]
      );
      const text = m[2].replace(/&\w+;/g, (e) => XML_ENTITIES[e] ?? e);
      out.push(toToml(text, attrs));
    }
  }
  return out;
}

function* xmlFiles(dir: string): Generator<string> {
  for (const e of Deno.readDirSync(dir)) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory) yield* xmlFiles(p);
    else if (e.name.endsWith(".xml")) yield p;
  }
}

Deno.test({
  name: "every GMPE logic tree of the QA cases loads (TOML branches included)",
  ignore: !qaPresent,
  fn() {
    const specs = new Map<string, string>();
    for (const f of xmlFiles(QA_DIR)) {
      const xml = Deno.readTextFileSync(f);
      if (!xml.includes("gmpeModel")) continue;
      for (const s of gmpeSpecs(xml)) specs.set(s, f.slice(QA_DIR.length + 1));
    }
    ok(specs.size >= 17, `only ${specs.size} distinct GSIM specs found`);
    const imts = ["PGA"].map(parseImt);
    for (const [spec, file] of specs) {
      let def: GsimDef;
      try {
        def = parseGsimSpec(spec);
      } catch (e) {
        throw new Error(`${file}: ${JSON.stringify(spec)}: ${(e as Error).message}`);
      }
      const out = evaluateGsim(def, imts, block(def, 8));
      ok(out.mean.every(Number.isFinite) && out.sig.every((x) => x > 0), `${file}: ${spec}`);
    }
    console.log(`${specs.size} distinct GSIM specs loaded and computed`);
  },
});

Deno.test("scenario/case_9's TOML branches parse and keep their minimum_distance", () => {
  // the branches as realizations.csv of scenario/case_9 names them
  for (
    const [spec, name, d] of [
      ["[LinLee2008SSlab]\nminimum_distance = 10", "LinLee2008SSlab", 10],
      ["[YoungsEtAl1997SSlab]\nminimum_distance = 5", "YoungsEtAl1997SSlab", 5],
    ] as const
  ) {
    const def = parseGsimSpec(spec);
    strictEqual(def.name, name);
    deepStrictEqual(def.args, { minimum_distance: d });
    const plain = makeGsim(name);
    const b = block(plain, 200);
    const got = evaluateGsim(def, [parseImt("PGA")], b);
    const want = evaluateGsim(plain, [parseImt("PGA")], clipped(plain, b, d));
    deepStrictEqual(got, want);
  }
});

/** Models with one or several distances (rx included: OpenQuake clips every distance). */
const MINDIST_CASES: [string, Record<string, unknown>, number][] = [
  ["LinLee2008SSlab", {}, 10],
  ["BooreAtkinson2008", {}, 7.5],
  ["ChiouYoungs2014", {}, 12],
  ["BooreEtAl2014CaliforniaBasinNoSOF", {}, 3],
];

Deno.test("minimum_distance raises every required distance (CPU, f64)", () => {
  for (const [name, args, d] of MINDIST_CASES) {
    const def = makeGsim(name, { ...args, minimum_distance: d });
    const plain = makeGsim(name, args);
    const b = block(plain, 400);
    const imts = ["PGA", "SA(0.3)", "SA(1.0)"].map(parseImt);
    const got = evaluateGsim(def, imts, b);
    const want = evaluateGsim(plain, imts, clipped(plain, b, d));
    const raw = evaluateGsim(plain, imts, b);
    deepStrictEqual(got, want, name);
    // the clip matters on these rows: some means differ from the unclipped model's
    ok(got.mean.some((x, k) => Math.abs(x - raw.mean[k]) > 1e-3), `${name}: no row clipped`);
  }
});

Deno.test({
  name: "minimum_distance raises every required distance (WebGPU, f32)",
  ignore: !gpu,
  async fn() {
    for (const [name, args, d] of MINDIST_CASES) {
      const def = makeGsim(name, { ...args, minimum_distance: d });
      const plain = makeGsim(name, args);
      const b = block(plain, 400);
      const imts = ["PGA", "SA(0.3)", "SA(1.0)"].map(parseImt);
      const got = await evaluateGsimGpu(gpu!, def, imts, b);
      const want = await evaluateGsimGpu(gpu!, plain, imts, clipped(plain, b, d));
      const cpu = evaluateGsim(def, imts, b);
      let worst = 0, worstCpu = 0;
      for (let k = 0; k < got.mean.length; k++) {
        worst = Math.max(
          worst,
          Math.abs(got.mean[k] - want.mean[k]),
          Math.abs(got.sig[k] - want.sig[k]),
        );
        worstCpu = Math.max(worstCpu, Math.abs(got.mean[k] - cpu.mean[k]));
      }
      console.log(
        `${name}: |gpu(clip in body) - gpu(clipped columns)| = ${worst.toExponential(2)}, vs f64 ${
          worstCpu.toExponential(2)
        }`,
      );
      ok(worst < 1e-5, `${name}: ${worst}`);
      ok(worstCpu < 1e-4, `${name}: f32 vs f64 ${worstCpu}`);
    }
  },
});

Deno.test("minimum_distance = 0 changes nothing; a negative or non-numeric one is an error", () => {
  const plain = makeGsim("BooreAtkinson2008");
  const zero = makeGsim("BooreAtkinson2008", { minimum_distance: 0 });
  strictEqual(zero.body, plain.body);
  deepStrictEqual(zero.args, { minimum_distance: 0 });
  throws(() => makeGsim("BooreAtkinson2008", { minimum_distance: -1 }), /minimum_distance/);
  throws(() => parseGsimSpec('[BooreAtkinson2008]\nminimum_distance = "x"'), /minimum_distance/);
});

Deno.test("unknown arguments still fail, naming the argument; unknown models fail", () => {
  throws(
    () => makeGsim("BooreAtkinson2008", { foo: 1 }),
    /BooreAtkinson2008: unknown argument foo/,
  );
  throws(
    () => parseGsimSpec("[BooreAtkinson2008]\nminimum_distance = 5\nfoo = 1"),
    /unknown argument foo/,
  );
  throws(() => parseGsimSpec('[BooreEtAl2014]\nregion = "XYZ"'), /region/);
  throws(() => makeGsim("NoSuchGsim"), UnknownGsimError);
  throws(() => parseGsimSpec("[NoSuchGsim]\nx = 1"), UnknownGsimError);
  throws(() => parseGsimSpec("Boore Atkinson"), UnknownGsimError);
  throws(() => parseGsimSpec("[A]\n[B]"), /one model, not 2/);
  throws(() => parseGsimSpec("[BooreAtkinson2008]\nx = "), /invalid GSIM specification.*line 2/);
});

Deno.test("specs: bare names, TOML arguments and aliases give the models makeGsim gives", () => {
  const same = (a: GsimDef, b: GsimDef) => {
    strictEqual(a.name, b.name);
    deepStrictEqual(a.args, b.args);
    strictEqual(a.body, b.body);
  };
  same(parseGsimSpec("  BooreAtkinson2008\n "), makeGsim("BooreAtkinson2008"));
  same(parseGsimSpec("[BooreAtkinson2008]"), makeGsim("BooreAtkinson2008"));
  same(
    parseGsimSpec('[BooreEtAl2014]\nregion = "CAL"\nsof = false'),
    makeGsim("BooreEtAl2014", { region: "CAL", sof: false }),
  );
  const alias = Object.keys(ALIASES)[0];
  const a = parseGsimSpec(`[${alias}]\nminimum_distance = 2`);
  strictEqual(a.name, alias);
  strictEqual(a.args.minimum_distance, 2);
});

Deno.test("availableGsims lists every model, alias and wrapper", () => {
  const all = availableGsims();
  for (const n of ["ModifiableGMPE", "MultiGMPE", "AvgGMPE", "BA08SiteTerm", "SplitSigmaGMPE"]) {
    ok(all.includes(n), n);
  }
  for (const n of [...Object.keys(GSIMS), ...Object.keys(ALIASES)]) ok(all.includes(n), n);
  deepStrictEqual(all, [...all].sort());
  // the wrappers are not plain models: GSIMS still builds every entry with no arguments
  ok(!("ModifiableGMPE" in GSIMS));
});
