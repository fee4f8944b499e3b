// SPDX-License-Identifier: AGPL-3.0-or-later
// The source-model logic tree (hazardlib/logictree.py SourceModelLogicTree, hazardlib/lt.py):
// branch sets attached to the open ends of the previous level (applyToBranches, dummy branches),
// full enumeration sorted by path id, and Monte Carlo sampling with OpenQuake's RNG.
import type { SourceModelSpec } from "../source/spec.ts";
import { InputError } from "../input/errors.ts";
import { readSourceModel } from "../input/nrml/sourcemodel.ts";
import { childrenOf, nodeError, readXml, toFloat, type XmlNode } from "../input/nrml/xml.ts";
import { ltRandom, sampleIndex } from "./random.ts";
import {
  parseUncertainty,
  SMLT_UNCERTAINTIES,
  type UncertaintyValue,
  valueKey,
} from "./uncertainty.ts";

/** The 183 one-character branch codes OpenQuake uses (baselib.general.BASE183). */
export const BASE183 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmno" +
  "pqrstuvwxyz{|}!#$%&'()*+-/0123456789:;<=>?@¡¢" +
  "£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑ" +
  "ÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ";

export interface LtFilters {
  applyToSources?: string[];
  applyToBranches?: string[];
  applyToTectonicRegionType?: string;
}

export interface LtBranch {
  id: string;
  value: UncertaintyValue;
  weight: number;
  bsId: string;
  bset?: LtBranchSet;
}

export interface LtBranchSet {
  utype: string;
  id: string;
  ordinal: number;
  filters: LtFilters;
  /** applyToBranches as written, when the set applies to some of the previous branches only */
  applied?: string;
  branches: LtBranch[];
}

export interface SourceDatum {
  branch: string;
  trt: string;
  fname: string;
  source: string;
}

/** A source-model path, as OpenQuake's lt.Realization. */
export interface SmPath {
  ordinal: number;
  branches: LtBranch[];
  /** branch ids, "." for dummies */
  ltPath: string[];
  weight: number;
  samples: number;
}

const FILTERS = ["applyToTectonicRegionType", "applyToSources", "applyToBranches"] as const;

let dummyCounter = 0;
function dummyBranchSet(): LtBranchSet {
  dummyCounter++;
  return {
    utype: "dummy",
    id: `dummy${dummyCounter}`,
    ordinal: 0,
    filters: {},
    branches: [{ id: ".", value: { utype: "dummy" }, weight: 1, bsId: `dummy${dummyCounter}` }],
  };
}

function isLeaf(br: LtBranch): boolean {
  return br.bset === undefined || br.bset.utype === "dummy";
}

/** The branch sets of a <logicTree>, unwrapping NRML 0.4 <logicTreeBranchingLevel>. */
export function branchSetNodes(lt: XmlNode): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of lt.children) {
    if (n.tag === "logicTreeBranchingLevel") {
      const sets = childrenOf(n, "logicTreeBranchSet");
      if (sets.length !== 1) {
        throw nodeError(
          n,
          "logicTreeBranchSet",
          `Branching level ${n.attrs.branchingLevelID} has multiple branchsets`,
        );
      }
      out.push(sets[0]);
    } else if (n.tag === "logicTreeBranchSet") out.push(n);
    else throw nodeError(n, n.tag, `Expected BranchingLevel/BranchSet, got <${n.tag}>`);
  }
  return out;
}

/** The <logicTree> of a logic-tree file, or an InputError saying the file is not one. */
export function logicTreeNode(root: XmlNode, what: string): XmlNode {
  const lt = root.tag === "nrml" ? root.children.find((c) => c.tag === "logicTree") : undefined;
  if (!lt) {
    const found = root.tag === "nrml" ? root.children[0]?.tag : root.tag;
    throw new InputError(
      root.file,
      root.line,
      what,
      `${root.file} is not a valid ${what}: expected <logicTree>, found <${found ?? "nothing"}>`,
    );
  }
  return lt;
}

export class SourceModelLogicTree {
  filename: string;
  basepath: string;
  branchsets: LtBranchSet[] = [];
  root!: LtBranchSet;
  branches = new Map<string, LtBranch>();
  /** branch id -> short code (letter + branch-set number) */
  shortener = new Map<string, string>();
  sourceData: SourceDatum[] = [];
  trts = new Set<string>();
  /** parsed source model files (unfiltered), by path relative to the logic tree */
  models = new Map<string, SourceModelSpec>();
  private bsetIds = new Set<string>();
  private previous: LtBranch[] = [];

  private constructor(filename: string, basepath: string) {
    this.filename = filename;
    this.basepath = basepath;
  }

