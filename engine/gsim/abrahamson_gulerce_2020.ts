// Abrahamson & Gulerce (2020, NGA-Sub, PEER 2020/25 with erratum): regionalised interface
// and intraslab models (region= GLO, USA-AK, CAS, CAM, JPN, NZL, SAM, TWN), Alaska/Cascadia
// adjustments (apply_usa_adjustment=), basin terms for Cascadia and Japan (z2pt5 in km),
// non-linear site term on rock PGA, heteroskedastic tau/phi, ergodic=False single-station
// phi and the epistemic sigma_mu (sigma_mu_epsilon=).
import { parseCoeffsTable } from "./coeffs.ts";
import { AK23_BIAS_ADJ, boolArg, checkArgs, numArg, USGS_BASIN_FN } from "./scr_sub_common.ts";
import { type GsimDef, type GsimTable, TRT } from "./types.ts";

const AK23 = parseCoeffsTable(AK23_BIAS_ADJ);

// (column USA-AK_Adj is renamed USA_AK_Adj)
const COEFFS = parseCoeffsTable(`
IMT   c1i  vlin   b      a1      a2      a6      a7     a8     a10   a11    a12     a13     a14     a16    a17   a18     a19   a20     a21    a22    a23    a24    a25     a26     a27     a28    a29     a30    a31     a32     a33     a34     a35     a36     a37     a39   a41    USA_AK_Adj CAS_Adj d1    d2    rhoW  rhoB  phi_s2s_g1 phi_s2s_g2 phi_s2s_g3 e1    e2     e3
pga   8.20 865.1  -1.186 4.5960  -1.4500 -0.0043 3.2100 0.0440 3.210 0.0070 0.9000  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.0400 0.0400 0.0000 0.0015 0.0007  0.0036  -0.0004 0.0025 0.0006  0.0033 3.7783  3.3468  3.8025  5.0361  4.6272  4.8044  3.5669  0.000 -0.029 0.487      0.828   0.325 0.137 1.000 1.000 0.396      0.396      0.545      0.550 -0.270 0.050
0.010 8.20 865.1  -1.186 4.5960  -1.4500 -0.0043 3.2100 0.0440 3.210 0.0070 0.9000  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.0400 0.0400 0.0000 0.0015 0.0007  0.0036  -0.0004 0.0025 0.0006  0.0033 3.7783  3.3468  3.8025  5.0361  4.6272  4.8044  3.5669  0.000 -0.029 0.487      0.828   0.325 0.137 1.000 1.000 0.396      0.396      0.545      0.550 -0.270 0.050
0.020 8.20 865.1  -1.219 4.6780  -1.4500 -0.0043 3.2100 0.0440 3.210 0.0070 1.0080  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.0400 0.0400 0.0000 0.0015 0.0006  0.0036  -0.0005 0.0025 0.0005  0.0033 3.8281  3.4401  3.9053  5.1375  4.6958  4.8943  3.6425  0.000 -0.024 0.519      0.825   0.325 0.137 0.990 0.990 0.396      0.396      0.545      0.550 -0.270 0.050
0.030 8.20 907.8  -1.273 4.7730  -1.4500 -0.0044 3.2100 0.0440 3.210 0.0070 1.1270  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.0400 0.0400 0.0000 0.0015 0.0006  0.0037  -0.0007 0.0025 0.0005  0.0034 3.8933  3.5087  4.0189  5.2699  4.7809  5.0028  3.7063  0.000 -0.034 0.543      0.834   0.325 0.137 0.990 0.990 0.396      0.396      0.545      0.550 -0.270 0.050
0.050 8.20 1053.5 -1.346 5.0290  -1.4500 -0.0046 3.2100 0.0440 3.210 0.0070 1.3330  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.0400 0.0400 0.0000 0.0011 0.0006  0.0039  -0.0009 0.0026 0.0004  0.0036 4.2867  3.6553  4.2952  5.6157  5.0211  5.2819  3.9184  0.000 -0.061 0.435      0.895   0.325 0.137 0.970 0.985 0.396      0.467      0.644      0.560 -0.270 0.050
0.075 8.20 1085.7 -1.471 5.3340  -1.4500 -0.0047 3.2100 0.0440 3.210 0.0070 1.5650  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.0600 0.0600 0.0000 0.0011 0.0004  0.0039  -0.0009 0.0026 0.0003  0.0037 4.5940  3.9799  4.5464  6.0204  5.3474  5.6123  4.2207  0.000 -0.076 0.410      0.863   0.325 0.137 0.950 0.980 0.396      0.516      0.713      0.580 -0.270 0.050
0.100 8.20 1032.5 -1.624 5.4550  -1.4500 -0.0048 3.2100 0.0440 3.210 0.0070 1.6790  0.0000  -0.4600 0.0900 0.000 -0.2000 0.000 0.0000  0.1000 0.1000 0.0000 0.0012 0.0003  0.0039  -0.0008 0.0026 0.0003  0.0038 4.7077  4.1312  4.6138  6.1625  5.5065  5.7668  4.3536  0.000 -0.049 0.397      0.842   0.325 0.137 0.920 0.970 0.396      0.516      0.713      0.590 -0.270 0.050
0.150 8.20 877.6  -1.931 5.3760  -1.4250 -0.0047 3.2100 0.0440 3.210 0.0070 1.8530  0.0000  -0.4600 0.0900 0.000 -0.1860 0.000 -0.0550 0.1350 0.1350 0.0690 0.0013 -0.0002 0.0037  -0.0009 0.0022 0.0001  0.0037 4.6065  4.2737  4.5290  5.9614  5.5180  5.7313  4.3664  0.000 -0.026 0.428      0.737   0.325 0.137 0.900 0.960 0.396      0.516      0.647      0.590 -0.270 0.050
0.200 8.20 748.2  -2.188 4.9360  -1.3350 -0.0045 3.2100 0.0430 3.210 0.0062 2.0220  0.0000  -0.4600 0.0840 0.000 -0.1500 0.000 -0.1050 0.1700 0.1700 0.1400 0.0013 -0.0007 0.0031  -0.0010 0.0018 -0.0001 0.0035 4.1866  3.9650  4.1656  5.3920  5.1668  5.2943  4.0169  0.000 -0.011 0.442      0.746   0.325 0.137 0.870 0.940 0.396      0.516      0.596      0.570 -0.270 0.050
0.250 8.20 654.3  -2.381 4.6360  -1.2750 -0.0043 3.2100 0.0420 3.210 0.0056 2.1810  0.0000  -0.4600 0.0800 0.000 -0.1400 0.000 -0.1340 0.1700 0.1700 0.1640 0.0013 -0.0009 0.0027  -0.0011 0.0016 -0.0003 0.0033 3.8515  3.6821  3.9147  5.0117  4.8744  5.0058  3.7590  0.101 -0.009 0.494      0.796   0.325 0.137 0.840 0.930 0.396      0.501      0.539      0.530 -0.224 0.043
0.300 8.20 587.1  -2.518 4.4230  -1.2310 -0.0042 3.2100 0.0410 3.210 0.0051 2.2810  -0.0020 -0.4600 0.0780 0.000 -0.1200 0.000 -0.1500 0.1700 0.1700 0.1900 0.0014 -0.0010 0.0020  -0.0009 0.0014 -0.0002 0.0032 3.5783  3.5415  3.7846  4.7057  4.6544  4.7588  3.5914  0.184 0.005  0.565      0.782   0.325 0.137 0.820 0.910 0.396      0.488      0.488      0.490 -0.186 0.037
0.400 8.20 503.0  -2.657 4.1240  -1.1650 -0.0040 3.2100 0.0400 3.210 0.0043 2.3790  -0.0070 -0.4700 0.0750 0.000 -0.1000 0.000 -0.1500 0.1700 0.1700 0.2060 0.0015 -0.0010 0.0013  -0.0007 0.0011 0.0000  0.0030 3.2493  3.3256  3.5702  4.2896  4.3660  4.3789  3.3704  0.315 0.040  0.625      0.768   0.325 0.137 0.740 0.860 0.396      0.468      0.468      0.425 -0.126 0.028
0.500 8.20 456.6  -2.669 3.8380  -1.1150 -0.0037 3.2100 0.0390 3.210 0.0037 2.3390  -0.0110 -0.4800 0.0720 0.000 -0.0800 0.000 -0.1500 0.1700 0.1700 0.2200 0.0015 -0.0011 0.0009  -0.0007 0.0008 0.0002  0.0027 2.9818  3.1334  3.3552  3.9322  4.0779  4.0394  3.1564  0.416 0.097  0.634      0.728   0.325 0.137 0.660 0.800 0.396      0.451      0.451      0.375 -0.079 0.022
0.600 8.20 430.3  -2.599 3.5620  -1.0710 -0.0035 3.2100 0.0380 3.210 0.0033 2.2170  -0.0150 -0.4900 0.0700 0.000 -0.0600 0.000 -0.1500 0.1700 0.1700 0.2250 0.0015 -0.0012 0.0006  -0.0007 0.0006 0.0002  0.0025 2.7784  2.9215  3.0922  3.6149  3.8146  3.7366  2.9584  0.499 0.145  0.581      0.701   0.325 0.137 0.590 0.780 0.396      0.438      0.438      0.345 -0.041 0.016
0.750 8.15 410.5  -2.401 3.1520  -1.0200 -0.0032 3.2100 0.0370 3.210 0.0027 1.9460  -0.0210 -0.5000 0.0670 0.000 -0.0470 0.000 -0.1500 0.1700 0.1700 0.2170 0.0014 -0.0011 0.0003  -0.0007 0.0004 0.0002  0.0022 2.4780  2.5380  2.6572  3.1785  3.4391  3.2930  2.6556  0.600 0.197  0.497      0.685   0.325 0.137 0.500 0.730 0.396      0.420      0.420      0.300 0.005  0.009
1.000 8.10 400.0  -1.955 2.5440  -0.9500 -0.0029 3.2100 0.0350 3.210 0.0019 1.4160  -0.0280 -0.5100 0.0630 0.000 -0.0350 0.000 -0.1500 0.1700 0.1700 0.1850 0.0013 -0.0008 0.0001  -0.0008 0.0002 0.0001  0.0019 1.9252  1.9626  2.1459  2.5722  2.8056  2.6475  2.0667  0.731 0.269  0.469      0.642   0.325 0.137 0.410 0.690 0.396      0.396      0.396      0.240 0.065  0.000
1.500 8.05 400.0  -1.025 1.6360  -0.8600 -0.0026 3.2100 0.0340 3.210 0.0008 0.3940  -0.0410 -0.5200 0.0590 0.000 -0.0180 0.000 -0.1300 0.1700 0.1700 0.0830 0.0014 -0.0004 -0.0001 -0.0008 0.0001 0.0000  0.0016 0.9924  1.3568  1.3499  1.6499  1.8546  1.6842  1.3316  0.748 0.347  0.509      0.325   0.312 0.113 0.330 0.620 0.379      0.379      0.379      0.230 0.065  0.000
2.000 8.00 400.0  -0.299 1.0760  -0.8200 -0.0024 3.2100 0.0320 3.210 0.0000 -0.4170 -0.0500 -0.5300 0.0590 0.000 -0.0100 0.000 -0.1100 0.1700 0.1700 0.0450 0.0015 0.0002  0.0000  -0.0007 0.0002 0.0000  0.0014 0.4676  0.8180  0.8148  1.0658  1.3020  1.1002  0.7607  0.761 0.384  0.478      0.257   0.302 0.096 0.300 0.560 0.366      0.366      0.366      0.230 0.065  0.000
2.500 7.95 400.0  0.000  0.6580  -0.7980 -0.0022 3.2100 0.0310 3.210 0.0000 -0.7250 -0.0570 -0.5400 0.0600 0.000 -0.0050 0.000 -0.0950 0.1700 0.1700 0.0260 0.0014 0.0004  0.0000  -0.0007 0.0002 -0.0002 0.0012 0.0579  0.4389  0.3979  0.6310  0.8017  0.6737  0.3648  0.770 0.397  0.492      0.211   0.295 0.082 0.270 0.520 0.356      0.356      0.356      0.230 0.065  0.000
3.000 7.90 400.0  0.000  0.4240  -0.7930 -0.0021 3.1300 0.0300 3.130 0.0000 -0.6950 -0.0650 -0.5400 0.0590 0.000 0.0000  0.000 -0.0850 0.1700 0.1700 0.0350 0.0014 0.0007  0.0003  -0.0007 0.0004 -0.0002 0.0011 -0.1391 0.1046  0.1046  0.3882  0.5958  0.4126  0.1688  0.778 0.404  0.470      0.296   0.289 0.072 0.250 0.495 0.348      0.348      0.348      0.240 0.065  0.000
4.000 7.85 400.0  0.000  0.0930  -0.7930 -0.0020 2.9850 0.0290 2.985 0.0000 -0.6380 -0.0770 -0.5400 0.0500 0.000 0.0000  0.000 -0.0730 0.1700 0.1700 0.0530 0.0014 0.0010  0.0007  -0.0006 0.0006 -0.0002 0.0010 -0.3030 -0.1597 -0.2324 0.0164  0.3522  0.0097  -0.0323 0.790 0.397  0.336      0.232   0.280 0.055 0.220 0.430 0.335      0.335      0.335      0.270 0.065  0.000
5.000 7.80 400.0  0.000  -0.1450 -0.7930 -0.0020 2.8180 0.0280 2.818 0.0000 -0.5970 -0.0880 -0.5400 0.0430 0.000 0.0000  0.000 -0.0650 0.1700 0.1700 0.0720 0.0014 0.0013  0.0014  -0.0004 0.0008 -0.0001 0.0010 -0.4094 -0.2063 -0.5722 -0.2802 0.1874  -0.2715 -0.1516 0.799 0.378  0.228      0.034   0.273 0.041 0.190 0.400 0.324      0.324      0.324      0.300 0.065  0.000
6.000 7.80 400.0  0.000  -0.3200 -0.7930 -0.0020 2.6820 0.0270 2.682 0.0000 -0.5610 -0.0980 -0.5400 0.0380 0.000 0.0000  0.000 -0.0600 0.1700 0.1700 0.0860 0.0014 0.0015  0.0015  -0.0003 0.0011 0.0000  0.0010 -0.5010 -0.3223 -0.8631 -0.4822 -0.1243 -0.4591 -0.2217 0.807 0.358  0.151      -0.037  0.267 0.030 0.170 0.370 0.314      0.314      0.314      0.320 0.065  0.000
7.500 7.80 400.0  0.000  -0.5560 -0.7930 -0.0020 2.5150 0.0260 2.515 0.0000 -0.5300 -0.1100 -0.5400 0.0320 0.000 0.0000  0.000 -0.0550 0.1700 0.1700 0.1150 0.0014 0.0017  0.0015  -0.0002 0.0014 0.0001  0.0010 -0.6209 -0.4223 -1.1773 -0.7566 -0.3316 -0.6822 -0.3338 0.817 0.333  0.051      -0.178  0.259 0.017 0.140 0.320 0.301      0.301      0.301      0.350 0.065  0.000
10.00 7.80 400.0  0.000  -0.8600 -0.7930 -0.0020 2.3000 0.0250 2.300 0.0000 -0.4860 -0.1270 -0.5400 0.0240 0.000 0.0000  0.000 -0.0450 0.1700 0.1700 0.1510 0.0014 0.0017  0.0015  -0.0001 0.0017 0.0002  0.0010 -0.6221 -0.5909 -1.4070 -1.0870 -0.6783 -0.9173 -0.5441 0.829 0.281  -0.251     -0.313  0.250 0.000 0.100 0.280 0.286      0.286      0.286      0.350 0.065  0.000
`);

