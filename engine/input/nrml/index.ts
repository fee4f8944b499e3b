// SPDX-License-Identifier: AGPL-3.0-or-later
// NRML documents by kind: source models, ruptures and logic trees are converted to specs here;
// other documents (exposure, vulnerability, fragility, ...) are returned as element trees for
// their own readers.
import type { RuptureSpec, SourceModelSpec } from "../../source/spec.ts";
import { InputError } from "../errors.ts";
import { parseRupture, RUPTURE_TAGS } from "./rupture.ts";
import { parseSourceModel } from "./sourcemodel.ts";
import { readXml, type XmlNode } from "./xml.ts";

export { parseXml, readXml, type XmlNode } from "./xml.ts";
export { parseSourceModel, readSourceModel, type ReadSourceModelOptions } from "./sourcemodel.ts";
export { parseRupture, readRupture } from "./rupture.ts";
export { parseMsrText } from "./msr.ts";

export type NrmlDocument =
  | { kind: "sourceModel"; sourceModel: SourceModelSpec }
  | { kind: "rupture"; rupture: RuptureSpec }
  | { kind: "logicTree"; uncertaintyTypes: string[]; node: XmlNode }
  | { kind: "other"; tag: string; node: XmlNode };

/** Read any NRML file and convert it according to its root model element. */
export function readNrml(path: string): NrmlDocument {
  const root = readXml(path);
  if (root.tag !== "nrml") {
    throw new InputError(
      path,
      root.line,
      "nrml",
      `expected a <nrml> root element, got <${root.tag}>`,
    );
  }
  const model = root.children[0];
  if (!model) throw new InputError(path, root.line, "nrml", "empty <nrml> element");
  if (model.tag === "sourceModel") {
    return { kind: "sourceModel", sourceModel: parseSourceModel(root) };
  }
  if ((RUPTURE_TAGS as readonly string[]).includes(model.tag)) {
    return { kind: "rupture", rupture: parseRupture(model) };
  }
  if (model.tag === "logicTree") {
    const types: string[] = [];
    const visit = (n: XmlNode) => {
      if (n.tag === "logicTreeBranchSet") types.push(n.attrs.uncertaintyType ?? "");
      n.children.forEach(visit);
    };
    visit(model);
    return { kind: "logicTree", uncertaintyTypes: types, node: model };
  }
  return { kind: "other", tag: model.tag, node: model };
}
