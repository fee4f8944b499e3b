// SPDX-License-Identifier: AGPL-3.0-or-later
// The classical PSHA calculator (science.md §0.3, §4): job.ini -> sites -> logic trees ->
// for each source-model realization and TRT group, ruptures streamed into bounded context
// blocks -> for each GSIM of the TRT the backend's log-PNE accumulation -> realization curves,
// statistics, hazard maps and UHS in the datastore, outputs registered for /results.
import { Datastore } from "../datastore.ts";
import { ENGINE_VERSION } from "../jobs/version.ts";
import { ContextBuilder, requiresOf, type RuptureContextBlock } from "../context.ts";
import type { Rupture, SourceOptions } from "../geo/surface.ts";
import { unsupportedReason } from "../gsim/evaluate.ts";
import { parseImt } from "../gsim/imt.ts";
import type { Imt } from "../gsim/imt.ts";
import { parseGsimSpec } from "../gsim/registry.ts";
import type { GsimDef } from "../gsim/types.ts";
import { hazardStats, type OqParam, readOqParam } from "../input/oqparam.ts";
import { blockPoes, cpuBackend } from "../kernels/cpu.ts";
import { isPoolBackend, type PoolBackend } from "../kernels/pool.ts";
import { type BackendName, getBackend } from "../kernels/select.ts";
import type { Backend, PneJob } from "../kernels/types.ts";
import { readLogicTrees } from "../logictree/index.ts";
import type { FullLogicTree, GsimBranch } from "../logictree/index.ts";
import { minMaxMag } from "../mfd/index.ts";
import { computeHazardMaps, computeUhs, uhsImtIndices } from "../post/hmaps.ts";
import { computeStatCurves, statFunction } from "../post/stats.ts";
import type { HazardInfo, StoredRealization, StoredSitecol } from "../post/store.ts";
import { isPointLike, iterRuptures, pointSources } from "../source/index.ts";
import { pointBlocks } from "../source/point.ts";
import type { SourceGroupSpec, SourceSpec } from "../source/spec.ts";
import { loadSites, type Sites } from "./classical_sites.ts";
import {
  addMutexRupturePoe,
  clusterOccurrenceProbs,
  clusterPne,
  multiplyPne,
} from "./classical_groups.ts";
import type { CalcContext, Calculator } from "./types.ts";

export interface RunClassicalOptions {
  /** an open datastore to write into, or the path of a new one */
  datastore?: Datastore;
  datastorePath?: string;
  backend?: Backend | BackendName;
  overrides?: Record<string, string>;
  log?: (level: "debug" | "info" | "warning" | "error", msg: string) => void;
  progress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** rows per context block (default 65536) */
  blockRows?: number;
  /**
   * the datastore of a previous classical calculation (hazard_calculation_id): its hazard
   * curves are reused and only the maps and spectra are recomputed for this job's poes
   */
  parent?: Datastore;
}

/** What a run leaves besides the datastore (for tests and the registry of outputs). */
export interface ClassicalResult {
  datastore: Datastore;
  oq: OqParam;
  info: HazardInfo;
  /** number of (rupture, site) contexts computed, per source-model realization and TRT */
  numContexts: number;
  numRuptures: number;
}

const MAX_SITES_DISAGG = 10;

interface Levels {
  imts: Imt[];
  levels: Float64Array;
  offsets: number[];
  L1: number;
}

function levelsOf(oq: OqParam): Levels {
  const imts = oq.imtls.map((x) => parseImt(x.imt));
  const offsets = [0];
  const all: number[] = [];
  for (const x of oq.imtls) {
    all.push(...x.levels);
    offsets.push(all.length);
  }
  const L1 = oq.imtls[0]?.levels.length ?? 0;
  if (oq.imtls.some((x) => x.levels.length !== L1)) {
    throw new Error("all IMTs must have the same number of levels");
  }
  return { imts, levels: Float64Array.from(all), offsets, L1 };
}

function sourceOptions(oq: OqParam): SourceOptions {
  return {
    ruptureMeshSpacing: oq.rupture_mesh_spacing,
    complexFaultMeshSpacing: oq.complex_fault_mesh_spacing,
    areaSourceDiscretization: oq.area_source_discretization ?? 10,
    widthOfMfdBin: oq.width_of_mfd_bin ?? undefined,
    investigationTime: oq.investigation_time ?? 1,
    floatingXStep: oq.floating_x_step as number | undefined,
    floatingYStep: oq.floating_y_step as number | undefined,
  };
}

/** The largest magnitude of a source (for the minimum_magnitude discard). */
function maxMagOf(src: SourceSpec, opts: SourceOptions): number {
  if (src.kind === "nonParametricSeismicSource") return Math.max(...src.ruptures.map((r) => r.mag));
  if (src.kind === "multiPointSource") {
    return Math.max(...src.mfds.map((m) => minMaxMag(m, opts.widthOfMfdBin)[1]));
  }
  return minMaxMag(src.mfd, opts.widthOfMfdBin)[1];
}

