// SPDX-License-Identifier: AGPL-3.0-or-later
// NRML 0.4 and 0.5 source model files -> SourceModelSpec (hazardlib/sourceconverter.py, nrml.py).
import type {
  HypoDepth,
  NodalPlane,
  NonParametricSourceSpec,
  SourceGroupSpec,
  SourceModelSpec,
  SourceSpec,
} from "../../source/spec.ts";
import {
  checkDip,
  coords2d,
  parseComplexFaultGeometry,
  parseKiteSurface,
  parseSimpleFaultGeometry,
  parseSurfaces,
} from "./geometry.ts";
import { mfdNode, parseMfd, parseMultiMfd } from "./mfd.ts";
import { parseMsr } from "./msr.ts";
import { checkRake, parseRupture } from "./rupture.ts";
import {
  attr,
  child,
  childrenOf,
  floatAttr,
  floatChild,
  nodeError,
  optChild,
  optFloatAttr,
  path,
  readXml,
  toFloat,
  toFloats,
  type XmlNode,
} from "./xml.ts";

export const NRML05 = "http://openquake.org/xmlns/nrml/0.5";

/** Source typologies read by this module. */
export const SOURCE_TAGS = [
  "pointSource",
  "areaSource",
  "multiPointSource",
  "simpleFaultSource",
  "complexFaultSource",
  "kiteFaultSource",
  "characteristicFaultSource",
  "nonParametricSeismicSource",
] as const;

export interface ReadSourceModelOptions {
  /** job.ini source_id: keep only the sources whose id starts with one of these */
  sourceId?: string[];
  /** job.ini discard_trts */
  discardTrts?: string[];
  /** job.ini source_nodes: keep only these source tags */
  sourceNodes?: string[];
}

const PMF_PRECISION = 1e-7;

function checkPmf(probs: number[], node: XmlNode, field: string) {
  let tot = 0;
  for (const p of probs) {
    if (!(p > 0 && p <= 1)) throw nodeError(node, field, `probability ${p} is not in (0, 1]`);
    tot += p;
  }
  if (Math.abs(tot - 1) > PMF_PRECISION) {
    throw nodeError(node, field, `the probabilities sum up to ${tot}, not 1`);
  }
}

function parseNodalPlanes(src: XmlNode): NodalPlane[] {
  const dist = child(src, "nodalPlaneDist");
  const planes = childrenOf(dist, "nodalPlane").map((n) => {
    const np: NodalPlane = {
      probability: floatAttr(n, "probability"),
      strike: floatAttr(n, "strike"),
      dip: floatAttr(n, "dip"),
      rake: floatAttr(n, "rake"),
    };
    if (!(np.strike >= 0 && np.strike < 360)) {
      throw nodeError(n, "strike", `strike ${np.strike} is out of range [0, 360)`);
    }
    checkDip(np.dip, n);
    checkRake(np.rake, n);
    return np;
  });
  if (!planes.length) throw nodeError(dist, "nodalPlane", "empty nodalPlaneDist");
  checkPmf(planes.map((p) => p.probability), dist, "probability");
  return planes;
}

function parseHypoDepths(src: XmlNode, usd: number, lsd: number): HypoDepth[] {
  const dist = child(src, "hypoDepthDist");
  const hds = childrenOf(dist, "hypoDepth").map((n) => {
    const hd = { probability: floatAttr(n, "probability"), depth: floatAttr(n, "depth") };
    if (!(hd.depth >= usd && hd.depth <= lsd)) {
      throw nodeError(
        n,
        "depth",
        `hypocentre depth ${hd.depth} is outside the seismogenic layer [${usd}, ${lsd}]`,
      );
    }
    return hd;
  });
  if (!hds.length) throw nodeError(dist, "hypoDepth", "empty hypoDepthDist");
  checkPmf(hds.map((h) => h.probability), dist, "probability");
  return hds;
}

/**
 * Merge identical nodal planes / hypocentre depths as hazardlib's fix_dupl does: if there are
 * duplicates, sum their probabilities and sort by (probability, value); else keep the order.
 * The reader keeps the distributions as written; rupture generation applies this.
 */
