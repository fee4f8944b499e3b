// calculation_mode -> calculator. Each mode registers itself here with a one-line entry.
import type { Calculator } from "./types.ts";
import { classical } from "./classical.ts";

export const CALCULATORS: Record<string, Calculator> = { classical };

export function getCalculator(mode: string): Calculator {
  const calc = Object.hasOwn(CALCULATORS, mode) ? CALCULATORS[mode] : undefined;
  if (!calc) throw new Error(`calculation_mode ${mode} is not supported yet`);
  return calc;
}