function pyPsdist(v: number | [number, number][]): number {
  return typeof v === "number" ? v : Math.max(...v.map((p) => p[1]));
}

/** Adler-32 of the input files (as OpenQuake's checksum32, a fingerprint of the inputs). */
function inputChecksum(oq: OqParam): number {
  let a = 1, b = 0;
  const files: string[] = [];
  for (const v of Object.values(oq.inputs ?? {})) {
    if (typeof v === "string") files.push(v);
    else if (Array.isArray(v)) files.push(...v.filter((x) => typeof x === "string"));
  }
  for (const f of files.sort()) {
    let bytes: Uint8Array;
    try {
      bytes = Deno.readFileSync(f);
    } catch {
      continue;
    }
    for (const x of bytes) {
      a = (a + x) % 65521;
      b = (b + a) % 65521;
    }
  }
  return ((b << 16) | a) >>> 0;
}

/** Options that would change the numbers and are not implemented: fail rather than differ. */
function checkSupported(oq: OqParam): void {
  const inputs = Object.keys(oq.inputs ?? {});
  const amp = inputs.find((k) => k.startsWith("amplification"));
  if (amp) {
    throw new Error(`site amplification (${amp}) is not supported by the classical calculator yet`);
  }
  if (inputs.includes("reqv")) throw new Error("equivalent distances (reqv) are not supported yet");
}

/** OpenQuake's error for an IMT a GSIM cannot compute (e.g. an SA period out of range). */
function checkImts(def: GsimDef, imts: Imt[]): void {
  for (const imt of imts) {
    const why = unsupportedReason(def, imt);
    if (!why) continue;
    if (imt.kind === "SA" && def.imts.includes("SA")) {
      throw new Error(`${imt.name} is out of the period range defined for [${def.name}]`);
    }
    throw new Error(why);
  }
}

