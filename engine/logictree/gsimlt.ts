// SPDX-License-Identifier: AGPL-3.0-or-later
// The GMPE logic tree (hazardlib/gsim_lt.py): one gmpeModel branch set per TRT, restricted to the
// TRTs of the source models, branches renamed `g<letter><branch set>`, TRTs in sorted order.
import { InputError } from "../input/errors.ts";
import { childrenOf, readXml, toFloat, type XmlNode } from "../input/nrml/xml.ts";
import { ltRandom, sampleIndex } from "./random.ts";
import { BASE183, branchSetNodes, logicTreeNode } from "./smlt.ts";
import type { GsimBranch, GsimLogicTree } from "./types.ts";

/** A GSIM branch with its TRT and the weights by key ("weight" = default, else IMT). */
export interface GsimLtBranch extends GsimBranch {
  trt: string;
  weights: Record<string, number>;
  effective: boolean;
}

export interface GsimPath {
  ordinal: number;
  branches: GsimLtBranch[];
  /** one weight per key of `imtKeys` (the default "weight" is the last) */
  weights: number[];
}

export class GsimLt {
  filename: string;
  /** effective TRTs, sorted; ["*"] for a job.ini `gsim` */
  trts: string[];
  /** effective branches, sorted by TRT (stable) */
  branches: GsimLtBranch[] = [];
  bsetIdByTrt = new Map<string, string>();
  shortener = new Map<string, string>();
  /** sorted weight keys (uppercase IMTs first, "weight" last), as IMTWeigher.imti */
  imtKeys: string[] = [];

  private constructor(filename: string, trts: string[]) {
    this.filename = filename;
    this.trts = trts;
  }

  /** Read a gsim_logic_tree_file restricted to the given TRTs (["*"]: no restriction). */
  static read(filename: string, trts: string[] = ["*"]): GsimLt {
    const sorted = [...trts].sort();
    if (new Set(sorted).size < sorted.length) {
      throw new Error(`The given tectonic region types are not distinct: ${sorted.join(",")}`);
    }
    const self = new GsimLt(filename, sorted);
    const lt = logicTreeNode(readXml(filename), "gsim_logic_tree_file");
    self.build(branchSetNodes(lt), sorted);
    return self;
  }

  /** The trivial tree of job.ini `gsim = Name`: one branch applying to every TRT ("*"). */
  static fromGsim(spec: string, jobIni = "<in-memory>"): GsimLt {
    const self = new GsimLt(jobIni, ["*"]);
    const br: GsimLtBranch = {
      id: "gA0",
      branchId: "b1",
      spec: spec.trim(),
      weight: 1,
      trt: "*",
      weights: { weight: 1 },
      effective: true,
    };
    self.branches = [br];
    self.bsetIdByTrt.set("*", "bs1");
    self.shortener.set("gA0", "A0");
    self.imtKeys = ["weight"];
    return self;
  }

  private fail(node: XmlNode, field: string, message: string): InputError {
    return new InputError(this.filename, node.line, field, message);
  }

