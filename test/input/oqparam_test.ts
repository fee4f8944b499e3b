// SPDX-License-Identifier: AGPL-3.0-or-later
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { dirname, join, resolve } from "node:path";
import {
  checkGsimSiteParams,
  checkMaximumDistanceTrts,
  coordinates,
  dictionary,
  floatdict,
  hazardStats,
  iniDefaults,
  iniDefaultsJson,
  IntegrationDistance,
  makeOqParam,
  normalizeImt,
  npRound5,
  oqVars,
  PARAMS,
  pyFloatStr,
  readOqParam,
  round5,
  valid,
} from "../../engine/input/oqparam.ts";
import { parseIni } from "../../engine/input/ini.ts";
import { InputError } from "../../engine/input/errors.ts";

const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), "../..");
const QA_DIR = Deno.env.get("OQ_QA_DIR") ?? resolve(repoRoot, "../shared/oq-cases");

function qaIniFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of Deno.readDirSync(dir)) {
      const p = join(dir, e.name);
      if (e.isDirectory) walk(p);
      else if (e.name.endsWith(".ini")) out.push(p);
    }
  };
  try {
    walk(QA_DIR);
  } catch {
    return [];
  }
  return out.sort();
}
const SPEC_DIR = Deno.env.get("QS_SPEC_DIR") ?? resolve(repoRoot, "../shared/spec");
const hasQa = qaIniFiles().length > 0;

function close(a: number[], b: number[], tol: number, what: string) {
  strictEqual(a.length, b.length, what);
  a.forEach((x, i) =>
    ok(Math.abs(x - b[i]) <= tol * Math.abs(b[i]), `${what}[${i}]: ${x} vs ${b[i]}`)
  );
}