/** Runs a classical calculation from a job.ini; returns the datastore with the results. */
export async function runClassical(
  jobIni: string,
  opts: RunClassicalOptions = {},
): Promise<ClassicalResult> {
  const log = opts.log ?? (() => {});
  const { oq, warnings } = readOqParam(jobIni, opts.overrides);
  for (const w of warnings) log("warning", w);
  const ds = opts.datastore ??
    new Datastore(opts.datastorePath ?? await Deno.makeTempFile({ suffix: ".sqlite" }));
  if (opts.parent) {
    const info = postFromParent(ds, opts.parent, oq);
    log("info", `Recomputed hazard maps and spectra from the parent calculation`);
    return { datastore: ds, oq, info, numContexts: 0, numRuptures: 0 };
  }
  const backend = typeof opts.backend === "object" ? opts.backend : await getBackend(opts.backend);
  log("info", `Kernel backend: ${backend.name}, ${backend.description}`);
  checkSupported(oq);
  const T = oq.investigation_time ?? 1;
  const lv = levelsOf(oq);
  const L = lv.levels.length;

  const inputs = oq.inputs;
  const flt: FullLogicTree = readLogicTrees({
    smltPath: inputs.source_model_logic_tree,
    sourceModelPath: Array.isArray(inputs.source_model)
      ? inputs.source_model[0]
      : inputs.source_model,
    gsimltPath: inputs.gsim_logic_tree,
    gsim: oq.gsim && oq.gsim !== "[FromFile]" ? oq.gsim : undefined,
    numberOfSamples: oq.number_of_logic_tree_samples,
    randomSeed: oq.random_seed,
    samplingMethod: oq.sampling_method,
    inputDir: oq.base_path,
    discardTrts: oq.discard_trts
      ? String(oq.discard_trts).split(",").map((s) => s.trim()).filter(Boolean)
      : undefined,
    sourceId: oq.source_id?.length ? oq.source_id : undefined,
    sourceNodes: oq.source_nodes?.length ? oq.source_nodes : undefined,
  });
  const R = flt.realizations.length;
  log("info", `${R} realization(s), ${flt.sm.length} source model realization(s)`);

  // the GSIMs, checked against the IMTs before any work
  const gsimDefs = new Map<string, GsimDef>();
  const gsimOf = (b: GsimBranch): GsimDef => {
    let def = gsimDefs.get(b.spec);
    if (!def) {
      def = parseGsimSpec(b.spec);
      checkImts(def, lv.imts);
      gsimDefs.set(b.spec, def);
    }
    return def;
  };
  for (const rlz of flt.realizations) Object.values(rlz.gsimByTrt).forEach(gsimOf);

  const reqSiteParams = new Set<string>();
  for (const def of gsimDefs.values()) def.requires.sites.forEach((p) => reqSiteParams.add(p));
  const sites = loadSites(oq, reqSiteParams);
  const N = sites.n;
  log("info", `Read ${N} site(s)`);

  const srcOpts = sourceOptions(oq);
  const fewSites = N <= MAX_SITES_DISAGG;
  // independent groups are sharded over the worker pool (contexts built in parallel); with the
  // gpu backend each worker drives the GPU itself
  const shardPool = await shardingPool(backend);
  // Λ per (source-model realization, TRT, GSIM): Σ over the groups of −log PNE. A realization
  // sums the entries of its source model, one per TRT (its GSIM); never R full arrays at once.
  const rateMaps = new Map<string, Float64Array>();
  const rlzKeys: string[][] = flt.realizations.map(() => []);
  let numContexts = 0, numRuptures = 0, keptSources = 0;
  timing.kernel = 0;
  // progress counts sources; source_info records what each produced (as OpenQuake's)
  const sourcesTotal = flt.sm.reduce(
    (s, sm) =>
      flt.realizations.some((r) => r.smOrdinal === sm.ordinal)
        ? s +
          sm.sourceModels.reduce(
            (t, m) => t + m.groups.reduce((u, g) => u + g.sources.length, 0),
            0,
          )
        : s,
    0,
  );
  let sourcesDone = 0;
  const sourceInfo: SourceInfo[] = [];
  const onSource: OnSource = (info) => {
    sourceInfo.push(info);
    opts.progress?.(++sourcesDone, sourcesTotal);
  };

  for (const sm of flt.sm) {
    const rlzs = flt.realizations.filter((r) => r.smOrdinal === sm.ordinal);
    if (!rlzs.length) continue;
    for (const model of sm.sourceModels) {
      for (const group of model.groups) {
        if (opts.signal?.aborted) throw new Error("aborted");
        const trt = group.trt;
        // the GSIM branches of this TRT among the realizations of this source model
        const branches = new Map<string, GsimBranch>();
        for (const r of rlzs) {
          const b = r.gsimByTrt[trt] ?? r.gsimByTrt["*"];
          if (!b) throw new Error(`no GSIM for tectonic region type ${trt}`);
          branches.set(b.id, b);
        }
        const gids = [...branches.keys()];
        const defs = gids.map((g) => gsimOf(branches.get(g)!));
        const minMag = oq.minimum_magnitude[trt] ?? oq.minimum_magnitude.default ?? 0;
        const keep = group.sources.map((src) => !(minMag && maxMagOf(src, srcOpts) < minMag));
        const sources = group.sources.filter((_, i) => keep[i]);
        const srcsWeights = group.srcsWeights?.filter((_, i) => keep[i]);
        keptSources += sources.length;
        if (!sources.length) continue;
        const grp = { ...group, sources, srcsWeights };
        const onGroupSource: OnSource = (info) => onSource({ ...info, sm_rlz: sm.ordinal });
        const independent = !(grp.srcInterdep === "mutex" || grp.rupInterdep === "mutex" ||
          grp.cluster);
        const res = shardPool && independent
          ? await computeGroupOnPool(shardPool, {
            jobIni,
            overrides: opts.overrides,
            reqSiteParams: [...reqSiteParams],
            group: grp,
            gsimSpecs: gids.map((g) => branches.get(g)!.spec),
            fewSites,
            blockRows: opts.blockRows,
            kernel: backend.name === "gpu" ? "gpu" : "cpu",
          }, onGroupSource)
          : await computeGroup(
            grp,
            defs,
            sites,
            oq,
            lv,
            backend,
            srcOpts,
            fewSites,
            opts,
            onGroupSource,
          );
        numContexts += res.numContexts;
        numRuptures += res.numRuptures;
        gids.forEach((gid, g) => {
          const key = `${sm.ordinal}\u0000${trt}\u0000${gid}`;
          let out = rateMaps.get(key);
          if (!out) rateMaps.set(key, out = new Float64Array(N * L));
          const acc = res.logPne[g];
          for (let i = 0; i < acc.length; i++) out[i] -= acc[i];
        });
        for (const r of rlzs) {
          const b = r.gsimByTrt[trt] ?? r.gsimByTrt["*"];
          const key = `${sm.ordinal}\u0000${trt}\u0000${b.id}`;
          if (!rlzKeys[r.ordinal].includes(key)) rlzKeys[r.ordinal].push(key);
        }
      }
    }
  }
  if (keptSources === 0) throw new Error("All sources were discarded by minimum_magnitude");
  log(
    "info",
    `${numRuptures} ruptures, ${numContexts} contexts; ${
      timing.kernel.toFixed(1)
    } s in the ${backend.name} kernel`,
  );

  ds.put("source_info", sourceInfo);
  const rlzRates = rlzKeys.map((keys) => keys.map((k) => rateMaps.get(k)!));
  const info = storeHazard(ds, oq, flt, sites, lv, rlzRates, T);
  log("info", "Stored hazard curves, maps and spectra");
  return { datastore: ds, oq, info, numContexts, numRuptures };
}

