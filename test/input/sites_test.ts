// SPDX-License-Identifier: AGPL-3.0-or-later
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { dirname, join, resolve } from "node:path";
import { readOqParam } from "../../engine/input/oqparam.ts";
import { parseWktPolygon, readSites, regionGrid } from "../../engine/input/sites.ts";
import { InputError } from "../../engine/input/errors.ts";
import { geohash } from "../../engine/geo/geohash.ts";

const repoRoot = resolve(dirname(new URL(import.meta.url).pathname), "../..");
const QA_DIR = Deno.env.get("OQ_QA_DIR") ?? resolve(repoRoot, "../shared/oq-cases");
const hasQa = (() => {
  try {
    return Deno.statSync(join(QA_DIR, "classical")).isDirectory;
  } catch {
    console.warn(`SKIPPED: no QA cases under ${QA_DIR} (set OQ_QA_DIR)`);
    return false;
  }
})();

/** lon,lat of the data rows of an OpenQuake CSV export (after the comment and header lines) */
function csvLonLat(path: string): [number, number][] {
  const lines = Deno.readTextFileSync(path).split(/\r?\n/).filter((l) => l && !l.startsWith("#"));
  const header = lines[0].split(",");
  const [il, ia] = [header.indexOf("lon"), header.indexOf("lat")];
  return lines.slice(1).map((l) => {
    const f = l.split(",");
    return [Number(f[il]), Number(f[ia])];
  });
}

/** write files in a temporary folder and read the sites of its job.ini */
function sitesFrom(files: Record<string, string>, req: string[] = []) {
  const dir = Deno.makeTempDirSync();
  for (const [name, text] of Object.entries(files)) Deno.writeTextFileSync(join(dir, name), text);
  try {
    return readSites(readOqParam(join(dir, "job.ini")).oq, req);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

const JOB = "[general]\ncalculation_mode = classical\nsource_model_logic_tree_file = smlt.xml\n" +
  "gsim_logic_tree_file = gmlt.xml\ninvestigation_time = 1\ntruncation_level = 3\n" +
  'maximum_distance = 200\nintensity_measure_types_and_levels = {"PGA": [0.1, 0.2]}\n';
const LT = { "smlt.xml": "", "gmlt.xml": "" };

Deno.test("geohash: OpenQuake's vectors (strict '>' on midpoints)", () => {
  strictEqual(geohash(0, 0), "7zzzzzzz");
  // hazardlib/geo/utils.py doctest
  strictEqual(geohash(10, 45, 5), "spzpg");
  strictEqual(geohash(10, 46, 5), "u0pje");
  if (hasQa) {
    // scenario_risk/case_1/expected/sites.csv: custom_site_id,lon,lat computed by OpenQuake
    const rows = Deno.readTextFileSync(join(QA_DIR, "scenario_risk/case_1/expected/sites.csv"))
      .split(/\r?\n/).filter((l) => l && !l.startsWith("#")).slice(1);
    ok(rows.length > 0);
    for (const row of rows) {
      const [id, lon, lat] = row.split(",");
      strictEqual(geohash(Number(lon), Number(lat)), id);
    }
  }
  strictEqual(geohash(180, 90).length, 8);
});

Deno.test("sites: `sites` sorted, depths kept, reference parameters (classical/case_01)", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "classical/case_01/job.ini"));
  const sc = readSites(oq, ["vs30", "vs30measured", "z1pt0", "z2pt5"]);
  strictEqual(sc.n, 4);
  deepStrictEqual([...sc.lon], [0, 0.1, 0.2, 0.3]);
  deepStrictEqual([...sc.lat], [0, 0, 0, 0]);
  deepStrictEqual([...sc.depth], [-0.1, -0.1, -0.1, -0.1]);
  deepStrictEqual([...sc.vs30], [800, 800, 800, 800]);
  deepStrictEqual([...sc.vs30measured], [1, 1, 1, 1]);
  deepStrictEqual([...sc.z1pt0], [50, 50, 50, 50]);
  deepStrictEqual([...sc.z2pt5], [2.5, 2.5, 2.5, 2.5]);
  strictEqual(sc.custom_site_id[0], "7zzzzzzz");
  strictEqual(sc.has_custom_site_id, false); // classical: not exported
  // the expected hazard curves list the sites in this order
  deepStrictEqual(csvLonLat(join(QA_DIR, "classical/case_01/expected/hazard_curve-PGA.csv")), [
    [0, 0],
    [0.1, 0],
    [0.2, 0],
    [0.3, 0],
  ]);
});

