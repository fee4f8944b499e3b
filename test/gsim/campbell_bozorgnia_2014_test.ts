// CampbellBozorgnia2014 against OpenQuake's CB14 verification tables (tolerance 0.1 %): the
// global, high-Q and low-Q coefficient tables, each with and without the Japan site term.
import { tableTest } from "./_tables.ts";
import { CB14_COEFFS_HIGH, CB14_COEFFS_LOW } from "../../engine/gsim/campbell_bozorgnia_2014.ts";

const variants: [string, Record<string, unknown>, string][] = [
  ["", {}, "CampbellBozorgnia2014"],
  ["_HIGHQ", { coeffs: CB14_COEFFS_HIGH }, "CampbellBozorgnia2014HighQ"],
  ["_LOWQ", { coeffs: CB14_COEFFS_LOW }, "CampbellBozorgnia2014LowQ"],
];
for (const [tag, args, alias] of variants) {
  for (const kind of ["MEAN", "STD_INTER", "STD_INTRA", "STD_TOTAL"]) {
    tableTest(
      "CampbellBozorgnia2014",
      { ...args, SJ: false },
      `CB14/CB2014${tag}_${kind}.csv`,
      0.1,
    );
    tableTest(
      "CampbellBozorgnia2014",
      { ...args, SJ: true },
      `CB14/CB2014${tag}_JAPAN_${kind}.csv`,
      0.1,
    );
  }
  // the legacy names
  tableTest(
    alias === "CampbellBozorgnia2014" ? "CampbellBozorgnia2014JapanSite" : `${alias}JapanSite`,
    {},
    `CB14/CB2014${tag}_JAPAN_MEAN.csv`,
    0.1,
  );
  if (tag) tableTest(alias, {}, `CB14/CB2014${tag}_MEAN.csv`, 0.1);
}
