// SPDX-License-Identifier: AGPL-3.0-or-later
// Rupture elements (non-parametric sources, scenario rupture files) -> RuptureSpec.
import type { RuptureSpec } from "../../source/spec.ts";
import { parseSurfaces } from "./geometry.ts";
import { child, floatAttr, floatChild, nodeError, readXml, toFloats, type XmlNode } from "./xml.ts";

export const RUPTURE_TAGS: readonly RuptureSpec["kind"][] = [
  "singlePlaneRupture",
  "multiPlanesRupture",
  "simpleFaultRupture",
  "complexFaultRupture",
  "griddedRupture",
  "kiteSurfaceRupture",
];

const SURFACE_TAGS = new Set([
  "simpleFaultGeometry",
  "complexFaultGeometry",
  "planarSurface",
  "kiteSurface",
  "griddedSurface",
]);

export function checkRake(rake: number, node: XmlNode) {
  if (!(rake > -180 && rake <= 180)) {
    throw nodeError(node, "rake", `rake ${rake} is out of range (-180, 180]`);
  }
}

/** A rupture element; probs_occur is read when present (non-parametric sources). */
export function parseRupture(node: XmlNode): RuptureSpec {
  if (!(RUPTURE_TAGS as readonly string[]).includes(node.tag)) {
    throw nodeError(node, node.tag, `unknown rupture element <${node.tag}>`);
  }
  const mag = floatChild(node, "magnitude");
  const rake = floatChild(node, "rake");
  checkRake(rake, child(node, "rake"));
  const h = child(node, "hypocenter");
  const hypocenter = [floatAttr(h, "lon"), floatAttr(h, "lat"), floatAttr(h, "depth")];
  const surfaces = node.children.filter((c) => SURFACE_TAGS.has(c.tag));
  const rup: RuptureSpec = {
    kind: node.tag as RuptureSpec["kind"],
    mag,
    rake,
    hypocenter,
    surface: parseSurfaces(surfaces, node),
  };
  const po = node.attrs.probs_occur;
  if (po !== undefined) {
    const probs = toFloats(po, node, "probs_occur");
    const tot = probs.reduce((a, b) => a + b, 0);
    if (probs.some((p) => !(p >= 0 && p <= 1)) || Math.abs(tot - 1) > 1e-7) {
      throw nodeError(
        node,
        "probs_occur",
        `probs_occur must be probabilities summing to 1, got ${po.trim()}`,
      );
    }
    rup.probsOccur = probs;
  }
  return rup;
}

/** Read a rupture model file (scenario): the single rupture element under <nrml>. */
export function readRupture(path: string): RuptureSpec {
  const root = readXml(path);
  if (root.tag !== "nrml") {
    throw nodeError(root, "nrml", `expected a <nrml> root element, got <${root.tag}>`);
  }
  const rups = root.children;
  if (rups.length !== 1) {
    throw nodeError(root, "rupture", `expected one rupture element, found ${rups.length}`);
  }
  return parseRupture(rups[0]);
}
