// Magnitude-frequency distributions -> (magnitude, annual rate) histograms, exactly as
// OpenQuake's get_annual_occurrence_rates (hazardlib/mfd/*.py): same bin rounding, same
// repeated-addition bin centres, same constraint checks.
import type { MfdSpec } from "../source/spec.ts";
import { roundHalfAway } from "../geo/geodetic.ts";

/** Width of the characteristic box of the Youngs & Coppersmith MFD. */
const DELTA_CHAR = 0.5;

/** Tapered GR, accepted when a reader provides it (not in the MfdSpec union yet). */
export interface TaperedGRSpec {
  kind: "taperedGutenbergRichterMFD";
  aValue: number;
  bValue: number;
  minMag: number;
  maxMag: number;
  cornerMag: number;
  binWidth?: number;
}

type AnyMfd = MfdSpec | TaperedGRSpec;

/** (first bin centre, number of bins) of a truncated GR (`_get_min_mag_and_num_bins`). */
function grBins(minMag: number, maxMag: number, bw: number): [number, number] {
  let lo = roundHalfAway(minMag / bw) * bw;
  let hi = roundHalfAway(maxMag / bw) * bw;
  if (lo !== hi) {
    lo += bw / 2.0;
    hi -= bw / 2.0;
  }
  return [lo, Math.trunc(roundHalfAway((hi - lo) / bw)) + 1];
}

function grRate(a: number, b: number, mag: number, bw: number): number {
  const lo = mag - bw / 2.0;
  const hi = mag + bw / 2.0;
  return 10 ** (a - b * lo) - 10 ** (a - b * hi);
}

function grBinWidth(mfd: { binWidth?: number }, widthOfMfdBin?: number): number {
  const bw = mfd.binWidth ?? widthOfMfdBin;
  if (bw === undefined || !(bw > 0)) {
    throw new Error(
      bw === undefined
        ? "truncGutenbergRichterMFD needs width_of_mfd_bin in the job.ini"
        : `bin width ${bw} must be positive`,
    );
  }
  return bw;
}

function checkGR(minMag: number, maxMag: number, bw: number, a: number, b: number): void {
  if (!(minMag >= 0)) throw new Error(`minimum magnitude ${minMag} must be non-negative`);
  if (!(maxMag >= minMag + bw)) {
    throw new Error(
      `maximum magnitude ${maxMag} must be higher than minimum magnitude ${minMag} ` +
        `by bin width ${bw} at least`,
    );
  }
  if (b <= 0) throw new Error(`b-value ${b} must be non-negative`);
  if (!Number.isFinite(a)) throw new Error(`a-value ${a} is not finite`);
}

/** Derived parameters of a Youngs & Coppersmith 1985 MFD (a value and characteristic rate). */
export function youngsCoppersmithParams(
  mfd: Extract<MfdSpec, { kind: "YoungsCoppersmithMFD" }>,
): { aValue: number; charRate: number } {
  const { minMag, bValue: b, characteristicMag: mc } = mfd;
  let a: number, nc: number;
  if (mfd.totalMomentRate !== undefined && mfd.totalMomentRate !== null) {
    const beta = b * Math.log(10);
    const mu = mc + DELTA_CHAR / 2;
    const m0 = minMag;
    const c = 1.5, d = 9.05;
    const moU = 10 ** (c * mu + d);
    const c1 = Math.exp(-beta * (mu - m0 - 0.5));
    const c2 = Math.exp(-beta * (mu - m0 - 1.5));
    const c3 = beta * c2 / (2 * (1 - c1) + beta * c2);
    const c4 = (b * (10 ** (-c / 2)) / (c - b)) +
      (b * Math.exp(beta) * (1 - (10 ** (-c / 2))) / c);
    const nMin = (1 - c1) * mfd.totalMomentRate / ((1 - c3) * c1 * moU * c4);
    nc = c3 * nMin;
    a = Math.log10((nMin - nc) / (10 ** (-b * minMag) - 10 ** (-b * (mc - 0.25))));
  } else if (mfd.characteristicRate !== undefined && mfd.characteristicRate !== null) {
    nc = mfd.characteristicRate;
    const aIncr = b * (mc - 1.25) + Math.log10(nc / DELTA_CHAR);
    a = aIncr - Math.log10(b * Math.log(10));
  } else {
    throw new Error("YoungsCoppersmithMFD: either characteristicRate or totalMomentRate is needed");
  }
  // constraints, as YoungsCoppersmith1985MFD.check_constraints
  const bw = mfd.binWidth;
  if (minMag <= 0) throw new Error("minimum magnitude must be positive");
  if (b <= 0) throw new Error("b value must be positive");
  if (mc <= 0) throw new Error("characteristic magnitude must be positive");
  if (nc <= 0) throw new Error("characteristic rate must be positive");
  if (!(bw > 0 && bw <= DELTA_CHAR)) {
    throw new Error(
      `bin width must be in the range (0, ${DELTA_CHAR}] to allow for at least one ` +
        "magnitude bin representing the characteristic distribution",
    );
  }
  if (!(mc - DELTA_CHAR / 2 >= minMag + bw)) {
    throw new Error(
      "Maximum magnitude of the G-R distribution (char_mag - 0.25) must be greater than " +
        "the minimum magnitude by at least one magnitude bin.",
    );
  }
  const aIncr = a + Math.log10(b * Math.log(10));
  const actual = 10 ** (aIncr - b * (mc - 1.25));
  if (!(Math.abs(actual - nc / DELTA_CHAR) <= 1e-7)) {
    throw new Error(
      "Rate of events at the characteristic magnitude is not equal to the rate of events " +
        "for magnitude equal to char_mag - 1.25",
    );
  }
  return { aValue: a, charRate: nc };
}

