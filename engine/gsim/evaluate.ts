// The CPU (f64) evaluation of a model over a context block: the reference for the GPU path.
import { tableSupports } from "./coeffs.ts";
import type { Imt } from "./imt.ts";
import type { ContextBlock, GsimDef, GsimOutput } from "./types.ts";
import { coeffVector, contextParams, jsEvaluator } from "./wgsl.ts";

/** Why a model cannot compute an IMT, or null when it can. */
export function unsupportedReason(def: GsimDef, imt: Imt): string | null {
  if (!def.imts.includes(imt.kind)) return `${def.name} does not support ${imt.kind}`;
  for (const t of def.tables) {
    if (t.imt) continue;
    if (!tableSupports(t.table, imt)) {
      const p = t.table.periods;
      return imt.kind === "SA"
        ? `${def.name} does not support ${imt.name}: the period is outside [${p[0]}, ${
          p[p.length - 1]
        }] s`
        : `${def.name} has no coefficients for ${imt.name}`;
    }
  }
  return null;
}

export function assertSupports(def: GsimDef, imts: Imt[]): void {
  for (const imt of imts) {
    const why = unsupportedReason(def, imt);
    if (why) throw new Error(why);
  }
}

/** mean/sig/tau/phi of ln(IM) for every IMT and row, laid out [imt][row]. */
export function evaluateGsim(def: GsimDef, imts: Imt[], block: ContextBlock): GsimOutput {
  const n = block.n;
  const out: GsimOutput = {
    n,
    mean: new Float64Array(imts.length * n),
    sig: new Float64Array(imts.length * n),
    tau: new Float64Array(imts.length * n),
    phi: new Float64Array(imts.length * n),
  };
  const cols = contextParams(def).map((p) => {
    const c = block.cols[p as keyof typeof block.cols];
    if (!c) throw new Error(`${def.name} needs the context parameter ${p}`);
    return c;
  });
  const run = jsEvaluator(def);
  imts.forEach((imt, m) => run(cols, n, coeffVector(def, imt), out, m * n));
  return out;
}