export function fixDuplNodalPlanes(planes: NodalPlane[]): NodalPlane[] {
  const key = (p: NodalPlane) => `${p.strike},${p.dip},${p.rake}`;
  const acc = new Map<string, NodalPlane>();
  for (const p of planes) {
    const k = key(p);
    const prev = acc.get(k);
    if (prev) prev.probability += p.probability;
    else acc.set(k, { ...p });
  }
  if (acc.size === planes.length) return planes;
  // Python sorts (prob, NodalPlane(strike, dip, rake)) tuples
  return [...acc.values()].sort((a, b) =>
    a.probability - b.probability || a.strike - b.strike || a.dip - b.dip || a.rake - b.rake
  );
}

export function fixDuplHypoDepths(hds: HypoDepth[]): HypoDepth[] {
  const acc = new Map<number, HypoDepth>();
  for (const h of hds) {
    const prev = acc.get(h.depth);
    if (prev) prev.probability += h.probability;
    else acc.set(h.depth, { ...h });
  }
  if (acc.size === hds.length) return hds;
  return [...acc.values()].sort((a, b) => a.probability - b.probability || a.depth - b.depth);
}

function textChild(node: XmlNode, tag: string): number {
  return floatChild(node, tag);
}

function aspectRatio(src: XmlNode): number {
  const n = child(src, "ruptAspectRatio");
  const r = toFloat(n.text, n, "ruptAspectRatio");
  if (!(r > 0)) throw nodeError(n, "ruptAspectRatio", `ruptAspectRatio must be positive, got ${r}`);
  return r;
}

function rakeOf(src: XmlNode): number {
  const n = child(src, "rake");
  const r = toFloat(n.text, n, "rake");
  checkRake(r, n);
  return r;
}

function sourceTom(src: XmlNode): SourceSpec["tom"] | undefined {
  const kind = src.attrs.tom;
  if (kind === undefined) return undefined;
  const tom: NonNullable<SourceSpec["tom"]> = { kind };
  const mu = optFloatAttr(src, "mu"), alpha = optFloatAttr(src, "alpha");
  if (mu !== undefined) tom.mu = mu;
  if (alpha !== undefined) tom.alpha = alpha;
  return tom;
}

