// The SCR/subduction models' verification tables recomputed on WebGPU (llvmpipe in CI) in f32,
// through the same WGSL body the GPU kernels use: each value must meet OpenQuake's tolerance.
// A small self-contained compute harness (context columns and per-IMT coefficient vectors in
// storage buffers, one invocation per row and IMT).
import { evaluateGsim } from "../../engine/gsim/evaluate.ts";
import { makeGsim } from "../../engine/gsim/registry.ts";
import type { GsimDef, GsimOutput } from "../../engine/gsim/types.ts";
import { compareTable, parseVerificationTable, tableContext } from "../../engine/gsim/verify.ts";
import { coeffNames, coeffVector, contextParams, wgslSource } from "../../engine/gsim/wgsl.ts";
import type { Imt } from "../../engine/gsim/imt.ts";
import { TABLES_DIR } from "./_tables.ts";

/** [model, constructor args, table file, tolerance %] for every table of these families */
const TABLES: [string, Record<string, unknown>, string, number][] = [
  ["ToroEtAl2002", {}, "TORO02/T02_MEAN.csv", 0.1],
  ["ToroEtAl2002", {}, "TORO02/T02_STD_TOTAL.csv", 0.1],
  ["ToroEtAl2002SHARE", {}, "TORO02/T02SHARE_MEAN.csv", 0.1],
  ["ToroEtAl2002SHARE", {}, "TORO02/T02SHARE_STD_TOTAL.csv", 0.1],
  ["Campbell2003", {}, "C03/C03_MEAN.csv", 0.1],
  ["Campbell2003", {}, "C03/C03_STD_TOTAL.csv", 0.1],
  ["Campbell2003SHARE", {}, "C03/C03SHARE_MEAN.csv", 0.1],
  ["Campbell2003MblgAB1987NSHMP2008", {}, "C03/C03MblgAB1987NSHMP2008_MEAN.csv", 0.1],
  ["Campbell2003MblgJ1996NSHMP2008", {}, "C03/C03MblgJ1996NSHMP2008_MEAN.csv", 0.1],
  ["Campbell2003MwNSHMP2008", {}, "C03/C03MwNSHMP2008_MEAN.csv", 0.1],
  ["Campbell2003MwNSHMP2008", {}, "C03/C03MwNSHMP2008_STD_TOTAL.csv", 0.1],
  ["AbrahamsonEtAl2015SInter", {}, "BCHYDRO/BCHYDRO_SINTER_CENTRAL_MEAN.csv", 0.1],
  ["AbrahamsonEtAl2015SInter", {}, "BCHYDRO/BCHYDRO_SINTER_CENTRAL_STDDEV_TOTAL.csv", 0.1],
  [
    "AbrahamsonEtAl2015SInter",
    { ergodic: false },
    "BCHYDRO/BCHYDRO_SINTER_CENTRAL_STDDEV_NONERGODIC_INTRA.csv",
    0.1,
  ],
  ["AbrahamsonEtAl2015SInterHigh", {}, "BCHYDRO/BCHYDRO_SINTER_HIGH_MEAN.csv", 0.1],
  ["AbrahamsonEtAl2015SInterLow", {}, "BCHYDRO/BCHYDRO_SINTER_LOW_MEAN.csv", 0.1],
  ["AbrahamsonEtAl2015SSlab", {}, "BCHYDRO/BCHYDRO_SSLAB_CENTRAL_MEAN.csv", 0.1],
  ["AbrahamsonEtAl2015SSlab", {}, "BCHYDRO/BCHYDRO_SSLAB_CENTRAL_STDDEV_INTER.csv", 0.1],
  ["AbrahamsonEtAl2015SSlabHigh", {}, "BCHYDRO/BCHYDRO_SSLAB_HIGH_MEAN.csv", 0.1],
  ["AbrahamsonEtAl2015SSlabLow", {}, "BCHYDRO/BCHYDRO_SSLAB_LOW_MEAN.csv", 0.1],
  ["ZhaoEtAl2006Asc", {}, "ZHAO06/Z06Asc_MEAN.csv", 0.4],
  ["ZhaoEtAl2006Asc", {}, "ZHAO06/Z06Asc_STD_TOTAL.csv", 0.1],
  ["ZhaoEtAl2006SInter", {}, "ZHAO06/Z06SInter_MEAN.csv", 0.4],
  ["ZhaoEtAl2006SInter", {}, "ZHAO06/Z06SInter_MEAN_Vs30_1200.csv", 0.4],
  ["ZhaoEtAl2006SSlab", {}, "ZHAO06/Z06SSlab_MEAN.csv", 0.4],
  ["ZhaoEtAl2006SSlab", {}, "ZHAO06/Z06SSlab_STD_INTRA.csv", 0.1],
  ["ZhaoEtAl2006SInterNSHMP2008", {}, "ZHAO06/Z06SInterNSHMP_MEAN.csv", 0.52],
  ["ZhaoEtAl2006SInterCascadia", {}, "ZHAO06/Z06_GSC_CASCADIA_SINTER_MEAN.csv", 0.1],
  ["ZhaoEtAl2006SSlabCascadia", {}, "ZHAO06/Z06_GSC_CASCADIA_SSLAB_MEAN.csv", 0.1],
  ["ZhaoEtAl2006SSlabNSHMP2014", {}, "ZHAO06/ZHAO_SSLAB_NSHMP2014_MEAN.csv", 0.52],
  ["AtkinsonBoore2003SInter", {}, "AB03/AB03SInter_MEAN.csv", 0.1],
  ["AtkinsonBoore2003SInter", {}, "AB03/AB03SInter_STD_TOTAL.csv", 0.1],
  ["AtkinsonBoore2003SSlab", {}, "AB03/AB03SSlab_MEAN.csv", 0.1],
  ["AtkinsonBoore2003SInterNSHMP2008", {}, "AB03/AB03SInterGlobalNSHMP_MEAN.csv", 0.5],
  ["AtkinsonBoore2003SSlabCascadiaNSHMP2008", {}, "AB03/AB03SSlabCascadiaNSHMP_MEAN.csv", 0.2],
  ["AtkinsonBoore2003SSlabNSHMP2008", {}, "AB03/AB03SSlabGlobalNSHMP_MEAN.csv", 0.3],
  ["AtkinsonBoore2003SSlabJapanNSHMP2008", {}, "AB03/AB03SSlabJapanNSHMP_MEAN.csv", 0.2],
  ["YoungsEtAl1997SInter", {}, "YOUNGS97/Y97SInter_MEAN.csv", 0.1],
  ["YoungsEtAl1997SInter", {}, "YOUNGS97/Y97SInter_STD_TOTAL.csv", 0.1],
  ["YoungsEtAl1997SSlab", {}, "YOUNGS97/Y97SSlab_MEAN.csv", 0.1],
  ["YoungsEtAl1997SInterNSHMP2008", {}, "YOUNGS97/Y97SInterNSHMP2008_MEAN.csv", 2.5],
  [
    "YoungsEtAl1997GSCSSlabUpperLimit",
    {},
    "YOUNGS97/YoungsEtAl1997GSCSSlabUpperLimit_MEAN.csv",
    0.1,
  ],
  ["LinLee2008SInter", {}, "LL08/LL08SInter_MEAN.csv", 0.1],
  ["LinLee2008SSlab", {}, "LL08/LL08SSlab_MEAN.csv", 0.1],
  ["LinLee2008SSlab", {}, "LL08/LL08SSlab_STD_TOTAL.csv", 0.1],
  ["AtkinsonBoore2006", {}, "AB06/AB06_MEAN.csv", 0.9],
  ["AtkinsonBoore2006", {}, "AB06/AB06_STD_TOTAL.csv", 0.1],
  ["AtkinsonBoore2006Modified2011", {}, "AB06/AB06_UPDATE2011_MEAN.csv", 1.0],
  ["AtkinsonBoore2006", { mag_eq: "Mblg87" }, "AB06/AB06MblgAB1987NSHMP140bar_MEAN.csv", 2.1],
  [
    "AtkinsonBoore2006",
    { mag_eq: "Mblg96", scale_fac: 0.5146 },
    "AB06/AB06MblgJ1996NSHMP200bar_MEAN.csv",
    2.2,
  ],
  [
    "AtkinsonBoore2006",
    { mag_eq: "Mw", scale_fac: 0.5146 },
    "AB06/AB06MwNSHMP200bar_MEAN.csv",
    1.9,
  ],
  ["PezeshkEtAl2011", {}, "PEZE11/PZ11_MEAN.csv", 0.5],
  ["PezeshkEtAl2011", {}, "PEZE11/PZ11_STD_TOTAL.csv", 0.5],
  ["PezeshkEtAl2011NEHRPBC", {}, "PEZE11/PZ11_NEHRPBC_MEAN.csv", 0.1],
  ["BooreAtkinson2011", {}, "BA11/BA11_MEDIAN.csv", 1.1],
  ["Atkinson2008prime", {}, "BA11/A08_BA11_MEAN.csv", 1.1],
  ["AtkinsonMacias2009", {}, "AM09/ATKINSON_MACIAS_2009_MEAN.csv", 0.6],
  ["GarciaEtAl2005SSlab", {}, "GarciaEtAl2005SSlab.csv", 0.1],
  ["GarciaEtAl2005SSlabVert", {}, "GarciaEtAl2005SSlabVert.csv", 0.1],
  ["Kanno2006Deep", {}, "KNMF06/KNMF06_D_MEAN_FIG5.csv", 0.15],
  ["Kanno2006Shallow", {}, "KNMF06/KNMF06_S_MEAN_FIG4.csv", 0.15],
  ["SiMidorikawa1999Asc", {}, "SM99/SM99ASC_MEAN_PGA_vs800.csv", 0.1],
  ["SiMidorikawa1999SInter", {}, "SM99/SM99SInter_MEAN.csv", 0.1],
  ["SiMidorikawa1999SSlab", {}, "SM99/SM99SSlab_STD_TOTAL.csv", 0.1],
  ["SiMidorikawa1999SInterNorthEastCorrection", {}, "SM99/SM99SInterNECorr_MEAN.csv", 0.1],
  ["SiMidorikawa1999SInterSouthWestCorrection", {}, "SM99/SM99SInterSWCorr_MEAN.csv", 0.1],
  ["SiMidorikawa1999SSlabNorthEastCorrection", {}, "SM99/SM99SSlabNECorr_MEAN_PGA.csv", 0.1],
  ["SiMidorikawa1999SSlabSouthWestCorrection", {}, "SM99/SM99SSlabSWCorr_MEAN_PGA.csv", 0.1],
  ["ParkerEtAl2020SInter", {}, "PARKER20/ParkerEtAl2020SInter_MEAN.csv", 0.1],
  ["ParkerEtAl2020SInter", {}, "PARKER20/ParkerEtAl2020SInter_TOTAL_STDDEV.csv", 0.1],
  ["ParkerEtAl2020SSlab", {}, "PARKER20/ParkerEtAl2020SSlab_MEAN.csv", 0.1],
  [
    "ParkerEtAl2020SInterB",
    { region: "Cascadia", basin: "Seattle" },
    "PARKER20/ParkerEtAl2020SInterCascadiaSeattle_MEAN.csv",
    0.1,
  ],
  ["ParkerEtAl2020SSlabJapanPac", {}, "PARKER20/ParkerEtAl2020SSlabJapanPac_MEAN.csv", 0.1],
  ["AbrahamsonGulerce2020SInter", {}, "ag2020/AG2020_INTERFACE_GLO__MEAN.csv", 0.1],
  ["AbrahamsonGulerce2020SInter", {}, "ag2020/AG2020_INTERFACE_GLO__TOTAL_STDDEV.csv", 0.1],
  [
    "AbrahamsonGulerce2020SInter",
    { ergodic: false },
    "ag2020/AG2020_INTERFACE_GLO__NONERGODIC_INTRA_EVENT_STDDEV.csv",
    0.1,
  ],
  [
    "AbrahamsonGulerce2020SInter",
    { region: "CAS", apply_usa_adjustment: true },
    "ag2020/AG2020_INTERFACE_CAS_Adjust_MEAN.csv",
    0.1,
  ],
  ["AbrahamsonGulerce2020SSlab", { region: "JPN" }, "ag2020/AG2020_INSLAB_JPN__MEAN.csv", 0.1],
  [
    "AbrahamsonGulerce2020SSlab",
    { region: "JPN" },
    "ag2020/AG2020_INSLAB_JPN__INTRA_EVENT_STDDEV.csv",
    0.1,
  ],
  [
    "AbrahamsonGulerce2020SSlab",
    { region: "CAM" },
    "ag2020/AG2020_INSLAB_CAM__TOTAL_STDDEV.csv",
    0.1,
  ],
  ["AbrahamsonGulerce2020SSlab", { region: "TWN" }, "ag2020/AG2020_INSLAB_TWN__MEAN.csv", 0.1],
  ["ToroEtAl1997MblgNSHMP2008", {}, "TORO97NSHMP/T097MblgNSHMP_MEAN.csv", 0.1],
  ["ToroEtAl1997MwNSHMP2008", {}, "TORO97NSHMP/T097MwNSHMP_MEAN.csv", 0.1],
  ["SilvaEtAl2002MblgAB1987NSHMP2008", {}, "SILVA02/SILVA02MblgAB1987NSHMP_MEAN.csv", 0.4],
  [
    "SilvaEtAl2002SingleCornerSaturation",
    {},
    "SILVA02/SilvaEtAl2002SingleCornerSaturation_MEAN.csv",
    4.0,
  ],
  ["TavakoliPezeshk2005MblgAB1987NSHMP2008", {}, "TP05/TP05MblgAB1987NSHMP2008_MEAN.csv", 0.4],
  [
    "TavakoliPezeshk2005MblgAB1987NSHMP2008",
    {},
    "TP05/TP05MblgAB1987NSHMP2008_STD_TOTAL.csv",
    0.4,
  ],
  ["SomervilleEtAl2001NSHMP2008", {}, "S01/S01NSHMP_MEAN.csv", 0.1],
  ["ShahjoueiPezeshk2016", {}, "SHPZ16/SHPZ16_MEAN.csv", 0.5],
  ["ShahjoueiPezeshk2016", {}, "SHPZ16/SHPZ16_STD_TOTAL.csv", 0.5],
  ["Allen2012", {}, "A12/ALLEN2012_MEAN.csv", 0.4],
  ["Allen2012", {}, "A12/ALLEN2012_STD_TOTAL.csv", 0.1],
  ["FrankelEtAl1996MwNSHMP2008", {}, "FRANKEL1996/FRANKEL96Mw_MEAN.csv", 1.8],
  ["FrankelEtAl1996MblgAB1987NSHMP2008", {}, "FRANKEL1996/FRANKEL96MblgAB1987_MEAN.csv", 1.9],
];