/** build an OqParam from ini text in a temporary folder (files it names are created empty) */
function fromText(text: string, files: string[] = []) {
  const dir = Deno.makeTempDirSync();
  for (const f of files) Deno.writeTextFileSync(join(dir, f), "");
  const path = join(dir, "job.ini");
  Deno.writeTextFileSync(path, text);
  try {
    return readOqParam(path);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const MINIMAL =
  "[general]\ncalculation_mode = classical\nsource_model_logic_tree_file = smlt.xml\n" +
  "gsim_logic_tree_file = gmlt.xml\nsites = 0 0\ninvestigation_time = 1\ntruncation_level = 3\n" +
  'maximum_distance = 200\nintensity_measure_types_and_levels = {"PGA": [0.1, 0.2]}\n';
const MINIMAL_FILES = ["smlt.xml", "gmlt.xml"];

Deno.test("oqparam: /v1/ini_defaults body is api.md Appendix A byte for byte", () => {
  let spec: string;
  try {
    spec = Deno.readTextFileSync(join(SPEC_DIR, "api.md"));
  } catch {
    console.warn(`SKIPPED: no ${SPEC_DIR}/api.md`);
    return;
  }
  const body = spec.split("## Appendix A")[1].split("```")[1].trim()
    .replace("<2*num_cores>", String(2 * navigator.hardwareConcurrency))
    .replace("<config.performance.pointsource_distance>", "100.0");
  strictEqual(iniDefaultsJson(), body);
  const d = iniDefaults();
  strictEqual(Object.keys(d).length, 146);
  deepStrictEqual(d.extreme_gmv, { default: Infinity });
  strictEqual(d.individual_curves, null);
  strictEqual(d.max_hazard_curves, false);
  ok(!("calculation_mode" in d) && !("reference_vs30_value" in d));
  ok(Number.isNaN(PARAMS.reference_vs30_value.default));
});

Deno.test("oqparam: valid.py behaviours (from OpenQuake's doctests)", () => {
  deepStrictEqual(floatdict("200"), { default: 200 });
  deepStrictEqual(floatdict("{'active shallow crust': 250., 'default': 200}"), {
    "active shallow crust": 250,
    default: 200,
  });
  deepStrictEqual(valid.intensity_measure_types("PGV, SA(1), PGA"), ["PGV", "PGA", "SA(1.0)"]);
  deepStrictEqual(valid.intensity_measure_types("PGA, SA(1.00)"), ["PGA", "SA(1.0)"]);
  throws(() => valid.intensity_measure_types("SA(0.1), SA(0.10)"), /Duplicated IMTs/);
  strictEqual(normalizeImt("SA(0.10)").imt, "SA(0.1)");
  throws(() => normalizeImt("SA"), /Missing period in SA/);
  deepStrictEqual(valid.probabilities(""), []);
  deepStrictEqual(valid.probabilities("[0.1, 0.2]"), [0.1, 0.2]);
  deepStrictEqual(valid.namelist("a1  b_2\t_c"), ["a1", "b_2", "_c"]);
  deepStrictEqual(valid.namelists("a1, b_2; _c"), [["a1", "b_2"], ["_c"]]);
  throws(() => valid.boolean("t"), /Not a boolean: t/);
  strictEqual(valid.boolean("True"), true);
  strictEqual(valid.boolean(""), false);
  deepStrictEqual(coordinates("1.1 1.2, 2.2 2.3"), [[1.1, 1.2, 0], [2.2, 2.3, 0]]);
  deepStrictEqual(coordinates("1.1 1.2 -0.4, 2.2 2.3 -0.5"), [[1.1, 1.2, -0.4], [2.2, 2.3, -0.5]]);
  throws(() => coordinates("0 0 0, 0 0 -1"), /Found overlapping site #2/);
  throws(() => coordinates(""), /Empty list of coordinates/);
  strictEqual(coordinates("0.123456 -0.123456")[0][0], 0.12346);
  strictEqual(coordinates("0.123456 -0.123456")[0][1], -0.12346);
  strictEqual(valid.wkt_polygon("1 2, 3 4, 5 6"), "POLYGON((1.0 2.0, 3.0 4.0, 5.0 6.0, 1.0 2.0))");
  // dictionary('{"ls": logscale(0.01, 2, 5)}') = [0.01, 0.03760603, 0.14142136, 0.53182959, 2.]
  close(
    dictionary('{"ls": logscale(0.01, 2, 5)}').ls as number[],
    [0.01, 0.03760603, 0.14142136, 0.53182959, 2],
    1e-7,
    "logscale",
  );
  throws(() => dictionary('"vs30_clustering: true"'), /is not a valid Python dictionary/);
  deepStrictEqual(valid.positiveints("1, 2"), [1, 2]);
  throws(() => valid.positiveints("1, -1"), /-1 is negative in '1, -1'/);
  strictEqual(valid.truncation_level("0"), 1e-9);
  deepStrictEqual(valid.version("3.22.0-gitXXX"), [3, 22, 0]);
  deepStrictEqual(
    ["1.0", "0.1", "1e-05", "1e+16", "-3.5", "100.0"],
    [1, 0.1, 1e-5, 1e16, -3.5, 100].map(pyFloatStr),
  );
});

Deno.test("oqparam: IntegrationDistance (OpenQuake's doctests and interpolation)", () => {
  deepStrictEqual(IntegrationDistance.parse("50").byTrt, { default: [[2.5, 50], [10.2, 50]] });
  const md = IntegrationDistance.parse("[(4., 50), (8., 200.)]");
  md.cut({ default: 5 });
  deepStrictEqual(md.byTrt, { default: [[5, 87.5], [8, 200]] });
  const md2 = IntegrationDistance.parse("200");
  md2.cut({ "Active Shallow Crust": 5.2, default: 4 });
  deepStrictEqual(md2.byTrt, {
    default: [[4, 200], [10.2, 200]],
    "Active Shallow Crust": [[5.2, 200], [10.2, 200]],
  });
  const mag = IntegrationDistance.parse("magdist");
  strictEqual(mag.call("any", 4.5), 75);
  strictEqual(mag.call("any", 8), 375);
  throws(() => IntegrationDistance.parse("[(1.0, 50)]"), /Invalid magnitude 1/);
  const byTrt = IntegrationDistance.parse("{'Stable': 100, 'Active': [(5, 50), (7, 150)]}");
  strictEqual(byTrt.call("Active", 6), 100);
  strictEqual(byTrt.call("Stable", 9), 100);
  throws(() => byTrt.call("Other", 6), /default/);
  byTrt.cut({ default: 0 }); // adds the default (the TRT with the largest distance)
  strictEqual(byTrt.call("Other", 6), 100);
});

Deno.test("oqparam: QA cases build their OqParam (misspelled keys are warnings)", () => {
  if (!hasQa) {
    console.warn(`SKIPPED: no QA cases under ${QA_DIR}`);
    return;
  }
  for (const f of qaIniFiles()) {
    // second jobs of a chain run with the first one's calculation (hazard_calculation_id)
    const chained = /job_(r|risk)\.ini$/.test(f);
    const { oq } = readOqParam(f, chained ? { hazard_calculation_id: "1" } : undefined);
    ok(oq.calculation_mode, f);
  }
  const c1 = readOqParam(join(QA_DIR, "classical/case_01/job.ini"));
  deepStrictEqual(c1.warnings.length, 1);
  ok(/job\.ini:46: The parameter 'minimun_magnitude' is unknown, ignoring/.test(c1.warnings[0]));
  const eb = readOqParam(join(QA_DIR, "event_based/case_1/job.ini"));
  ok(eb.warnings.some((w) => w.includes("'mimimum_magnitude' is unknown")));
});

Deno.test("oqparam: classical/case_01 values", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "classical/case_01/job.ini"));
  deepStrictEqual(oq.imtls, [
    { imt: "PGA", levels: [0.1, 0.4, 0.6] },
    { imt: "SA(0.1)", levels: [0.1, 0.4, 0.6] },
  ]);
  deepStrictEqual(oq.sites, [[0, 0, -0.1], [0.1, 0, -0.1], [0.2, 0, -0.1], [0.3, 0, -0.1]]);
  strictEqual(oq.truncation_level, 2);
  strictEqual(oq.investigation_time, 1);
  strictEqual(oq.maximum_distance.call("Active Shallow Crust", 4), 200);
  deepStrictEqual(oq.minimum_magnitude, { default: 0 });
  deepStrictEqual(oq.source_nodes, ["pointSource"]);
  strictEqual(oq.complex_fault_mesh_spacing, oq.rupture_mesh_spacing);
  strictEqual(oq.inputs.gsim_logic_tree, join(QA_DIR, "classical/case_01/gsim_logic_tree.xml"));
  ok(oq.inputs.source_model_logic_tree.endsWith("classical/case_01/source_model_logic_tree.xml"));
  strictEqual(oq.gsim, "[FromFile]");
  deepStrictEqual(hazardStats(oq), ["mean"]);
  deepStrictEqual(oq.pointsource_distance, { default: 100 });
  // the rerun of the QA test with minimum_magnitude=4.5 (an override)
  const { oq: o2 } = readOqParam(join(QA_DIR, "classical/case_01/job.ini"), {
    minimum_magnitude: "4.5",
  });
  deepStrictEqual(o2.minimum_magnitude, { default: 4.5 });
  deepStrictEqual(o2.maximum_distance.byTrt, { default: [[4.5, 200], [10.2, 200]] });
});