function youngsCoppersmithRates(
  mfd: Extract<MfdSpec, { kind: "YoungsCoppersmithMFD" }>,
): [number, number][] {
  const { aValue: a, charRate: nc } = youngsCoppersmithParams(mfd);
  const bw = mfd.binWidth, b = mfd.bValue, mc = mfd.characteristicMag;
  let mag = roundHalfAway(mfd.minMag / bw) * bw;
  let hi = roundHalfAway((mc + DELTA_CHAR / 2) / bw) * bw;
  mag += bw / 2.0;
  hi -= bw / 2.0;
  const n = Math.trunc(roundHalfAway((hi - mag) / bw)) + 1;
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const rate = mag >= mfd.minMag && mag < mc - DELTA_CHAR / 2
      ? grRate(a, b, mag, bw)
      : (nc / DELTA_CHAR) * bw;
    out.push([mag, rate]);
    mag += bw;
  }
  return out;
}

function taperedGRRates(mfd: TaperedGRSpec, widthOfMfdBin?: number): [number, number][] {
  const bw = grBinWidth(mfd, widthOfMfdBin);
  checkGR(mfd.minMag, mfd.maxMag, bw, mfd.aValue, mfd.bValue);
  if (!(mfd.cornerMag >= mfd.minMag + bw)) {
    throw new Error(
      `corner magnitude ${mfd.cornerMag} must be higher than minimum magnitude ` +
        `${mfd.minMag} by bin width ${bw} at least`,
    );
  }
  const magToMo = (m: number) => 10 ** (1.5 * m + 9.05);
  const beta = 2 / 3 * mfd.bValue;
  const minMo = magToMo(4), largeMo = magToMo(9.05), cornerMo = magToMo(mfd.cornerMag);
  const pareto = (mo: number, corner: number) =>
    (minMo / mo) ** beta * Math.exp((minMo - mo) / corner);
  return grRatesRaw(mfd.aValue, mfd.bValue, mfd.minMag, mfd.maxMag, bw).map(([m, r]) => {
    const lo = magToMo(m - bw / 2), hi = magToMo(m + bw / 2);
    const scale = (pareto(lo, cornerMo) - pareto(hi, cornerMo)) /
      (pareto(lo, largeMo) - pareto(hi, largeMo));
    return [m, r * scale];
  });
}

function grRatesRaw(
  a: number,
  b: number,
  minMag: number,
  maxMag: number,
  bw: number,
): [number, number][] {
  let [mag, n] = grBins(minMag, maxMag, bw);
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    out.push([mag, grRate(a, b, mag, bw)]);
    mag += bw;
  }
  return out;
}

/**
 * (magnitude, annual rate) pairs exactly as OpenQuake's `mfd.get_annual_occurrence_rates()`:
 * bin centres, rounding and repeated addition as OpenQuake; zero rates are kept (sources drop
 * them, see sourceMagRates). `widthOfMfdBin` is the job's width_of_mfd_bin, needed by
 * truncGutenbergRichterMFD (a `binWidth` field on the spec, as multiMFD may carry, wins).
 */