/** C1s (slab magnitude break) and the regional coefficient columns */
const REGIONS: Record<
  string,
  { c1s: number; a1: string; a2?: string; a6?: string; a12?: string; alias: string }
> = {
  GLO: { c1s: 7.5, a1: "a1", alias: "" },
  "USA-AK": { c1s: 7.9, a1: "a31", a6: "a24", a12: "a17", alias: "Alaska" },
  CAS: { c1s: 7.1, a1: "a32", a6: "a25", a12: "a18", alias: "Cascadia" },
  CAM: { c1s: 7.4, a1: "a33", a6: "a26", a12: "a19", alias: "CentralAmericaMexico" },
  JPN: { c1s: 7.6, a1: "a34", a6: "a27", a12: "a20", alias: "Japan" },
  NZL: { c1s: 8.0, a1: "a35", a6: "a28", a12: "a21", alias: "NewZealand" },
  SAM: { c1s: 7.5, a1: "a36", a6: "a29", a12: "a22", alias: "SouthAmerica" },
  TWN: { c1s: 7.7, a1: "a37", a2: "a16", a6: "a30", a12: "a23", alias: "Taiwan" },
};

/**
 * `ag_f2`: the short-period phi scaling of equation 5.3 (erratum); `ag_phi_lin`: linear phi
 * (section 5.3) for coefficients d1, d2 and the given period-scaling factors.
 */