Deno.test("oqparam: classical/case_03 logscale levels and minimum_magnitude", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "classical/case_03/job.ini"));
  // numpy: exp(log(2/0.005) * arange(5) / 4) * 0.005
  close(oq.imtls[0].levels, [0.005, 0.02236068, 0.1, 0.4472136, 2], 1e-7, "PGA");
  deepStrictEqual(oq.minimum_magnitude, { default: 5.7 });
  strictEqual(oq.maximum_distance.call("x", 5.5), 0); // below the cut: filtered away
  strictEqual(oq.maximum_distance.call("x", 6), 200);
  strictEqual(oq.reference_vs30_value, 600);
  strictEqual(oq.reference_vs30_type, "measured");
  const { oq: wrong } = readOqParam(join(QA_DIR, "classical/case_03/job_wrong.ini"));
  ok(Number.isNaN(wrong.reference_vs30_value));
});

Deno.test("oqparam: logictree/case_13 magnitude-dependent distances", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "logictree/case_13/job.ini"));
  deepStrictEqual(oq.maximum_distance.byTrt, { default: [[6.5, 200], [7, 250], [7.5, 300]] });
  strictEqual(oq.maximum_distance.call("Active Shallow Crust", 6.75), 225);
  strictEqual(oq.maximum_distance.call("Active Shallow Crust", 7.25), 275);
  strictEqual(oq.maximum_distance.call("Active Shallow Crust", 6.4), 0); // outside: 0
  strictEqual(oq.maximum_distance.call("Active Shallow Crust", 7.6), 0);
  strictEqual(oq.maximum_distance.upper(), 300);
  const ps = oq.pointsource_distance["Active Shallow Crust"] as [number, number][];
  strictEqual(ps.length, 11);
  deepStrictEqual(ps[0], [6.5, 87]);
  deepStrictEqual(ps[10], [7.5, 114]);
  deepStrictEqual(oq.poes, [0.01]);
  deepStrictEqual(oq.quantiles, []);
  strictEqual(oq.hazard_maps, true);
  strictEqual(oq.prefer_global_site_params, true);
  deepStrictEqual(oq.inputs.site_model, [join(QA_DIR, "logictree/case_13/qa_sites.csv")]);
  deepStrictEqual(oq.imtls.map((x) => x.imt), ["PGA", "SA(0.2)"]);
});

