// SPDX-License-Identifier: AGPL-3.0-or-later
// MFD elements -> MfdSpec: truncGutenbergRichterMFD, incrementalMFD, arbitraryMFD,
// YoungsCoppersmithMFD, and multiMFD (one MfdSpec per point).
import type { MfdSpec } from "../../source/spec.ts";
import {
  attr,
  child,
  floatAttr,
  nodeError,
  optChild,
  optFloatAttr,
  toFloat,
  toFloats,
  type XmlNode,
} from "./xml.ts";

export const MFD_TAGS = [
  "incrementalMFD",
  "truncGutenbergRichterMFD",
  "arbitraryMFD",
  "YoungsCoppersmithMFD",
  "multiMFD",
  "taperedGutenbergRichterMFD",
] as const;

/** The single MFD child of a source node. */
export function mfdNode(src: XmlNode): XmlNode {
  const nodes = src.children.filter((c) => (MFD_TAGS as readonly string[]).includes(c.tag));
  if (nodes.length !== 1) {
    throw nodeError(
      src,
      "mfd",
      `<${src.tag} id="${src.attrs.id ?? ""}"> must have exactly one MFD element (${
        MFD_TAGS.join(", ")
      }), found ${nodes.length}`,
    );
  }
  return nodes[0];
}

function checkRates(rates: number[], node: XmlNode, field: string) {
  if (rates.length === 0) throw nodeError(node, field, "no occurrence rates");
  for (const r of rates) {
    if (!(r >= 0)) throw nodeError(node, field, `occurrence rate ${r} is negative`);
  }
}

/** A single-source MFD element. */
export function parseMfd(node: XmlNode): MfdSpec {
  switch (node.tag) {
    case "truncGutenbergRichterMFD": {
      if (node.attrs.aValue === undefined && node.attrs.slipRate !== undefined) {
        throw nodeError(
          node,
          "slipRate",
          "truncGutenbergRichterMFD from slipRate is not supported",
        );
      }
      const mfd: MfdSpec = {
        kind: "truncGutenbergRichterMFD",
        aValue: floatAttr(node, "aValue"),
        bValue: floatAttr(node, "bValue"),
        minMag: floatAttr(node, "minMag"),
        maxMag: floatAttr(node, "maxMag"),
      };
      if (!(mfd.bValue > 0)) {
        throw nodeError(node, "bValue", `bValue must be positive, got ${mfd.bValue}`);
      }
      if (!(mfd.minMag >= 0)) {
        throw nodeError(node, "minMag", `minMag must be >= 0, got ${mfd.minMag}`);
      }
      if (!(mfd.maxMag >= mfd.minMag)) {
        throw nodeError(
          node,
          "maxMag",
          `maxMag ${mfd.maxMag} is smaller than minMag ${mfd.minMag}`,
        );
      }
      return mfd;
    }
    case "incrementalMFD": {
      const rates = child(node, "occurRates");
      const mfd: MfdSpec = {
        kind: "incrementalMFD",
        minMag: floatAttr(node, "minMag"),
        binWidth: floatAttr(node, "binWidth"),
        occurRates: toFloats(rates.text, rates, "occurRates"),
      };
      if (!(mfd.binWidth > 0)) {
        throw nodeError(node, "binWidth", `binWidth must be positive, got ${mfd.binWidth}`);
      }
      checkRates(mfd.occurRates, rates, "occurRates");
      return mfd;
    }
    case "arbitraryMFD": {
      const mags = child(node, "magnitudes");
      const rates = child(node, "occurRates");
      const mfd: MfdSpec = {
        kind: "arbitraryMFD",
        magnitudes: toFloats(mags.text, mags, "magnitudes"),
        occurRates: toFloats(rates.text, rates, "occurRates"),
      };
      checkRates(mfd.occurRates, rates, "occurRates");
      if (mfd.magnitudes.length !== mfd.occurRates.length) {
        throw nodeError(
          node,
          "occurRates",
          `${mfd.magnitudes.length} magnitudes but ${mfd.occurRates.length} occurrence rates`,
        );
      }
      return mfd;
    }
    case "YoungsCoppersmithMFD": {
      const mfd: MfdSpec = {
        kind: "YoungsCoppersmithMFD",
        minMag: floatAttr(node, "minMag"),
        bValue: floatAttr(node, "bValue"),
        characteristicMag: floatAttr(node, "characteristicMag"),
        binWidth: floatAttr(node, "binWidth"),
      };
      const cr = optFloatAttr(node, "characteristicRate");
      const tmr = optFloatAttr(node, "totalMomentRate");
      if ((cr === undefined) === (tmr === undefined)) {
        throw nodeError(
          node,
          "characteristicRate",
          "YoungsCoppersmithMFD needs exactly one of characteristicRate and totalMomentRate",
        );
      }
      if (cr !== undefined) mfd.characteristicRate = cr;
      if (tmr !== undefined) mfd.totalMomentRate = tmr;
      if (!(mfd.binWidth > 0 && mfd.binWidth <= 0.5)) {
        throw nodeError(node, "binWidth", `binWidth must be in (0, 0.5], got ${mfd.binWidth}`);
      }
      return mfd;
    }
    case "multiMFD":
      throw nodeError(node, "multiMFD", "multiMFD is only allowed in a multiPointSource");
    default:
      throw nodeError(node, node.tag, `MFD <${node.tag}> is not supported`);
  }
}

