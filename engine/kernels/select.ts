// SPDX-License-Identifier: AGPL-3.0-or-later
// Chooses the backend of the classical hot loop. For now every name resolves to the f64 CPU
// reference; the GPU and worker-pool branches are filled in by the kernels work.
import { cpuBackend } from "./cpu.ts";
import type { Backend } from "./types.ts";

export type BackendName = "auto" | "cpu" | "gpu" | "pool";

export function getBackend(name: BackendName = "auto"): Promise<Backend> {
  switch (name) {
    case "cpu":
    case "auto":
    case "gpu":
    case "pool":
      return Promise.resolve(cpuBackend);
    default:
      throw new Error(`unknown backend ${name}`);
  }
}
