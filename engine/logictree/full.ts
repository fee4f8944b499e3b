// SPDX-License-Identifier: AGPL-3.0-or-later
// readLogicTrees: source-model logic tree x GMPE logic tree -> realizations, numbered, weighted
// and named as OpenQuake does (hazardlib/logictree.py FullLogicTree).
import type { SourceGroupSpec, SourceModelSpec, SourceSpec } from "../source/spec.ts";
import { InputError } from "../input/errors.ts";
import { type ReadSourceModelOptions } from "../input/nrml/sourcemodel.ts";
import { GsimLt, type GsimLtBranch, type GsimPath, publicBranch } from "./gsimlt.ts";
import {
  effectivePaths,
  join,
  type LtBranchSet,
  type SmPath,
  SourceModelLogicTree,
} from "./smlt.ts";
import type { FullLogicTree, ReadLogicTreesOptions, Realization, SmRealization } from "./types.ts";
import { applyUncertainty, type UncertaintyValue } from "./uncertainty.ts";

/** Does a branch set's filter select this source (BranchSet.filter_source)? */
function filterSource(bset: LtBranchSet, src: SourceSpec): boolean {
  const f = bset.filters;
  if (f.applyToTectonicRegionType !== undefined && f.applyToTectonicRegionType !== src.trt) {
    return false;
  }
  if (f.applyToSources !== undefined && !f.applyToSources.includes(src.id)) return false;
  return true;
}

/** lt.apply_uncertainties on one group: modified copies of the selected sources. */
function applyToGroup(
  pairs: [LtBranchSet, UncertaintyValue][],
  group: SourceGroupSpec,
): SourceGroupSpec {
  const sources = group.sources.map((src) => {
    const oks = pairs.map(([bset]) => filterSource(bset, src));
    if (!oks.some((x) => x)) return src;
    const copy = structuredClone(src);
    pairs.forEach(([, value], i) => {
      if (!oks[i]) return;
      try {
        applyUncertainty(copy, value);
      } catch (e) {
        throw new InputError(src.place.file, src.place.line, value.utype, (e as Error).message);
      }
    });
    return copy;
  });
  return { ...group, sources };
}

/** Keep the sources the job selects (source_id, discard_trts, source_nodes) and re-sort groups. */
export function filterSourceModel(
  sm: SourceModelSpec,
  opts: ReadSourceModelOptions,
): SourceModelSpec {
  const { sourceId, discardTrts, sourceNodes } = opts;
  if (!sourceId?.length && !discardTrts?.length && !sourceNodes?.length) return sm;
  const groups = sm.groups.filter((g) => !discardTrts?.includes(g.trt)).map((g) => ({
    ...g,
    sources: g.sources.filter((s) =>
      (!sourceId?.length || sourceId.some((p) => s.id.startsWith(p))) &&
      (!sourceNodes?.length || sourceNodes.includes(s.kind))
    ),
  })).filter((g) => g.sources.length);
  groups.sort((a, b) =>
    a.sources.length - b.sources.length || (a.trt < b.trt ? -1 : a.trt > b.trt ? 1 : 0)
  );
  return { ...sm, groups };
}