  /** Parse a source_model_logic_tree_file. */
  static read(filename: string): SourceModelLogicTree {
    const self = new SourceModelLogicTree(filename, dirname(filename));
    const lt = logicTreeNode(readXml(filename), "source_model_logic_tree_file");
    branchSetNodes(lt).forEach((bs, bsno) => self.parseBranchSet(bs, bsno));
    if (!self.branchsets.length) {
      throw nodeError(lt, "logicTreeBranchSet", "the logic tree has no branch sets");
    }
    return self;
  }

  /** The trivial tree of a job with `source_model_file`: one branch `br0`. */
  static trivial(sourceModelFile: string): SourceModelLogicTree {
    const self = new SourceModelLogicTree(sourceModelFile, dirname(sourceModelFile));
    const fname = basename(sourceModelFile);
    const br: LtBranch = {
      id: "br0",
      value: { utype: "sourceModel", files: [fname] },
      weight: 1,
      bsId: "bs0",
    };
    self.collectSourceModelData("br0", fname);
    const bset: LtBranchSet = {
      utype: "sourceModel",
      id: "bs0",
      ordinal: 0,
      filters: {},
      branches: [br],
    };
    self.branches.set("br0", br);
    self.shortener.set("br0", "A0");
    self.branchsets.push(bset);
    self.root = bset;
    return self;
  }

  private fail(node: XmlNode, field: string, message: string): InputError {
    return new InputError(this.filename, node.line, field, message);
  }

  private collectSourceModelData(branchId: string, fname: string) {
    let sm = this.models.get(fname);
    if (!sm) {
      sm = readSourceModel(join(this.basepath, fname));
      this.models.set(fname, sm);
    }
    for (const g of sm.groups) {
      for (const s of g.sources) {
        this.sourceData.push({ branch: branchId, trt: s.trt, fname, source: s.id.split(":")[0] });
        this.trts.add(s.trt);
      }
    }
  }

  private parseBranchSet(node: XmlNode, bsno: number) {
    const utype = node.attrs.uncertaintyType;
    if (utype === undefined) throw this.fail(node, "uncertaintyType", "missing uncertaintyType");
    if (!SMLT_UNCERTAINTIES.has(utype)) {
      if (utype === "gmpeModel" && bsno > 0) {
        throw this.fail(
          node,
          "uncertaintyType",
          'uncertainty of type "gmpeModel" is not allowed in source model logic tree',
        );
      }
      throw this.fail(node, "uncertaintyType", `unknown uncertainty type ${utype}`);
    }
    const raw: Record<string, string> = {};
    for (const f of FILTERS) if (node.attrs[f] !== undefined) raw[f] = node.attrs[f];
    this.validateFilters(node, utype, raw);
    const filters: LtFilters = {};
    if (raw.applyToSources !== undefined) {
      filters.applyToSources = raw.applyToSources.trim().split(/\s+/);
    }
    if (raw.applyToBranches !== undefined) {
      filters.applyToBranches = raw.applyToBranches.trim().split(/\s+/);
    }
    if (raw.applyToTectonicRegionType !== undefined) {
      filters.applyToTectonicRegionType = raw.applyToTectonicRegionType;
    }

    const bsid = node.attrs.branchSetID;
    if (bsid === undefined) throw this.fail(node, "branchSetID", "missing branchSetID");
    if (this.bsetIds.has(bsid)) {
      throw this.fail(node, "branchSetID", `duplicated branchSetID ${bsid}`);
    }
    const bset: LtBranchSet = {
      utype,
      id: bsid,
      ordinal: this.bsetIds.size,
      filters,
      branches: [],
    };
    this.bsetIds.add(bsid);
    if (bsno === 0 && utype !== "sourceModel") {
      throw this.fail(
        node,
        "uncertaintyType",
        'first branchset must define an uncertainty of type "sourceModel"',
      );
    }
    if (bsno > 0 && utype === "sourceModel") {
      throw this.fail(
        node,
        "uncertaintyType",
        'uncertainty of type "sourceModel" can be defined on first branchset only',
      );
    }
    this.parseBranches(node, bset);
    if (!this.root) this.root = bset;
    if (!bset.branches.length) {
      this.bsetIds.delete(bsid);
      return;
    }
    const prevIds = this.previous.map((b) => b.id);
    const app2brs = raw.applyToBranches?.trim() ? raw.applyToBranches.trim().split(/\s+/) : prevIds;
    const missing = prevIds.filter((id) => !app2brs.includes(id));
    const dummies: LtBranch[] = [];
    if (missing.length) {
      bset.applied = app2brs.join(" ");
      for (const brid of app2brs) {
        const br = this.branches.get(brid);
        if (!br) throw this.fail(node, "applyToBranches", `branch '${brid}' is not yet defined`);
        if (!isLeaf(br)) {
          throw this.fail(node, "applyToBranches", `branch '${brid}' already has child branchset`);
        }
        br.bset = bset;
      }
      // every open end not listed gets a dummy branch set. NB: OpenQuake looks the open ends up
      // by id in a set, so a dummy open end ("." ids) may get its dummy in hash order; we attach
      // one dummy to each open end, which gives the same paths, weights and order.
      for (const br of this.previous) {
        if (app2brs.includes(br.id)) continue;
        const dummy = dummyBranchSet();
        br.bset = dummy;
        // NB: like OpenQuake, every dummy branch is registered under the id "."
        this.branches.set(".", dummy.branches[0]);
        dummies.push(dummy.branches[0]);
      }
    } else {
      for (const br of this.previous) br.bset = bset;
    }
    this.previous = [...bset.branches, ...dummies];
    this.branchsets.push(bset);
  }