/** Evaluate a model on the GPU in f32; same layout as evaluateGsim. */
export async function evaluateOnGpu(
  device: GPUDevice,
  def: GsimDef,
  imts: Imt[],
  cols: Record<string, Float64Array>,
  n: number,
): Promise<GsimOutput> {
  const params = contextParams(def);
  const k = coeffNames(def).length;
  const ctxData = new Float32Array(Math.max(params.length * n, 1));
  params.forEach((p, c) => ctxData.set(cols[p], c * n));
  const coefData = new Float32Array(imts.length * k);
  imts.forEach((imt, m) => coefData.set(coeffVector(def, imt), m * k));
  const code = `${wgslSource(def)}
@group(0) @binding(0) var<storage, read> ctx_data: array<f32>;
@group(0) @binding(1) var<storage, read> coef_data: array<f32>;
@group(0) @binding(2) var<storage, read_write> out_data: array<vec4<f32>>;
fn ctx_col(c: u32, row: u32) -> f32 { return ctx_data[c * ${n}u + row]; }
fn coef(imt: u32, k: u32) -> f32 { return coef_data[imt * ${k}u + k]; }
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  if (gid.x >= ${n}u) { return; }
  out_data[gid.y * ${n}u + gid.x] = gsim_eval(gid.x, gid.y);
}`;
  const module = device.createShaderModule({ code });
  const info = await module.getCompilationInfo();
  const errs = info.messages.filter((m) => m.type === "error");
  if (errs.length) throw new Error(`${def.name}: ${errs.map((e) => e.message).join("\n")}`);
  const buf = (data: Float32Array, usage: number) => {
    const b = device.createBuffer({ size: data.byteLength, usage, mappedAtCreation: true });
    new Float32Array(b.getMappedRange()).set(data);
    b.unmap();
    return b;
  };
  const outSize = imts.length * n * 16;
  const ctxBuf = buf(ctxData, GPUBufferUsage.STORAGE);
  const coefBuf = buf(coefData, GPUBufferUsage.STORAGE);
  const outBuf = device.createBuffer({
    size: outSize,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const readBuf = device.createBuffer({
    size: outSize,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const pipeline = device.createComputePipeline({
    layout: "auto",
    compute: { module, entryPoint: "main" },
  });
  const bind = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [ctxBuf, coefBuf, outBuf].map((buffer, binding) => ({
      binding,
      resource: { buffer },
    })),
  });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bind);
  pass.dispatchWorkgroups(Math.ceil(n / 64), imts.length);
  pass.end();
  enc.copyBufferToBuffer(outBuf, 0, readBuf, 0, outSize);
  device.queue.submit([enc.finish()]);
  await readBuf.mapAsync(GPUMapMode.READ);
  const raw = new Float32Array(readBuf.getMappedRange().slice(0));
  readBuf.unmap();
  for (const b of [ctxBuf, coefBuf, outBuf, readBuf]) b.destroy();
  const len = imts.length * n;
  const out: GsimOutput = {
    n,
    mean: new Float64Array(len),
    sig: new Float64Array(len),
    tau: new Float64Array(len),
    phi: new Float64Array(len),
  };
  for (let i = 0; i < len; i++) {
    out.mean[i] = raw[4 * i];
    out.sig[i] = raw[4 * i + 1];
    out.tau[i] = raw[4 * i + 2];
    out.phi[i] = raw[4 * i + 3];
  }
  return out;
}

/** f32 (GPU) against f64 (CPU) results, percent: far below every table tolerance */
const F32_TOL = 0.01;

const gpu = (globalThis.navigator as { gpu?: GPU }).gpu;
const adapter = gpu ? await gpu.requestAdapter() : null;
let tablesPresent = false;
try {
  tablesPresent = Deno.statSync(TABLES_DIR).isDirectory;
} catch {
  tablesPresent = false;
}
if (!adapter) console.warn("!!! no WebGPU adapter: GPU table tests SKIPPED");

Deno.test({
  name: `SCR/subduction tables on WebGPU (f32): ${TABLES.length} tables`,
  ignore: !adapter || !tablesPresent,
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const device = await adapter!.requestDevice();
    const failures: string[] = [];
    const worst = new Map<string, number>();
    const f32 = new Map<string, number>();
    for (const [name, args, file, tol] of TABLES) {
      const t = parseVerificationTable(Deno.readTextFileSync(`${TABLES_DIR}/${file}`));
      const def = makeGsim(name, args);
      const block = tableContext(t, contextParams(def));
      const out = await evaluateOnGpu(
        device,
        def,
        t.imtCols.map((c) => c.imt),
        block.cols as Record<string, Float64Array>,
        block.n,
      );
      const check = compareTable(t, out, tol);
      worst.set(name, Math.max(worst.get(name) ?? 0, check.maxDiscrepancy));
      // f32 against the f64 CPU path, in percent of the median and of each sigma
      const cpu = evaluateGsim(def, t.imtCols.map((c) => c.imt), block);
      let d32 = 0;
      for (let i = 0; i < cpu.mean.length; i++) {
        d32 = Math.max(d32, Math.abs(Math.expm1(out.mean[i] - cpu.mean[i])) * 100);
        for (const key of ["sig", "tau", "phi"] as const) {
          if (cpu[key][i] !== 0) {
            d32 = Math.max(d32, Math.abs(out[key][i] / cpu[key][i] - 1) * 100);
          }
        }
      }
      f32.set(name, Math.max(f32.get(name) ?? 0, d32));
      if (!(d32 < F32_TOL)) failures.push(`${name} ${file}: f32 differs from f64 by ${d32}%`);
      if (check.values === 0 || check.failures > 0) {
        failures.push(
          `${name} ${file}: ${check.failures}/${check.values} off by > ${tol}% ` +
            `(max ${check.maxDiscrepancy.toFixed(4)}%)\n  ${check.examples.join("\n  ")}`,
        );
      }
    }
    device.destroy();
    if (Deno.env.get("GSIM_REPORT")) {
      for (const [name, d] of worst) {
        console.log(
          `${name}: worst vs table ${d.toFixed(4)}%, f32 vs f64 ${
            f32.get(name)!.toExponential(2)
          }%`,
        );
      }
    }
    if (failures.length) throw new Error(failures.join("\n"));
  },
});