const FNS = `
fn ag_f2(t1: f32, t2: f32, t3: f32, t4: f32, alpha: f32, p: f32) -> f32 {
  var f2 = 0.0;
  if (p <= t1) {
    f2 = 1.0 - alpha;
  } else if (p <= t2) {
    f2 = 1.0 - alpha * (log(p / t2) / log(t1 / t2));
  } else if (p <= t3) {
    f2 = 1.0;
  } else if (p < t4) {
    f2 = log(p / t4) / log(t3 / t4);
  }
  return f2;
}
fn ag_phi_lin(d1: f32, d2: f32, f2_phi2: f32, f2_phi3: f32) -> f32 {
  let rn = (rrup - 150.0) / 300.0;
  var phi_sq = min(max(d1 + d2 * rn, d1), d1 + d2);
  if (PHI_MODEL >= 1.0) {
    let rn2 = (rrup - 225.0) / 225.0;
    var a_phi2 = 0.109 + 0.062 * rn2 + 0.470 * rn2 * rn2;
    if (rrup < 225.0) {
      a_phi2 = 0.109;
    } else if (rrup > 450.0) {
      a_phi2 = 0.109 + 0.062 + 0.470;
    }
    phi_sq = phi_sq + a_phi2 * f2_phi2;
  }
  if (PHI_MODEL >= 2.0) {
    phi_sq = phi_sq + 0.242 * f2_phi3;
  }
  return sqrt(phi_sq);
}
`;