function buildSmRealization(
  smlt: SourceModelLogicTree,
  p: SmPath,
  opts: ReadLogicTreesOptions,
): SmRealization {
  const rootValue = p.branches[0].value as { files: string[] };
  const files = [...rootValue.files];
  let pairs = smlt.bsetValues(p.ltPath);
  const ids = new Set(files.flatMap((f) => allIds(smlt.models.get(f))));
  while (pairs.length && pairs[0][0].utype === "extendModel") {
    const extra = (pairs[0][1] as { files: string[] }).files;
    const extraIds = new Set(extra.flatMap((f) => allIds(smlt.models.get(f))));
    const common = [...extraIds].filter((x) => ids.has(x));
    if (common.length) {
      throw new InputError(
        smlt.filename,
        undefined,
        "extendModel",
        `${extra.join(" ")} contains source(s) ${common.join(", ")} already present in ${
          files.join(" ")
        }`,
      );
    }
    extraIds.forEach((x) => ids.add(x));
    files.push(...extra);
    pairs = pairs.slice(1);
  }
  // applyToSources of branch sets applied to this source-model branch must name its sources
  for (const bset of smlt.branchsets) {
    if (bset.applied === p.ltPath[0] && bset.filters.applyToSources) {
      for (const s of bset.filters.applyToSources) {
        if (!ids.has(s)) {
          throw new InputError(
            smlt.filename,
            undefined,
            "applyToSources",
            `The source ${s} is not in the source model, please fix applyToSources in ${smlt.filename} or the source model(s) ${
              files.join(" ")
            }`,
          );
        }
      }
    }
  }
  const filt: ReadSourceModelOptions = {
    sourceId: opts.sourceId,
    discardTrts: opts.discardTrts,
    sourceNodes: opts.sourceNodes,
  };
  const sourceModels = files.map((f) => {
    const sm = filterSourceModel(smlt.models.get(f)!, filt);
    if (!pairs.length) return sm;
    return { ...sm, groups: sm.groups.map((g) => applyToGroup(pairs, g)) };
  });
  return {
    ordinal: p.ordinal,
    path: p.ltPath,
    name: p.ltPath.join("~"),
    shortPath: smlt.shorten(p.ltPath),
    weight: p.weight,
    files,
    sourceModels,
    samples: p.samples,
  };
}

function allIds(sm: SourceModelSpec | undefined): string[] {
  return sm ? sm.groups.flatMap((g) => g.sources.map((s) => s.id)) : [];
}

/**
 * Read the source-model and GMPE logic trees of a job and build its realizations in OpenQuake's
 * order: full enumeration (SM paths sorted by path id x GSIM paths, last TRT fastest) or
 * sampling with OpenQuake's MT19937 draws (random_seed for the SM tree, random_seed + 1 for GSIMs).
 */
export function readLogicTrees(opts: ReadLogicTreesOptions): FullLogicTree {
  const samplingMethod = opts.samplingMethod ?? "early_weights";
  const S = opts.numberOfSamples ?? 0;
  let smlt: SourceModelLogicTree;
  if (opts.smltPath) smlt = SourceModelLogicTree.read(join(opts.inputDir, opts.smltPath));
  else if (opts.sourceModelPath) {
    smlt = SourceModelLogicTree.trivial(join(opts.inputDir, opts.sourceModelPath));
  } else {throw new InputError(
      opts.inputDir,
      undefined,
      "source_model_logic_tree_file",
      "Missing source_model_logic_tree and source_model",
    );}

  const discard = new Set((opts.discardTrts ?? []).map((t) => t.trim()));
  const smTrts = [...smlt.trts].filter((t) => !discard.has(t));
  let gsimLt: GsimLt;
  if (opts.gsim && opts.gsimltPath) {
    throw new InputError(
      opts.inputDir,
      undefined,
      "gsim",
      "if `gsim_logic_tree_file` is set, there must be no `gsim` key",
    );
  } else if (opts.gsim) gsimLt = GsimLt.fromGsim(opts.gsim);
  else if (opts.gsimltPath) {
    gsimLt = GsimLt.read(join(opts.inputDir, opts.gsimltPath), smTrts.length ? smTrts : ["*"]);
  } else {throw new InputError(
      opts.inputDir,
      undefined,
      "gsim_logic_tree_file",
      "Missing gsim or gsim_logic_tree_file",
    );}

  // source-model realizations
  let smPaths: SmPath[];
  if (S > 0) smPaths = effectivePaths(smlt.sample(S, opts.randomSeed, samplingMethod));
  else {
    const G = gsimLt.numPaths();
    smPaths = smlt.enumerate().map((p) => ({ ...p, samples: G }));
  }
  const sm = smPaths.map((p) => buildSmRealization(smlt, p, opts));

  // full realizations
  const rows: { smr: number; g: GsimPath; w: number[] }[] = [];
  if (S > 0) {
    const expanded: number[] = [];
    for (const p of smPaths) for (let k = 0; k < p.samples; k++) expanded.push(p.ordinal);
    const gsimPaths = gsimLt.sample(S, opts.randomSeed + 1, samplingMethod);
    gsimPaths.forEach((g, i) => {
      const smr = expanded[i];
      const w = samplingMethod.startsWith("early_") ? 1 / S : smPaths[smr].weight * g.weights[0];
      rows.push({ smr, g, w: [w] });
    });
  } else {
    const gsimPaths = gsimLt.enumerate();
    for (const p of smPaths) {
      for (const g of gsimPaths) {
        rows.push({
          smr: p.ordinal,
          g,
          w: g.weights.map((x) => p.weight * x),
        });
      }
    }
  }
  // rescale the weights if they do not sum to 1 (OpenQuake sums the default weights in order)
  let tot = 0;
  for (const r of rows) tot += r.w[r.w.length - 1];
  if (tot !== 1) { for (const r of rows) r.w = r.w.map((x) => x / tot); }

  const keys = S > 0 ? ["weight"] : gsimLt.imtKeys;
  const realizations: Realization[] = rows.map((r, i) => {
    const gsimByTrt: Record<string, ReturnType<typeof publicBranch>> = {};
    r.g.branches.forEach((b: GsimLtBranch, t) => gsimByTrt[gsimLt.trts[t]] = publicBranch(b));
    if (gsimLt.trts.length === 1 && gsimLt.trts[0] === "*") {
      for (const trt of smTrts) gsimByTrt[trt] = gsimByTrt["*"];
    }
    const ids = r.g.branches.map((b) => b.id);
    const rlz: Realization = {
      ordinal: i,
      smOrdinal: r.smr,
      weight: r.w[r.w.length - 1],
      gsimByTrt,
      branchPath: `${sm[r.smr].shortPath}~${gsimLt.shorten(ids)}`,
      smName: sm[r.smr].name,
      gsimPath: ids,
    };
    if (keys.length > 1) {
      rlz.imtWeights = Object.fromEntries(keys.slice(0, -1).map((k, j) => [k, r.w[j]]));
    }
    return rlz;
  });
  return {
    sm,
    gsim: gsimLt.toContract(),
    realizations,
    trts: gsimLt.trts,
    numberOfSamples: S,
    samplingMethod,
  };
}

