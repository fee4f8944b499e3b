import { tableTest } from "./_tables.ts";

for (
  const [name, file] of [
    ["SiMidorikawa1999Asc", "SM99ASC"],
    ["SiMidorikawa1999SInter", "SM99SInter"],
    ["SiMidorikawa1999SSlab", "SM99SSlab"],
  ]
) {
  tableTest(name, {}, `SM99/${file}_MEAN.csv`, 0.1);
  tableTest(name, {}, `SM99/${file}_STD_TOTAL.csv`, 0.1);
}
tableTest("SiMidorikawa1999Asc", {}, "SM99/SM99ASC_MEAN_PGA.csv", 0.1);
tableTest("SiMidorikawa1999Asc", {}, "SM99/SM99ASC_MEAN_PGA_vs800.csv", 0.1);
for (
  const [name, file] of [
    ["SiMidorikawa1999SInterNorthEastCorrection", "SM99SInterNECorr"],
    ["SiMidorikawa1999SInterSouthWestCorrection", "SM99SInterSWCorr"],
    ["SiMidorikawa1999SSlabNorthEastCorrection", "SM99SSlabNECorr"],
    ["SiMidorikawa1999SSlabSouthWestCorrection", "SM99SSlabSWCorr"],
  ]
) {
  tableTest(name, {}, `SM99/${file}_MEAN.csv`, 0.1);
  tableTest(name, {}, `SM99/${file}_MEAN_PGA.csv`, 0.1);
  tableTest(name, {}, `SM99/${file}_STD_TOTAL.csv`, 0.1);
}
