// The WebGPU backend: the classical hot loop as two compute passes per block
// (1: GSIM mean/sigma per (IMT, row), generated from the model's one definition;
//  2: PoE of every level and the per-(site, level) reduction of -rate*T*PoE).
// Only the per-site results are read back. f32 on the device; sums land in the caller's f64.
import gsimEvalWgsl from "../../shaders/gsim_eval.wgsl" with { type: "text" };
import poeReduceWgsl from "../../shaders/poe_reduce.wgsl" with { type: "text" };
import type { Imt } from "../gsim/imt.ts";
import type { ContextBlock, GsimDef, GsimOutput } from "../gsim/types.ts";
import { coeffNames, coeffVector, contextParams, wgslSource } from "../gsim/wgsl.ts";
import { ndtr } from "./cpu.ts";
import type { Backend, PneJob } from "./types.ts";

export interface GpuContext {
  device: GPUDevice;
  /** adapter description, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)" or "NVIDIA H100 ..." */
  description: string;
  /** a CPU rasteriser such as llvmpipe or SwiftShader */
  software: boolean;
}

let gpuPromise: Promise<GpuContext | null> | undefined;

/** The WebGPU device, or null when there is none. Requested once per process. */
export function getGpu(): Promise<GpuContext | null> {
  gpuPromise ??= (async () => {
    const adapter = await navigator.gpu?.requestAdapter({ powerPreference: "high-performance" });
    if (!adapter) return null;
    const info = adapter.info;
    const description = [info.vendor, info.architecture, info.device, info.description]
      .filter((s) => s).join(" ");
    const software = (adapter as { isFallbackAdapter?: boolean }).isFallbackAdapter === true ||
      /llvmpipe|swiftshader|lavapipe|software/i.test(description);
    const limits = adapter.limits;
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
        maxBufferSize: limits.maxBufferSize,
        maxStorageBuffersPerShaderStage: Math.min(8, limits.maxStorageBuffersPerShaderStage),
      },
    });
    return { device, description, software };
  })();
  return gpuPromise;
}

interface GsimPipeline {
  pipeline: GPUComputePipeline;
  nCols: number;
  nCoef: number;
}

const gsimPipelines = new Map<string, GsimPipeline>();
let poePipeline: GPUComputePipeline | undefined;

function gsimKey(def: GsimDef): string {
  return `${def.name} ${JSON.stringify(def.args)} ${def.body.length}`;
}

async function compile(device: GPUDevice, code: string, label: string) {
  const module = device.createShaderModule({ code, label });
  const info = await module.getCompilationInfo();
  const errors = info.messages.filter((m) => m.type === "error");
  if (errors.length) {
    throw new Error(
      `WGSL of ${label} does not compile: ${
        errors.map((e) => `line ${e.lineNum}: ${e.message}`).join("; ")
      }`,
    );
  }
  return device.createComputePipelineAsync({ layout: "auto", compute: { module } });
}

/** The pass-1 pipeline of a model, compiled once per model instance. */
export async function gsimPipeline(gpu: GpuContext, def: GsimDef): Promise<GsimPipeline> {
  const key = gsimKey(def);
  let p = gsimPipelines.get(key);
  if (!p) {
    const pipeline = await compile(gpu.device, wgslSource(def) + gsimEvalWgsl, def.name);
    p = { pipeline, nCols: contextParams(def).length, nCoef: coeffNames(def).length };
    gsimPipelines.set(key, p);
  }
  return p;
}