function body(slab: boolean, region: string, adjust: boolean, ak23: boolean): string {
  const r = REGIONS[region];
  const base = (p: string) =>
    `${p}_${r.a1}` + (adjust ? ` + ${p}_${region === "CAS" ? "CAS_Adj" : "USA_AK_Adj"}` : "");
  const a2 = (p: string) => r.a2 ? `(${p}_a2 + ${p}_${r.a2})` : `${p}_a2`;
  const a6 = (p: string) => r.a6 ? `(${p}_a6 + ${p}_${r.a6})` : `${p}_a6`;
  const a12 = (p: string) => r.a12 ? `(${p}_a12 + ${p}_${r.a12})` : `${p}_a12`;
  const c1 = (p: string) => slab ? r.c1s.toFixed(2) : `${p}_c1i`;
  const a4 = slab ? "(0.73 + 0.34)" : "0.73";
  // everything but the site and basin terms (equation 3.1), for one coefficient prefix
  const rock = (p: string) => {
    let s = `${base(p)} + ${p}_a13 * (10.0 - mag) * (10.0 - mag) +
  select(0.0, ${a4} * (mag - ${c1(p)}), mag <= ${c1(p)}) +
  (${a2(p)} + 0.1 * (mag - 7.0)) * log(rrup + hff) + ${a6(p)} * rrup`;
    if (slab) {
      s += ` +
  ag_depth(${p}_a8, ${p}_a11) +
  ${p}_a10 + (0.73 + 0.34) * (${r.c1s.toFixed(2)} - 7.5) + ${p}_a14 * log(rrup + hff)`;
    }
    return s;
  };
  let basin = "0.0";
  if (region === "CAS" || region === "JPN") {
    basin = "f_basin";
  }
  const basinCode = region === "CAS" || region === "JPN"
    ? `
let ln_zref = ${
      region === "CAS"
        ? "clamp(8.52 - 0.88 * log(vs30 / 200.0), 7.6, 8.52)"
        : "clamp(7.3 - 2.066 * log(vs30 / 170.0), 4.1, 7.3)"
    };
let z25_ref = exp(ln_zref);
let z25 = select(1000.0 * z2pt5, z25_ref, z2pt5 == -999.0);
let lnz = log((z25 + 50.0) / (z25_ref + 50.0));
// USGS 2023 basin scaling (OpenQuake passes z2.5 in metres here)
let usgs_bf = select(1.0, usgs_z2pt5_scaling(z25, imt_period), USGS_BASIN == 1.0);
let f_basin = ${
      region === "JPN" ? "C_a41 * max(lnz, -2.0)" : "select(0.0, C_a39 * lnz * usgs_bf, lnz > 0.0)"
    };`
    : "";
  const phiModel = ["CAM"].includes(region) ? 1 : ["JPN", "SAM"].includes(region) ? 2 : 0;
  const s2s = phiModel === 1 ? "phi_s2s_g2" : phiModel === 2 ? "phi_s2s_g3" : "phi_s2s_g1";
  // OpenQuake takes the PGA single-station phi_s2s from the IMT's row for the g1 regions
  const s2sPga = phiModel === 0 ? `C_${s2s}` : `P_${s2s}`;
  return `
let hff = 10.0 * exp(0.4 * (mag - 6.0));
// rock PGA (vs30 = 1000 m/s, site term linear)
let pga1000 = exp(${rock("P")} + (${a12("P")} + P_b * 1.18) * log(1000.0 / P_vlin));
let vstar = min(vs30, 1000.0);
let vnorm = vstar / C_vlin;
var fsite = ${a12("C")} * log(vnorm);
let nonlin = vstar < C_vlin;
if (vstar >= C_vlin) {
  fsite = fsite + C_b * 1.18 * log(vnorm);
} else {
  fsite = fsite + C_b * (log(pga1000 + 1.88 * pow(vnorm, 1.18)) - log(pga1000 + 1.88));
}${basinCode}
mean = ${rock("C")} + fsite + ${basin};
let rn_e = clamp(rrup, 50.0, 500.0) / 100.0;
mean = mean + SIGMA_MU_EPS * (C_e1 + C_e2 * rn_e + C_e3 * rn_e * rn_e)${
    ak23 ? " + K_bias_adj" : ""
  };
// standard deviations
let alpha2 = clamp(1.0 - 0.0036 * (rrup - 250.0), 0.28, 1.0);
let phi_lin = ag_phi_lin(C_d1, C_d2, ag_f2(0.03, 0.075, 0.2, 1.0, alpha2, imt_period),
  ag_f2(0.03, 0.075, 0.1, 0.3, 0.42, imt_period));
let phi_lin_pga = ag_phi_lin(P_d1, P_d2, 1.0 - alpha2, 1.0 - 0.42);
var t = 0.47;
var ph = phi_lin;
var phi_l = phi_lin;
var phi_l_pga = phi_lin_pga;
if (ERGODIC == 0.0) {
  phi_l = sqrt(phi_lin * phi_lin - C_${s2s} * C_${s2s});
  phi_l_pga = sqrt(phi_lin_pga * phi_lin_pga - ${s2sPga} * ${s2sPga});
  ph = phi_l;
}
if (nonlin) {
  let dfdp = C_b * pga1000 * (-1.0 / (pga1000 + 1.88) + 1.0 / (pga1000 + 1.88 * pow(vnorm, 1.18)));
  let phi_b = sqrt(phi_l * phi_l - 0.09);
  let phi_b_pga = sqrt(phi_l_pga * phi_l_pga - 0.09);
  t = sqrt(0.47 * 0.47 * (1.0 + dfdp * dfdp + 2.0 * dfdp * C_rhoB));
  ph = sqrt(phi_l * phi_l + dfdp * dfdp * phi_b_pga * phi_b_pga +
    2.0 * dfdp * phi_b_pga * phi_b * C_rhoW);
}
tau = t;
phi = ph;
sig = sqrt(tau * tau + phi * phi);
`;
}

