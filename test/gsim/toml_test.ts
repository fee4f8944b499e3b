// The TOML reader of GSIM specs: the forms OpenQuake's logic trees and its own tests write
// (valid.gsim, valid.modified_gsim's toml.dumps output, AvgGMPE/MultiGMPE keys) and the
// TOML 1.0 rules they rely on.
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { parseToml, TomlError } from "../../engine/gsim/toml.ts";

Deno.test("TOML: one table of constructor arguments (strings, numbers, booleans)", () => {
  const doc = parseToml(`[BooreEtAl2014]
region = "CAL"   # a comment
sof = true
sigma_mu_epsilon = -1.5
n = 10
big = 1_000
e = 2.5e-3
lit = 'C:\\path'
`);
  deepStrictEqual(doc, {
    BooreEtAl2014: {
      region: "CAL",
      sof: true,
      sigma_mu_epsilon: -1.5,
      n: 10,
      big: 1000,
      e: 0.0025,
      lit: "C:\\path",
    },
  });
});

Deno.test("TOML: nested tables, dotted keys, quoted keys and inline tables", () => {
  const a = parseToml(`[ModifiableGMPE]
gmpe.BooreAtkinson2008 = {}
set_scale_median_vector.scaling_factor = {PGA = 0.9, "SA(0.2)" = 1.1}
set_between_epsilon = { epsilon_tau = 0.5 }
`);
  deepStrictEqual(a, {
    ModifiableGMPE: {
      gmpe: { BooreAtkinson2008: {} },
      set_scale_median_vector: { scaling_factor: { PGA: 0.9, "SA(0.2)": 1.1 } },
      set_between_epsilon: { epsilon_tau: 0.5 },
    },
  });
  // the same, written with table headers, as valid.modified_gsim (toml.dumps) writes it
  const b = parseToml(`[ModifiableGMPE.gmpe.BooreAtkinson2008]

[ModifiableGMPE]

[ModifiableGMPE.set_scale_median_vector.scaling_factor]
PGA = 0.9
"SA(0.2)" = 1.1

[ModifiableGMPE.set_between_epsilon]
epsilon_tau = 0.5
`);
  deepStrictEqual(b, a);
  // key order is kept: ModifiableGMPE applies its modifiers in the order written
  deepStrictEqual(Object.keys(b.ModifiableGMPE as object), [
    "gmpe",
    "set_scale_median_vector",
    "set_between_epsilon",
  ]);
});

Deno.test("TOML: MultiGMPE and AvgGMPE specs as in OpenQuake's QA and tests", () => {
  deepStrictEqual(
    parseToml(`  [MultiGMPE."PGA".AkkarBommer2010]
                  [MultiGMPE."SA(0.1)".SadighEtAl1997]`),
    { MultiGMPE: { PGA: { AkkarBommer2010: {} }, "SA(0.1)": { SadighEtAl1997: {} } } },
  );
  deepStrictEqual(
    parseToml(`
        [AvgGMPE]
        b1.ModifiableGMPE.gmpe.AtkinsonBoore2006Modified2011 = {}
        b1.ModifiableGMPE.add_between_within_stds.with_betw_ratio = 1.7
        b1.ModifiableGMPE.weight = 0.6
        b2.PezeshkEtAl2011NEHRPBC.weight = 0.4
        `),
    {
      AvgGMPE: {
        b1: {
          ModifiableGMPE: {
            gmpe: { AtkinsonBoore2006Modified2011: {} },
            add_between_within_stds: { with_betw_ratio: 1.7 },
            weight: 0.6,
          },
        },
        b2: { PezeshkEtAl2011NEHRPBC: { weight: 0.4 } },
      },
    },
  );
});

Deno.test("TOML: arrays, strings with escapes, multi-line strings, special floats", () => {
  const doc = parseToml(`
a = [1, 2.5, -3]
nested = [ [1, 2], ["x", 'y'], ]   # trailing comma
multi = [
  0.1,  # comment inside an array
  0.2,
]
esc = "tab\\there \\"q\\" \\u00e9"
ml = """
line1
line2"""
mll = '''
raw \\n'''
x = inf
y = -inf
hex = 0xff
oct = 0o17
bin = 0b101
`);
  deepStrictEqual(doc.a, [1, 2.5, -3]);
  deepStrictEqual(doc.nested, [[1, 2], ["x", "y"]]);
  deepStrictEqual(doc.multi, [0.1, 0.2]);
  strictEqual(doc.esc, 'tab\there "q" é');
  strictEqual(doc.ml, "line1\nline2");
  strictEqual(doc.mll, "raw \\n");
  strictEqual(doc.x, Infinity);
  strictEqual(doc.y, -Infinity);
  strictEqual(doc.hex, 255);
  strictEqual(doc.oct, 15);
  strictEqual(doc.bin, 5);
  ok(Number.isNaN(parseToml("n = nan").n));
});

Deno.test("TOML: arrays of tables", () => {
  deepStrictEqual(parseToml(`[[g]]\nname = "a"\n[[g]]\nname = "b"\n[g.sub]\nk = 1`), {
    g: [{ name: "a" }, { name: "b", sub: { k: 1 } }],
  });
});

Deno.test("TOML: errors name the line", () => {
  const bad: [string, RegExp][] = [
    ["[A]\nx = 1\nx = 2", /line 3: duplicate key x/],
    ["[A]\n[A]", /line 2: table \[A\] defined twice/],
    ["[A]\nx = 1\n[A.x]", /line 3: A\.x is not a table/],
    ["[A]\nx = True", /line 2: invalid value True/],
    ['[A]\nx = "open', /line 2: unterminated string/],
    ["[A]\nx = 1 2", /line 2: unexpected "2" after the value/],
    ["[A\nx = 1", /line 1: missing \]/],
    ["[A]\n= 1", /line 2: invalid key/],
    ["[A]\nx = [1, 2", /expected , or \] in array/],
    ["[A]\nx = {a = 1,", /invalid key/],
    ["[A]\nx = 1979-05-27", /invalid value 1979-05-27/],
  ];
  for (const [text, re] of bad) {
    throws(() => parseToml(text), (e: unknown) => e instanceof TomlError && re.test(e.message));
  }
});
