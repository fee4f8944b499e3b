// Atkinson & Macias (2009): stochastic finite-fault model for great Cascadia interface
// earthquakes (Mw, rrup), B/C site conditions, total sigma only.
import { parseCoeffsTable } from "./coeffs.ts";
import { boolArg, checkArgs } from "./scr_sub_common.ts";
import { type GsimDef, TRT } from "./types.ts";

const COEFFS = parseCoeffsTable(`
IMT      c0     c1      c2        c3     c4      sigma
pga      5.0060 -1.5573 -0.000340 0.1774 0.0827  0.24
0.050000 5.8430 -1.9391 0.000000  0.1813 0.0199  0.26
0.063091 5.8230 -1.8889 -0.000220 0.1845 0.0160  0.26
0.079365 5.6760 -1.7633 -0.000710 0.1784 0.0245  0.27
0.100000 5.4900 -1.6257 -0.001150 0.1736 0.0261  0.27
0.125000 5.2090 -1.4404 -0.001630 0.1788 0.0151  0.27
0.158730 4.9300 -1.2671 -0.002040 0.1645 0.0301  0.27
0.200000 4.7460 -1.1691 -0.002120 0.1593 0.0432  0.27
0.250000 4.4720 -1.0133 -0.002340 0.1713 0.0255  0.27
0.316456 4.3030 -0.9322 -0.002310 0.1713 0.0270  0.27
0.400000 4.1670 -0.8854 -0.002110 0.1802 0.0258  0.27
0.500000 3.9990 -0.8211 -0.001950 0.1870 0.0271  0.27
0.632911 3.8590 -0.7746 -0.001790 0.2010 0.0153  0.28
0.793651 3.7330 -0.7473 -0.001590 0.2035 0.0292  0.28
1.000000 3.6210 -0.7376 -0.001280 0.2116 0.0328  0.29
1.265823 3.4530 -0.6885 -0.001190 0.2417 0.0125  0.29
1.587302 3.3930 -0.7101 -0.000890 0.2483 0.0103  0.29
2.000000 3.2410 -0.6741 -0.000810 0.2696 -0.0064 0.30
2.500000 3.1040 -0.6585 -0.000630 0.2990 -0.0074 0.30
3.125000 2.9780 -0.6431 -0.000570 0.3258 -0.0103 0.30
4.000000 2.8140 -0.6108 -0.000460 0.3490 -0.0299 0.30
5.000000 2.6710 -0.5942 -0.000400 0.3822 -0.0417 0.32
6.250000 2.5690 -0.6048 -0.000240 0.4324 -0.0641 0.34
7.692308 2.4890 -0.6412 -0.000030 0.4760 -0.0629 0.35
10.00000 2.3380 -0.6311 0.000000  0.5357 -0.0737 0.38
`);

// equations 4-6 in log10(cm/s2), with the magnitude-dependent fictitious depth
const BODY = `
let hm = mag * mag - 3.1 * mag - 14.55;
let r = sqrt(rrup * rrup + hm * hm);
let dm = mag - 8.0;
let lg = C_c0 + C_c3 * dm + C_c4 * dm * dm + C_c1 * log10(r) + C_c2 * r;
mean = (lg - 2.0) * log(10.0) - log(9.80665);
sig = C_sigma * log(10.0);
`;

const OPTIONAL = ["ba08_site_term", "cb14_basin_term", "m9_basin_term"];

function make(name: string) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, OPTIONAL);
    for (const k of OPTIONAL) {
      if (boolArg(name, k, args[k], false)) {
        throw new Error(`${name}: ${k}=true (US 2023 site/basin adjustment) is not supported`);
      }
    }
    return {
      name,
      args,
      trt: TRT.SUBDUCTION_INTERFACE,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL"],
      requires: { rupture: ["mag"], sites: [], distances: ["rrup"] },
      tables: [{ prefix: "C", table: COEFFS }],
      body: BODY,
    };
  };
}

export const GSIMS = {
  AtkinsonMacias2009: make("AtkinsonMacias2009"),
};
