// OpenQuake's AvgGMPE: the weighted average of several models
// (`b1.AkkarBommer2010.weight = 0.5`, ...): mean = sum(w mean), sig = sqrt(sum(w sig^2)), and
// likewise tau and phi, with the weights normalised (numpy.average). One GsimDef: each model's
// body runs in turn under its own namespace, on the same context values.
import type { GsimDef, ImtKindList, StdDevType } from "./_types.ts";
import {
  freshTag,
  type MakeGsim,
  namespaced,
  saveContext,
  unionRequires,
  wgslFloat,
} from "./compose.ts";
import { singleGsim } from "../modifiable.ts";

export function avgGmpe(args: Record<string, unknown>, make: MakeGsim): GsimDef {
  const owner = "AvgGMPE";
  const subs: GsimDef[] = [];
  const weights: number[] = [];
  for (const [branch, v] of Object.entries(args)) {
    const [name, kw] = singleGsim(`${owner} ${branch}`, v);
    const w = kw.weight;
    if (typeof w !== "number" || !(w >= 0)) {
      throw new Error(`${owner}: ${branch}.${name} needs a weight >= 0, not ${JSON.stringify(w)}`);
    }
    delete kw.weight;
    subs.push(make(name, kw));
    weights.push(w);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (!subs.length || !(total > 0)) throw new Error(`${owner}: no weighted model given`);
  const tag = freshTag(subs, "av");
  const requires = unionRequires(subs);
  const ctx = saveContext({ ...subs[0], requires }, `${tag}_ctx`);
  const consts: Record<string, number> = {};
  let fns = "";
  const parts = [
    ctx.save,
    `var ${tag}_m = 0.0;\nvar ${tag}_s = 0.0;\nvar ${tag}_t = 0.0;\nvar ${tag}_p = 0.0;`,
  ];
  subs.forEach((sub, k) => {
    const ns = namespaced(sub, `${tag}_${k}`);
    Object.assign(consts, ns.consts);
    fns += (ns.fns ?? "") + "\n";
    const w = wgslFloat(weights[k] / total);
    if (k > 0) parts.push(`mean = 0.0;\nsig = 0.0;\ntau = 0.0;\nphi = 0.0;\n${ctx.restore}`);
    parts.push(
      `{\n${ns.body}\n}`,
      `${tag}_m = ${tag}_m + ${w} * mean;\n${tag}_s = ${tag}_s + ${w} * sig * sig;\n` +
        `${tag}_t = ${tag}_t + ${w} * tau * tau;\n${tag}_p = ${tag}_p + ${w} * phi * phi;`,
    );
  });
  parts.push(
    `mean = ${tag}_m;\nsig = sqrt(${tag}_s);\ntau = sqrt(${tag}_t);\nphi = sqrt(${tag}_p);`,
  );
  const same = (a: StdDevType[], b: StdDevType[]) =>
    a.length === b.length && a.every((x) => b.includes(x));
  const stddevs: StdDevType[] = subs.every((s) => same(s.stddevs, subs[0].stddevs))
    ? subs[0].stddevs
    : ["TOTAL"];
  const imts: ImtKindList = subs[0].imts.filter((i) => subs.every((s) => s.imts.includes(i)));
  const trts = new Set(subs.map((s) => s.trt));
  return {
    name: owner,
    args,
    trt: trts.size === 1 ? subs[0].trt : "",
    imts,
    stddevs,
    requires,
    tables: subs.flatMap((s, k) => namespaced(s, `${tag}_${k}`).tables),
    consts,
    fns,
    body: parts.join("\n"),
  };
}
