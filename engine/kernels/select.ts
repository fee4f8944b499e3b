// SPDX-License-Identifier: AGPL-3.0-or-later
// Chooses the backend of the classical hot loop: `--backend` / QUAKE_BACKEND = auto|gpu|pool|cpu.
// auto takes a hardware GPU adapter and otherwise the worker pool (a software adapter such as
// llvmpipe is slower than the pool); gpu accepts a software adapter so CI can exercise it.
import { cpuBackend } from "./cpu.ts";
import { makePoolBackend } from "./pool.ts";
import type { Backend } from "./types.ts";
import { getGpu, makeGpuBackend } from "./webgpu.ts";

export type BackendName = "auto" | "cpu" | "gpu" | "pool";

const made = new Map<string, Promise<Backend>>();

export function backendNameFromEnv(): BackendName {
  const v = Deno.env.get("QUAKE_BACKEND") ?? "auto";
  if (!["auto", "cpu", "gpu", "pool"].includes(v)) {
    throw new Error(`QUAKE_BACKEND must be auto, gpu, pool or cpu, not ${JSON.stringify(v)}`);
  }
  return v as BackendName;
}

/** The backend of that name, made once per process (pipelines and workers are reused). */
export function getBackend(name: BackendName = backendNameFromEnv()): Promise<Backend> {
  if (name === "cpu") return Promise.resolve(cpuBackend);
  let b = made.get(name);
  if (!b) {
    b = choose(name);
    made.set(name, b);
  }
  return b;
}

async function choose(name: BackendName): Promise<Backend> {
  switch (name) {
    case "pool":
      return makePoolBackend();
    case "gpu": {
      const gpu = await getGpu();
      if (!gpu) throw new Error("backend gpu: no WebGPU adapter is available");
      return makeGpuBackend(gpu);
    }
    case "auto": {
      const gpu = await getGpu();
      if (gpu && !gpu.software) return makeGpuBackend(gpu);
      return (navigator.hardwareConcurrency ?? 1) > 1 ? makePoolBackend() : cpuBackend;
    }
    default:
      throw new Error(`unknown backend ${name}`);
  }
}

/** Close every backend made so far (workers, GPU buffers). */
export async function closeBackends(): Promise<void> {
  const all = [...made.values()];
  made.clear();
  for (const b of all) await (await b).close();
}