  private parseBranches(node: XmlNode, bset: LtBranchSet) {
    const brnodes = childrenOf(node, "logicTreeBranch");
    if (brnodes.length > BASE183.length) {
      throw this.fail(
        node,
        "logicTreeBranch",
        `the branchset ${bset.id} has too many branches (${brnodes.length} > 183)`,
      );
    }
    const bsno = this.branchsets.length;
    let weightSum = 0;
    const keys: string[] = [];
    brnodes.forEach((bn, brno) => {
      const id = bn.attrs.branchID;
      if (id === undefined) throw this.fail(bn, "branchID", "missing branchID");
      const wnode = childrenOf(bn, "uncertaintyWeight")[0];
      if (!wnode) throw this.fail(bn, "uncertaintyWeight", `branch ${id} has no uncertaintyWeight`);
      const weight = toFloat(wnode.text, wnode, "uncertaintyWeight");
      const unode = childrenOf(bn, "uncertaintyModel")[0];
      if (!unode) throw this.fail(bn, "uncertaintyModel", `branch ${id} has no uncertaintyModel`);
      const value = parseUncertainty(bset.utype, unode);
      if (value.utype === "sourceModel" || value.utype === "extendModel") {
        const files = (value as { files: string[] }).files;
        if (new Set(files).size < files.length) {
          throw this.fail(unode, "uncertaintyModel", `Found duplicates ${files}`);
        }
        for (const f of files) {
          if (f.endsWith(".xml") || f.endsWith(".nrml")) this.collectSourceModelData(id, f);
        }
      }
      if (this.branches.has(id)) throw this.fail(bn, "branchID", `branchID '${id}' is not unique`);
      const br: LtBranch = { id, value, weight, bsId: bset.id };
      this.branches.set(id, br);
      bset.branches.push(br);
      this.shortener.set(id, BASE183[brno] + bsno);
      weightSum += weight;
      keys.push(unode.text.trim() ? unode.text.trim() : valueKey(value));
    });
    if (Math.abs(weightSum - 1.0) > 1e-7) {
      throw this.fail(node, "uncertaintyWeight", `branchset weights sum up to ${weightSum}, not 1`);
    }
    if (new Set(keys).size < keys.length) {
      throw this.fail(
        node,
        "uncertaintyModel",
        `there are duplicate values in uncertaintyModel: ${keys.join(" ")}`,
      );
    }
  }

  private validateFilters(node: XmlNode, utype: string, f: Record<string, string>) {
    const others = Object.keys(f).filter((k) => k !== "applyToBranches");
    if (utype === "sourceModel" && others.length) {
      throw this.fail(node, others[0], "filters are not allowed on source model uncertainty");
    }
    if (others.length > 1) {
      throw this.fail(node, others[1], "only one filter is allowed per branchset");
    }
    const trt = f.applyToTectonicRegionType;
    if (trt !== undefined && !this.trts.has(trt)) {
      throw this.fail(
        node,
        "applyToTectonicRegionType",
        `source models don't define sources of tectonic region type '${trt}'`,
      );
    }
    const ats = f.applyToSources?.trim().split(/\s+/) ?? [];
    if (utype.endsWith("Absolute") && this.sourceData.length > 1) {
      if (others.length !== 1 || others[0] !== "applyToSources" || ats.length !== 1) {
        throw this.fail(
          node,
          "applyToSources",
          `uncertainty of type '${utype}' must define 'applyToSources' with only one source id`,
        );
      }
    }
    if (
      (utype === "simpleFaultDipRelative" || utype === "simpleFaultDipAbsolute") &&
      f.applyToSources === undefined
    ) {
      throw this.fail(
        node,
        "applyToSources",
        `uncertainty of type '${utype}' must define 'applyToSources'`,
      );
    }
    for (const srcId of ats) {
      const brs = new Set(this.sourceData.filter((d) => d.source === srcId).map((d) => d.branch));
      if (!brs.size) {
        throw this.fail(
          node,
          "applyToSources",
          `source with id '${srcId}' is not defined in source models`,
        );
      }
      if (brs.size > 1 && f.applyToBranches === undefined) {
        throw this.fail(
          node,
          "applyToSources",
          `${srcId} belongs to multiple branches {${
            [...brs].join(", ")
          }}: applyToBranches must be specified together with applyToSources`,
        );
      }
    }
  }

