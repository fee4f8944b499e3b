// MFD histograms against OpenQuake's hazardlib/tests/mfd/*_test.py values and the MFDs of QA
// sources (classical/case_03, case_24, case_26, logictree/case_11).
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import {
  grAFromMomentRate,
  grTotalMomentRate,
  magRates,
  minMaxMag,
  sourceMagRates,
  splitMfd,
} from "../../engine/mfd/index.ts";
import type { MfdSpec } from "../../engine/source/spec.ts";

const close = (a: number, e: number, tol: number, what = "") =>
  ok(Math.abs(a - e) <= tol, `${what}: ${a} != ${e} (tol ${tol})`);
/** numpy assert_allclose default: rtol 1e-7 */
const allclose = (a: number, e: number, what = "") => close(a, e, 1e-7 * Math.abs(e), what);

const gr = (aValue: number, bValue: number, minMag: number, maxMag: number): MfdSpec => ({
  kind: "truncGutenbergRichterMFD",
  aValue,
  bValue,
  minMag,
  maxMag,
});

Deno.test("truncated GR rates (TruncatedGRMFDMFDGetRatesTestCase, RoundingTestCase)", () => {
  const expected = [[5.5, 2.846049894e-5], [6.5, 2.846049894e-6], [7.5, 2.846049894e-7]];
  for (const [mn, mx] of [[5.0, 8.0], [5.1, 7.9]]) {
    const r = magRates(gr(0.5, 1.0, mn, mx), 1.0);
    strictEqual(r.length, 3);
    r.forEach(([m, rate], i) => {
      close(m, expected[i][0], 1e-14, "mag");
      close(rate, expected[i][1], 1e-14, "rate");
    });
    deepStrictEqual(minMaxMag(gr(0.5, 1.0, mn, mx), 1.0), [r[0][0], r[0][0] + 2]);
  }
  const r = magRates(gr(1, 0.2, 0.61, 0.94), 0.1);
  strictEqual(r.length, 3);
  close(r[0][0], 0.65, 1e-12);
});

Deno.test("truncated GR constraints and moment rate (TruncatedGRMFD tests)", () => {
  throws(() => magRates(gr(1, 0.2, 1, 2), -0.4), /bin width -0.4 must be positive/);
  throws(() => magRates(gr(1, 0, 1, 2), 0.4), /b-value 0 must be non-negative/);
  throws(() => magRates(gr(1, 0.2, 1, 1.2), 0.4), /must be higher than minimum magnitude/);
  throws(() => magRates(gr(1, 0.2, 1, 2)), /width_of_mfd_bin/);
  close(grTotalMomentRate(-17.2, 0.4, 6.0, 8.0), 1.6140553, 5e-8);
  close(grTotalMomentRate(-9.4, 1.5, 6.0, 8.0), 1.3400508, 5e-8);
  close(grAFromMomentRate(123.45, 0.5, 6.0, 8.0), -14.6531141, 5e-8);
  close(grAFromMomentRate(12.45, 1.5, 6.0, 8.0), -8.4319519, 5e-8);
});

Deno.test("Youngs-Coppersmith from characteristic rate (test_from_characteristic_rate)", () => {
  const mfd: MfdSpec = {
    kind: "YoungsCoppersmithMFD",
    minMag: 5.0,
    bValue: 0.85,
    characteristicMag: 6.75,
    characteristicRate: 0.000125,
    binWidth: 0.1,
  };
  const exp = [
    6.041335597980433e-05,
    4.967443791302958e-05,
    4.084444146424117e-05,
    3.358404178516568e-05,
    2.7614231513367556e-05,
    2.270559889580352e-05,
    1.8669511804720695e-05,
    1.535086885953161e-05,
    1.2622139090051389e-05,
    1.0378461093404372e-05,
    8.533613351813384e-06,
    7.016700856018683e-06,
    5.7694307057387526e-06,
    4.74387199217263e-06,
    3.900613877853681e-06,
    2.5e-05,
    2.5e-05,
    2.5e-05,
    2.5e-05,
    2.5e-05,
  ];
  const r = magRates(mfd);
  strictEqual(r.length, 20);
  r.forEach(([m, rate], i) => {
    allclose(m, 5.05 + 0.1 * i, "mag");
    allclose(rate, exp[i], `rate ${i}`);
  });
  deepStrictEqual(minMaxMag(mfd).map((x) => Math.round(x * 100) / 100), [5.05, 6.95]);
});

Deno.test("Youngs-Coppersmith from total moment rate (test_from_total_moment_rate)", () => {
  // OpenQuake's from_total_moment_rate rescales the moment rate by the misfit of a first pass;
  // the NRML reader uses the plain constructor: we reproduce both passes with it.
  const tmr = 6.38119198365e15;
  const base = {
    kind: "YoungsCoppersmithMFD" as const,
    minMag: 5.0,
    bValue: 0.85,
    characteristicMag: 6.75,
    binWidth: 0.1,
  };
  const moment = (r: [number, number][]) =>
    r.reduce((s, [m, rate]) => s + rate * 10. ** (1.5 * m + 9.05), 0);
  const misfit = moment(magRates({ ...base, totalMomentRate: tmr })) / tmr;
  const r = magRates({ ...base, totalMomentRate: tmr / misfit });
  const exp = [
    0.00017254493595137864,
    0.000141873805371608,
    0.00011665469368682727,
    9.591846446582074e-05,
    7.88682524012297e-05,
    6.484884085108228e-05,
    5.3321482747389806e-05,
    4.384319727332041e-05,
    3.6049746708167595e-05,
    2.9641639263244427e-05,
    2.4372620016585263e-05,
    2.004020766858989e-05,
    1.647791345891117e-05,
    1.3548843228053625e-05,
    1.1140436759552141e-05,
    7.140181717808345e-05,
    7.140181717808345e-05,
    7.140181717808345e-05,
    7.140181717808345e-05,
    7.140181717808345e-05,
  ];
  r.forEach(([, rate], i) => allclose(rate, exp[i], `rate ${i}`));
  close(moment(r) / tmr, 1, 1e-12);
  throws(
    () => magRates({ ...base, characteristicMag: 4.3, minMag: 4.0, characteristicRate: 0.001 }),
    /greater than the minimum magnitude by at least one magnitude bin/,
  );
  throws(
    () => magRates({ ...base, characteristicRate: 0.001, binWidth: 0.6 }),
    /bin width must be in the range \(0, 0.5\]/,
  );
});

