// Synthetic context blocks for kernel tests and benchmarks.
import type { ContextBlock, GsimDef } from "../../engine/gsim/types.ts";
import { contextParams } from "../../engine/gsim/wgsl.ts";

/** A deterministic pseudo-random context block with plausible values for every parameter. */
export function randomBlock(def: GsimDef, n: number, seed = 1): ContextBlock {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const range: Record<string, [number, number]> = {
    mag: [4.5, 8],
    rake: [-180, 180],
    dip: [30, 90],
    ztor: [0, 15],
    width: [5, 30],
    hypo_depth: [5, 25],
    vs30: [180, 1200],
    vs30measured: [0, 1],
    z1pt0: [10, 600],
    z2pt5: [0.3, 4],
    backarc: [0, 0],
    rrup: [1, 250],
    rjb: [0, 250],
    rx: [-100, 100],
    ry0: [0, 50],
    rhypo: [5, 250],
    repi: [1, 250],
  };
  const cols: Record<string, Float64Array> = {};
  for (const p of contextParams(def)) {
    const [lo, hi] = range[p] ?? [0, 1];
    cols[p] = Float64Array.from({ length: n }, () => {
      const v = lo + (hi - lo) * rnd();
      return p === "vs30measured" ? Math.round(v) : v;
    });
  }
  if (cols.rjb && cols.rrup) { for (let i = 0; i < n; i++) cols.rjb[i] = cols.rrup[i] * 0.9; }
  return { n, cols };
}
