// Akkar & Cagnan (2010), BSSA 100(6): Turkish model, geometric mean; rjb, rake, with the
// Boore & Atkinson (2008) site amplification (linear + non-linear on PGA at 760 m/s rock).
import { parseCoeffsTable } from "./coeffs.ts";
import { checkArgs } from "./gsim_args.ts";
import { BA08_FNS, BA08_SOIL_RESPONSE } from "./boore_atkinson_2008.ts";
import { type GsimDef, TRT } from "./types.ts";

// Table 3 (ln, cm/s2 and cm/s)
const COEFFS = parseCoeffsTable(`
IMT a1 a2 a3 a4 a5 a6 a7 a8 a9 sigma tau
pgv 5.60931 -0.513 -0.695 -0.25800 -0.90393 0.21576 5.57472 -0.10481 0.07791 0.6154 0.526
pga 8.92418 -0.513 -0.695 -0.18555 -1.25594 0.18105 7.33617 -0.02125 0.01851 0.6527 0.5163
0.03 8.85984 -0.513 -0.695 -0.17123 -1.25132 0.18421 7.46968 -0.0134 0.03512 0.6484 0.5148
0.05 9.05262 -0.513 -0.695 -0.15516 -1.28796 0.1984 7.26552 0.02076 0.01484 0.6622 0.5049
0.075 9.56670 -0.513 -0.695 -0.13840 -1.38817 0.20246 8.03646 0.07311 0.02492 0.6849 0.5144
0.10 9.85606 -0.513 -0.695 -0.11563 -1.43846 0.21833 8.84202 0.11044 -0.00620 0.7001 0.5182
0.15 10.43715 -0.513 -0.695 -0.17897 -1.46786 0.15588 9.39515 0.03555 0.19751 0.6958 0.549
0.20 10.63516 -0.513 -0.695 -0.21034 -1.44625 0.11590 9.60868 -0.03536 0.18594 0.6963 0.5562
0.25 10.12551 -0.513 -0.695 -0.25565 -1.27388 0.09426 7.54353 -0.10685 0.13574 0.7060 0.5585
0.30 10.12745 -0.513 -0.695 -0.27020 -1.26899 0.08352 8.03144 -0.10685 0.13574 0.6718 0.5735
0.40 9.47855 -0.513 -0.695 -0.30498 -1.09793 0.06082 6.24042 -0.11197 0.16555 0.6699 0.5857
0.50 8.95147 -0.513 -0.695 -0.29877 -1.01703 0.09099 5.67936 -0.10118 0.23546 0.6455 0.5782
0.75 8.10498 -0.513 -0.695 -0.3349 -0.84365 0.08647 4.93842 -0.0456 0.10993 0.6463 0.6168
1.00 7.61737 -0.513 -0.695 -0.35366 -0.75840 0.09623 4.12590 -0.01936 0.19729 0.6485 0.6407
1.50 7.20427 -0.513 -0.695 -0.39858 -0.70134 0.11219 3.46535 -0.02618 0.21977 0.6300 0.6751
2.00 6.70845 -0.513 -0.695 -0.39528 -0.70766 0.12032 3.8822 -0.03215 0.20584 0.6243 0.6574
`);

// equations 1a/1b without site term, for the coefficients with prefix p (c1 = 6.5)
const base = (p: string) =>
  `${p}_a1 + select(${p}_a3 * (mag - 6.5), ${p}_a2 * (mag - 6.5), mag <= 6.5)
  + ${p}_a4 * (8.5 - mag) * (8.5 - mag)
  + (${p}_a5 + ${p}_a6 * (mag - 6.5)) * log(sqrt(rjb * rjb + ${p}_a7 * ${p}_a7))
  + select(0.0, ${p}_a8, rake > -135.0 && rake < -45.0)
  + select(0.0, ${p}_a9, rake > 45.0 && rake < 135.0)`;

const BODY = `
// PGA on rock in g drives the non-linear site term
let ln_pga4nl = ${base("P")} + log(0.01 / 9.80665);
let pga4nl = exp(ln_pga4nl);
let site = S_blin * log(vs30 / 760.0) + ba08_fnl(pga4nl, ba08_bnl(vs30, S_b1, S_b2));
if (imt_kind == 0.0) {
  mean = ln_pga4nl + site;
} else {
  mean = ${base("C")} + site + select(0.0, log(0.01 / 9.80665), imt_kind == 3.0);
}
tau = C_tau;
phi = C_sigma;
sig = sqrt(C_sigma * C_sigma + C_tau * C_tau);
`;

export function akkarCagnan2010(args: Record<string, unknown>): GsimDef {
  checkArgs("AkkarCagnan2010", args, []);
  return {
    name: "AkkarCagnan2010",
    args,
    trt: TRT.ACTIVE_SHALLOW_CRUST,
    imts: ["PGA", "PGV", "SA"],
    stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
    requires: { rupture: ["mag", "rake"], sites: ["vs30"], distances: ["rjb"] },
    tables: [
      { prefix: "C", table: COEFFS },
      { prefix: "S", table: BA08_SOIL_RESPONSE },
      { prefix: "P", table: COEFFS, imt: "PGA" },
    ],
    fns: BA08_FNS,
    body: BODY,
  };
}