/** seconds spent in the backend (the rest is rupture generation, contexts, post-processing) */
const timing = { kernel: 0 };

/** One row of the `source_info` dataset. */
export interface SourceInfo {
  source_id: string;
  code: string;
  trt: string;
  sm_rlz: number;
  num_ruptures: number;
  num_contexts: number;
}
type OnSource = (info: SourceInfo) => void;

/** Shard k of K of a group: every K-th unit of work, starting at k. */
interface Shard {
  k: number;
  K: number;
}

interface GroupResult {
  /** per GSIM, Σ log PNE per (site, level) */
  logPne: Float64Array[];
  numContexts: number;
  numRuptures: number;
}

/** One source group (one TRT) against all sites, for each of its GSIMs. */
async function computeGroup(
  group: SourceGroupSpec,
  defs: GsimDef[],
  sites: Sites,
  oq: OqParam,
  lv: Levels,
  backend: Backend,
  srcOpts: SourceOptions,
  fewSites: boolean,
  opts: RunClassicalOptions,
  onSource: OnSource = () => {},
  shard: Shard = { k: 0, K: 1 },
): Promise<GroupResult> {
  const N = sites.n, L = lv.levels.length;
  const T = oq.investigation_time ?? 1;
  const trt = group.trt;
  const maxDist = oq.maximum_distance.forTrt(trt);
  const pairs = oq.maximum_distance.pairs(trt);
  const magRange: [number, number] = [pairs[0][0], pairs[pairs.length - 1][0]];
  const builder = new ContextBuilder(sites, requiresOf(defs), {
    maxDistance: maxDist,
    minimumDistance: oq.minimum_distance,
    blockRows: opts.blockRows,
  });
  const logPne = defs.map(() => new Float64Array(N * L));
  let numRuptures = 0;
  const mutex = group.srcInterdep === "mutex";
  const rupMutex = group.rupInterdep === "mutex";
  const cluster = Boolean(group.cluster);
  const special = mutex || rupMutex || cluster;
  if (special && shard.K > 1) throw new Error("mutex and cluster groups cannot be sharded");
  // the units of work of this shard: point sources of point-like sources, else ruptures
  let unit = 0;
  const mine = () => unit++ % shard.K === shard.k;
  // rupture mutex: P(exceedance) of each source, Σ_j w_j (1 − P_ne,j), and the group's
  // probability combined over the sources, pmap + (1 − pmap)·pm
  const rupPoe = rupMutex ? defs.map(() => new Float64Array(N * L)) : [];
  const groupPoe = rupMutex ? defs.map(() => new Float64Array(N * L)) : [];
  let rupWeight: (i: number) => number = () => 1;
  // special groups multiply probabilities of no exceedance in f64 (per source when mutex)
  const groupPne = special ? defs.map(() => new Float64Array(N * L).fill(1)) : [];
  const mutexPoe = mutex ? defs.map(() => new Float64Array(N * L)) : [];
  let srcPne: Float64Array[] = groupPne;

  const jobOf = (g: number, block: RuptureContextBlock) => pneJob(defs[g], lv, oq, block, N, T);
  const flush = async () => {
    if (builder.size === 0) return;
    const block = builder.flush();
    if (rupMutex) {
      const idx = block.ruptures.map((r) => rupIndexOf.get(r) ?? 0);
      for (let g = 0; g < defs.length; g++) {
        addMutexRupturePoe(jobOf(g, block), block, rupPoe[g], (i) => rupWeight(idx[i]));
      }
    } else if (special) {
      for (let g = 0; g < defs.length; g++) multiplyPne(jobOf(g, block), block, srcPne[g], cluster);
    } else {
      const t0 = performance.now();
      await accumulate(block, defs, lv, oq, backend, logPne, N, T);
      timing.kernel += (performance.now() - t0) / 1000;
    }
  };

  const psdist = pyPsdist(
    (oq.pointsource_distance as Record<string, number | [number, number][]>)[trt] ??
      oq.pointsource_distance.default ?? 100,
  );
  const siteCoords = { lons: sites.lon, lats: sites.lat, depths: sites.depth };
  const rupIndexOf = new Map<Rupture, number>();
  for (const [si, src] of group.sources.entries()) {
    if (opts.signal?.aborted) throw new Error("aborted");
    const rup0 = numRuptures, ctx0 = builder.totalRows;
    if (rupMutex) {
      await flush();
      rupIndexOf.clear();
      rupPoe.forEach((a) => a.fill(0));
      const w = src.kind === "nonParametricSeismicSource" ? src.rupWeights : undefined;
      if (!w) throw new Error(`source ${src.id}: mutually exclusive ruptures need rup_weights`);
      rupWeight = (i) => w[i];
    }
    if (mutex) srcPne = defs.map(() => new Float64Array(N * L).fill(1));
    if (isPointLike(src)) {
      for (const ps of pointSources(src, srcOpts)) {
        if (!mine()) continue;
        for (
          const pb of pointBlocks(ps, siteCoords, {
            maxDist,
            magRange,
            pointsourceDistance: psdist,
            psGridSpacing: oq.ps_grid_spacing,
            fewSites,
          })
        ) {
          for (const rup of pb.ruptures) {
            numRuptures++;
            builder.add(rup, true, pb.sids);
            if (builder.full()) await flush();
          }
        }
      }
    } else {
      for (const rup of iterRuptures(src, srcOpts) as Iterable<Rupture>) {
        if (!mine()) continue;
        if (rupMutex) rupIndexOf.set(rup, numRuptures - rup0);
        numRuptures++;
        builder.add(rup, false);
        if (builder.full()) await flush();
      }
    }
    onSource({
      source_id: src.id,
      code: src.kind,
      trt,
      sm_rlz: 0,
      num_ruptures: numRuptures - rup0,
      num_contexts: builder.totalRows - ctx0,
    });
    if (rupMutex) {
      await flush();
      for (let g = 0; g < defs.length; g++) {
        const pm = rupPoe[g], acc = groupPoe[g];
        for (let i = 0; i < acc.length; i++) acc[i] += (1 - acc[i]) * pm[i];
      }
    } else if (mutex) {
      await flush();
      const w = group.srcsWeights?.[si] ?? src.mutexWeight ?? 1;
      for (let g = 0; g < defs.length; g++) {
        const acc = mutexPoe[g], pne = srcPne[g];
        for (let i = 0; i < acc.length; i++) acc[i] += (1 - pne[i]) * w;
      }
    }
  }
  await flush();
  if (special) {
    for (let g = 0; g < defs.length; g++) {
      let pne: Float64Array = rupMutex
        ? groupPoe[g].map((p) => 1 - p)
        : mutex
        ? mutexPoe[g].map((p) => 1 - p)
        : groupPne[g];
      if (cluster) {
        const rate = group.tom?.occurrenceRate;
        if (!(rate! > 0)) throw new Error(`cluster group ${trt} without occurrence_rate`);
        pne = clusterPne(pne, clusterOccurrenceProbs(rate!, T));
      }
      const out = logPne[g];
      for (let i = 0; i < out.length; i++) out[i] = Math.log(Math.max(pne[i], 1e-45));
    }
  }
  return { logPne, numContexts: builder.totalRows, numRuptures };
}