Deno.test("sites: `sites` given unsorted are sorted by lon, lat", () => {
  const sc = sitesFrom({ ...LT, "job.ini": JOB + "sites = 1 2, 0 5, 0 1 3\n" }, []);
  deepStrictEqual([...sc.lon], [0, 0, 1]);
  deepStrictEqual([...sc.lat], [1, 5, 2]);
  deepStrictEqual([...sc.depth], [3, 0, 0]);
  ok(Number.isNaN(sc.vs30[0])); // no reference_vs30_value and not required
  deepStrictEqual([...sc.vs30measured], [0, 0, 0]); // reference_vs30_type defaults to inferred
});

Deno.test("sites: classical/case_03 job_wrong.ini lacks reference_vs30_value", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "classical/case_03/job_wrong.ini"));
  throws(() => readSites(oq, ["vs30"]), (e: unknown) => {
    ok(e instanceof InputError);
    strictEqual(e.field, "reference_vs30_value");
    ok(e.message.includes("reference_vs30_value not specified"), e.message);
    ok(e.message.includes("job_wrong.ini"), e.message);
    return true;
  });
  const ok3 = readSites(readOqParam(join(QA_DIR, "classical/case_03/job.ini")).oq, ["vs30"]);
  deepStrictEqual([...ok3.vs30], [600]);
});

Deno.test("sites: sites_csv without header (logictree/case_13 qa_sites.csv)", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "logictree/case_13/job.ini"));
  const sc = readSites(oq, ["vs30", "z1pt0", "z2pt5"]);
  strictEqual(sc.n, 21);
  // same order as OpenQuake's expected hazard curves
  const expected = csvLonLat(join(QA_DIR, "logictree/case_13/expected/hazard_curve-mean_PGA.csv"));
  deepStrictEqual([...sc.lon].map((x, i) => [x, sc.lat[i]]), expected);
  // the third field of the poor site model is the site depth (OpenQuake: -1.0 for the last one)
  deepStrictEqual([...sc.depth], [...new Array(20).fill(0), -1]);
  deepStrictEqual([...new Set(sc.vs30)], [760]); // prefer_global_site_params
  deepStrictEqual([...new Set(sc.vs30measured)], [1]);
  deepStrictEqual([...new Set(sc.z1pt0)], [40]);
  deepStrictEqual([...new Set(sc.z2pt5)], [2]);
});

Deno.test("sites: site_model.csv with custom_site_id (disagg/case_2)", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "disagg/case_2/job.ini"));
  const sc = readSites(oq, ["vs30", "vs30measured", "z1pt0", "backarc"]);
  strictEqual(sc.n, 2);
  deepStrictEqual(sc.custom_site_id, ["A", "B"]);
  strictEqual(sc.has_custom_site_id, true);
  deepStrictEqual([...sc.lon], [-3, 0]);
  deepStrictEqual([...sc.lat], [-3, 0]);
  deepStrictEqual([...sc.vs30], [760, 760]);
  deepStrictEqual([...sc.vs30measured], [0, 1]);
  deepStrictEqual([...sc.z1pt0], [40, 40]);
  deepStrictEqual([...sc.backarc], [0, 1]);
  ok(Number.isNaN(sc.z2pt5[0])); // neither in the site model nor in the job.ini
  // z2pt5 required but missing from both: OpenQuake's error
  throws(() => readSites(oq, ["z2pt5"]), /reference_depth_to_2pt5km_per_sec not specified/);
});

Deno.test("sites: sites_csv with a header keeps custom_site_id (scenario_damage/case_17)", () => {
  if (!hasQa) return;
  const { oq } = readOqParam(join(QA_DIR, "scenario_damage/case_17/job_no_time_event.ini"));
  const sc = readSites(oq, ["vs30"]); // GMFs from file: nothing required
  strictEqual(sc.n, 1);
  deepStrictEqual(sc.custom_site_id, ["tv0unqnb"]);
  strictEqual(sc.lon[0], -116.94505);
  strictEqual(sc.lat[0], 32.51463);
  strictEqual(sc.has_custom_site_id, true);
});