const DEPTH_FN = `
fn ag_depth(a8: f32, a11: f32) -> f32 {
  var f = a11 * (ztor - 50.0);
  if (ztor > 200.0) {
    f = a11 * 150.0;
  } else if (ztor <= 50.0) {
    f = a8 * (ztor - 50.0);
  }
  return f;
}
`;

const ARGS = [
  "region",
  "ergodic",
  "apply_usa_adjustment",
  "usgs_basin_scaling",
  "sigma_mu_epsilon",
  "ak23_bias_adj",
];

function make(name: string, slab: boolean) {
  return (args: Record<string, unknown>): GsimDef => {
    checkArgs(name, args, ARGS);
    const region = String(args.region ?? "GLO");
    if (!(region in REGIONS)) {
      throw new Error(`${name}: region must be one of ${Object.keys(REGIONS).join(", ")}`);
    }
    const usgs = boolArg(name, "usgs_basin_scaling", args.usgs_basin_scaling, false);
    if (usgs && region !== "CAS") {
      throw new Error(`${name}: usgs_basin_scaling applies to the Cascadia region (CAS) only`);
    }
    const ak23 = boolArg(name, "ak23_bias_adj", args.ak23_bias_adj, false);
    if (ak23 && (slab || region !== "GLO")) {
      throw new Error(`${name}: ak23_bias_adj applies to the global interface model only`);
    }
    const tables: GsimTable[] = [
      { prefix: "C", table: COEFFS },
      { prefix: "P", table: COEFFS, imt: "PGA" },
    ];
    if (ak23) tables.push({ prefix: "K", table: AK23 });
    const adjust = boolArg(name, "apply_usa_adjustment", args.apply_usa_adjustment, false) &&
      (region === "USA-AK" || region === "CAS");
    const basin = region === "CAS" || region === "JPN";
    return {
      name,
      args,
      trt: slab ? TRT.SUBDUCTION_INTRASLAB : TRT.SUBDUCTION_INTERFACE,
      imts: ["PGA", "SA"],
      stddevs: ["TOTAL", "INTER_EVENT", "INTRA_EVENT"],
      requires: {
        rupture: slab ? ["mag", "ztor"] : ["mag"],
        sites: basin ? ["vs30", "z2pt5"] : ["vs30"],
        distances: ["rrup"],
      },
      tables,
      consts: {
        USGS_BASIN: usgs ? 1 : 0,
        ERGODIC: boolArg(name, "ergodic", args.ergodic, true) ? 1 : 0,
        SIGMA_MU_EPS: numArg(name, "sigma_mu_epsilon", args.sigma_mu_epsilon, 0),
        PHI_MODEL: region === "CAM" ? 1 : region === "JPN" || region === "SAM" ? 2 : 0,
      },
      fns: FNS + USGS_BASIN_FN + (slab ? DEPTH_FN : ""),
      body: body(slab, region, adjust, ak23),
    };
  };
}

export const GSIMS = {
  AbrahamsonGulerce2020SInter: make("AbrahamsonGulerce2020SInter", false),
  AbrahamsonGulerce2020SSlab: make("AbrahamsonGulerce2020SSlab", true),
};

export const ALIASES: Record<string, [string, Record<string, unknown>]> = {};
for (const [region, r] of Object.entries(REGIONS)) {
  if (!r.alias) continue;
  ALIASES[`AbrahamsonGulerce2020SInter${r.alias}`] = ["AbrahamsonGulerce2020SInter", { region }];
  ALIASES[`AbrahamsonGulerce2020SSlab${r.alias}`] = ["AbrahamsonGulerce2020SSlab", { region }];
}