/** A shard of an independent source group, computed end to end (contexts and kernel). */
export interface ShardTask {
  jobIni: string;
  overrides?: Record<string, string>;
  reqSiteParams: string[];
  group: SourceGroupSpec;
  /** the GSIMs as written in the logic tree */
  gsimSpecs: string[];
  fewSites: boolean;
  blockRows?: number;
  /** where each worker runs the kernel */
  kernel: "cpu" | "gpu";
}

/** The pool that shards groups for this backend, if any (none for one thread or one core). */
async function shardingPool(backend: Backend): Promise<PoolBackend | undefined> {
  if (isPoolBackend(backend)) return backend.size > 1 ? backend : undefined;
  if (backend.name !== "gpu" || (navigator.hardwareConcurrency ?? 1) < 2) return undefined;
  const pool = await getBackend("pool");
  return isPoolBackend(pool) && pool.size > 1 ? pool : undefined;
}

interface ShardResult extends GroupResult {
  kernelSeconds: number;
}

/** What a pool worker keeps between shards of the same job: parameters, sites, levels. */
const shardSetups = new Map<
  string,
  { oq: OqParam; sites: Sites; lv: Levels; srcOpts: SourceOptions }
>();

/** Runs in a pool worker: shard k of K of a group, on the f64 reference kernel. */
export async function computeShard(
  task: ShardTask & Shard,
  report: (info: SourceInfo) => void = () => {},
): Promise<ShardResult> {
  const key = JSON.stringify([task.jobIni, task.overrides ?? {}, task.reqSiteParams]);
  let setup = shardSetups.get(key);
  if (!setup) {
    const { oq } = readOqParam(task.jobIni, task.overrides);
    const sites = loadSites(oq, task.reqSiteParams);
    setup = { oq, sites, lv: levelsOf(oq), srcOpts: sourceOptions(oq) };
    shardSetups.set(key, setup);
  }
  const { oq, sites, lv, srcOpts } = setup;
  timing.kernel = 0;
  const res = await computeGroup(
    task.group,
    task.gsimSpecs.map(parseGsimSpec),
    sites,
    oq,
    lv,
    task.kernel === "gpu" ? await getBackend("gpu") : cpuBackend,
    srcOpts,
    task.fewSites,
    { blockRows: task.blockRows },
    report,
    { k: task.k, K: task.K },
  );
  return { ...res, kernelSeconds: timing.kernel };
}

