// Python json.dumps bytes: separators, ASCII escapes, float repr.
import { strictEqual } from "node:assert";
import { floatRepr, pyDumps, pyFloat } from "../../routes/pyjson.ts";

Deno.test("floatRepr matches Python repr()", () => {
  const cases: [number, string][] = [
    [1, "1.0"],
    [0.1, "0.1"],
    [1e-12, "1e-12"],
    [200000000000, "200000000000.0"],
    [1e16, "1e+16"],
    [1234567890123456.7, "1234567890123456.8"],
    [0.0001, "0.0001"],
    [0.00001, "1e-05"],
    [-2.5e-7, "-2.5e-07"],
    [0.15961551666259766, "0.15961551666259766"],
    [1.5e300, "1.5e+300"],
    [-0, "-0.0"],
    [Infinity, "Infinity"],
    [-Infinity, "-Infinity"],
    [NaN, "NaN"],
  ];
  for (const [x, want] of cases) strictEqual(floatRepr(x), want, String(x));
});

Deno.test("pyDumps writes Python's default json.dumps bytes", () => {
  strictEqual(
    pyDumps({ id: 7, size_mb: pyFloat(2), ok: true, none: null, l: [1, 2], e: [], d: {} }),
    '{"id": 7, "size_mb": 2.0, "ok": true, "none": null, "l": [1, 2], "e": [], "d": {}}',
  );
  strictEqual(
    pyDumps('Área — "q"\n\t\u0001\u007f😀'),
    '"\\u00c1rea \\u2014 \\"q\\"\\n\\t\\u0001\\u007f\\ud83d\\ude00"',
  );
  strictEqual(pyDumps(pyFloat(null)), "null");
  strictEqual(pyDumps(0.5), "0.5");
});