Deno.test("sites: site model XML and association to the nearest point", () => {
  const xml = '<?xml version="1.0"?>\n<nrml xmlns="http://openquake.org/xmlns/nrml/0.4">\n' +
    "<siteModel>\n" +
    '<site lon="0.0" lat="0.0" vs30="300" vs30Type="measured" z1pt0="100" z2pt5="1.5"/>\n' +
    '<site lon="0.05" lat="0.0" vs30="500" vs30Type="inferred" z1pt0="50" z2pt5="1.0"/>\n' +
    "</siteModel>\n</nrml>\n";
  const sc = sitesFrom({
    ...LT,
    "sm.xml": xml,
    "job.ini": JOB + "sites = 0.04 0.01, 0.001 0.0\nsite_model_file = sm.xml\n",
  }, ["vs30", "z1pt0", "z2pt5"]);
  deepStrictEqual([...sc.lon], [0.001, 0.04]);
  deepStrictEqual([...sc.vs30], [300, 500]);
  deepStrictEqual([...sc.vs30measured], [1, 0]);
  deepStrictEqual([...sc.z1pt0], [100, 50]);
  deepStrictEqual([...sc.z2pt5], [1.5, 1]);
  strictEqual(sc.has_custom_site_id, false);
  strictEqual(sc.custom_site_id[0], geohash(0.001, 0));

  // vs30Type absent: False (not reference_vs30_type); a required parameter absent: an error
  const noType = xml.replaceAll(/ vs30Type="\w+"/g, "").replaceAll(/ z2pt5="[\d.]+"/g, "");
  const files = { ...LT, "sm.xml": noType };
  const job = JOB + "reference_vs30_type = measured\nsite_model_file = sm.xml\n";
  const sc2 = sitesFrom({ ...files, "job.ini": job }, ["vs30", "vs30measured"]);
  deepStrictEqual([...sc2.vs30measured], [0, 0]);
  throws(
    () =>
      sitesFrom({ ...files, "job.ini": job + "reference_depth_to_2pt5km_per_sec = 2\n" }, [
        "z2pt5",
      ]),
    /missing parameter z2pt5/,
  );

  // the sites of the XML model itself, and a site too far from any point
  const own = sitesFrom({ ...LT, "sm.xml": xml, "job.ini": JOB + "site_model_file = sm.xml\n" });
  deepStrictEqual([...own.lon], [0, 0.05]);
  throws(
    () =>
      sitesFrom({
        ...LT,
        "sm.xml": xml,
        "job.ini": JOB + "sites = 1 1\nsite_model_file = sm.xml\n",
      }),
    /There is nothing closer than 8 km to site \(1 1\)/,
  );
});

Deno.test("sites: site model CSV errors name file and line", () => {
  throws(
    () =>
      sitesFrom({
        ...LT,
        "sm.csv": "lon,lat,vs30\n0,0,300\n1,1,-5\n",
        "job.ini": JOB + "site_model_file = sm.csv\n",
      }),
    (e: unknown) => {
      ok(e instanceof InputError);
      strictEqual(e.line, 3);
      strictEqual(e.field, "vs30");
      ok(e.file.endsWith("sm.csv"));
      return true;
    },
  );
  throws(
    () =>
      sitesFrom({
        ...LT,
        "sm.csv": "lon,lat,vs30\n0,0,300\n0.000001,0,400\n",
        "job.ini": JOB + "site_model_file = sm.csv\n",
      }),
    /Found duplicate sites/,
  );
  throws(() => sitesFrom({ ...LT, "job.ini": JOB }), /possible to infer the geometry only if/);
});

// Reference grids computed with OpenQuake's own code (hazardlib/geo/polygon.py at the QA commit,
// shapely 2.1.2 / GEOS 3.13.1): Polygon.from_wkt(region).dilate(s).discretize(s), then
// Mesh.from_coords (sorted): [count, first, middle, last, sum of lons, sum of lats]
const OQ_GRIDS: [string, number, number, [number, number][], number, number][] = [
  [
    "POLYGON((0.0 0.0, 0.2 0.0, 0.2 0.2, 0.0 0.2, 0.0 0.0))",
    5,
    41,
    [[-3.7507400980963424e-07, 0.020135782715039918], [0.08993301569375672, 0.24496618419472255], [
      0.22483166733241083,
      0.20000010389878606,
    ]],
    4.4966104112742995,
    4.377887434695622,
  ],
  [
    "POLYGON((81.1 26.0, 88.0 26.0, 88.0 30.0, 81.1 30.0, 81.1 26.0))",
    20,
    850,
    [[81.09194865515387, 25.908262213545825], [84.59244031182129, 28.965955673669523], [
      88.19370392584479,
      27.527041104199544,
    ]],
    71911.23331167008,
    23767.60611860224,
  ],
  [
    "POLYGON((10.0 45.0, 10.5 45.1, 10.3 45.6, 10.1 45.3, 9.8 45.4, 10.0 45.0))", // concave
    4,
    164,
    [[9.799975742051553, 45.312197848025704], [10.207743877063507, 45.132333526841975], [
      10.514174056969255,
      45.16830639107872,
    ]],
    1668.4591887387191,
    7421.056099361451,
  ],
];

