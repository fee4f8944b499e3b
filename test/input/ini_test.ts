// SPDX-License-Identifier: AGPL-3.0-or-later
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { dirname, join, resolve } from "node:path";
import { parseIni, readJobIni } from "../../engine/input/ini.ts";
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

Deno.test("ini: sections flattened, both delimiters, lower-cased keys, line numbers", () => {
  const text = "# head\n[general]\nDescription = A test: here\n\n[calc]\n; comment\n" +
    "Investigation_Time: 50.0\nempty =\n";
  const { params, lines } = parseIni(text, "/tmp/x/job.ini");
  deepStrictEqual(params, {
    description: "A test: here",
    investigation_time: "50.0",
    empty: "",
  });
  deepStrictEqual(lines, { description: 3, investigation_time: 7, empty: 8 });
});

Deno.test("ini: multi-line values, blank lines kept, comments skipped, no inline comments", () => {
  const text = '[a]\nimtls = {"PGA": [0.1,\n   0.2],\n\n   # a comment\n' +
    '   "SA(0.1)": [0.3]}\nx = 1 # not a comment\n';
  const { params } = parseIni(text, "job.ini");
  strictEqual(params.imtls, '{"PGA": [0.1,\n0.2],\n\n"SA(0.1)": [0.3]}');
  strictEqual(params.x, "1 # not a comment");
});

Deno.test("ini: %(here)s is the folder of the ini; other % are literal", () => {
  const { params } = parseIni("[a]\nexport_dir = %(here)s/out\nd = 50%\n", "/data/calc/job.ini");
  strictEqual(params.export_dir, "/data/calc/out");
  strictEqual(params.d, "50%");
});

Deno.test("ini: errors (no section, duplicate key, key in two sections, bad line)", () => {
  throws(() => parseIni("a = 1\n", "j.ini"), /no section headers/);
  throws(() => parseIni("[s]\na = 1\nA = 2\n", "j.ini"), (e: unknown) => {
    ok(e instanceof InputError);
    strictEqual(e.line, 3);
    strictEqual(e.field, "a");
    return true;
  });
  throws(() => parseIni("[s]\na = 1\n[t]\na = 2\n", "j.ini"), /multiple sections/);
  throws(() => parseIni("[s]\njust a line\n", "j.ini"), /parsing errors/);
});

Deno.test("ini: overrides replace values", () => {
  const dir = Deno.makeTempDirSync();
  const f = join(dir, "job.ini");
  Deno.writeTextFileSync(f, "[s]\ncalculation_mode = classical\nrandom_seed = 1\n");
  const { params, lines } = readJobIni(f, { random_seed: "7" });
  strictEqual(params.random_seed, "7");
  strictEqual(lines.random_seed, undefined);
  strictEqual(lines.calculation_mode, 2);
  Deno.removeSync(dir, { recursive: true });
});

Deno.test("ini: every QA job ini parses", () => {
  const files = qaIniFiles();
  if (!files.length) {
    console.warn(`SKIPPED: no QA cases under ${QA_DIR} (set OQ_QA_DIR)`);
    return;
  }
  for (const f of files) {
    const { params } = readJobIni(f);
    ok(params.calculation_mode || params.description, f);
  }
  const { params, lines } = readJobIni(join(QA_DIR, "logictree/case_13/job.ini"));
  strictEqual(params.maximum_distance, "[(6.5, 200), (7.0, 250), (7.5, 300)]");
  ok(params.pointsource_distance.startsWith("{\n'Active Shallow Crust': [(6.5, 87),\n(6.6, 93)"));
  strictEqual(lines.pointsource_distance, 37);
});

Deno.test("ini: same result as Python's configparser on tricky input", () => {
  // expected: {k: v for s in cp.sections() for k, v in cp.items(s)} printed by Python 3.11's
  // configparser.ConfigParser(interpolation=None) for the same text
  const text = "; comment\n[general]\na = 1 ; not a comment\nB : two: colons = eq\nc =\n" +
    "d = first\n   second\n\n   # comment inside\n   third\n  fourth\ne=x\n[other]\n" +
    "f = 100%\ng =   spaced value   \n\ttabbed = continued?\nh = 1\n[third]\n  i = indented key\n" +
    'j = "quoted" # hash\n';
  deepStrictEqual(parseIni(text, "t.ini").params, {
    a: "1 ; not a comment",
    b: "two: colons = eq",
    c: "",
    d: "first\nsecond\n\nthird\nfourth",
    e: "x",
    f: "100%",
    g: "spaced value\ntabbed = continued?",
    h: "1",
    i: "indented key",
    j: '"quoted" # hash',
  });
  deepStrictEqual(parseIni("[DEFAULT]\nx = 1\n[only]\ny = 2\nX = 3\n", "t.ini").params, {
    x: "3",
    y: "2",
  });
  deepStrictEqual(parseIni("[a]\nk = v\n\n\n  cont after blanks\nz = %d\n", "t.ini").params, {
    k: "v\n\n\ncont after blanks",
    z: "%d",
  });
});

Deno.test("ini: BOM and CRLF line ends (utf-8-sig, universal newlines)", () => {
  const { params, lines } = parseIni("\ufeff[a]\r\nk = v\r\nm = 1\r\n  2\r\n", "t.ini");
  deepStrictEqual(params, { k: "v", m: "1\n2" });
  deepStrictEqual(lines, { k: 2, m: 3 });
});