/** Convert one source element; `trt` is the inherited group TRT (NRML 0.5) if any. */
export function parseSource(node: XmlNode, trt?: string): SourceSpec {
  const id = attr(node, "id");
  const name = node.attrs.name ?? "";
  const ownTrt = node.attrs.tectonicRegion;
  if (trt !== undefined && ownTrt !== undefined && ownTrt !== trt) {
    throw nodeError(node, "tectonicRegion", `Found ${ownTrt}, expected ${trt}`);
  }
  const srcTrt = trt ?? ownTrt;
  if (srcTrt === undefined) {
    throw nodeError(node, "tectonicRegion", `source ${id} has no tectonicRegion`);
  }
  const base = { id, name, trt: srcTrt, place: { file: node.file, line: node.line } };
  const tom = sourceTom(node);
  const withTom = <T extends SourceSpec>(s: T): T => {
    if (tom) s.tom = tom;
    return s;
  };
  switch (node.tag) {
    case "pointSource": {
      const geom = child(node, "pointGeometry");
      const pos = path(geom, "Point", "pos");
      const pts = coords2d(pos, "pos");
      if (pts.length !== 1) throw nodeError(pos, "pos", "a point needs exactly one lon lat pair");
      const usd = textChild(geom, "upperSeismoDepth"), lsd = textChild(geom, "lowerSeismoDepth");
      checkLayer(usd, lsd, geom);
      return withTom({
        ...base,
        kind: "pointSource",
        location: pts[0],
        upperSeismoDepth: usd,
        lowerSeismoDepth: lsd,
        msr: parseMsr(child(node, "magScaleRel")),
        ruptAspectRatio: aspectRatio(node),
        mfd: parseMfd(mfdNode(node)),
        nodalPlanes: parseNodalPlanes(node),
        hypoDepths: parseHypoDepths(node, usd, lsd),
      });
    }
    case "areaSource": {
      const geom = child(node, "areaGeometry");
      const pos = path(geom, "Polygon", "exterior", "LinearRing", "posList");
      const polygon = coords2d(pos);
      // hazardlib drops a repeated closing vertex
      if (polygon.length > 1) {
        const [a, b] = [polygon[0], polygon.at(-1)!];
        if (a[0] === b[0] && a[1] === b[1]) polygon.pop();
      }
      if (polygon.length < 3) {
        throw nodeError(pos, "posList", "a polygon needs at least 3 vertices");
      }
      const usd = textChild(geom, "upperSeismoDepth"), lsd = textChild(geom, "lowerSeismoDepth");
      checkLayer(usd, lsd, geom);
      const src: SourceSpec = {
        ...base,
        kind: "areaSource",
        polygon,
        upperSeismoDepth: usd,
        lowerSeismoDepth: lsd,
        msr: parseMsr(child(node, "magScaleRel")),
        ruptAspectRatio: aspectRatio(node),
        mfd: parseMfd(mfdNode(node)),
        nodalPlanes: parseNodalPlanes(node),
        hypoDepths: parseHypoDepths(node, usd, lsd),
      };
      const disc = optFloatAttr(geom, "discretization");
      if (disc !== undefined) src.discretization = disc;
      return withTom(src);
    }
    case "multiPointSource": {
      const geom = child(node, "multiPointGeometry");
      const points = coords2d(child(geom, "posList"));
      const usd = textChild(geom, "upperSeismoDepth"), lsd = textChild(geom, "lowerSeismoDepth");
      checkLayer(usd, lsd, geom);
      const mnode = mfdNode(node);
      const mfds = mnode.tag === "multiMFD"
        ? parseMultiMfd(mnode, points.length)
        : points.map(() => parseMfd(mnode));
      return withTom({
        ...base,
        kind: "multiPointSource",
        points,
        mfds,
        upperSeismoDepth: usd,
        lowerSeismoDepth: lsd,
        msr: parseMsr(child(node, "magScaleRel")),
        ruptAspectRatio: aspectRatio(node),
        nodalPlanes: parseNodalPlanes(node),
        hypoDepths: parseHypoDepths(node, usd, lsd),
      });
    }
    case "simpleFaultSource": {
      const src: SourceSpec = {
        ...base,
        kind: "simpleFaultSource",
        geometry: parseSimpleFaultGeometry(child(node, "simpleFaultGeometry")),
        msr: parseMsr(child(node, "magScaleRel")),
        ruptAspectRatio: aspectRatio(node),
        mfd: parseMfd(mfdNode(node)),
        rake: rakeOf(node),
      };
      const hl = optChild(node, "hypoList"), sl = optChild(node, "slipList");
      if ((hl === undefined) !== (sl === undefined)) {
        throw nodeError(
          node,
          hl ? "slipList" : "hypoList",
          "hypoList and slipList must be given together",
        );
      }
      if (hl && sl) {
        src.hypoList = childrenOf(hl, "hypo").map((h) => ({
          alongStrike: floatAttr(h, "alongStrike"),
          downDip: floatAttr(h, "downDip"),
          weight: floatAttr(h, "weight"),
        }));
        src.slipList = childrenOf(sl, "slip").map((s) => ({
          slip: toFloat(s.text, s, "slip"),
          weight: floatAttr(s, "weight"),
        }));
        checkPmf(src.hypoList.map((h) => h.weight), hl, "weight");
        checkPmf(src.slipList.map((s) => s.weight), sl, "weight");
      }
      return withTom(src);
    }
    case "complexFaultSource":
      return withTom({
        ...base,
        kind: "complexFaultSource",
        geometry: parseComplexFaultGeometry(child(node, "complexFaultGeometry")),
        msr: parseMsr(child(node, "magScaleRel")),
        ruptAspectRatio: aspectRatio(node),
        mfd: parseMfd(mfdNode(node)),
        rake: rakeOf(node),
      });
    case "kiteFaultSource": {
      const sfg = optChild(node, "simpleFaultGeometry");
      const geometry = sfg
        ? parseSimpleFaultGeometry(sfg)
        : parseKiteSurface(child(node, "kiteSurface"));
      return withTom({
        ...base,
        kind: "kiteFaultSource",
        geometry,
        msr: parseMsr(child(node, "magScaleRel")),
        ruptAspectRatio: aspectRatio(node),
        mfd: parseMfd(mfdNode(node)),
        rake: rakeOf(node),
      });
    }
    case "characteristicFaultSource": {
      const surf = child(node, "surface");
      return withTom({
        ...base,
        kind: "characteristicFaultSource",
        surface: parseSurfaces(surf.children, surf),
        mfd: parseMfd(mfdNode(node)),
        rake: rakeOf(node),
      });
    }
    case "nonParametricSeismicSource": {
      if (!node.children.length) {
        throw nodeError(
          node,
          "ruptures",
          "non-parametric sources stored in .hdf5 files are not supported",
        );
      }
      const ruptures = node.children.map(parseRupture);
      let n: number | undefined;
      for (const [i, r] of ruptures.entries()) {
        if (!r.probsOccur) throw nodeError(node.children[i], "probs_occur", "missing probs_occur");
        if (n === undefined) n = r.probsOccur.length;
        else if (r.probsOccur.length !== n) {
          throw nodeError(
            node.children[i],
            "probs_occur",
            `prob_occurs=${
              node.children[i].attrs.probs_occur
            } has ${r.probsOccur.length} elements, expected ${n}`,
          );
        }
      }
      const src: NonParametricSourceSpec = {
        ...base,
        kind: "nonParametricSeismicSource",
        ruptures,
      };
      if (node.attrs.rup_weights !== undefined) {
        src.rupWeights = toFloats(node.attrs.rup_weights, node, "rup_weights");
        if (src.rupWeights.length !== ruptures.length) {
          throw nodeError(
            node,
            "rup_weights",
            `${src.rupWeights.length} rup_weights for ${ruptures.length} ruptures`,
          );
        }
      }
      return withTom(src);
    }
    default:
      throw nodeError(node, node.tag, `unknown source typology <${node.tag}>`);
  }
}