Deno.test("oqparam: logictree/case_15 statistics", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "logictree/case_15/job.ini"));
  deepStrictEqual(oq.poes, [0.01, 0.1, 0.2]);
  deepStrictEqual(oq.quantiles, []);
  strictEqual(oq.max, true);
  strictEqual(oq.mean, true);
  strictEqual(oq.std, true);
  strictEqual(oq.individual_rlzs, null);
  deepStrictEqual(hazardStats(oq), ["mean", "std", "max"]);
});

Deno.test("oqparam: imtls sorted by period as oq.imtls, hazard_imtls in ini order", () => {
  const { oq } = fromText(
    MINIMAL.replace(
      '{"PGA": [0.1, 0.2]}',
      '{"SA(1)": [0.1, 0.2], "PGV": [1, 2], "SA(0.10)": [0.1, 0.3], "PGA": [0, 0.2]}',
    ),
    MINIMAL_FILES,
  );
  deepStrictEqual(oq.imtls.map((x) => x.imt), ["PGV", "PGA", "SA(0.1)", "SA(1.0)"]);
  // SA(1) and SA(0.10) are renamed, which moves them last (valid.py)
  deepStrictEqual(Object.keys(oq.hazard_imtls), ["PGV", "PGA", "SA(1.0)", "SA(0.1)"]);
  deepStrictEqual(oq.hazard_imtls.PGA, [1e-10, 0.2]); // a zero first level becomes 1e-10
});

Deno.test("oqparam: wrong values name file, line, field and reason", () => {
  const check = (text: string, field: string, line: number | undefined, re: RegExp) => {
    throws(() => fromText(text, MINIMAL_FILES), (e: unknown) => {
      ok(e instanceof InputError, String(e));
      strictEqual(e.field, field);
      strictEqual(e.line, line);
      ok(re.test(e.message), e.message);
      ok(e.message.includes("job.ini"), e.message);
      return true;
    });
  };
  check(
    MINIMAL.replace("truncation_level = 3", "truncation_level = abc"),
    "truncation_level",
    7,
    /could not convert string to float: 'abc': could not convert to <lambda>: truncation_level=abc/,
  );
  check(
    MINIMAL + "reference_vs30_type = guessed\n",
    "reference_vs30_type",
    10,
    /Got 'guessed', expected measured\|inferred/,
  );
  check(
    MINIMAL.replace("[0.1, 0.2]", "[0.2, 0.1]"),
    "intensity_measure_types_and_levels",
    9,
    /The imls for PGA are not sorted/,
  );
  check(MINIMAL + "poes = 1.5\n", "poes", 10, /bigger than the maximum/);
  check(MINIMAL + "hazard_maps = true\n", "poes", undefined, /the poes list must be non-empty/);
  check(MINIMAL + "site_model_file = nothere.csv\n", "site_model_file", 10, /No such file/);
  check(
    MINIMAL + "quantiles = 0.1\nquantile_hazard_curves = 0.2\n",
    "quantile_hazard_curves",
    11,
    /Please remove quantile_hazard_curves, you should use only quantiles/,
  );
  throws(
    () => fromText(MINIMAL.replace("truncation_level = 3\n", ""), MINIMAL_FILES),
    /Missing truncation_level/,
  );
  throws(
    () => fromText(MINIMAL.replace("calculation_mode = classical\n", ""), MINIMAL_FILES),
    /Missing calculation_mode/,
  );
  throws(
    () => fromText(MINIMAL.replace("source_model_logic_tree_file = smlt.xml\n", ""), ["gmlt.xml"]),
    /Missing source_model_logic_tree/,
  );
  throws(
    () =>
      fromText(
        MINIMAL.replace('{"PGA": [0.1, 0.2]}', '{"PGA": [0.1, 0.2], "SA(1.0)": [0.1]}'),
        MINIMAL_FILES,
      ),
    /Each IMT must have the same number of levels/,
  );
});