  /** All paths in OpenQuake's order (sorted by path id), weights as products along the path. */
  enumerate(): SmPath[] {
    const out: SmPath[] = [];
    const walk = (bset: LtBranchSet, prefix: LtBranch[]) => {
      for (const br of bset.branches) {
        const p = [...prefix, br];
        if (br.bset) walk(br.bset, p);
        else {
          // hazardlib multiplies from the last branch back to the first
          let weight = 1.0;
          for (let i = p.length - 1; i >= 0; i--) weight *= p[i].weight;
          out.push({ ordinal: 0, branches: p, ltPath: p.map((b) => b.id), weight, samples: 1 });
        }
      }
    };
    walk(this.root, []);
    sortByPid(out);
    out.forEach((p, i) => p.ordinal = i);
    return out;
  }

  /** Number of paths of the full tree. */
  numPaths(): number {
    const count = (brs: LtBranch[]): number =>
      brs.reduce((n, b) => n + (b.bset ? count(b.bset.branches) : 1), 0);
    return count(this.root.branches);
  }

  /** S sampled paths, in sampling order (lt.CompositeLogicTree.__iter__ with num_samples). */
  sample(numSamples: number, seed: number, samplingMethod: string): SmPath[] {
    const probs = ltRandom(numSamples, this.branchsets.length, seed, samplingMethod);
    return probs.map((row, s) => {
      const branches: LtBranch[] = [];
      let bset: LtBranchSet | undefined = this.root;
      while (bset) {
        const x = row[bset.ordinal];
        const br: LtBranch = bset.branches[
          sampleIndex(bset.branches.map((b) => b.weight), x, samplingMethod)
        ];
        branches.push(br);
        bset = br.bset;
      }
      let weight: number;
      if (samplingMethod.startsWith("early_")) weight = 1 / numSamples;
      else if (samplingMethod.startsWith("late_")) {
        weight = branches.reduce((w, b) => w * b.weight, 1);
      } else throw new Error(`sampling_method ${samplingMethod} is not implemented`);
      return { ordinal: s, branches, ltPath: branches.map((b) => b.id), weight, samples: 1 };
    });
  }

  /** The (branch set, value) pairs of a path after the root, stopping at a leaf (get_bset_values). */
  bsetValues(ltPath: string[]): [LtBranchSet, UncertaintyValue][] {
    const pairs: [LtBranchSet, UncertaintyValue][] = [];
    let bset: LtBranchSet = this.root;
    for (const brid of ltPath) {
      const br = bset.branches.find((b) => b.id === brid);
      if (!br) throw new Error(`branch ${brid} not found in branch set ${bset.id}`);
      pairs.push([bset, br.value]);
      if (isLeaf(br)) break;
      bset = br.bset!;
    }
    return pairs.slice(1);
  }

  /** realizations.csv code of a path: one character per branch set, "A" for a one-branch tree. */
  shorten(ltPath: string[]): string {
    if (this.shortener.size === 1) return "A";
    return ltPath.map((id) => id[0] === "." ? "." : this.shortener.get(id)![0]).join("");
  }
}

/** Group sampled paths with the same id (sorted by id): OpenQuake's get_effective_rlzs. */
export function effectivePaths(paths: SmPath[]): SmPath[] {
  const sorted = [...paths];
  sortByPid(sorted);
  const out: SmPath[] = [];
  for (const p of sorted) {
    const pid = p.ltPath.join("~");
    const last = out.at(-1);
    if (last && last.ltPath.join("~") === pid) {
      last.weight += p.weight;
      last.samples++;
    } else out.push({ ...p, ordinal: out.length, samples: 1, weight: 0 + p.weight });
  }
  return out;
}

function sortByPid(paths: SmPath[]) {
  const keyed = paths.map((p, i) => ({ p, i, k: p.ltPath.join("~") }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i));
  keyed.forEach((x, i) => paths[i] = x.p);
}

export function dirname(p: string): string {
  const i = p.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf("/") + 1);
}

export function join(dir: string, f: string): string {
  if (f.startsWith("/")) return f;
  return dir === "." || dir === "" ? f : `${dir.replace(/\/$/, "")}/${f}`;
}
