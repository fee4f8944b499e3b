// SPDX-License-Identifier: AGPL-3.0-or-later
// Source-model uncertainties (hazardlib/lt.py parse_uncertainty / apply_uncertainty): the value
// of a branch is parsed from its <uncertaintyModel>, then applied to copies of the sources.
import type { MfdSpec, MsrSpec, Point, SourceSpec, SurfaceGeometry } from "../source/spec.ts";
import {
  coords2d,
  parseComplexFaultGeometry,
  parseSimpleFaultGeometry,
  parseSurfaces,
} from "../input/nrml/geometry.ts";
import { parseMsr } from "../input/nrml/msr.ts";
import {
  child,
  floatAttr,
  floatChild,
  nodeError,
  optChild,
  path,
  toFloat,
  toFloats,
  type XmlNode,
} from "../input/nrml/xml.ts";

export type UncertaintyValue =
  | { utype: "sourceModel" | "extendModel"; files: string[] }
  | { utype: "abGRAbsolute"; a: number; b: number }
  | { utype: "abMaxMagAbsolute"; a: number; b: number; maxMag: number }
  | { utype: "incrementalMFDAbsolute"; minMag: number; binWidth: number; occurRates: number[] }
  | { utype: "setMSRAbsolute"; msr: MsrSpec }
  | {
    utype: "areaSourceGeometryAbsolute";
    polygon: Point[];
    upperSeismoDepth: number;
    lowerSeismoDepth: number;
  }
  | {
    utype: "simpleFaultGeometryAbsolute";
    trace: Point[];
    upperSeismoDepth: number;
    lowerSeismoDepth: number;
    dip: number;
    spacing?: number;
  }
  | { utype: "complexFaultGeometryAbsolute"; edges: Point[][]; spacing?: number }
  | { utype: "characteristicFaultGeometryAbsolute"; surface: SurfaceGeometry }
  | {
    utype: "truncatedGRFromSlipAbsolute";
    slipRate: number;
    rigidity: number;
    constantTerm: number;
  }
  | { utype: "dummy" }
  | { utype: string; x: number };

/** Uncertainty types whose value is a single float. */
export const FLOAT_UNCERTAINTIES = new Set([
  "bGRRelative",
  "bGRAbsolute",
  "maxMagGRRelative",
  "maxMagGRRelativeNoMoBalance",
  "maxMagGRAbsolute",
  "simpleFaultDipRelative",
  "simpleFaultDipAbsolute",
  "setLowerSeismDepthAbsolute",
  "setUpperSeismDepthAbsolute",
  "recomputeMmax",
]);

/** Every uncertainty type accepted in a source-model logic tree. */
export const SMLT_UNCERTAINTIES = new Set([
  "sourceModel",
  "extendModel",
  "abGRAbsolute",
  "abMaxMagAbsolute",
  "incrementalMFDAbsolute",
  "setMSRAbsolute",
  "areaSourceGeometryAbsolute",
  "simpleFaultGeometryAbsolute",
  "complexFaultGeometryAbsolute",
  "characteristicFaultGeometryAbsolute",
  "truncatedGRFromSlipAbsolute",
  ...FLOAT_UNCERTAINTIES,
]);

const floats = (node: XmlNode, n: number, what: string): number[] => {
  const xs = node.text.trim().split(/\s+/);
  if (xs.length !== n) throw nodeError(node, "uncertaintyModel", `expected ${what}`);
  return xs.map((x) => toFloat(x, node, "uncertaintyModel"));
};

