// SPDX-License-Identifier: AGPL-3.0-or-later
// A small element tree over the streaming saxes parser. NRML documents are small enough to hold
// in memory; every element keeps the file and the line where it starts, so errors can name them.
import { SaxesParser } from "saxes";
import { InputError } from "../errors.ts";

export interface XmlNode {
  /** local name, namespace prefix stripped (OpenQuake ignores namespaces) */
  tag: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** concatenated text directly inside the element (not trimmed) */
  text: string;
  file: string;
  line: number;
  /** default namespace declared on this element (`xmlns="http://openquake.org/xmlns/nrml/0.5"`) */
  xmlns?: string;
}

function localName(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Parse an XML string into an element tree; malformed XML raises InputError with file and line. */
export function parseXml(xml: string, file: string): XmlNode {
  const parser = new SaxesParser({ position: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  const src = xml.replace(/^\uFEFF/, "");
  // line of the "<" that opens the current tag (saxes reports the line where its name ended)
  let startLine = 1;
  let scanned = 0;
  let scannedLine = 1;
  parser.on("opentagstart", () => {
    const lt = src.lastIndexOf("<", parser.position - 1);
    for (let i = scanned; i < lt; i++) if (src.charCodeAt(i) === 10) scannedLine++;
    if (lt > scanned) scanned = lt;
    startLine = scannedLine;
  });
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    let xmlns: string | undefined;
    for (const [k, v] of Object.entries(tag.attributes)) {
      if (k === "xmlns") xmlns = typeof v === "string" ? v : (v as { value: string }).value;
      if (k === "xmlns" || k.startsWith("xmlns:")) continue;
      attrs[localName(k)] = typeof v === "string" ? v : (v as { value: string }).value;
    }
    const node: XmlNode = {
      tag: localName(tag.name),
      attrs,
      children: [],
      text: "",
      file,
      line: startLine,
    };
    if (xmlns !== undefined) node.xmlns = xmlns;
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  const onText = (t: string) => {
    if (stack.length) stack[stack.length - 1].text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.on("error", (err) => {
    // saxes messages start with "line:column: "
    const msg = err.message.replace(/^\d+:\d+:\s*/, "");
    throw new InputError(file, parser.line, undefined, `malformed XML: ${msg}`);
  });
  // a BOM would be reported as text before the root element
  parser.write(src).close();
  if (!root) throw new InputError(file, 1, undefined, "empty XML document");
  return root;
}

/** Read and parse an XML file. */
export function readXml(path: string): XmlNode {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    throw new InputError(path, undefined, undefined, `cannot read file: ${(e as Error).message}`);
  }
  return parseXml(text, path);
}

/** An InputError placed at the given node. */
export function nodeError(node: XmlNode, field: string | undefined, message: string): InputError {
  return new InputError(node.file, node.line, field, message);
}

/** The children with the given tag. */
export function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  return node.children.filter((c) => c.tag === tag);
}

/** The optional single child with the given tag. */
export function optChild(node: XmlNode, tag: string): XmlNode | undefined {
  return node.children.find((c) => c.tag === tag);
}

/** The required single child with the given tag. */
export function child(node: XmlNode, tag: string): XmlNode {
  const c = optChild(node, tag);
  if (!c) throw nodeError(node, tag, `<${node.tag}> has no <${tag}> element`);
  return c;
}

/** Follow a chain of required children, e.g. path(geom, "Polygon", "exterior", "LinearRing"). */
export function path(node: XmlNode, ...tags: string[]): XmlNode {
  let n = node;
  for (const t of tags) n = child(n, t);
  return n;
}

/** Parse one float as Python's float() would (surrounding whitespace allowed). */
export function toFloat(s: string, node: XmlNode, field: string): number {
  const t = s.trim();
  // Number("") is 0 and Number("0x10") is 16: reject what Python rejects
  if (!/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(t)) {
    throw nodeError(node, field, `could not convert ${JSON.stringify(t)} to a float`);
  }
  const low = t.toLowerCase().replace(/^[+]/, "");
  if (low === "inf" || low === "infinity") return Infinity;
  if (low === "-inf" || low === "-infinity") return -Infinity;
  if (low.endsWith("nan")) return NaN;
  return Number(t);
}

/** Whitespace-separated floats. */
export function toFloats(s: string, node: XmlNode, field: string): number[] {
  const t = s.trim();
  if (!t) return [];
  return t.split(/\s+/).map((x) => toFloat(x, node, field));
}

/** A required attribute. */
export function attr(node: XmlNode, name: string): string {
  const v = node.attrs[name];
  if (v === undefined) {
    throw nodeError(node, name, `<${node.tag}> is missing the attribute ${name}`);
  }
  return v;
}

/** A required float attribute. */
export function floatAttr(node: XmlNode, name: string): number {
  return toFloat(attr(node, name), node, name);
}

/** An optional float attribute. */
export function optFloatAttr(node: XmlNode, name: string): number | undefined {
  const v = node.attrs[name];
  return v === undefined ? undefined : toFloat(v, node, name);
}

/** The float text of a required child, e.g. `<dip> 30.0 </dip>`. */
export function floatChild(node: XmlNode, tag: string): number {
  const c = child(node, tag);
  return toFloat(c.text, c, tag);
}

/** Every element of the tree, depth first (for quick scans). */
export function* walk(node: XmlNode): Generator<XmlNode> {
  yield node;
  for (const c of node.children) yield* walk(c);
}
