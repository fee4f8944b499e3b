// Number and file-name formats of the hazard exports (Python's %E/%f, OpenQuake's names).
import { strictEqual } from "node:assert";
import { addImt, csvText, fmtE, fmtF, hazardName, poeColumn } from "../../engine/export/hazard.ts";

Deno.test("Python %.6E and %.5f", () => {
  strictEqual(fmtE(0.4553861), "4.553861E-01");
  strictEqual(fmtE(0), "0.000000E+00");
  strictEqual(fmtE(1.2e-120), "1.200000E-120");
  strictEqual(fmtE(12345.678), "1.234568E+04");
  strictEqual(fmtE(0.6, 7).replace("E", "e"), "6.0000000e-01");
  strictEqual(fmtF(-0.1, 5), "-0.10000");
  strictEqual(fmtF(-122.34, 5), "-122.34000");
  strictEqual(fmtF(-0, 5), "-0.00000");
});

Deno.test("OpenQuake file names and level columns", () => {
  strictEqual(hazardName("hazard_curve", "mean", 7, "csv"), "hazard_curve-mean_7.csv");
  strictEqual(hazardName("hazard_curve", "quantile-0.1", 7, "csv"), "quantile_curve-0.1_7.csv");
  strictEqual(hazardName("hazard_uhs", "rlz-001", 3, "csv"), "hazard_uhs-rlz-001_3.csv");
  strictEqual(addImt("hazard_curve-mean_7.csv", "SA(0.1)"), "hazard_curve-mean-SA(0.1)_7.csv");
  strictEqual(poeColumn("PGA", 0.005), "poe-0.0050000");
  strictEqual(poeColumn("SA(0.2)", 2.13), "poe-2.1300000");
  strictEqual(poeColumn("MMI", 5), "poe-5.00000e+00");
});

Deno.test("CSV text: comment line in the last of nfields columns, quoting", () => {
  const t = csvText(["lon", "lat", "PGA-0.1"], [["0.00000", "1.00000", "1.000000E-01"]], {
    generated_by: "x",
    checksum: 12,
    kind: "mean",
    investigation_time: 50,
  });
  strictEqual(
    t,
    `#,,"generated_by='x', checksum=12, kind='mean', investigation_time=50.0"\n` +
      "lon,lat,PGA-0.1\n0.00000,1.00000,1.000000E-01\n",
  );
});