/** Buffers are kept per role and grown (never shrunk) so blocks reuse them. */
class BufferPool {
  #buffers = new Map<string, GPUBuffer>();
  constructor(private device: GPUDevice) {}
  get(role: string, bytes: number, usage: number): GPUBuffer {
    const size = Math.max(256, 2 ** Math.ceil(Math.log2(Math.max(bytes, 4))));
    let b = this.#buffers.get(role);
    if (!b || b.size < size) {
      b?.destroy();
      b = this.device.createBuffer({ size, usage, label: role });
      this.#buffers.set(role, b);
    }
    return b;
  }
  destroy() {
    for (const b of this.#buffers.values()) b.destroy();
    this.#buffers.clear();
  }
}

const STORAGE = 0x80 | 0x8; // STORAGE | COPY_DST
const UNIFORM = 0x40 | 0x8; // UNIFORM | COPY_DST
const READBACK = 0x1 | 0x8; // MAP_READ | COPY_DST
const OUTPUT = 0x80 | 0x4; // STORAGE | COPY_SRC

/** Split a count of workgroups into a 2-D grid within the per-dimension limit. */
function grid(workgroups: number, maxDim: number): [number, number] {
  if (workgroups <= maxDim) return [Math.max(1, workgroups), 1];
  return [maxDim, Math.ceil(workgroups / maxDim)];
}

function packCoeffs(def: GsimDef, imts: Imt[], nCoef: number): Float32Array<ArrayBuffer> {
  const c = new Float32Array(imts.length * nCoef);
  imts.forEach((imt, m) => c.set(coeffVector(def, imt), m * nCoef));
  return c;
}

function packContext(
  def: GsimDef,
  block: ContextBlock,
  order?: Uint32Array,
): Float32Array<ArrayBuffer> {
  const params = contextParams(def);
  const n = block.n;
  const out = new Float32Array(Math.max(1, params.length * n));
  params.forEach((p, c) => {
    const col = block.cols[p as keyof typeof block.cols];
    if (!col) throw new Error(`${def.name} needs the context parameter ${p}`);
    const base = c * n;
    if (order) { for (let i = 0; i < n; i++) out[base + i] = col[order[i]]; }
    else for (let i = 0; i < n; i++) out[base + i] = col[i];
  });
  return out;
}

/** Encode pass 1 into `enc`; returns the (imt, row) -> vec4 output buffer. */
function encodeGsim(
  gpu: GpuContext,
  pool: BufferPool,
  p: GsimPipeline,
  enc: GPUCommandEncoder,
  ctx: Float32Array<ArrayBuffer>,
  coeffs: Float32Array<ArrayBuffer>,
  nRows: number,
  nImt: number,
): GPUBuffer {
  const { device } = gpu;
  const params = pool.get("gsim.params", 16, UNIFORM);
  device.queue.writeBuffer(params, 0, Uint32Array.of(nRows, nImt, p.nCoef, 0));
  const ctxBuf = pool.get("gsim.ctx", ctx.byteLength, STORAGE);
  device.queue.writeBuffer(ctxBuf, 0, ctx);
  const coefBuf = pool.get("gsim.coeffs", coeffs.byteLength, STORAGE);
  device.queue.writeBuffer(coefBuf, 0, coeffs);
  const out = pool.get("gsim.out", nRows * nImt * 16, OUTPUT);
  const bind = device.createBindGroup({
    layout: p.pipeline.getBindGroupLayout(0),
    entries: [params, ctxBuf, coefBuf, out].map((buffer, binding) => ({
      binding,
      resource: { buffer },
    })),
  });
  const pass = enc.beginComputePass();
  pass.setPipeline(p.pipeline);
  pass.setBindGroup(0, bind);
  const [x, y] = grid(
    Math.ceil((nRows * nImt) / 64),
    device.limits.maxComputeWorkgroupsPerDimension,
  );
  pass.dispatchWorkgroups(x, y);
  pass.end();
  return out;
}

async function readBack(
  gpu: GpuContext,
  pool: BufferPool,
  enc: GPUCommandEncoder,
  src: GPUBuffer,
  bytes: number,
): Promise<Float32Array> {
  const rb = pool.get("readback", bytes, READBACK);
  enc.copyBufferToBuffer(src, 0, rb, 0, bytes);
  gpu.device.queue.submit([enc.finish()]);
  await rb.mapAsync(GPUMapMode.READ, 0, bytes);
  const data = new Float32Array(rb.getMappedRange(0, bytes).slice(0));
  rb.unmap();
  return data;
}

/** Rows per dispatch so that every buffer stays inside the device's binding limit. */
function maxRowsPerChunk(gpu: GpuContext, nCols: number, nImt: number): number {
  const lim = gpu.device.limits.maxStorageBufferBindingSize;
  return Math.max(
    64,
    Math.min(1 << 20, Math.floor(lim / (16 * nImt)), Math.floor(lim / (4 * Math.max(1, nCols)))),
  );
}

let sharedPool: BufferPool | undefined;

/** mean/sig/tau/phi of a model over a block on the GPU (f32): for verification and parity. */
export async function evaluateGsimGpu(
  gpu: GpuContext,
  def: GsimDef,
  imts: Imt[],
  block: ContextBlock,
): Promise<GsimOutput> {
  const pool = sharedPool ??= new BufferPool(gpu.device);
  const p = await gsimPipeline(gpu, def);
  const n = block.n;
  const out: GsimOutput = {
    n,
    mean: new Float64Array(imts.length * n),
    sig: new Float64Array(imts.length * n),
    tau: new Float64Array(imts.length * n),
    phi: new Float64Array(imts.length * n),
  };
  const coeffs = packCoeffs(def, imts, p.nCoef);
  const step = maxRowsPerChunk(gpu, p.nCols, imts.length);
  for (let start = 0; start < n; start += step) {
    const rows = Math.min(step, n - start);
    const sub: ContextBlock = { n: rows, cols: {} };
    for (const [k, v] of Object.entries(block.cols)) {
      (sub.cols as Record<string, ArrayLike<number>>)[k] = v!.subarray(start, start + rows);
    }
    const enc = gpu.device.createCommandEncoder();
    const buf = encodeGsim(gpu, pool, p, enc, packContext(def, sub), coeffs, rows, imts.length);
    const data = await readBack(gpu, pool, enc, buf, rows * imts.length * 16);
    for (let m = 0; m < imts.length; m++) {
      for (let i = 0; i < rows; i++) {
        const k = (m * rows + i) * 4;
        const o = m * n + start + i;
        out.mean[o] = data[k];
        out.sig[o] = data[k + 1];
        out.tau[o] = data[k + 2];
        out.phi[o] = data[k + 3];
      }
    }
  }
  return out;
}

/** Counting sort of rows by site: the permutation and each site's [start, end). */
function sortBySite(sid: Uint32Array, nRows: number, nSites: number) {
  const count = new Uint32Array(nSites + 1);
  for (let i = 0; i < nRows; i++) count[sid[i] + 1]++;
  // compact to the sites present in this block
  const sites: number[] = [];
  for (let s = 0; s < nSites; s++) if (count[s + 1] > 0) sites.push(s);
  const start = new Uint32Array(sites.length + 1);
  const local = new Int32Array(nSites).fill(-1);
  sites.forEach((s, j) => {
    local[s] = j;
    start[j + 1] = start[j] + count[s + 1];
  });
  const fill = start.slice(0, sites.length);
  const order = new Uint32Array(nRows);
  for (let i = 0; i < nRows; i++) order[fill[local[sid[i]]]++] = i;
  return { order, sites: Uint32Array.from(sites), start };
}

export function truncationMode(tl: number): { mode: number; qTl: number; norm: number } {
  if (tl === 0) return { mode: 2, qTl: 0, norm: 1 };
  if (!(tl > 0) || !isFinite(tl) || tl >= 99) return { mode: 1, qTl: 0, norm: 1 };
  const qTl = ndtr(-tl);
  return { mode: 0, qTl, norm: 1 - 2 * qTl };
}

/** The GPU implementation of the classical kernel contract. */
export function makeGpuBackend(gpu: GpuContext): Backend {
  const pool = new BufferPool(gpu.device);
  return {
    name: "gpu",
    description: `WebGPU f32 on ${gpu.description}${gpu.software ? " (a software adapter)" : ""}`,
    async accumulateLogPne(job: PneJob, acc: Float64Array): Promise<void> {
      const { gsim, imts, levels, offsets, block } = job;
      const L = levels.length;
      const p = await gsimPipeline(gpu, gsim);
      poePipeline ??= await compile(gpu.device, poeReduceWgsl, "poe_reduce");
      const coeffs = packCoeffs(gsim, imts, p.nCoef);
      const lnLevel = Float32Array.from(levels, (x) => Math.log(x));
      const levelImt = new Uint32Array(L);
      for (let m = 0; m < imts.length; m++) levelImt.fill(m, offsets[m], offsets[m + 1]);
      const { mode, qTl, norm } = truncationMode(job.truncationLevel);
      const step = maxRowsPerChunk(gpu, p.nCols, imts.length);
      for (let first = 0; first < block.n; first += step) {
        const rows = Math.min(step, block.n - first);
        const sid = job.sid.subarray(first, first + rows);
        const { order, sites, start } = sortBySite(sid, rows, job.nSites);
        const sub: ContextBlock = { n: rows, cols: {} };
        for (const [k, v] of Object.entries(block.cols)) {
          (sub.cols as Record<string, ArrayLike<number>>)[k] = v!.subarray(first, first + rows);
        }
        const rate = new Float32Array(rows);
        for (let i = 0; i < rows; i++) rate[i] = job.rate[first + order[i]];
        const { device } = gpu;
        const enc = device.createCommandEncoder();
        const gm = encodeGsim(
          gpu,
          pool,
          p,
          enc,
          packContext(gsim, sub, order),
          coeffs,
          rows,
          imts.length,
        );
        const params = pool.get("poe.params", 32, UNIFORM);
        const pbuf = new ArrayBuffer(32);
        new Uint32Array(pbuf, 0, 4).set([rows, sites.length, L, mode]);
        new Float32Array(pbuf, 16, 4).set([job.truncationLevel, qTl, norm, job.investigationTime]);
        device.queue.writeBuffer(params, 0, pbuf);
        const bufs = [
          params,
          gm,
          upload(device, pool, "poe.rate", rate),
          upload(device, pool, "poe.start", start),
          upload(device, pool, "poe.level", lnLevel),
          upload(device, pool, "poe.level_imt", levelImt),
          pool.get("poe.out", sites.length * L * 4, OUTPUT),
        ];
        const bind = device.createBindGroup({
          layout: poePipeline.getBindGroupLayout(0),
          entries: bufs.map((buffer, binding) => ({ binding, resource: { buffer } })),
        });
        const pass = enc.beginComputePass();
        pass.setPipeline(poePipeline);
        pass.setBindGroup(0, bind);
        const [x, y] = grid(sites.length * L, device.limits.maxComputeWorkgroupsPerDimension);
        pass.dispatchWorkgroups(x, y);
        pass.end();
        const res = await readBack(gpu, pool, enc, bufs[6], sites.length * L * 4);
        for (let j = 0; j < sites.length; j++) {
          const base = sites[j] * L;
          for (let l = 0; l < L; l++) acc[base + l] += res[j * L + l];
        }
      }
    },
    close() {
      pool.destroy();
      return Promise.resolve();
    },
  };
}

function upload(
  device: GPUDevice,
  pool: BufferPool,
  role: string,
  data: Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>,
) {
  const b = pool.get(role, data.byteLength, STORAGE);
  device.queue.writeBuffer(b, 0, data);
  return b;
}