  private build(bsnodes: XmlNode[], trts: string[]) {
    const all: GsimLtBranch[] = [];
    const seenBs = new Set<string>();
    const seenTrts: string[] = [];
    const valuesByTrt = new Map<string, string[]>();
    bsnodes.forEach((bs, bsno) => {
      if (bs.attrs.uncertaintyType !== "gmpeModel") {
        throw this.fail(
          bs,
          "uncertaintyType",
          'only uncertainties of type "gmpeModel" are allowed in gmpe logic tree',
        );
      }
      const bsid = bs.attrs.branchSetID ?? "";
      if (seenBs.has(bsid)) throw this.fail(bs, "branchSetID", `Duplicated branchSetID ${bsid}`);
      seenBs.add(bsid);
      const trt = bs.attrs.applyToTectonicRegionType;
      if (trt === undefined) {
        throw this.fail(bs, "applyToTectonicRegionType", "missing applyToTectonicRegionType");
      }
      if (seenTrts.includes(trt)) {
        throw this.fail(
          bs,
          "applyToTectonicRegionType",
          `Found duplicated applyToTectonicRegionType=${trt}`,
        );
      }
      seenTrts.push(trt);
      this.bsetIdByTrt.set(trt, bsid);
      const effective = (trts.length === 1 && trts[0] === "*") || trts.includes(trt);
      const totals: Record<string, number> = {};
      const specs = valuesByTrt.get(trt) ?? [];
      valuesByTrt.set(trt, specs);
      childrenOf(bs, "logicTreeBranch").forEach((bn, brno) => {
        const wnodes = childrenOf(bn, "uncertaintyWeight");
        if (!wnodes.length) throw this.fail(bn, "uncertaintyWeight", "missing uncertaintyWeight");
        if (wnodes[0].attrs.imt !== undefined) {
          throw this.fail(
            wnodes[0],
            "uncertaintyWeight",
            "The first uncertaintyWeight has an imt attribute",
          );
        }
        const weights: Record<string, number> = {
          weight: toFloat(wnodes[0].text, wnodes[0], "uncertaintyWeight"),
        };
        for (const w of wnodes.slice(1)) {
          const imt = w.attrs.imt;
          if (imt === undefined || imt in weights) {
            throw this.fail(w, "imt", "There are duplicated IMTs in the weights");
          }
          weights[imt] = toFloat(w.text, w, "uncertaintyWeight");
        }
        for (const [k, w] of Object.entries(weights)) totals[k] = (totals[k] ?? 0) + w;
        const unode = childrenOf(bn, "uncertaintyModel")[0];
        if (!unode) throw this.fail(bn, "uncertaintyModel", "missing uncertaintyModel");
        const spec = gsimSpec(unode);
        if (specs.includes(spec)) {
          throw this.fail(unode, "uncertaintyModel", `duplicated gsim ${spec}`);
        }
        specs.push(spec);
        const id = "g" + BASE183[brno] + bsno;
        const br: GsimLtBranch = {
          id,
          branchId: bn.attrs.branchID ?? id,
          spec,
          weight: weights.weight,
          trt,
          weights,
          effective,
        };
        const imtw = Object.entries(weights).filter(([k]) => k !== "weight");
        if (imtw.length) br.imtWeights = Object.fromEntries(imtw);
        if (effective) {
          all.push(br);
          this.shortener.set(id, BASE183[brno] + bsno);
        }
      });
      for (const [k, tot] of Object.entries(totals)) {
        if (tot && Math.abs(tot - 1) >= 1e-7) {
          throw this.fail(
            bs,
            "uncertaintyWeight",
            `the weights (${k}) of branchset ${bsid} sum up to ${tot}, not 1`,
          );
        }
      }
    });
    // stable sort by TRT
    this.branches = all.map((b, i) => ({ b, i })).sort((x, y) =>
      x.b.trt < y.b.trt ? -1 : x.b.trt > y.b.trt ? 1 : x.i - y.i
    ).map((x) => x.b);
    if (!(trts.length === 1 && trts[0] === "*")) {
      for (const trt of trts) {
        if (!valuesByTrt.get(trt)?.length) {
          throw new InputError(
            this.filename,
            undefined,
            "applyToTectonicRegionType",
            `${this.filename} is missing the TRT '${trt}'`,
          );
        }
      }
    } else {
      // no restriction: the TRTs in file order, as OpenQuake's `values` dict
      this.trts = seenTrts;
    }
    if (trts.length && !this.branches.length) {
      throw new InputError(
        this.filename,
        undefined,
        undefined,
        `{${trts.join(", ")}} is missing in ${this.filename}`,
      );
    }
    const keys = new Set<string>();
    for (const b of this.branches) for (const k of Object.keys(b.weights)) keys.add(k);
    // Python sorts by code point: uppercase IMT names before "weight"
    this.imtKeys = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  branchesOf(trt: string): GsimLtBranch[] {
    return this.branches.filter((b) => b.trt === trt);
  }

  numPaths(): number {
    let n = 1;
    for (const trt of this.trts) n *= this.branchesOf(trt).length || 1;
    return this.branches.length ? n : 0;
  }

  /** Cartesian product over the TRTs (the last TRT varies fastest). */
  enumerate(): GsimPath[] {
    const groups = this.trts.map((t) => this.branchesOf(t));
    const out: GsimPath[] = [];
    const rec = (i: number, acc: GsimLtBranch[]) => {
      if (i === groups.length) {
        out.push({ ordinal: out.length, branches: acc, weights: this.pathWeights(acc) });
        return;
      }
      for (const b of groups[i]) rec(i + 1, [...acc, b]);
    };
    rec(0, []);
    return out;
  }

  // hazardlib multiplies, for each branch, only the weight keys that branch defines
  private pathWeights(brs: GsimLtBranch[]): number[] {
    const w = this.imtKeys.map(() => 1);
    for (const b of brs) {
      for (const [k, x] of Object.entries(b.weights)) {
        const i = this.imtKeys.indexOf(k);
        w[i] *= x;
      }
    }
    return w;
  }

  /** n sampled paths (GsimLogicTree.sample), seed = random_seed + 1 by the caller. */
  sample(n: number, seed: number, samplingMethod: string): GsimPath[] {
    const probs = ltRandom(n, this.trts.length, seed, samplingMethod);
    const groups = this.trts.map((t) => this.branchesOf(t));
    const out: GsimPath[] = [];
    for (let i = 0; i < n; i++) {
      const brs = groups.map((g, t) =>
        g[sampleIndex(g.map((b) => b.weight), probs[i][t], samplingMethod)]
      );
      let w = 1;
      for (const b of brs) w *= b.weight;
      out.push({ ordinal: i, branches: brs, weights: [w] });
    }
    return out;
  }

  shorten(ids: string[]): string {
    if (this.shortener.size === 1) return "A";
    return ids.map((id) => this.shortener.get(id)![0]).join("");
  }

  toContract(): GsimLogicTree {
    return {
      trts: this.trts,
      branchSets: this.trts.map((trt) => ({
        trt,
        branchSetId: this.bsetIdByTrt.get(trt) ?? "",
        branches: this.branchesOf(trt).map(publicBranch),
      })),
    };
  }
}

export function publicBranch(b: GsimLtBranch): GsimBranch {
  const out: GsimBranch = { id: b.id, branchId: b.branchId, spec: b.spec, weight: b.weight };
  if (b.imtWeights) out.imtWeights = b.imtWeights;
  return out;
}

/**
 * The GSIM of an <uncertaintyModel>: the trimmed text, with its lines stripped (TOML form kept
 * as written); attributes become TOML arguments as in valid.to_toml.
 */
export function gsimSpec(node: XmlNode): string {
  let text = node.text.trim().split("\n").map((l) => l.trim()).join("\n");
  const attrs = Object.entries(node.attrs);
  if (attrs.length) {
    if (!text.startsWith("[")) text = `[${text}]`;
    for (const [k, v] of attrs) {
      const lit =
        /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v.trim()) || v === "True" || v === "False"
          ? v.trim().toLowerCase()
          : JSON.stringify(v);
      text += `\n${k} = ${lit}`;
    }
  }
  return text;
}
