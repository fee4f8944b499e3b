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
