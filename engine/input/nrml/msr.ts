// SPDX-License-Identifier: AGPL-3.0-or-later
// <magScaleRel> text -> MsrSpec. Parametric relations use OpenQuake's TOML forms:
// `CScalingMSR.C = 3.90` or `[CScalingMSR]\nC = 3.9`.
import type { MsrSpec } from "../../source/spec.ts";
import { nodeError, type XmlNode } from "./xml.ts";

/** Magnitude-scaling relations known to OpenQuake (hazardlib/scalerel). */
export const MSR_NAMES: ReadonlySet<string> = new Set([
  "AllenHayesInterfaceBilinear",
  "AllenHayesInterfaceLinear",
  "AllenHayesIntraslab",
  "CEUS2011",
  "CScalingMSR",
  "GSCCascadia",
  "GSCEISB",
  "GSCEISI",
  "GSCEISO",
  "GSCOffshoreThrustsHGT",
  "GSCOffshoreThrustsWIN",
  "GermanyMSR",
  "Leonard2010_SCR",
  "Leonard2010_SCR_M0",
  "Leonard2010_SCR_MX",
  "Leonard2014_Interplate",
  "Leonard2014_SCR",
  "PeerMSR",
  "PointMSR",
  "StrasserInterface",
  "StrasserIntraslab",
  "ThingbaijamInterface",
  "ThingbaijamNormalFault",
  "ThingbaijamReverseFault",
  "ThingbaijamStrikeSlip",
  "WC1994",
  "WC1994_QCSS",
]);

/** Parse an MSR string; throws Error with OpenQuake's wording when it is not recognised. */
export function parseMsrText(text: string): MsrSpec {
  const value = text.trim();
  let name = value;
  const args: Record<string, number> = {};
  const setArg = (k: string, v: string) => {
    const x = Number(v.trim());
    if (v.trim() === "" || isNaN(x)) throw new Error(`invalid MSR parameter ${k} = ${v.trim()}`);
    args[k] = x;
  };
  if (value.startsWith("[")) {
    const m = /^\[([A-Za-z0-9_]+)\]\s*([\s\S]*)$/.exec(value);
    if (!m) throw new Error(`'${value}' is not a recognized magnitude-scale relationship`);
    name = m[1];
    for (const line of m[2].split("\n")) {
      const l = line.trim();
      if (!l || l.startsWith("#")) continue;
      const kv = /^([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(l);
      if (!kv) throw new Error(`invalid MSR parameter line ${JSON.stringify(l)}`);
      setArg(kv[1], kv[2]);
    }
  } else if (value.includes(".")) {
    // dotted TOML keys, one per line: Name.param = value
    name = "";
    for (const line of value.split("\n")) {
      const l = line.trim();
      if (!l) continue;
      const kv = /^([A-Za-z0-9_]+)\.([A-Za-z0-9_]+)\s*=\s*(.+)$/.exec(l);
      if (!kv || (name && kv[1] !== name)) {
        throw new Error(`'${value}' is not a recognized magnitude-scale relationship`);
      }
      name = kv[1];
      setArg(kv[2], kv[3]);
    }
  }
  if (!MSR_NAMES.has(name)) {
    throw new Error(`'${name}' is not a recognized magnitude-scale relationship`);
  }
  return { name, args };
}

/** Parse the text of a <magScaleRel> node. */
export function parseMsr(node: XmlNode): MsrSpec {
  try {
    return parseMsrText(node.text);
  } catch (e) {
    throw nodeError(node, "magScaleRel", (e as Error).message);
  }
}