/**
 * An independent group split into one shard per pool worker: each builds its own contexts and
 * runs the kernel, so rupture generation and distances are parallel too; the per-(site, level)
 * sums of the shards add up to the group's.
 */
async function computeGroupOnPool(
  pool: PoolBackend,
  task: ShardTask,
  onSource: OnSource,
): Promise<GroupResult> {
  const K = pool.size;
  // every shard reports every source, in order; a source is done when all K have reported it
  const seen: SourceInfo[][] = [];
  const next = new Array(K).fill(0);
  const onShardSource = (k: number) => (info: unknown) => {
    const parts = seen[next[k]++] ??= [];
    parts.push(info as SourceInfo);
    if (parts.length < K) return;
    onSource({
      ...parts[0],
      num_ruptures: parts.reduce((s, p) => s + p.num_ruptures, 0),
      num_contexts: parts.reduce((s, p) => s + p.num_contexts, 0),
    });
  };
  const parts = await Promise.all(
    Array.from({ length: K }, (_, k) =>
      pool.call<ShardResult>(
        import.meta.url,
        "computeShard",
        { ...task, k, K },
        onShardSource(k),
      )),
  );
  const logPne = parts[0].logPne;
  for (const p of parts.slice(1)) {
    p.logPne.forEach((a, g) => {
      const out = logPne[g];
      for (let i = 0; i < out.length; i++) out[i] += a[i];
    });
  }
  timing.kernel += Math.max(...parts.map((p) => p.kernelSeconds));
  return {
    logPne,
    numContexts: parts.reduce((s, p) => s + p.numContexts, 0),
    numRuptures: parts.reduce((s, p) => s + p.numRuptures, 0),
  };
}

/** The kernel job of one GSIM over a context block. */
function pneJob(
  gsim: GsimDef,
  lv: Levels,
  oq: OqParam,
  block: RuptureContextBlock,
  N: number,
  T: number,
): PneJob {
  return {
    gsim,
    imts: lv.imts,
    levels: lv.levels,
    offsets: lv.offsets,
    truncationLevel: truncation(oq.truncation_level),
    investigationTime: T,
    block,
    rate: block.rate,
    sid: block.sid,
    nSites: N,
  };
}

/** Poissonian rows through the backend; non-Poissonian (probs_occur) rows in f64 here. */
async function accumulate(
  block: RuptureContextBlock,
  defs: GsimDef[],
  lv: Levels,
  oq: OqParam,
  backend: Backend,
  logPne: Float64Array[],
  N: number,
  T: number,
) {
  const L = lv.levels.length;
  const nonPois = block.ruptures.map((r) => r.probsOccur && r.probsOccur.length > 0);
  const anyNonPois = nonPois.some(Boolean);
  for (let g = 0; g < defs.length; g++) {
    const job = pneJob(defs[g], lv, oq, block, N, T);
    if (!anyNonPois) {
      await backend.accumulateLogPne(job, logPne[g]);
      continue;
    }
    // mixed block: P_ne = Σ_k p_k (1 − PoE)^k per non-Poissonian row
    const poes = blockPoes(job);
    const acc = logPne[g];
    for (let r = 0; r < block.n; r++) {
      const base = block.sid[r] * L;
      const rup = block.ruptures[block.rupIndex[r]];
      if (!nonPois[block.rupIndex[r]]) {
        const rt = block.rate[r] * T;
        for (let l = 0; l < L; l++) acc[base + l] -= rt * poes[r * L + l];
        continue;
      }
      const probs = rup.probsOccur!;
      for (let l = 0; l < L; l++) {
        const q = 1 - poes[r * L + l];
        let pne = 0, qk = 1;
        for (let k = 0; k < probs.length; k++) {
          pne += probs[k] * qk;
          qk *= q;
        }
        acc[base + l] += Math.log(Math.min(Math.max(pne, 1e-300), 1));
      }
    }
  }
}

/** OpenQuake's truncation level: 1e-9 (its stand-in for 0) is the step; 99 untruncated. */
function truncation(tl: number): number {
  if (tl === null || tl === undefined || tl >= 99) return Infinity;
  if (tl <= 1e-9) return 0;
  return tl;
}

/** Weight of realization r for IMT m (IMT-dependent weights of the GMPE logic tree). */
function weightsByImt(flt: FullLogicTree, imts: Imt[]): number[][] | number[] {
  const plain = flt.realizations.map((r) => r.weight);
  if (!flt.realizations.some((r) => r.imtWeights)) return plain;
  return imts.map((imt) => flt.realizations.map((r) => r.imtWeights?.[imt.name] ?? r.weight));
}