/** Parse the <uncertaintyModel> of a branch for the given uncertainty type. */
export function parseUncertainty(utype: string, node: XmlNode): UncertaintyValue {
  switch (utype) {
    case "sourceModel":
    case "extendModel": {
      const files = node.text.trim().split(/\s+/).filter((f) => f);
      if (!files.length) throw nodeError(node, "uncertaintyModel", "no source model file");
      return { utype, files };
    }
    case "abGRAbsolute": {
      const [a, b] = floats(node, 2, "a pair of floats separated by space");
      return { utype, a, b };
    }
    case "abMaxMagAbsolute": {
      const [a, b, maxMag] = floats(node, 3, "a triple of floats separated by space");
      return { utype, a, b, maxMag };
    }
    case "incrementalMFDAbsolute": {
      const inc = child(node, "incrementalMFD");
      const rates = child(inc, "occurRates");
      return {
        utype,
        minMag: floatAttr(inc, "minMag"),
        binWidth: floatAttr(inc, "binWidth"),
        occurRates: toFloats(rates.text, rates, "occurRates"),
      };
    }
    case "setMSRAbsolute":
      return { utype, msr: parseMsr(node) };
    case "areaSourceGeometryAbsolute": {
      const geom = child(node, "areaGeometry");
      return {
        utype,
        polygon: coords2d(path(geom, "Polygon", "exterior", "LinearRing", "posList")),
        upperSeismoDepth: floatChild(geom, "upperSeismoDepth"),
        lowerSeismoDepth: floatChild(geom, "lowerSeismoDepth"),
      };
    }
    case "simpleFaultGeometryAbsolute": {
      const geom = optChild(node, "simpleFaultGeometry") ?? node;
      const g = parseSimpleFaultGeometry(geom);
      const out: UncertaintyValue = {
        utype,
        trace: g.trace,
        upperSeismoDepth: g.upperSeismoDepth,
        lowerSeismoDepth: g.lowerSeismoDepth,
        dip: g.dip,
      };
      if (geom.attrs.spacing !== undefined) out.spacing = floatAttr(geom, "spacing");
      return out;
    }
    case "complexFaultGeometryAbsolute": {
      const geom = optChild(node, "complexFaultGeometry") ?? node;
      const out: UncertaintyValue = { utype, edges: parseComplexFaultGeometry(geom).edges };
      if (geom.attrs.spacing !== undefined) out.spacing = floatAttr(geom, "spacing");
      return out;
    }
    case "characteristicFaultGeometryAbsolute": {
      const surf = child(node, "surface");
      return { utype, surface: parseSurfaces(surf.children, surf) };
    }
    case "truncatedGRFromSlipAbsolute": {
      const fad = child(node, "faultActivityData");
      return {
        utype,
        slipRate: floatAttr(fad, "slipRate"),
        rigidity: floatAttr(fad, "rigidity"),
        constantTerm: fad.attrs.constant_term === undefined ? 9.1 : floatAttr(fad, "constant_term"),
      };
    }
    default:
      if (!FLOAT_UNCERTAINTIES.has(utype)) {
        throw nodeError(node, "uncertaintyType", `unknown uncertainty type ${utype}`);
      }
      return { utype, x: toFloat(node.text, node, "uncertaintyModel") };
  }
}

/** A canonical text of a value, to detect duplicated branches. */
export function valueKey(v: UncertaintyValue): string {
  return JSON.stringify(v);
}

// ---- truncated GR moment-rate bookkeeping (hazardlib/mfd/truncated_gr.py) ----

type TruncGR = Extract<MfdSpec, { kind: "truncGutenbergRichterMFD" }>;

function totalMomentRate(m: TruncGR): number {
  const ai = 9.05 + m.aValue + Math.log10(m.bValue);
  const bi = 1.5 - m.bValue;
  if (bi === 0) return 10 ** ai * (m.maxMag - m.minMag);
  return (10 ** ai / bi) * (10 ** (bi * m.maxMag) - 10 ** (bi * m.minMag));
}

function setA(m: TruncGR, tmr: number) {
  const bi = 1.5 - m.bValue;
  if (bi === 0) m.aValue = Math.log10(tmr / (m.maxMag - m.minMag)) - 9.05 - Math.log10(m.bValue);
  else {
    m.aValue = Math.log10(tmr * bi / (10 ** (bi * m.maxMag) - 10 ** (bi * m.minMag))) - 9.05 -
      Math.log10(m.bValue);
  }
}

function checkGR(m: TruncGR) {
  if (!(m.bValue > 0)) throw new Error(`b value must be positive, got ${m.bValue}`);
  if (!(m.minMag >= 0)) throw new Error(`minimum magnitude must be non-negative, got ${m.minMag}`);
  if (!(m.maxMag > m.minMag)) {
    throw new Error(
      `maximum magnitude ${m.maxMag} must be greater than minimum magnitude ${m.minMag}`,
    );
  }
}

function modifyMfd(mfd: MfdSpec, v: UncertaintyValue, srcId: string): MfdSpec {
  const gr = (): TruncGR => {
    if (mfd.kind !== "truncGutenbergRichterMFD") {
      throw new Error(`Modification ${v.utype} is not supported by ${mfd.kind} (source ${srcId})`);
    }
    return { ...mfd };
  };
  switch (v.utype) {
    case "abGRAbsolute": {
      const m = gr();
      const { a, b } = v as { a: number; b: number };
      m.aValue = a;
      m.bValue = b;
      return m;
    }
    case "abMaxMagAbsolute": {
      const m = gr();
      const { a, b, maxMag } = v as { a: number; b: number; maxMag: number };
      m.aValue = a;
      m.bValue = b;
      m.maxMag = maxMag;
      return m;
    }
    case "bGRAbsolute": {
      const m = gr();
      m.bValue = (v as { x: number }).x;
      return m;
    }
    case "bGRRelative": {
      const m = gr();
      const tmr = totalMomentRate(m);
      m.bValue += (v as { x: number }).x;
      checkGR(m);
      setA(m, tmr);
      return m;
    }
    case "maxMagGRRelative": {
      const m = gr();
      const tmr = totalMomentRate(m);
      m.maxMag += (v as { x: number }).x;
      checkGR(m);
      setA(m, tmr);
      return m;
    }
    case "maxMagGRRelativeNoMoBalance": {
      const m = gr();
      m.maxMag += (v as { x: number }).x;
      return m;
    }
    case "maxMagGRAbsolute": {
      const m = gr();
      m.maxMag = (v as { x: number }).x;
      return m;
    }
    case "incrementalMFDAbsolute": {
      if (mfd.kind !== "incrementalMFD") {
        throw new Error(
          `Modification ${v.utype} is not supported by ${mfd.kind} (source ${srcId})`,
        );
      }
      const { minMag, binWidth, occurRates } = v as {
        minMag: number;
        binWidth: number;
        occurRates: number[];
      };
      return { kind: "incrementalMFD", minMag, binWidth, occurRates: [...occurRates] };
    }
    default:
      throw new Error(`${v.utype} is not an MFD modification`);
  }
}

