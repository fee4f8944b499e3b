import { tableTest } from "./_tables.ts";

// one file holds MEAN and the three sigmas; OpenQuake's tolerance is 0.2 (mean) / 0.1 (sigma)
// and the whole file meets the tighter one
tableTest("GarciaEtAl2005SSlab", {}, "GarciaEtAl2005SSlab.csv", 0.1);
tableTest("GarciaEtAl2005SSlabVert", {}, "GarciaEtAl2005SSlabVert.csv", 0.1);