function checkLayer(usd: number, lsd: number, geom: XmlNode) {
  if (!(usd >= -8.848)) {
    throw nodeError(geom, "upperSeismoDepth", `upperSeismoDepth ${usd} is above -8.848 km`);
  }
  if (!(lsd > usd)) {
    throw nodeError(
      geom,
      "lowerSeismoDepth",
      `lowerSeismoDepth ${lsd} must be greater than upperSeismoDepth ${usd}`,
    );
  }
}

function keepSource(node: XmlNode, trt: string | undefined, opts: ReadSourceModelOptions): boolean {
  const t = trt ?? node.attrs.tectonicRegion;
  if (t !== undefined && opts.discardTrts?.includes(t)) return false;
  if (opts.sourceId?.length && !opts.sourceId.some((s) => (node.attrs.id ?? "").startsWith(s))) {
    return false;
  }
  if (opts.sourceNodes?.length && !opts.sourceNodes.includes(node.tag)) return false;
  return true;
}

// hazardlib orders groups by number of sources, then by TRT (SourceGroup.__lt__), stably
function sortGroups(groups: SourceGroupSpec[]): SourceGroupSpec[] {
  return groups.sort((a, b) =>
    a.sources.length - b.sources.length || (a.trt < b.trt ? -1 : a.trt > b.trt ? 1 : 0)
  );
}

function parseGroup(g: XmlNode, opts: ReadSourceModelOptions): SourceGroupSpec | undefined {
  const trt = attr(g, "tectonicRegion");
  if (opts.discardTrts?.includes(trt)) return undefined;
  const srcInterdep = g.attrs.src_interdep ?? "indep";
  const rupInterdep = g.attrs.rup_interdep ?? "indep";
  for (const [k, v] of [["src_interdep", srcInterdep], ["rup_interdep", rupInterdep]]) {
    if (v !== "indep" && v !== "mutex") {
      throw nodeError(g, k, `${k} must be indep or mutex, got ${v}`);
    }
  }
  const group: SourceGroupSpec = {
    trt,
    sources: [],
    srcInterdep: srcInterdep as "indep" | "mutex",
    rupInterdep: rupInterdep as "indep" | "mutex",
  };
  if (g.attrs.name !== undefined) group.name = g.attrs.name;
  const gp = optFloatAttr(g, "grp_probability");
  if (gp !== undefined) group.grpProbability = gp;
  if (g.attrs.cluster === "true") group.cluster = true;
  const occ = optFloatAttr(g, "occurrence_rate");
  if (g.attrs.tom !== undefined || occ !== undefined) {
    group.tom = { kind: occ !== undefined ? "ClusterPoissonTOM" : g.attrs.tom };
    if (occ !== undefined) group.tom.occurrenceRate = occ;
    const mu = optFloatAttr(g, "mu"), alpha = optFloatAttr(g, "alpha");
    if (mu !== undefined) group.tom.mu = mu;
    if (alpha !== undefined) group.tom.alpha = alpha;
  }
  if (group.cluster && g.attrs.tom === undefined) {
    throw nodeError(
      g,
      "tom",
      "A cluster group requires the definition of a temporal occurrence model",
    );
  }
  for (const s of g.children) {
    if (!keepSource(s, trt, opts)) continue;
    group.sources.push(parseSource(s, trt));
  }
  if (srcInterdep === "mutex" && group.sources.length) {
    const ws = toFloats(attr(g, "srcs_weights"), g, "srcs_weights");
    if (ws.length !== g.children.length) {
      throw nodeError(
        g,
        "srcs_weights",
        `There are ${ws.length} srcs_weights but ${g.children.length} source(s)`,
      );
    }
    let tot = 0;
    group.sources.forEach((s, i) => {
      if (!s.id.includes(":")) {
        throw nodeError(g, "id", "You must use the colon convention with mutex sources");
      }
      s.mutexWeight = ws[i];
      tot += ws[i];
    });
    if (Math.abs(tot - 1) > 5e-6 + 5e-6) {
      throw nodeError(g, "srcs_weights", `sum(srcs_weights) = ${tot}, not 1`);
    }
    group.srcsWeights = ws;
  }
  if (srcInterdep === "mutex" || group.rupInterdep === "mutex") {
    if (group.rupInterdep === "mutex") {
      for (const s of group.sources) {
        if (s.kind !== "nonParametricSeismicSource") {
          throw nodeError(
            g,
            "rup_interdep",
            "rup_interdep=mutex is only allowed for non-parametric sources",
          );
        }
      }
    }
  }
  return group.sources.length ? group : undefined;
}