const MFD_UNCERTAINTIES = new Set([
  "abGRAbsolute",
  "abMaxMagAbsolute",
  "bGRAbsolute",
  "bGRRelative",
  "maxMagGRRelative",
  "maxMagGRRelativeNoMoBalance",
  "maxMagGRAbsolute",
  "incrementalMFDAbsolute",
]);

/** Apply one uncertainty to a source, in place (the caller passes a copy). */
export function applyUncertainty(src: SourceSpec, v: UncertaintyValue) {
  const unsupported = () =>
    new Error(`uncertainty ${v.utype} cannot be applied to ${src.kind} ${src.id}`);
  if (v.utype === "dummy") return;
  if (MFD_UNCERTAINTIES.has(v.utype)) {
    if (src.kind === "multiPointSource") src.mfds = src.mfds.map((m) => modifyMfd(m, v, src.id));
    else if (src.kind === "nonParametricSeismicSource") throw unsupported();
    else src.mfd = modifyMfd(src.mfd, v, src.id);
    return;
  }
  switch (v.utype) {
    case "simpleFaultDipRelative":
    case "simpleFaultDipAbsolute": {
      if (src.kind !== "simpleFaultSource") throw unsupported();
      const x = (v as { x: number }).x;
      const dip = v.utype === "simpleFaultDipRelative" ? src.geometry.dip + x : x;
      if (!(dip > 0 && dip <= 90)) {
        throw new Error(`dip ${dip} is out of range (0, 90] for source ${src.id}`);
      }
      src.geometry = { ...src.geometry, dip };
      return;
    }
    case "simpleFaultGeometryAbsolute": {
      if (src.kind !== "simpleFaultSource") throw unsupported();
      const g = v as Extract<UncertaintyValue, { utype: "simpleFaultGeometryAbsolute" }>;
      src.geometry = {
        kind: "simpleFaultGeometry",
        trace: g.trace,
        dip: g.dip,
        upperSeismoDepth: g.upperSeismoDepth,
        lowerSeismoDepth: g.lowerSeismoDepth,
      };
      if (g.spacing !== undefined) src.meshSpacing = g.spacing;
      return;
    }
    case "complexFaultGeometryAbsolute": {
      if (src.kind !== "complexFaultSource") throw unsupported();
      const g = v as Extract<UncertaintyValue, { utype: "complexFaultGeometryAbsolute" }>;
      src.geometry = { kind: "complexFaultGeometry", edges: g.edges };
      if (g.spacing !== undefined) src.meshSpacing = g.spacing;
      return;
    }
    case "characteristicFaultGeometryAbsolute": {
      if (src.kind !== "characteristicFaultSource") throw unsupported();
      src.surface = (v as { surface: SurfaceGeometry }).surface;
      return;
    }
    case "areaSourceGeometryAbsolute": {
      if (src.kind !== "areaSource") throw unsupported();
      const g = v as Extract<UncertaintyValue, { utype: "areaSourceGeometryAbsolute" }>;
      src.polygon = g.polygon;
      src.upperSeismoDepth = g.upperSeismoDepth;
      src.lowerSeismoDepth = g.lowerSeismoDepth;
      return;
    }
    case "setMSRAbsolute": {
      if (!("msr" in src)) throw unsupported();
      src.msr = (v as { msr: MsrSpec }).msr;
      return;
    }
    case "setLowerSeismDepthAbsolute":
    case "setUpperSeismDepthAbsolute": {
      const x = (v as { x: number }).x;
      const lower = v.utype === "setLowerSeismDepthAbsolute";
      if (
        src.kind === "pointSource" || src.kind === "areaSource" || src.kind === "multiPointSource"
      ) {
        if (lower) src.lowerSeismoDepth = x;
        else src.upperSeismoDepth = x;
      } else if (src.kind === "simpleFaultSource") {
        src.geometry = lower
          ? { ...src.geometry, lowerSeismoDepth: x }
          : { ...src.geometry, upperSeismoDepth: x };
      } else throw unsupported();
      return;
    }
    default:
      // truncatedGRFromSlipAbsolute and recomputeMmax need the fault surface area
      throw new Error(`uncertainty ${v.utype} is not supported (source ${src.id})`);
  }
}