Deno.test("incremental and arbitrary MFDs; zero rates dropped by sources", () => {
  const inc: MfdSpec = {
    kind: "incrementalMFD",
    minMag: 4.5,
    binWidth: 1,
    occurRates: [9e-3, 0, 9e-4],
  };
  deepStrictEqual(magRates(inc), [[4.5, 9e-3], [5.5, 0], [6.5, 9e-4]]);
  deepStrictEqual(sourceMagRates(inc), [[4.5, 9e-3], [6.5, 9e-4]]);
  throws(() => magRates({ ...inc, occurRates: [0, 0] } as MfdSpec), /at least one occurrence/);
  const arb: MfdSpec = { kind: "arbitraryMFD", magnitudes: [5.1, 6.3], occurRates: [0.1, 0.02] };
  deepStrictEqual(magRates(arb), [[5.1, 0.1], [6.3, 0.02]]);
  deepStrictEqual(minMaxMag(arb), [5.1, 6.3]);
});

Deno.test("QA sources: case_03 (bin 0.2), case_24 (bin 0.3), logictree/case_11 (bin 0.01)", () => {
  // classical/case_03 source 1 (5.0-6.5) and source 12 (5.0-5.5), width_of_mfd_bin 0.2:
  // source 12's largest bin is 5.5 < minimum_magnitude 5.7, so OpenQuake discards it
  const s1 = magRates(gr(4.5, 1.0, 5.0, 6.5), 0.2);
  strictEqual(s1.length, 8);
  s1.forEach(([m], i) => close(m, 5.1 + 0.2 * i, 1e-12));
  const s12 = magRates(gr(4.5, 1.0, 5.0, 5.5), 0.2);
  deepStrictEqual(s12.map(([m]) => Math.round(m * 10) / 10), [5.1, 5.3, 5.5]);
  // the rates telescope to 10^(a - b·5.0) - 10^(a - b·6.6)
  close(s1.reduce((s, [, r]) => s + r, 0), 10 ** (4.5 - 5.0) - 10 ** (4.5 - 6.6), 1e-12);
  // case_24: 5 bins 5.25 ... 6.45 (5.0/0.3 -> 17 -> 5.1; 6.5/0.3 -> 22 -> 6.6)
  const c24 = magRates(gr(4.5, 1.0, 5.0, 6.5), 0.3);
  deepStrictEqual(c24.map(([m]) => Math.round(m * 100) / 100), [5.25, 5.55, 5.85, 6.15, 6.45]);
  // logictree/case_11: a 2, b 1, M 4-7, bin 0.01 -> 300 bins, 4.005 ... 6.995
  const c11 = magRates(gr(2.0, 1.0, 4.0, 7.0), 0.01);
  strictEqual(c11.length, 300);
  close(c11[0][0], 4.005, 1e-12);
  close(c11[299][0], 6.995, 1e-9);
  close(c11.reduce((s, [, r]) => s + r, 0), 10 ** (2 - 4) - 10 ** (2 - 7), 1e-12);
});

Deno.test("case_26 Youngs-Coppersmith and area splitting (science.md §1.13)", () => {
  const yc: MfdSpec = {
    kind: "YoungsCoppersmithMFD",
    minMag: 5.0,
    bValue: 1.0,
    characteristicMag: 7.0,
    characteristicRate: 0.004,
    binWidth: 0.1,
  };
  const r = magRates(yc);
  // round(7.25/0.1) = round(72.5) = 73 -> last centre 7.25: 23 bins 5.05 ... 7.25
  strictEqual(r.length, 23);
  close(r[22][0], 7.25, 1e-9);
  // characteristic box above 6.75: bins of Nc/0.5·Δ; GR increments below
  r.slice(18).forEach(([, rate]) => close(rate, 0.004 / 0.5 * 0.1, 1e-15));
  close(r[0][1], 10 ** (aOf() - 5.0) - 10 ** (aOf() - 5.1), 1e-15);
  const split = magRates(splitMfd(yc, 40));
  split.forEach(([m, rate], i) => {
    close(m, r[i][0], 0);
    close(rate, r[i][1] / 40, 1e-12 * r[i][1]);
  });
  const g = splitMfd(gr(4.5, 1, 5, 6.5), 52);
  magRates(g, 0.3).forEach(([, rate], i) => close(rate, c24rate(i) / 52, 1e-12 * c24rate(i)));
  function aOf() {
    // a_incr = b(Mc − 1.25) + log10(Nc/0.5); a = a_incr − log10(b ln 10)
    return 1.0 * (7.0 - 1.25) + Math.log10(0.004 / 0.5) - Math.log10(Math.log(10));
  }
  function c24rate(i: number) {
    return magRates(gr(4.5, 1, 5, 6.5), 0.3)[i][1];
  }
  const inc = splitMfd({ kind: "incrementalMFD", minMag: 4, binWidth: 1, occurRates: [3] }, 4);
  deepStrictEqual(magRates(inc), [[4, 0.75]]);
});