Deno.test("oqparam: defaults, aliases, %(here)s, sites_csv, ps_grid_spacing", () => {
  const { oq, warnings } = fromText(
    MINIMAL +
      "export_dir = %(here)s/out\nquantile_hazard_curves = 0.15 0.85\nps_grid_spacing = 20\n" +
      "individual_curves = true\n",
    MINIMAL_FILES,
  );
  deepStrictEqual(warnings, []);
  ok(oq.export_dir.endsWith("/out") && oq.export_dir.startsWith("/"));
  strictEqual(dirname(oq.export_dir), dirname(oq.inputs.job_ini));
  deepStrictEqual(oq.quantiles, [0.15, 0.85]);
  strictEqual(oq.individual_rlzs, true);
  deepStrictEqual(hazardStats(oq), ["mean", "quantile-0.15", "quantile-0.85"]);
  deepStrictEqual(oq.pointsource_distance, { default: 40 });
  strictEqual(oq.rupture_mesh_spacing, 5);
  strictEqual(oq.width_of_mfd_bin, null);
  strictEqual(oq.number_of_logic_tree_samples, 0);
  strictEqual(oq.random_seed, 42);
  strictEqual(oq.sampling_method, "early_weights");
  ok(Number.isNaN(oq.reference_depth_to_1pt0km_per_sec));

  const csv = fromText(
    MINIMAL.replace("sites = 0 0", "sites_csv = sites.csv"),
    [...MINIMAL_FILES, "sites.csv"],
  ).oq;
  strictEqual(csv.prefer_global_site_params, true);
  ok(csv.inputs.site_model[0].endsWith("sites.csv"));
  strictEqual(csv.sites, null);
});

Deno.test("oqparam: makeOqParam on parsed text with a single gsim", () => {
  const dir = Deno.makeTempDirSync();
  Deno.writeTextFileSync(join(dir, "sm.xml"), "");
  const text = "[s]\ncalculation_mode = classical\nsource_model_file = sm.xml\n" +
    "gsim = SadighEtAl1997\nsites = 1 2, 0 0\ninvestigation_time = 50\ntruncation_level = 0\n" +
    "reference_vs30_value = 760\n" +
    "maximum_distance = {'default': 100}\nintensity_measure_types = PGA\n" +
    "intensity_measure_types_and_levels = {'PGA': linscale(0.1, 0.5, 5)}\n";
  const file = join(dir, "job.ini");
  const { params, lines } = parseIni(text, file);
  const { oq, warnings } = makeOqParam(params, lines, file);
  Deno.removeSync(dir, { recursive: true });
  ok(warnings.some((w) => w.includes("Ignoring intensity_measure_types")));
  strictEqual(oq.gsim, "SadighEtAl1997");
  deepStrictEqual(oq.inputs.source_model, [join(dir, "sm.xml")]);
  strictEqual(oq.truncation_level, 1e-9);
  close(oq.imtls[0].levels, [0.1, 0.2, 0.3, 0.4, 0.5], 1e-15, "linscale");
  deepStrictEqual(oq.sites, [[1, 2, 0], [0, 0, 0]]); // given order; readSites sorts
});