/** multiMFD -> one MfdSpec per point (values of length 1 broadcast to all points). */
export function parseMultiMfd(node: XmlNode, numPoints: number): MfdSpec[] {
  const kind = attr(node, "kind");
  const size = toFloat(attr(node, "size"), node, "size");
  if (size !== numPoints) {
    throw nodeError(node, "size", `multiMFD size ${size} but the geometry has ${numPoints} points`);
  }
  const arr = (tag: string, required = true): number[] | undefined => {
    const c = optChild(node, tag);
    if (!c) {
      if (required) throw nodeError(node, tag, `multiMFD of kind ${kind} has no <${tag}>`);
      return undefined;
    }
    return toFloats(c.text, c, tag);
  };
  const at = (xs: number[] | undefined, i: number, tag: string): number => {
    if (!xs) return NaN;
    if (xs.length === 1) return xs[0];
    if (xs.length !== size) {
      throw nodeError(node, tag, `${tag} of size ${xs.length}, expected 1 or ${size}`);
    }
    return xs[i];
  };
  // flat occurRates/magnitudes cut by `lengths`
  const split = (flat: number[], tag: string): number[][] => {
    let lengths = arr("lengths")!;
    if (lengths.length === 1) lengths = Array(size).fill(lengths[0]);
    const total = lengths.reduce((a, b) => a + b, 0);
    if (total !== flat.length) {
      throw nodeError(node, tag, `${tag} has ${flat.length} values, lengths sum to ${total}`);
    }
    const out: number[][] = [];
    let k = 0;
    for (const n of lengths) {
      out.push(flat.slice(k, k + n));
      k += n;
    }
    return out;
  };
  const out: MfdSpec[] = [];
  switch (kind) {
    case "truncGutenbergRichterMFD": {
      const minMag = arr("min_mag"), maxMag = arr("max_mag"), a = arr("a_val"), b = arr("b_val");
      const bw = arr("bin_width", false);
      for (let i = 0; i < size; i++) {
        const m: MfdSpec = {
          kind,
          aValue: at(a, i, "a_val"),
          bValue: at(b, i, "b_val"),
          minMag: at(minMag, i, "min_mag"),
          maxMag: at(maxMag, i, "max_mag"),
        };
        if (bw) m.binWidth = at(bw, i, "bin_width");
        out.push(m);
      }
      return out;
    }
    case "incrementalMFD": {
      const minMag = arr("min_mag"), bw = arr("bin_width");
      const rates = split(arr("occurRates")!, "occurRates");
      for (let i = 0; i < size; i++) {
        out.push({
          kind,
          minMag: at(minMag, i, "min_mag"),
          binWidth: at(bw, i, "bin_width"),
          occurRates: rates[i],
        });
      }
      return out;
    }
    case "arbitraryMFD": {
      const mags = split(arr("magnitudes")!, "magnitudes");
      const rates = split(arr("occurRates")!, "occurRates");
      for (let i = 0; i < size; i++) out.push({ kind, magnitudes: mags[i], occurRates: rates[i] });
      return out;
    }
    case "YoungsCoppersmithMFD": {
      const minMag = arr("min_mag"), b = arr("b_val"), cm = arr("char_mag"), bw = arr("bin_width");
      const cr = arr("char_rate", false), tmr = arr("total_moment_rate", false);
      for (let i = 0; i < size; i++) {
        const m: MfdSpec = {
          kind,
          minMag: at(minMag, i, "min_mag"),
          bValue: at(b, i, "b_val"),
          characteristicMag: at(cm, i, "char_mag"),
          binWidth: at(bw, i, "bin_width"),
        };
        if (cr) m.characteristicRate = at(cr, i, "char_rate");
        else if (tmr) m.totalMomentRate = at(tmr, i, "total_moment_rate");
        out.push(m);
      }
      return out;
    }
    default:
      throw nodeError(node, "kind", `multiMFD kind ${kind} is not supported`);
  }
}