Deno.test("sites: region grids equal OpenQuake's (dilate + discretize)", () => {
  const wkt = "POLYGON((0.0 0.0, 0.2 0.0, 0.2 0.2, 0.0 0.2, 0.0 0.0))";
  deepStrictEqual(parseWktPolygon(wkt), [[0, 0], [0.2, 0], [0.2, 0.2], [0, 0.2]]);
  for (const [region, spacing, count, [first, mid, last], sumLon, sumLat] of OQ_GRIDS) {
    const pts = regionGrid(region, spacing);
    strictEqual(pts.length, count, region);
    for (const [got, exp] of [[pts[0], first], [pts[count >> 1], mid], [pts[count - 1], last]]) {
      ok(Math.abs(got[0] - exp[0]) < 1e-12 && Math.abs(got[1] - exp[1]) < 1e-12, `${got} ${exp}`);
    }
    const sl = pts.reduce((a, p) => a + p[0], 0), sa = pts.reduce((a, p) => a + p[1], 0);
    ok(Math.abs(sl - sumLon) < 1e-9 && Math.abs(sa - sumLat) < 1e-9, `${sl} ${sa}`);
  }
  const sc = sitesFrom({
    ...LT,
    "job.ini": JOB + "region = 0 0, 0.2 0, 0.2 0.2, 0 0.2\nregion_grid_spacing = 5\n",
  });
  strictEqual(sc.n, 41);
  strictEqual(sc.lon[0], -0); // rounded to 5 digits
  strictEqual(sc.lat[0], 0.02014);
});

Deno.test("sites: from a hazard-curves CSV input (classical_risk/case_2)", () => {
  if (!hasQa) return;
  const ini = join(QA_DIR, "classical_risk/case_2/job_risk.ini");
  const { oq } = readOqParam(ini);
  const sc = readSites(oq, ["vs30"]);
  const expected = csvLonLat(oq.inputs.hazard_curves[0]);
  deepStrictEqual([...sc.lon].map((x, i) => [x, sc.lat[i]]), expected);
  ok(sc.n > 0);
});

Deno.test("sites: site model CSV with comment lines and a '#' inside a value", () => {
  const sc = sitesFrom({
    ...LT,
    "sm.csv": "# a comment\nlon,lat,vs30,custom_site_id\n0,0,300,a#1\n# another\n1,1,400,b\n",
    "job.ini": JOB + "site_model_file = sm.csv\n",
  }, ["vs30"]);
  deepStrictEqual(sc.custom_site_id, ["a#1", "b"]);
  deepStrictEqual([...sc.vs30], [300, 400]);
});

Deno.test("sites: as OpenQuake's get_site_collection (logictree/case_15, scenario/case_1)", () => {
  if (!hasQa) return;
  // values printed by OpenQuake (readinput.get_site_collection) for these job.ini files
  const lt15 = readSites(readOqParam(join(QA_DIR, "logictree/case_15/job.ini")).oq, [
    "vs30",
    "z2pt5",
  ]);
  deepStrictEqual([...lt15.lon], [-0.1, 0, 0.1]);
  deepStrictEqual([...lt15.vs30], [760, 760, 760]);
  deepStrictEqual([...lt15.z2pt5], [1, 1, 1]);
  deepStrictEqual([...lt15.vs30measured], [0, 0, 0]);
  const sc1 = readSites(readOqParam(join(QA_DIR, "scenario/case_1/job.ini")).oq, ["vs30"]);
  deepStrictEqual([...sc1.lat], [0, 0.1, 0.2]);
  deepStrictEqual([...sc1.vs30], [800, 800, 800]);
  deepStrictEqual(sc1.custom_site_id, ["7zzzzzzz", "ebpbxfpy", "ebpcpurv"]);
  strictEqual(sc1.has_custom_site_id, true);
});