Deno.test("oqparam: maximum_distance TRTs against the logic tree, GSIM site parameters", () => {
  const text = MINIMAL.replace(
    "maximum_distance = 200",
    "maximum_distance = {'Active Shallow Crust': 200, 'Stable Continental': 100}",
  );
  const { oq } = fromText(text, MINIMAL_FILES);
  deepStrictEqual(
    checkMaximumDistanceTrts(oq, ["Active Shallow Crust", "Stable Continental", "Volcanic"]),
    [],
  );
  const w = checkMaximumDistanceTrts(oq, ["Active Shallow Crust", "Stable Continental"]);
  deepStrictEqual(w, []);
  throws(
    () => checkMaximumDistanceTrts(oq, ["Active Shallow Crust"]),
    /setting the maximum_distance for Stable Continental which is not in/,
  );
  // a single GSIM is checked at job start (OqParam.check_gsims)
  const single = MINIMAL.replace("gsim_logic_tree_file = gmlt.xml", "gsim = BooreAtkinson2008");
  throws(() => fromText(single, MINIMAL_FILES), (e: unknown) => {
    ok(e instanceof InputError);
    strictEqual(e.field, "reference_vs30_value");
    strictEqual(
      e.reason,
      "Please set a value for 'reference_vs30_value', this is required by the GSIM " +
        "[BooreAtkinson2008]",
    );
    return true;
  });
  const okOq = fromText(single + "reference_vs30_value = 760\n", MINIMAL_FILES).oq;
  checkGsimSiteParams(okOq, "[BooreAtkinson2008]", ["vs30"]);
  throws(
    () => fromText(single.replace("BooreAtkinson2008", "NoSuchGsim2099"), MINIMAL_FILES),
    /Unknown GSIM: NoSuchGsim2099/,
  );
  throws(
    () =>
      fromText(
        single.replace('{"PGA": [0.1, 0.2]}', '{"MMI": [1, 2]}') + "reference_vs30_value = 760\n",
        MINIMAL_FILES,
      ),
    /The IMT MMI is not accepted by the GSIM \[BooreAtkinson2008\]/,
  );
});

Deno.test("oqparam: base_path is the folder of the job.ini", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "classical/case_01/job.ini"));
  strictEqual(oq.base_path, resolve(QA_DIR, "classical/case_01"));
});

Deno.test("oqparam: oqVars keeps what OpenQuake keeps as instance attributes", () => {
  const { oq } = fromText(MINIMAL + "export_dir = out\n", MINIMAL_FILES);
  const vars = oqVars(oq);
  deepStrictEqual(Object.keys(vars).slice(0, 2), ["base_path", "inputs"]);
  for (const k of ["calculation_mode", "sites", "maximum_distance", "export_dir", "hazard_imtls"]) {
    ok(k in vars, k);
  }
  deepStrictEqual(vars.maximum_distance, { default: [[2.5, 200], [10.2, 200]] });
  ok(!("random_seed" in vars) && !("poes" in vars));
  strictEqual(vars.complex_fault_mesh_spacing, 5); // set by is_valid_complex_fault_mesh_spacing
});

Deno.test("oqparam: oqVars keys equal vars(oqparam) of OpenQuake (classical/case_01, case_13)", () => {
  if (!hasQa) return;
  // keys of vars(readinput.get_oqparam(job.ini)) printed by OpenQuake at the QA commit, less
  // req_site_params, all_cost_types and minimum_asset_loss (set from the GSIMs and risk models)
  const expected: Record<string, string> = {
    "classical/case_01/job.ini": "area_source_discretization base_path calculation_mode " +
      "complex_fault_mesh_spacing description export_dir hazard_imtls inputs investigation_time " +
      "max_sites_disagg maximum_distance minimum_engine_version mosaic_model " +
      "number_of_logic_tree_samples reference_depth_to_1pt0km_per_sec " +
      "reference_depth_to_2pt5km_per_sec reference_vs30_type reference_vs30_value " +
      "rupture_mesh_spacing sites source_nodes truncation_level width_of_mfd_bin",
    "logictree/case_13/job.ini": "area_source_discretization base_path calculation_mode " +
      "collapse_level complex_fault_mesh_spacing description export_dir hazard_imtls hazard_maps " +
      "inputs investigation_time maximum_distance mean mosaic_model number_of_logic_tree_samples " +
      "poes pointsource_distance prefer_global_site_params quantiles random_seed " +
      "reference_depth_to_1pt0km_per_sec reference_depth_to_2pt5km_per_sec reference_vs30_type " +
      "reference_vs30_value rupture_mesh_spacing time_per_task truncation_level width_of_mfd_bin",
  };
  for (const [f, keys] of Object.entries(expected)) {
    const { oq } = readOqParam(join(QA_DIR, f));
    deepStrictEqual(Object.keys(oqVars(oq)).sort(), keys.split(" "), f);
  }
});

