// The gmpe tool recomputes a verification table: its output passes the table's own check.
import { ok, strictEqual } from "node:assert";
import { recomputeTable } from "../../engine/gsim/cli.ts";
import { parseVerificationTable } from "../../engine/gsim/verify.ts";
import { TABLES_DIR } from "./_tables.ts";

let present = true;
try {
  Deno.statSync(`${TABLES_DIR}/NGA/BA08/BA08_MEDIAN_SS.csv`);
} catch {
  present = false;
}

Deno.test({
  name: "gmpe tool: recomputed BA08 table agrees with the original at its tolerance",
  ignore: !present,
  async fn() {
    const text = Deno.readTextFileSync(`${TABLES_DIR}/NGA/BA08/BA08_MEDIAN_SS.csv`);
    const expected = parseVerificationTable(text);
    const mine = parseVerificationTable(await recomputeTable("BooreAtkinson2008", text));
    strictEqual(mine.rows.length, expected.rows.length);
    let worst = 0;
    expected.imtCols.forEach(({ index }) => {
      expected.rows.forEach((r, i) => {
        worst = Math.max(worst, Math.abs(Number(mine.rows[i][index]) / Number(r[index]) - 1));
      });
    });
    ok(worst * 100 <= 0.6, `worst ${worst * 100}%`);
  },
});

/** Worst relative difference (percent) between a recomputed table and the original. */
function worstPercent(original: string, recomputed: string): number {
  const e = parseVerificationTable(original), m = parseVerificationTable(recomputed);
  let worst = 0;
  e.imtCols.forEach(({ index }) =>
    e.rows.forEach((r, i) => {
      worst = Math.max(worst, Math.abs(Number(m.rows[i][index]) / Number(r[index]) - 1) * 100);
    })
  );
  return worst;
}

Deno.test({
  name: "gmpe tool: TOML arguments reach the model, unknown GSIM is a clear error",
  ignore: !present,
  async fn() {
    const text = Deno.readTextFileSync(`${TABLES_DIR}/BSSA2014/BSSA_2014_JAPAN_MEAN.csv`);
    const jpn = await recomputeTable('[BooreEtAl2014]\nregion = "JPN"', text);
    ok(worstPercent(text, jpn) <= 2.0, "JPN table within its 2% tolerance");
    const cal = await recomputeTable("BooreEtAl2014", text);
    ok(worstPercent(text, cal) > 2.0, "the default region does not reproduce the JPN table");
    let msg = "";
    try {
      await recomputeTable("NoSuchModel", text);
    } catch (e) {
      msg = (e as Error).message;
    }
    ok(msg.includes("NoSuchModel"), msg);
  },
});