/**
 * The GMPE logic tree alone (scenarios from a rupture: OpenQuake's FullLogicTree.fake): one
 * pseudo source model and one realization per GSIM path, named `A~<gsim short path>`.
 */
export function readGsimLogicTree(
  opts: { gsimltPath?: string; gsim?: string; inputDir: string; trts?: string[] },
): { gsim: ReturnType<GsimLt["toContract"]>; realizations: Realization[] } {
  let g: GsimLt;
  if (opts.gsim && !opts.gsimltPath) g = GsimLt.fromGsim(opts.gsim);
  else if (opts.gsimltPath && !opts.gsim) {
    g = GsimLt.read(join(opts.inputDir, opts.gsimltPath), opts.trts ?? ["*"]);
  } else {throw new InputError(
      opts.inputDir,
      undefined,
      "gsim",
      "give exactly one of gsim and gsim_logic_tree_file",
    );}
  const paths = g.enumerate();
  let tot = 0;
  for (const p of paths) tot += p.weights[p.weights.length - 1];
  const realizations = paths.map((p, i): Realization => {
    const w = tot === 1 ? p.weights : p.weights.map((x) => x / tot);
    const gsimByTrt: Record<string, ReturnType<typeof publicBranch>> = {};
    p.branches.forEach((b, t) => gsimByTrt[g.trts[t]] = publicBranch(b));
    const ids = p.branches.map((b) => b.id);
    const rlz: Realization = {
      ordinal: i,
      smOrdinal: 0,
      weight: w[w.length - 1],
      gsimByTrt,
      branchPath: `A~${g.shorten(ids)}`,
      smName: "b1",
      gsimPath: ids,
    };
    if (g.imtKeys.length > 1) {
      rlz.imtWeights = Object.fromEntries(g.imtKeys.slice(0, -1).map((k, j) => [k, w[j]]));
    }
    return rlz;
  });
  return { gsim: g.toContract(), realizations };
}