Deno.test("oqparam: error messages are OpenQuake's, word for word", () => {
  // messages printed by OpenQuake (OqParam(**readinput.get_params(job.ini)) at the QA commit)
  // for the same job.ini edits; our InputError adds file, line and field around them
  const base = "[general]\ncalculation_mode = classical\nsites = 0 0\ninvestigation_time = 1\n" +
    "truncation_level = 3\nmaximum_distance = 200\n" +
    'intensity_measure_types_and_levels = {"PGA": [0.1, 0.2]}\ngsim = SadighEtAl1997\n' +
    "source_model_file = smlt.xml\nreference_vs30_value = 760\n";
  const cases: [string, string][] = [
    [
      "poes = 1.5",
      " 1.5 is bigger than the maximum (1): could not convert to probabilities: poes=1.5",
    ],
    [
      "quantiles = 0.1\nquantile_hazard_curves = 0.2",
      "Please remove quantile_hazard_curves, you should use only quantiles",
    ],
    [
      "number_of_logic_tree_samples = -1",
      "integer -1 < 0: could not convert to positiveint: number_of_logic_tree_samples=-1",
    ],
    [
      "random_seed = 1.5",
      "invalid literal for int() with base 10: '1.5': could not convert to positiveint: " +
      "random_seed=1.5",
    ],
    ["mean = maybe", "Not a boolean: maybe: could not convert to boolean: mean=maybe"],
    [
      "exports = csv,foo",
      "'foo' is not a valid choice in ('', 'xml', 'geojson', 'txt', 'csv', 'npz', 'hdf5'): " +
      "could not convert to Choice('', 'xml', 'geojson', 'txt', 'csv', 'npz', 'hdf5'): " +
      "exports=csv,foo",
    ],
    [
      "ses_per_logic_tree_path = 0",
      "'0' is zero: could not convert to compose(nonzero,positiveint): ses_per_logic_tree_path=0",
    ],
  ];
  const edits: [string, string, string][] = [
    [
      "sites = 0 0",
      "sites = 0 0, 0 0",
      "Found overlapping site #2,  0 0: could not convert to coordinates: sites=0 0, 0 0",
    ],
    [
      "sites = 0 0",
      "sites = 200 0",
      "longitude 200.0 > 180: could not convert to coordinates: sites=200 0",
    ],
    [
      "maximum_distance = 200",
      "maximum_distance = [(7, 100), (6, 200)]",
      "[(7, 100), (6, 200)] is not ordered: could not convert to new: " +
      "maximum_distance=[(7, 100), (6, 200)]",
    ],
    [
      '{"PGA": [0.1, 0.2]}',
      '{"PGA": logscale(0.1, 2, 3.0)}',
      "n must be a positive integer, got 3.0: could not convert to " +
      "intensity_measure_types_and_levels: " +
      'intensity_measure_types_and_levels={"PGA": logscale(0.1, 2, 3.0)}',
    ],
    [
      '{"PGA": [0.1, 0.2]}',
      '{"SA": [0.1, 0.2]}',
      "Missing period in SA: could not convert to intensity_measure_types_and_levels: " +
      'intensity_measure_types_and_levels={"SA": [0.1, 0.2]}',
    ],
    [
      "investigation_time = 1",
      "investigation_time = -1",
      "float -1.0 < 0: could not convert to positivefloat: investigation_time=-1",
    ],
  ];
  const all: [string, string][] = [
    ...cases.map(([add, msg]) => [base + add + "\n", msg] as [string, string]),
    ...edits.map(([a, b, msg]) => [base.replace(a, b), msg] as [string, string]),
  ];
  for (const [text, msg] of all) {
    throws(() => fromText(text, ["smlt.xml"]), (e: unknown) => {
      ok(e instanceof InputError, String(e));
      strictEqual(e.reason, msg);
      return true;
    });
  }
});

Deno.test("oqparam: Python round(x, 5) and numpy.round(x, 5)", () => {
  // [x, round(x, 5), numpy.round(x, 5)] printed by Python 3.11 / numpy 2.4
  const cases: [number, number, number][] = [
    [0.015625, 0.01562, 0.01562],
    [-0.015625, -0.01562, -0.01562],
    [0.046875, 0.04688, 0.04688],
    [123.300795, 123.30079, 123.3008],
    [0.123456, 0.12346, 0.12346],
    [15.555555, 15.55556, 15.55556],
    [1.000005, 1.00001, 1.0],
  ];
  for (const [x, py, np] of cases) {
    strictEqual(round5(x), py, `round(${x}, 5)`);
    strictEqual(npRound5(x), np, `numpy.round(${x}, 5)`);
  }
});