/** Convert a parsed <nrml><sourceModel> tree. */
export function parseSourceModel(
  root: XmlNode,
  opts: ReadSourceModelOptions = {},
): SourceModelSpec {
  if (root.tag !== "nrml") {
    throw nodeError(root, "nrml", `expected a <nrml> root element, got <${root.tag}>`);
  }
  const sm = root.children.find((c) => c.tag === "sourceModel");
  if (!sm) {
    const found = root.children[0]?.tag ?? "nothing";
    throw nodeError(
      root.children[0] ?? root,
      "sourceModel",
      `expected <sourceModel>, found <${found}>`,
    );
  }
  const file = root.file;
  const isGrouped = sm.children.some((c) => c.tag === "sourceGroup");
  let groups: SourceGroupSpec[];
  if (isGrouped || root.xmlns === NRML05) {
    // NRML 0.5: explicit groups
    groups = [];
    for (const g of sm.children) {
      if (g.tag !== "sourceGroup") {
        throw nodeError(
          g,
          g.tag,
          'you have an incorrect declaration xmlns="http://openquake.org/xmlns/nrml/0.5"; it should be ' +
            'xmlns="http://openquake.org/xmlns/nrml/0.4"',
        );
      }
      const grp = parseGroup(g, opts);
      if (grp) groups.push(grp);
    }
  } else {
    // NRML 0.4: one implicit group per TRT
    const byTrt = new Map<string, SourceSpec[]>();
    for (const s of sm.children) {
      if (!keepSource(s, undefined, opts)) continue;
      const src = parseSource(s);
      const list = byTrt.get(src.trt) ?? [];
      list.push(src);
      byTrt.set(src.trt, list);
    }
    groups = [...byTrt.keys()].sort().map((trt) => ({
      trt,
      sources: byTrt.get(trt)!,
      srcInterdep: "indep" as const,
      rupInterdep: "indep" as const,
    }));
  }
  const out: SourceModelSpec = { name: sm.attrs.name ?? "", file, groups: sortGroups(groups) };
  const itime = optFloatAttr(sm, "investigation_time");
  if (itime !== undefined) {
    if (!(itime > 0)) {
      throw nodeError(
        sm,
        "investigation_time",
        `investigation_time must be positive, got ${itime}`,
      );
    }
    out.investigationTime = itime;
  }
  return out;
}

/**
 * Read a source model file. Throws InputError naming file, line and field for malformed XML,
 * missing elements or attributes and bad numbers.
 */
export function readSourceModel(path: string, opts: ReadSourceModelOptions = {}): SourceModelSpec {
  return parseSourceModel(readXml(path), opts);
}

/** All sources of a model, groups flattened. */
export function allSources(sm: SourceModelSpec): SourceSpec[] {
  return sm.groups.flatMap((g) => g.sources);
}