export function magRates(mfd: MfdSpec, widthOfMfdBin?: number): [number, number][] {
  const m = mfd as AnyMfd;
  switch (m.kind) {
    case "truncGutenbergRichterMFD": {
      const bw = grBinWidth(m as { binWidth?: number }, widthOfMfdBin);
      checkGR(m.minMag, m.maxMag, bw, m.aValue, m.bValue);
      return grRatesRaw(m.aValue, m.bValue, m.minMag, m.maxMag, bw);
    }
    case "incrementalMFD": {
      if (!(m.binWidth > 0)) throw new Error("bin width must be positive");
      if (m.occurRates.length === 0) throw new Error("at least one bin must be specified");
      if (!m.occurRates.every((r) => r >= 0)) {
        throw new Error("all occurrence rates must not be negative");
      }
      if (!m.occurRates.some((r) => r > 0)) {
        throw new Error("at least one occurrence rate must be positive");
      }
      if (!(m.minMag >= 0)) throw new Error("minimum magnitude must be non-negative");
      return m.occurRates.map((r, i) => [m.minMag + i * m.binWidth, r]);
    }
    case "arbitraryMFD": {
      if (m.magnitudes.length !== m.occurRates.length) {
        throw new Error(
          `arbitraryMFD: ${m.magnitudes.length} magnitudes but ${m.occurRates.length} rates`,
        );
      }
      return m.magnitudes.map((mag, i) => [mag, m.occurRates[i]]);
    }
    case "YoungsCoppersmithMFD":
      return youngsCoppersmithRates(m);
    case "taperedGutenbergRichterMFD":
      return taperedGRRates(m, widthOfMfdBin);
    default:
      throw new Error(`unknown MFD kind ${(m as { kind: string }).kind}`);
  }
}

/**
 * The pairs a source uses to make ruptures (`ParametricSeismicSource.get_annual_occurrence_rates`):
 * those of magRates with rate > 0.
 */
export function sourceMagRates(mfd: MfdSpec, widthOfMfdBin?: number): [number, number][] {
  return magRates(mfd, widthOfMfdBin).filter(([, r]) => r > 0);
}

/** [min, max] magnitude of the histogram (`get_min_max_mag`). */
export function minMaxMag(mfd: MfdSpec, widthOfMfdBin?: number): [number, number] {
  const m = mfd as AnyMfd;
  if (m.kind === "arbitraryMFD") return [Math.min(...m.magnitudes), Math.max(...m.magnitudes)];
  const r = magRates(mfd, widthOfMfdBin);
  if (m.kind === "truncGutenbergRichterMFD" || m.kind === "taperedGutenbergRichterMFD") {
    const bw = grBinWidth(m as { binWidth?: number }, widthOfMfdBin);
    return [r[0][0], r[0][0] + bw * (r.length - 1)];
  }
  const bw = m.binWidth as number;
  return [r[0][0], r[0][0] + bw * (r.length - 1)];
}

/**
 * The MFD of one of `n` point sources an area source is split into (`AreaSource.__iter__`):
 * GR a − log10(n); incremental/arbitrary rates / n; Youngs-Coppersmith rebuilt from its
 * characteristic rate / n.
 */
export function splitMfd(mfd: MfdSpec, n: number): MfdSpec {
  switch (mfd.kind) {
    case "truncGutenbergRichterMFD":
      return { ...mfd, aValue: mfd.aValue - Math.log10(n) };
    case "incrementalMFD":
      return { ...mfd, occurRates: mfd.occurRates.map((x) => x / n) };
    case "arbitraryMFD":
      return { ...mfd, occurRates: mfd.occurRates.map((x) => x / n) };
    case "YoungsCoppersmithMFD": {
      const { charRate } = youngsCoppersmithParams(mfd);
      return {
        kind: "YoungsCoppersmithMFD",
        minMag: mfd.minMag,
        bValue: mfd.bValue,
        characteristicMag: mfd.characteristicMag,
        binWidth: mfd.binWidth,
        characteristicRate: charRate / n,
      };
    }
    default:
      throw new Error(`Unknown MFD: ${(mfd as { kind: string }).kind}`);
  }
}

/**
 * Total moment rate (N·m/yr) of a truncated GR (`TruncatedGRMFD._get_total_moment_rate`):
 * (10^ai / bi)(10^(bi·Mmax) − 10^(bi·Mmin)), ai = 9.05 + a + log10 b, bi = 1.5 − b.
 */
export function grTotalMomentRate(a: number, b: number, minMag: number, maxMag: number): number {
  const ai = 9.05 + a + Math.log10(b);
  const bi = 1.5 - b;
  if (bi === 0.0) return (10 ** ai) * (maxMag - minMag);
  return ((10 ** ai) / bi) * (10 ** (bi * maxMag) - 10 ** (bi * minMag));
}

/** The a value giving total moment rate `tmr` (`TruncatedGRMFD._set_a`). */
export function grAFromMomentRate(tmr: number, b: number, minMag: number, maxMag: number): number {
  const bi = 1.5 - b;
  if (bi === 0.0) return Math.log10(tmr / (maxMag - minMag)) - 9.05 - Math.log10(b);
  return Math.log10(tmr * bi / (10 ** (bi * maxMag) - 10 ** (bi * minMag))) - 9.05 -
    Math.log10(b);
}
