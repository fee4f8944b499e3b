import { tableTest } from "./_tables.ts";

for (const kind of ["Mblg", "Mw"]) {
  tableTest(`ToroEtAl1997${kind}NSHMP2008`, {}, `TORO97NSHMP/T097${kind}NSHMP_MEAN.csv`, 0.1);
  tableTest(`ToroEtAl1997${kind}NSHMP2008`, {}, `TORO97NSHMP/T097${kind}NSHMP_STD_TOTAL.csv`, 0.1);
}