function storeHazard(
  ds: Datastore,
  oq: OqParam,
  flt: FullLogicTree,
  sites: Sites,
  lv: Levels,
  rlzRates: Float64Array[][],
  T: number,
): HazardInfo {
  const N = sites.n, M = lv.imts.length, L1 = lv.L1, L = M * L1, R = rlzRates.length;
  const stats = hazardStats(oq);
  const poes = oq.poes ?? [];
  const P = poes.length;
  const individual = Boolean(oq.individual_rlzs);
  const info: HazardInfo = {
    imts: oq.imtls.map((x) => x.imt),
    levels: oq.imtls.map((x) => x.levels),
    poes,
    investigation_time: T,
    stats,
    num_rlzs: R,
    individual_rlzs: individual,
    hazard_maps: Boolean(oq.hazard_maps),
    uniform_hazard_spectra: Boolean(oq.uniform_hazard_spectra),
  };
  ds.put("hazard_info", info);
  ds.put("metadata", {
    generated_by: `OpenQuake engine ${ENGINE_VERSION}`,
    start_date: new Date().toISOString().slice(0, 19),
    checksum: inputChecksum(oq),
  });
  ds.put("oqparam", JSON.parse(JSON.stringify(oq)));
  const sc: StoredSitecol = {
    sids: Array.from({ length: N }, (_, i) => i),
    lon: Array.from(sites.lon),
    lat: Array.from(sites.lat),
    depth: Array.from(sites.depth),
  };
  for (const f of ["vs30", "vs30measured", "z1pt0", "z2pt5", "backarc"] as const) {
    const col = sites[f];
    if (col) sc[f] = Array.from(col);
  }
  if (sites.custom_site_id) sc.custom_site_id = [...sites.custom_site_id];
  ds.put("sitecol", sc);
  const rlzs: StoredRealization[] = flt.realizations.map((r) => ({
    rlz_id: r.ordinal,
    branch_path: r.branchPath,
    weight: r.weight,
  }));
  ds.put("realizations", rlzs);
  ds.put("weights", Float64Array.from(flt.realizations, (r) => r.weight));

  const uhsIdx = uhsImtIndices(info.imts);
  const U = uhsIdx.length;
  const withRlzs = R === 1 || individual;
  const S = stats.length;
  const useRates = Boolean(oq.use_rates);
  const w = weightsByImt(flt, lv.imts);
  const statFns = stats.map(statFunction);
  const out = {
    hcurvesRlzs: withRlzs ? new Float64Array(N * R * L) : null,
    hcurvesStats: S ? new Float64Array(N * S * L) : null,
    hmapsRlzs: withRlzs && P ? new Float64Array(N * R * M * P) : null,
    hmapsStats: S && P ? new Float64Array(N * S * M * P) : null,
    uhsRlzs: withRlzs && P && U ? new Float64Array(N * R * P * U) : null,
    uhsStats: S && P && U ? new Float64Array(N * S * P * U) : null,
  };
  // realization curves, PoE = 1 − exp(−Λ), built for a chunk of sites at a time
  const chunk = Math.max(1, Math.floor((1 << 22) / Math.max(1, R * L)));
  for (let s0 = 0; s0 < N; s0 += chunk) {
    const n = Math.min(chunk, N - s0);
    const curves = rlzRates.map((maps) => {
      const c = new Float64Array(n * L);
      for (const m of maps) {
        const src = m.subarray(s0 * L, (s0 + n) * L);
        for (let i = 0; i < c.length; i++) c[i] += src[i];
      }
      for (let i = 0; i < c.length; i++) c[i] = -Math.expm1(-c[i]);
      return c;
    });
    const place = (
      dst: Float64Array | null,
      arrs: Float64Array[],
      inner: number,
    ) => {
      if (!dst) return;
      const K = arrs.length;
      for (let k = 0; k < K; k++) {
        for (let s = 0; s < n; s++) {
          dst.set(arrs[k].subarray(s * inner, (s + 1) * inner), ((s0 + s) * K + k) * inner);
        }
      }
    };
    const mapsOf = (arrs: Float64Array[]) =>
      arrs.map((c) => computeHazardMaps(c, n, lv.levels, lv.offsets, poes));
    if (withRlzs) {
      place(out.hcurvesRlzs, curves, L);
      if (P) {
        const maps = mapsOf(curves);
        place(out.hmapsRlzs, maps, M * P);
        if (U) place(out.uhsRlzs, maps.map((h) => computeUhs(h, n, info.imts, P)), P * U);
      }
    }
    if (S) {
      const sc = statFns.map((f) => computeStatCurves(curves, n, lv.offsets, f, w, useRates));
      place(out.hcurvesStats, sc, L);
      if (P) {
        const maps = mapsOf(sc);
        place(out.hmapsStats, maps, M * P);
        if (U) place(out.uhsStats, maps.map((h) => computeUhs(h, n, info.imts, P)), P * U);
      }
    }
  }
  const rlzNames = Array.from({ length: R }, (_, r) => `rlz-${String(r).padStart(3, "0")}`);
  const put = (name: string, a: Float64Array | null, shape: number[], attrs: object) => {
    if (a) ds.put(name, a, shape, attrs as Record<string, unknown>);
  };
  put("hcurves-rlzs", out.hcurvesRlzs, [N, R, M, L1], { kinds: rlzNames, imts: info.imts });
  put("hcurves-stats", out.hcurvesStats, [N, S, M, L1], { kinds: stats, imts: info.imts });
  put("hmaps-rlzs", out.hmapsRlzs, [N, R, M, P], { kinds: rlzNames, poes });
  put("hmaps-stats", out.hmapsStats, [N, S, M, P], { kinds: stats, poes });
  put("uhs-rlzs", out.uhsRlzs, [N, R, P, U], { kinds: rlzNames, poes });
  put("uhs-stats", out.uhsStats, [N, S, P, U], { kinds: stats, poes });
  return info;
}

