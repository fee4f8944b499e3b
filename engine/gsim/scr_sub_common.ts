// Helpers shared by the stable-continental and subduction model families: constructor
// argument checks and WGSL-subset helper functions used by several bodies.

/** Throw an Error naming the first constructor argument `name` does not accept. */
export function checkArgs(
  name: string,
  args: Record<string, unknown>,
  allowed: readonly string[],
): void {
  for (const k of Object.keys(args)) {
    if (!allowed.includes(k)) {
      throw new Error(`${name}: unknown argument ${k} (accepted: ${allowed.join(", ") || "none"})`);
    }
  }
}

/** A boolean-ish constructor argument (true/false, 1/0, "true"/"false"). */
export function boolArg(name: string, key: string, v: unknown, dflt: boolean): boolean {
  if (v === undefined) return dflt;
  if (v === true || v === 1 || v === "true" || v === "True") return true;
  if (v === false || v === 0 || v === "false" || v === "False") return false;
  throw new Error(`${name}: argument ${key} must be a boolean, got ${JSON.stringify(v)}`);
}

/** A numeric constructor argument. */
export function numArg(name: string, key: string, v: unknown, dflt: number): number {
  if (v === undefined) return dflt;
  const x = typeof v === "string" ? Number(v) : v;
  if (typeof x !== "number" || !isFinite(x)) {
    throw new Error(`${name}: argument ${key} must be a number, got ${JSON.stringify(v)}`);
  }
  return x;
}

/**
 * `lerp_clamped(x, x0, x1, y0, y1)`: numpy.interp on one segment (constant outside it).
 * `ln_sof_share(rake, frss)`: ln of the SHARE style-of-faulting adjustment (Fnss 0.95,
 * pN 0.01, pR 0.81): reverse for 30 < rake <= 150, normal for -120 < rake <= -60.
 */
export const WGSL_HELPERS = `
fn lerp_clamped(x: f32, x0: f32, x1: f32, y0: f32, y1: f32) -> f32 {
  let t = clamp((x - x0) / (x1 - x0), 0.0, 1.0);
  return y0 + t * (y1 - y0);
}
fn ln_sof_share(rk: f32, frss: f32) -> f32 {
  let lfr = log(frss);
  let lfn = log(0.95);
  var s = -0.81 * lfr - 0.01 * lfn;
  if (rk > 30.0 && rk <= 150.0) {
    s = s + lfr;
  } else if (rk > -120.0 && rk <= -60.0) {
    s = s + lfn;
  }
  return s;
}
`;

/**
 * `usgs_z2pt5_scaling(z, period)`: the USGS 2023 basin-model factor on z2pt5-based basin
 * terms (nshmp-lib GmmUtils): 0 up to T = 0.5 s and for z <= 1, rising linearly to 1 at
 * z = 3, times 0.585 at T = 0.75 s. `z` is taken in the units the model passes (OpenQuake's
 * callers differ).
 */
export const USGS_BASIN_FN = `
fn usgs_z2pt5_scaling(z: f32, period: f32) -> f32 {
  if (period <= 0.5 || z <= 1.0) {
    return 0.0;
  }
  let s = (clamp(z, 1.0, 3.0) - 1.0) / 2.0;
  return select(s, 0.585 * s, period == 0.75);
}
`;

/** USGS 2023 Alaska interface bias adjustment (ln units) of the NGA-Sub models */
export const AK23_BIAS_ADJ = `
IMT   bias_adj
pga   -0.26167
pgv   0.00833
0.01  -0.30351
0.02  -0.35893
0.03  -0.40397
0.05  -0.47992
0.075 -0.54842
0.1   -0.58624
0.15  -0.57579
0.2   -0.53038
0.25  -0.46174
0.3   -0.3811
0.4   -0.23987
0.5   -0.12297
0.75  0.04782
1     0.15648
1.5   0.21896
2     0.22739
3     0.165
4     0.11244
5     0.05667
7.5   -0.07493
10    -0.2286
`;

/**
 * NSHMP 2008 CEUS conventions (hazgridXnga2.f), shared by the NSHMP2008 model variants:
 * `mblg_to_mw_ab87(m)`, `mblg_to_mw_j96(m)`: mblg to Mw after Atkinson & Boore (1987) and
 * Johnston (1996); `nshmp_mw(mag, mag_eq)`: mag converted by AB87 for mag_eq 1, J96 for 2,
 * else as is; `nshmp_clip(mean, period)`: the ln median capped at 1.5 g at period 0 (PGA)
 * and at 3 g for 0.02 < period < 0.55 s.
 */
export const NSHMP_FNS = `
fn mblg_to_mw_ab87(m: f32) -> f32 {
  return 2.715 - 0.277 * m + 0.127 * m * m;
}
fn mblg_to_mw_j96(m: f32) -> f32 {
  return 1.14 + 0.24 * m + 0.0933 * m * m;
}
fn nshmp_mw(mag: f32, mag_eq: f32) -> f32 {
  var m = mag;
  if (mag_eq == 1.0) {
    m = mblg_to_mw_ab87(mag);
  } else if (mag_eq == 2.0) {
    m = mblg_to_mw_j96(mag);
  }
  return m;
}
fn nshmp_clip(mean: f32, period: f32) -> f32 {
  var clipped = mean;
  if (period == 0.0) {
    clipped = min(mean, 0.405);
  } else if (period > 0.02 && period < 0.55) {
    clipped = min(mean, 1.099);
  }
  return clipped;
}
`;