/** Copies a parent's hazard curves and recomputes maps and UHS for this job's poes. */
function postFromParent(ds: Datastore, parent: Datastore, oq: OqParam): HazardInfo {
  if (!parent.has("hazard_info")) throw new Error("the parent calculation has no hazard curves");
  const pinfo = parent.get("hazard_info").data as HazardInfo;
  const poes = oq.poes ?? [];
  const info: HazardInfo = {
    ...pinfo,
    poes,
    hazard_maps: Boolean(oq.hazard_maps),
    uniform_hazard_spectra: Boolean(oq.uniform_hazard_spectra),
  };
  ds.put("hazard_info", info);
  for (const name of ["metadata", "oqparam", "sitecol", "realizations", "weights"]) {
    if (parent.has(name)) {
      const d = parent.get(name);
      ds.put(name, d.data, d.shape, d.attrs);
    }
  }
  const offsets = [0];
  for (const lv of info.levels) offsets.push(offsets[offsets.length - 1] + lv.length);
  const levels = info.levels.flat();
  const M = info.imts.length, P = poes.length, L = offsets[M];
  const uhsIdx = uhsImtIndices(info.imts);
  for (const suffix of ["rlzs", "stats"]) {
    const name = `hcurves-${suffix}`;
    if (!parent.has(name)) continue;
    const d = parent.get(name);
    ds.put(name, d.data, d.shape, d.attrs);
    if (!P) continue;
    const [N, K] = d.shape;
    const curves = d.data as Float64Array;
    const maps = new Float64Array(N * K * M * P);
    const uhs = new Float64Array(N * K * P * uhsIdx.length);
    for (let k = 0; k < K; k++) {
      const c = new Float64Array(N * L);
      for (let s = 0; s < N; s++) {
        c.set(curves.subarray((s * K + k) * L, (s * K + k + 1) * L), s * L);
      }
      const h = computeHazardMaps(c, N, levels, offsets, poes);
      const u = computeUhs(h, N, info.imts, P);
      for (let s = 0; s < N; s++) {
        maps.set(h.subarray(s * M * P, (s + 1) * M * P), (s * K + k) * M * P);
        uhs.set(
          u.subarray(s * P * uhsIdx.length, (s + 1) * P * uhsIdx.length),
          (s * K + k) * P * uhsIdx.length,
        );
      }
    }
    ds.put(`hmaps-${suffix}`, maps, [N, K, M, P], { kinds: d.attrs.kinds, poes });
    if (uhsIdx.length) {
      ds.put(`uhs-${suffix}`, uhs, [N, K, P, uhsIdx.length], { kinds: d.attrs.kinds, poes });
    }
  }
  return info;
}

/** The calculator the job runner calls (calculation_mode = classical). */
export const classical: Calculator = async (ctx: CalcContext) => {
  const res = await runClassical(ctx.jobIni, {
    datastore: ctx.datastore,
    overrides: ctx.overrides,
    log: ctx.log,
    progress: ctx.progress,
    signal: ctx.signal,
    parent: ctx.hazardCalcId !== undefined ? ctx.openDatastore(ctx.hazardCalcId) : undefined,
  });
  const { info } = res;
  if (info.num_rlzs > 1) {
    ctx.addOutput({ name: "realizations", type: "realizations", displayName: "Realizations" });
  }
  if (info.stats.length || info.individual_rlzs || info.num_rlzs === 1) {
    ctx.addOutput({ name: "hcurves", type: "hcurves", displayName: "Hazard Curves" });
  }
  if (info.poes.length && info.hazard_maps) {
    ctx.addOutput({ name: "hmaps", type: "hmaps", displayName: "Hazard Maps" });
  }
  if (info.poes.length && info.uniform_hazard_spectra) {
    ctx.addOutput({ name: "uhs", type: "uhs", displayName: "Uniform Hazard Spectra" });
  }
};
