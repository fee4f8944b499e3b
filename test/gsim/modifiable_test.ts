// ModifiableGMPE, MultiGMPE and AvgGMPE: OpenQuake's own expected numbers from
// openquake/hazardlib/tests/gsim/mgmpe/modifiable_gmpe_test.py, and every modifier against its
// closed form computed here from the wrapped model's own output, on the CPU (f64) and on
// WebGPU (f32, the same WGSL the kernels run).
import { deepStrictEqual, ok, strictEqual, throws } from "node:assert";
import { evaluateGsim, unsupportedReason } from "../../engine/gsim/evaluate.ts";
import { type Imt, parseImt } from "../../engine/gsim/imt.ts";
import { makeGsim, parseGsimSpec } from "../../engine/gsim/registry.ts";
import type { ContextBlock, GsimDef, GsimOutput } from "../../engine/gsim/types.ts";
import { contextParams } from "../../engine/gsim/wgsl.ts";
import { atPga } from "../../engine/gsim/mgmpe/ceus2020.ts";
import { evaluateGsimGpu, getGpu } from "../../engine/kernels/webgpu.ts";

const gpu = await getGpu();
if (!gpu) console.warn("!!! no WebGPU adapter: ModifiableGMPE GPU tests SKIPPED");

/** OpenQuake's test context: mag 6, rake 0, hypo_depth 10, vs30 760, r = 1, 10, 30, 70 km. */
function oqContext(def: GsimDef): ContextBlock {
  const v: Record<string, number[]> = {
    mag: [6, 6, 6, 6],
    rake: [0, 0, 0, 0],
    hypo_depth: [10, 10, 10, 10],
    vs30: [760, 760, 760, 760],
    rrup: [1, 10, 30, 70],
    rjb: [1, 10, 30, 70],
  };
  const cols: ContextBlock["cols"] = {};
  for (const p of contextParams(def)) {
    if (!v[p]) throw new Error(`no test value for ${p}`);
    cols[p as keyof ContextBlock["cols"]] = Float64Array.from(v[p]);
  }
  return { n: 4, cols };
}

/** A deterministic context block with plausible values for any model. */
function block(def: GsimDef, n: number): ContextBlock {
  let s = 11;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const range: Record<string, [number, number]> = {
    mag: [4.5, 7.8],
    rake: [-180, 180],
    dip: [30, 90],
    ztor: [0, 10],
    width: [5, 25],
    hypo_depth: [5, 25],
    vs30: [180, 1100],
    vs30measured: [0, 1],
    z1pt0: [10, 500],
    z2pt5: [0.5, 3],
    rx: [-50, 50],
    ry0: [0, 20],
  };
  const cols: ContextBlock["cols"] = {};
  for (const p of contextParams(def)) {
    const [lo, hi] = range[p] ?? [1, 150];
    cols[p as keyof ContextBlock["cols"]] = Float64Array.from({ length: n }, () => {
      const x = lo + (hi - lo) * rnd();
      return p === "vs30measured" ? Math.round(x) : x;
    });
  }
  return { n, cols };
}

/** numpy's assert_array_almost_equal(decimal=6): |a - e| < 1.5e-6 */
function aae(actual: ArrayLike<number>, expected: number | ArrayLike<number>, what: string) {
  for (let i = 0; i < actual.length; i++) {
    const e = typeof expected === "number" ? expected : expected[i];
    ok(Math.abs(actual[i] - e) < 1.5e-6, `${what}[${i}]: ${actual[i]} != ${e}`);
  }
}

const PGA = [parseImt("PGA")];

Deno.test("OpenQuake's numbers: AkkarEtAlRjb2014 with add_delta_std_to_total_std / set_total_std_as_tau_plus_delta", () => {
  const orig = makeGsim("AkkarEtAlRjb2014");
  const o = evaluateGsim(orig, PGA, oqContext(orig));
  aae(o.sig, 0.712105, "sig ORIG");
  aae(o.phi, 0.6201, "phi ORIG");
  const d = parseGsimSpec(
    "[ModifiableGMPE]\ngmpe.AkkarEtAlRjb2014 = {}\nadd_delta_std_to_total_std.delta = -0.20",
  );
  aae(evaluateGsim(d, PGA, oqContext(d)).sig, 0.68344277, "sig MODI (delta -0.2)");
  const t = parseGsimSpec(
    "[ModifiableGMPE]\ngmpe.AkkarEtAlRjb2014 = {}\nset_total_std_as_tau_plus_delta.delta = 0.45",
  );
  aae(evaluateGsim(t, PGA, oqContext(t)).sig, 0.5701491121, "sig MODI (tau + delta 0.45)");
});

Deno.test("OpenQuake's numbers: Campbell2003 with add_between_within_stds (ratio 0.6)", () => {
  const def = parseGsimSpec(
    "[ModifiableGMPE]\ngmpe.Campbell2003 = {}\nadd_between_within_stds.with_betw_ratio = 0.6",
  );
  const o = evaluateGsim(def, PGA, oqContext(def));
  aae(o.tau, 0.44075136, "tau");
  aae(o.phi, 0.26445082, "phi");
  deepStrictEqual(def.stddevs, ["TOTAL", "INTER_EVENT", "INTRA_EVENT"]);
  // a model with only the total std has no between-event std to shift by
  throws(
    () =>
      makeGsim("ModifiableGMPE", {
        gmpe: { Campbell2003: {} },
        set_between_epsilon: { epsilon_tau: 0.5 },
      }),
    /Campbell2003 does not have between event std/,
  );
});

Deno.test("OpenQuake's check: set_between_epsilon on AkkarEtAlRjb2014 (as modified_gsim writes it)", () => {
  const orig = makeGsim("AkkarEtAlRjb2014");
  // valid.modified_gsim's TOML: the gsim's header renamed, then toml.dumps of the modifiers
  const mod = parseGsimSpec(
    "[ModifiableGMPE.gmpe.AkkarEtAlRjb2014]\n\n[ModifiableGMPE.set_between_epsilon]\nepsilon_tau = 0.5\n",
  );
  const o = evaluateGsim(orig, PGA, oqContext(orig));
  const m = evaluateGsim(mod, PGA, oqContext(mod));
  aae(m.mean, o.mean.map((x, i) => x + 0.5 * o.tau[i]), "mean");
  aae(m.sig, o.phi, "sig");
});

/** Expected outputs of a modifier chain, computed from the wrapped model's output. */
type Closed = (o: GsimOutput, m: number, i: number, imt: Imt) => void;

const vecAt = (v: Record<string, number>, imt: Imt): number => {
  if (imt.name in v) return v[imt.name];
  // OpenQuake's CoeffsTable: linear in ln(period) between the two nearest SA periods
  const sa = Object.entries(v).map(([k, x]) => [parseImt(k), x] as const)
    .filter(([i]) => i.kind === "SA").sort((a, b) => a[0].period - b[0].period);
  const hi = sa.findIndex(([i]) => i.period > imt.period);
  const [lo, up] = [sa[hi - 1], sa[hi]];
  const w = Math.log(imt.period / lo[0].period) / Math.log(up[0].period / lo[0].period);
  return lo[1] + (up[1] - lo[1]) * w;
};

const VEC = { PGA: 0.9, "SA(0.2)": 1.1, "SA(1.0)": 1.3 };
const SIG = { PGA: 0.6, "SA(0.2)": 0.75, "SA(1.0)": 0.8 };

/** [modifiers (TOML body after the gmpe line), closed form applied in place] */
const CASES: [string, Closed][] = [
  ["set_between_epsilon.epsilon_tau = 1.25", (o, _m, i) => {
    o.mean[i] += 1.25 * o.tau[i];
    o.tau[i] = 0;
    o.sig[i] = o.phi[i];
  }],
  ["add_between_within_stds.with_betw_ratio = 1.7", (o, _m, i) => {
    o.tau[i] = Math.sqrt(o.sig[i] ** 2 / (1 + 1.7 ** 2));
    o.phi[i] = 1.7 * o.tau[i];
  }],
  ["set_scale_median_scalar.scaling_factor = 1.2", (o, _m, i) => {
    o.mean[i] += Math.log(1.2);
  }],
  [
    `set_scale_median_vector.scaling_factor = {PGA = 0.9, "SA(0.2)" = 1.1, "SA(1.0)" = 1.3}`,
    (o, _m, i, imt) => {
      o.mean[i] += Math.log(vecAt(VEC, imt));
    },
  ],
  ["set_scale_total_sigma_scalar.scaling_factor = 0.8", (o, _m, i) => {
    o.sig[i] *= 0.8;
  }],
  [
    `[ModifiableGMPE.set_scale_total_sigma_vector.scaling_factor]\nPGA = 0.9\n"SA(0.2)" = 1.1\n"SA(1.0)" = 1.3`,
    (o, _m, i, imt) => {
      o.sig[i] *= vecAt(VEC, imt);
    },
  ],
  [
    `set_fixed_total_sigma = {total_sigma = {PGA = 0.6, "SA(0.2)" = 0.75, "SA(1.0)" = 0.8}}`,
    (o, _m, i, imt) => {
      o.sig[i] = vecAt(SIG, imt);
    },
  ],
  ["add_delta_std_to_total_std.delta = -0.2", (o, _m, i) => {
    o.sig[i] = Math.sqrt(o.sig[i] ** 2 - 0.04);
  }],
  ["add_delta_std_to_total_std.delta = 0.3", (o, _m, i) => {
    o.sig[i] = Math.sqrt(o.sig[i] ** 2 + 0.09);
  }],
  ["set_total_std_as_tau_plus_delta.delta = 0.45", (o, _m, i) => {
    o.sig[i] = Math.sqrt(o.tau[i] ** 2 + 0.45 ** 2);
  }],
  // a chain, applied in the order written
  [
    "set_scale_median_scalar.scaling_factor = 1.5\nset_between_epsilon.epsilon_tau = -1.0\n" +
    "set_scale_total_sigma_scalar.scaling_factor = 1.1",
    (o, _m, i) => {
      o.mean[i] += Math.log(1.5) - o.tau[i];
      o.tau[i] = 0;
      o.sig[i] = o.phi[i] * 1.1;
    },
  ],
];

/** The IMTs (SA(0.5) is between the vector tables' rows: interpolated). */
const IMTS = ["PGA", "SA(0.2)", "SA(0.5)", "SA(1.0)"].map(parseImt);
const WRAPPED = ["BooreAtkinson2008", "ChiouYoungs2014"];

function spec(gmpe: string, modifiers: string): string {
  return modifiers.startsWith("[")
    ? `[ModifiableGMPE.gmpe.${gmpe}]\n${modifiers}`
    : `[ModifiableGMPE]\ngmpe.${gmpe} = {}\n${modifiers}`;
}

function expected(base: GsimOutput, closed: Closed): GsimOutput {
  const o = {
    n: base.n,
    mean: base.mean.slice(),
    sig: base.sig.slice(),
    tau: base.tau.slice(),
    phi: base.phi.slice(),
  };
  IMTS.forEach((imt, m) => {
    for (let r = 0; r < base.n; r++) closed(o, m, m * base.n + r, imt);
  });
  return o;
}

function worstGap(a: GsimOutput, b: GsimOutput): number {
  let w = 0;
  for (const k of ["mean", "sig", "tau", "phi"] as const) {
    for (let i = 0; i < a[k].length; i++) {
      const d = Math.abs(a[k][i] - b[k][i]);
      w = Math.max(w, k === "mean" ? d : d / Math.max(Math.abs(b[k][i]), 1e-6));
    }
  }
  return w;
}

Deno.test("every modifier matches its closed form on the wrapped model's output (CPU, f64)", () => {
  for (const gmpe of WRAPPED) {
    const base = makeGsim(gmpe);
    const b = block(base, 500);
    const out = evaluateGsim(base, IMTS, b);
    for (const [mods, closed] of CASES) {
      const def = parseGsimSpec(spec(gmpe, mods));
      strictEqual(def.name, "ModifiableGMPE");
      deepStrictEqual(def.requires, base.requires);
      const got = evaluateGsim(def, IMTS, b);
      const gap = worstGap(got, expected(out, closed));
      ok(gap < 1e-12, `${gmpe} ${mods}: ${gap}`);
    }
  }
});

Deno.test({
  name: "every modifier matches its closed form on the wrapped model's output (WebGPU, f32)",
  ignore: !gpu,
  async fn() {
    for (const gmpe of WRAPPED) {
      const base = makeGsim(gmpe);
      const b = block(base, 500);
      const out = await evaluateGsimGpu(gpu!, base, IMTS, b);
      let worst = 0, worstF64 = 0;
      for (const [mods, closed] of CASES) {
        const def = parseGsimSpec(spec(gmpe, mods));
        const got = await evaluateGsimGpu(gpu!, def, IMTS, b);
        const gap = worstGap(got, expected(out, closed));
        const f64 = worstGap(got, evaluateGsim(def, IMTS, b));
        ok(gap < 1e-5, `${gmpe} ${mods}: ${gap}`);
        ok(f64 < 1e-4, `${gmpe} ${mods}: f32 vs f64 ${f64}`);
        worst = Math.max(worst, gap);
        worstF64 = Math.max(worstF64, f64);
      }
      console.log(
        `${gmpe}: worst |f32 modified - closed form(f32 base)| ${worst.toExponential(2)}, ` +
          `worst f32 vs f64 ${worstF64.toExponential(2)}`,
      );
    }
  },
});

Deno.test("a vector modifier rejects an IMT outside its table; a nested ModifiableGMPE works", () => {
  const def = parseGsimSpec(
    spec("BooreAtkinson2008", `set_fixed_total_sigma.total_sigma = {PGA = 0.6, "SA(0.2)" = 0.75}`),
  );
  ok(unsupportedReason(def, parseImt("SA(1.0)"))?.includes("outside"));
  ok(unsupportedReason(def, parseImt("PGV"))?.includes("no coefficients for PGV"));
  strictEqual(
    unsupportedReason(def, parseImt("SA(0.1)")),
    "ModifiableGMPE does not support SA(0.1): the period is outside [0.2, 0.2] s",
  );
  // ModifiableGMPE of a ModifiableGMPE of a model with a minimum distance
  const nested = makeGsim("ModifiableGMPE", {
    gmpe: {
      ModifiableGMPE: {
        gmpe: { BooreAtkinson2008: { minimum_distance: 20 } },
        set_scale_median_scalar: { scaling_factor: 2 },
      },
    },
    set_scale_median_scalar: { scaling_factor: 3 },
    set_scale_total_sigma_scalar: { scaling_factor: 0.5 },
  });
  const base = makeGsim("BooreAtkinson2008");
  const b = block(base, 200);
  const clippedCols = { ...b.cols, rjb: b.cols.rjb!.map((x) => Math.max(x, 20)) };
  const o = evaluateGsim(base, IMTS, { n: b.n, cols: clippedCols });
  const got = evaluateGsim(nested, IMTS, b);
  const want = expected(o, (e, _m, i) => {
    e.mean[i] += Math.log(6);
    e.sig[i] *= 0.5;
  });
  ok(worstGap(got, want) < 1e-12, `nested: ${worstGap(got, want)}`);
});

Deno.test("ModifiableGMPE argument errors name the modifier and the argument", () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{}, /missing the gmpe argument/],
    [{ gmpe: { A: {}, B: {} } }, /gmpe must be one/],
    [{ gmpe: { NoSuchGsim: {} } }, /Unknown GSIM: NoSuchGsim/],
    [{ gmpe: { BooreAtkinson2008: { foo: 1 } } }, /BooreAtkinson2008: unknown argument foo/],
    [{ gmpe: { BooreAtkinson2008: {} }, set_nothing: {} }, /unknown modifier set_nothing/],
    [
      { gmpe: { BooreAtkinson2008: {} }, conditional_gmpe: {} },
      /conditional_gmpe is not implemented/,
    ],
    [
      { gmpe: { BooreAtkinson2008: {} }, ba08_site_term: { kind: 1 } },
      /ba08_site_term has no argument kind/,
    ],
    [
      { gmpe: { BooreAtkinson2008: {} }, set_scale_median_scalar: 1.2 },
      /takes a table of arguments/,
    ],
    [
      { gmpe: { BooreAtkinson2008: {} }, set_scale_median_scalar: {} },
      /needs the argument scaling_factor/,
    ],
    [
      { gmpe: { BooreAtkinson2008: {} }, set_scale_median_scalar: { scale: 1 } },
      /has no argument scale/,
    ],
    [{ gmpe: { BooreAtkinson2008: {} }, set_scale_median_scalar: { scaling_factor: 0 } }, /> 0/],
    [
      { gmpe: { BooreAtkinson2008: {} }, set_scale_median_vector: { scaling_factor: 1.1 } },
      /must be a table \{IMT = value\}/,
    ],
    [
      { gmpe: { BooreAtkinson2008: {} }, set_scale_median_vector: { scaling_factor: { XYZ: 1 } } },
      /XYZ is not an intensity measure type/,
    ],
  ];
  for (const [args, re] of bad) throws(() => makeGsim("ModifiableGMPE", args), re);
});

/** Rows of a context in OpenQuake's mgmpe tests (dummy.new_ctx: the site on the fault trace). */
function ctxOf(def: GsimDef, v: Record<string, number[]>): ContextBlock {
  const cols: ContextBlock["cols"] = {};
  const n = v.mag.length;
  for (const p of contextParams(def)) {
    if (!v[p]) throw new Error(`no test value for ${p}`);
    cols[p as keyof ContextBlock["cols"]] = Float64Array.from(v[p]);
  }
  return { n, cols };
}

// [modifier, context, IMTs, expected means [imt][site]] from OpenQuake's
// ba08_site_term_test.py, bssa14_site_term_test.py and cb14_basin_term_test.py, all on
// AtkinsonMacias2009 (whose own means, exp_gmm_origin, are checked as well)
const AM09 = { mag: [6, 6, 6, 6], rake: [60, 60, 60, 60], rrup: [0, 0, 0, 0] };
const SITE_CASES: [string, Record<string, number[]>, string[], number[][], number[][]][] = [
  [
    "ba08_site_term",
    { ...AM09, rjb: [1, 10, 30, 70], vs30: [400, 400, 400, 400] },
    ["PGA", "SA(0.1)", "SA(1.0)"],
    [[2.95002695], [3.48372038], [-0.00382746]],
    [
      [3.05906356, 3.15177686, 3.21616174, 3.23047657],
      [3.53086955, 3.61696047, 3.67674643, 3.69003877],
      [0.44547026, 0.44547026, 0.44547026, 0.44547026],
    ],
  ],
  [
    "bssa14_site_term",
    { ...AM09, rjb: [1, 10, 30, 70], vs30: [400, 400, 400, 400] },
    ["PGA", "SA(0.1)", "SA(1.0)"],
    [[2.95002695], [3.48372038], [-0.00382746]],
    [
      [3.17033675, 3.22928793, 3.28381535, 3.31383328],
      [3.52351981, 3.62115171, 3.71145723, 3.76117136],
      [0.55712445, 0.59754355, 0.63492955, 0.65551094],
    ],
  ],
  [
    "cb14_basin_term",
    { mag: [6, 6, 6], rrup: [50, 200, 500], z2pt5: [6.32, 3.53, 6.32], vs30: [1100, 1100, 1100] },
    ["PGA", "SA(1.0)", "SA(2.0)"],
    [[-1.55067862, -3.8245714, -5.48623229], [-2.25723424, -3.72056054, -5.28051045], [
      -3.45764676,
      -4.67077352,
      -5.84789307,
    ]],
    [
      [-1.35815033, -3.78220564, -5.293704],
      [-1.86104115, -3.63337845, -4.88431736],
      [-3.04727152, -4.58047065, -5.43751783],
    ],
  ],
];

Deno.test("OpenQuake's numbers: ba08/bssa14 site terms and the cb14 basin term on AtkinsonMacias2009, CPU and GPU", async () => {
  for (const [term, v, names, origin, want] of SITE_CASES) {
    const imts = names.map(parseImt);
    const base = makeGsim("AtkinsonMacias2009");
    const def = makeGsim("ModifiableGMPE", { gmpe: { AtkinsonMacias2009: {} }, [term]: {} });
    const n = v.mag.length;
    const o = evaluateGsim(base, imts, ctxOf(base, v));
    const m = evaluateGsim(def, imts, ctxOf(def, v));
    imts.forEach((_, k) => {
      aae(
        o.mean.subarray(k * n, (k + 1) * n),
        origin[k].length === 1 ? origin[k][0] : origin[k],
        `${term} origin ${names[k]}`,
      );
      aae(m.mean.subarray(k * n, (k + 1) * n), want[k], `${term} ${names[k]}`);
    });
    if (gpu) {
      const g = await evaluateGsimGpu(gpu, def, imts, ctxOf(def, v));
      const gap = worstGap(g, m);
      console.log(`${term}: worst f32 vs f64 ${gap.toExponential(2)}`);
      ok(gap < 1e-5, `${term}: ${gap}`);
    }
  }
});

Deno.test("OpenQuake's check: the CY14 site term on ChiouYoungs2014 reproduces ChiouYoungs2014 (vs30 1130, 760, 400)", async () => {
  const def = makeGsim("ModifiableGMPE", { gmpe: { ChiouYoungs2014: {} }, cy14_site_term: {} });
  const base = makeGsim("ChiouYoungs2014");
  const imts = ["PGA", "SA(1.0)"].map(parseImt);
  for (const vs of [1130, 760, 400]) {
    const r = [1, 10, 30, 70];
    const v = {
      mag: [6, 6, 6, 6],
      rake: [0, 0, 0, 0],
      dip: [90, 90, 90, 90],
      ztor: [0, 0, 0, 0],
      z1pt0: [0, 0, 0, 0],
      rrup: r,
      rx: r,
      rjb: r,
      vs30: [vs, vs, vs, vs],
      vs30measured: [1, 1, 1, 1],
    };
    const m = evaluateGsim(def, imts, ctxOf(def, v));
    const o = evaluateGsim(base, imts, ctxOf(base, v));
    aae(m.mean, o.mean, `mean at vs30 ${vs}`);
    // OpenQuake: sigma to 2 decimals at 760 m/s and 1 at 400 m/s (sigma is the rock one)
    const dec = vs === 1130 ? 1.5e-7 : vs === 760 ? 1.5e-2 : 1.5e-1;
    m.sig.forEach((s, i) =>
      ok(Math.abs(s - o.sig[i]) < dec, `sig at vs30 ${vs}: ${s} vs ${o.sig[i]}`)
    );
    if (gpu) {
      const g = await evaluateGsimGpu(gpu, def, imts, ctxOf(def, v));
      ok(worstGap(g, m) < 1e-5, `gpu at ${vs}: ${worstGap(g, m)}`);
    }
  }
});

Deno.test("OpenQuake's check: the M9 basin term adds ln 2 to SA above 1.9 s where z2.5 >= 6 km", async () => {
  const def = makeGsim("ModifiableGMPE", { gmpe: { KuehnEtAl2020SInter: {} }, m9_basin_term: {} });
  const base = makeGsim("KuehnEtAl2020SInter");
  const v = {
    mag: [6, 6, 6],
    ztor: [0, 0, 0],
    rrup: [50, 200, 500],
    z2pt5: [6.32, 3.53, 6.32],
    vs30: [1100, 1100, 1100],
  };
  const imts = ["PGA", "SA(1.0)", "SA(2.0)"].map(parseImt);
  const o = evaluateGsim(base, imts, ctxOf(base, v));
  const m = evaluateGsim(def, imts, ctxOf(def, v));
  const diff = m.mean.map((x, i) => x - o.mean[i]);
  aae(diff, [0, 0, 0, 0, 0, 0, Math.LN2, 0, Math.LN2], "m9 - original");
  if (gpu) {
    const g = await evaluateGsimGpu(gpu, def, imts, ctxOf(def, v));
    ok(worstGap(g, m) < 1e-5, `gpu ${worstGap(g, m)}`);
  }
});

Deno.test("OpenQuake's checks (nrcan15_site_term_test.py): the NRCan15 site term reproduces AB06 and BA08", async () => {
  // [kind, model, context, IMTs, absolute tolerance, rows compared]
  const r4 = (x: number) => [x, x, x, x];
  const cases: [string, string, Record<string, number[]>, string[], number, number][] = [
    [
      "base",
      "AtkinsonBoore2006",
      { mag: r4(6), vs30: r4(1999), rrup: [10, 20, 30, 40] },
      ["PGA"],
      1e-7,
      4,
    ],
    [
      "base",
      "AtkinsonBoore2006",
      { mag: r4(6), vs30: [1000, 1500, 1000, 1500], rrup: [10, 10, 40, 40] },
      ["PGA"],
      1e-7,
      4,
    ],
    [
      "linear",
      "AtkinsonBoore2006",
      { mag: r4(6), vs30: r4(760), rrup: [1, 10, 30, 70] },
      ["PGA"],
      1e-7,
      4,
    ],
    [
      "linear",
      "AtkinsonBoore2006",
      { mag: [7, 7], vs30: [760, 2010], rrup: [15, 15] },
      ["PGA"],
      0.1,
      2,
    ],
    [
      "linear",
      "BooreAtkinson2008",
      { mag: r4(6), rake: r4(0), vs30: r4(400), rjb: [1, 10, 30, 70] },
      ["PGA"],
      1e-7,
      4,
    ],
    [
      "linear",
      "BooreAtkinson2008",
      { mag: [6, 6, 6], rake: [0, 0, 0], vs30: [400, 600, 1000], rjb: [10, 10, 10] },
      ["PGA"],
      1e-7,
      2,
    ],
  ];
  for (const [kind, model, v, names, atol, rows] of cases) {
    const def = makeGsim("ModifiableGMPE", { gmpe: { [model]: {} }, nrcan15_site_term: { kind } });
    const base = makeGsim(model);
    const imts = names.map(parseImt);
    const m = evaluateGsim(def, imts, ctxOf(def, v)), o = evaluateGsim(base, imts, ctxOf(base, v));
    for (let i = 0; i < rows; i++) {
      // numpy's assert_allclose(atol, rtol=1e-7)
      const tol = (x: number) => atol + 1e-7 * Math.abs(x);
      ok(
        Math.abs(m.mean[i] - o.mean[i]) <= tol(o.mean[i]),
        `${kind} ${model} mean[${i}] ${m.mean[i]} ${o.mean[i]}`,
      );
      ok(Math.abs(m.sig[i] - o.sig[i]) <= tol(o.sig[i]), `${kind} ${model} sig[${i}]`);
    }
    if (gpu) {
      ok(
        worstGap(await evaluateGsimGpu(gpu, def, imts, ctxOf(def, v)), m) < 1e-5,
        `${kind} ${model} gpu`,
      );
    }
  }
  throws(
    () => makeGsim("ModifiableGMPE", { gmpe: { BooreAtkinson2008: {} }, nrcan15_site_term: {} }),
    /needs the argument kind/,
  );
});

/** Hashash et al. (2020) ln non-linear amplification for PGA (coefficients of its table). */
function hashashPga(vs30: number, refPga: number, refVs30: number): number {
  const [f3, f4, f5, vc] = [0.089417, -0.44895, -0.00175, 2990];
  const pga = Math.abs(refVs30 - 760) < 0.1 ? refPga / 2.275 : refPga;
  const vref = 760; // below 0.4 s
  if (!(vs30 < vc)) return 0;
  const f2 = f4 * (Math.exp(f5 * (Math.min(vs30, vref) - 360)) - Math.exp(f5 * (vref - 360)));
  return f2 * Math.log((pga + f3) / f3);
}

Deno.test("OpenQuake's numbers: ceus2020_site_term (Stewart 2020 + Hashash 2020) on BooreAtkinson2008, CPU and GPU", async () => {
  // hashash2020_test.py: vs30 400, 2800, 3000 with PGA 0.1 g on 3000 m/s rock
  aae([400, 2800, 3000].map((v) => hashashPga(v, 0.1, 3000)), [-0.146867, 0, 0], "hashash");
  // stewart2020_test.py: the linear term at vs30 201, 400, 800 (wimp 1 / 0, the second with
  // usgs = true as that test passes it)
  const stewart: [number, boolean, number[]][] = [
    [1, false, [0.436757, 0.371138, 0.185]],
    [0, true, [0.372757, 0.307138, 0.121]],
  ];
  const vs = [201, 400, 800];
  const v = { mag: [6, 6, 6], rake: [0, 0, 0], rjb: [5, 20, 60], vs30: vs };
  const base = makeGsim("BooreAtkinson2008");
  const rock = evaluateGsim(base, PGA, ctxOf(base, { ...v, vs30: [760, 760, 760] }));
  for (const refVs30 of [3000, 760]) {
    const ref = evaluateGsim(base, PGA, ctxOf(base, { ...v, vs30: [refVs30, refVs30, refVs30] }));
    for (const [wimp, usgs, lin] of stewart) {
      const def = parseGsimSpec(
        `[ModifiableGMPE]\ngmpe.BooreAtkinson2008 = {}\n` +
          `ceus2020_site_term = {wimp = ${wimp}, ref_vs30 = ${refVs30}, usgs = ${usgs}}`,
      );
      const m = evaluateGsim(def, PGA, ctxOf(def, v));
      const want = vs.map((x, i) =>
        rock.mean[i] + lin[i] + hashashPga(x, Math.exp(ref.mean[i]), refVs30)
      );
      aae(m.mean, want, `ceus2020 wimp=${wimp} ref=${refVs30}`);
      aae(m.sig, rock.sig, "sigma of the rock motion");
      if (gpu) ok(worstGap(await evaluateGsimGpu(gpu, def, PGA, ctxOf(def, v)), m) < 1e-5, "gpu");
    }
  }
  // for an SA the reference PGA still comes from the model's PGA: the model run "at PGA"
  // whatever the IMT (CY14 reads imt_period in its body) is the model's PGA
  for (const model of ["ChiouYoungs2014", "BooreEtAl2014", "AkkarEtAlRjb2014"]) {
    const g = makeGsim(model);
    const bb = block(g, 200);
    const pga = evaluateGsim(g, PGA, bb);
    for (const sa of ["SA(0.2)", "SA(1.0)", "PGV"]) {
      deepStrictEqual(
        evaluateGsim(atPga(g, "t0"), [parseImt(sa)], bb).mean,
        pga.mean,
        `${model} ${sa}`,
      );
    }
    if (gpu) {
      const gg = await evaluateGsimGpu(gpu, atPga(g, "t0"), [parseImt("SA(1.0)")], bb);
      ok(worstGap(gg, pga) < 1e-4, `${model} at PGA on the GPU: ${worstGap(gg, pga)}`);
    }
  }
  const def = makeGsim("ModifiableGMPE", {
    gmpe: { BooreAtkinson2008: {} },
    ceus2020_site_term: { wimp: 0.5, ref_vs30: 3000 },
  });
  const b = block(def, 300);
  const imts = ["PGA", "SA(0.2)", "SA(1.0)"].map(parseImt);
  const m = evaluateGsim(def, imts, b);
  ok(m.mean.every(Number.isFinite));
  if (gpu) ok(worstGap(await evaluateGsimGpu(gpu, def, imts, b), m) < 1e-4, "gpu SA");
  throws(
    () =>
      makeGsim("ModifiableGMPE", {
        gmpe: { BooreAtkinson2008: {} },
        ceus2020_site_term: { wimp: 1, ref_vs30: 1100 },
      }),
    /either 760 or 3000/,
  );
});

Deno.test("OpenQuake's numbers: sigma_model_alatik2015 (global/cena tau, ergodic or not)", () => {
  // the sigma model replaces the wrapped model's: OpenQuake wraps YenierAtkinson2015BSSA, any
  // model gives the same tau and phi
  const gsims = [
    { tau_model: "global", ergodic: false },
    { tau_model: "cena", ergodic: true },
    {},
  ].map((kw) =>
    makeGsim("ModifiableGMPE", { gmpe: { BooreAtkinson2008: {} }, sigma_model_alatik2015: kw })
  );
  const want = [[0.41623333, 0.36855], [0.67626858, 0.32195], [0.67626858, 0.36855]];
  gsims.forEach((def, g) => {
    const o = evaluateGsim(def, PGA, oqContext(def));
    aae(o.phi, want[g][0], `phi[${g}]`);
    aae(o.tau, want[g][1], `tau[${g}]`);
    aae(o.sig, Math.hypot(want[g][0], want[g][1]), `sig[${g}]`);
  });
  throws(
    () =>
      makeGsim("ModifiableGMPE", {
        gmpe: { BooreAtkinson2008: {} },
        sigma_model_alatik2015: { tau_model: "xyz" },
      }),
    /tau_model must be one of/,
  );
  throws(
    () =>
      makeGsim("ModifiableGMPE", {
        gmpe: { BooreAtkinson2008: {} },
        sigma_model_alatik2015: { tau_quantile: 0.1 },
      }),
    /tau_quantile is not supported/,
  );
});

Deno.test("sigma_model_alatik2015 gives ESHM20Craton's Al Atik sigma for every option (CPU and GPU)", async () => {
  const imts = ["PGA", "SA(0.05)", "SA(0.3)", "SA(1.0)", "SA(2.5)", "SA(10.0)"].map(parseImt);
  let worstGpu = 0;
  for (const tau_model of ["global", "cena", "cena_constant"]) {
    for (const ergodic of [true, false]) {
      const def = makeGsim("ModifiableGMPE", {
        gmpe: { BooreAtkinson2008: {} },
        sigma_model_alatik2015: { tau_model, ergodic },
      });
      const ref = makeGsim("ESHM20Craton", { tau_model, ergodic });
      const b = block({ ...def, requires: { ...def.requires, distances: ["rjb", "rrup"] } }, 400);
      // vs30 1000-1798 m/s: across the phi_s2s transition (1200-1500 m/s)
      b.cols.vs30 = b.cols.vs30!.map((_, i) => 1000 + 2 * i);
      const m = evaluateGsim(def, imts, b);
      const r = evaluateGsim(ref, imts, b);
      for (const k of ["sig", "tau", "phi"] as const) {
        aae(m[k], r[k], `${tau_model} ergodic=${ergodic} ${k}`);
      }
      if (gpu) worstGpu = Math.max(worstGpu, worstGap(await evaluateGsimGpu(gpu, def, imts, b), m));
    }
  }
  if (gpu) {
    console.log(`sigma_model_alatik2015: worst f32 vs f64 ${worstGpu.toExponential(2)}`);
    ok(worstGpu < 1e-5, `${worstGpu}`);
  }
});

Deno.test("OpenQuake's numbers: BA08SiteTerm/BSSA14SiteTerm/CB14BasinTerm classes, and BA08SiteTerm(BooreAtkinson2008) at 760 m/s", () => {
  const cls: Record<string, string> = {
    ba08_site_term: "BA08SiteTerm",
    bssa14_site_term: "BSSA14SiteTerm",
    cb14_basin_term: "CB14BasinTerm",
  };
  for (const [term, v, names, _origin, want] of SITE_CASES) {
    const imts = names.map(parseImt);
    const def = parseGsimSpec(`[${cls[term]}]\ngmpe_name = "AtkinsonMacias2009"`);
    strictEqual(def.name, cls[term]);
    const n = v.mag.length;
    const m = evaluateGsim(def, imts, ctxOf(def, v));
    imts.forEach((_, k) =>
      aae(m.mean.subarray(k * n, (k + 1) * n), want[k], `${cls[term]} ${names[k]}`)
    );
  }
  // OpenQuake's check 1: on reference rock the BA08 (BSSA14) site term gives the model itself
  for (
    const [c, model] of [["BA08SiteTerm", "BooreAtkinson2008"], ["BSSA14SiteTerm", "BooreEtAl2014"]]
  ) {
    const def = makeGsim(c, { gmpe_name: model });
    const base = makeGsim(model);
    const v = {
      mag: [6, 6, 6, 6],
      rake: [60, 60, 60, 60],
      rjb: [1, 10, 30, 70],
      vs30: [760, 760, 760, 760],
    };
    const imts = ["PGA", "SA(0.1)", "SA(1.0)"].map(parseImt);
    const m = evaluateGsim(def, imts, ctxOf(def, v)), o = evaluateGsim(base, imts, ctxOf(base, v));
    aae(m.mean, o.mean, `${c} mean`);
    aae(m.sig, o.sig, `${c} sig`);
  }
  throws(
    () => makeGsim("CB14BasinTerm", { gmpe_name: "AtkinsonMacias2009", x: 1 }),
    /unknown argument x/,
  );
  throws(() => makeGsim("BA08SiteTerm", {}), /gmpe_name must name a GSIM/);
});

Deno.test("OpenQuake's checks: SplitSigmaGMPE on Campbell2003 (within 0.3, between 0.45)", () => {
  const total = makeGsim("Campbell2003");
  const o = evaluateGsim(total, PGA, oqContext(total));
  for (const [k, v] of [["within_absolute", 0.3], ["between_absolute", 0.45]] as const) {
    const def = parseGsimSpec(`[SplitSigmaGMPE]\ngmpe_name = "Campbell2003"\n${k} = ${v}`);
    const m = evaluateGsim(def, PGA, oqContext(def));
    aae(m.sig, o.sig, "total kept");
    aae(m.sig, m.tau.map((t, i) => Math.hypot(t, m.phi[i])), "total = tau (+) phi");
    aae(k === "within_absolute" ? m.phi : m.tau, v, k);
    deepStrictEqual(def.stddevs, ["TOTAL", "INTER_EVENT", "INTRA_EVENT"]);
  }
  throws(
    () => makeGsim("SplitSigmaGMPE", { gmpe_name: "Campbell2003" }),
    /give between_absolute or within_absolute/,
  );
});

Deno.test("NSHMP2014 (+1/-1): Petersen et al. (2014) table 17 added to the NGA-West2 model", async () => {
  const adj = (m: number, r: number) =>
    m < 6
      ? (r < 10 ? 0.37 : 0.22)
      : m < 7
      ? (r < 10 ? 0.25 : 0.23)
      : r < 10
      ? 0.4
      : r < 30
      ? 0.36
      : 0.33;
  for (
    const [spec, model, sgn] of [
      ["BooreEtAl2014NSHMPUpper", "BooreEtAl2014", 1],
      ['[NSHMP2014]\ngmpe_name = "ChiouYoungs2014"\nsgn = -1', "ChiouYoungs2014", -1],
      ['[NSHMP2014]\ngmpe_name = "BooreEtAl2014"\nsgn = 1\nregion = "CAL"', "BooreEtAl2014", 1],
    ] as const
  ) {
    const def = parseGsimSpec(spec);
    ok(def.requires.distances.includes("rrup"));
    const base = makeGsim(model, spec.includes("CAL") ? { region: "CAL" } : {});
    const b = block(def, 400);
    const o = evaluateGsim(base, IMTS, b);
    const m = evaluateGsim(def, IMTS, b);
    const want = expected(o, (e, _m, i) => {
      const r = i % b.n;
      e.mean[i] += sgn * adj(b.cols.mag![r], b.cols.rrup![r]);
    });
    ok(worstGap(m, want) < 1e-12, `${spec}: ${worstGap(m, want)}`);
    if (gpu) ok(worstGap(await evaluateGsimGpu(gpu, def, IMTS, b), m) < 1e-4, `${spec} gpu`);
  }
  throws(() => makeGsim("NSHMP2014", { gmpe_name: "BooreEtAl2014", sgn: 0 }), /sgn = 0/);
  throws(
    () => makeGsim("NSHMP2014", { gmpe_name: "SadighEtAl1997", sgn: 1 }),
    /gmpe_name must be one of/,
  );
});

Deno.test("MultiGMPE (event_based/case_1's gsim_by_imt): each IMT from its own model, CPU and GPU", async () => {
  const def = parseGsimSpec(`[MultiGMPE."PGA".AkkarBommer2010]
                  [MultiGMPE."SA(0.1)".SadighEtAl1997]`);
  const ab = makeGsim("AkkarBommer2010"), sa = makeGsim("SadighEtAl1997");
  const b = block(def, 300);
  const imts = ["PGA", "SA(0.1)"].map(parseImt);
  const got = evaluateGsim(def, imts, b);
  const pga = evaluateGsim(ab, [imts[0]], b), sa01 = evaluateGsim(sa, [imts[1]], b);
  const want: GsimOutput = {
    n: b.n,
    mean: Float64Array.from([...pga.mean, ...sa01.mean]),
    sig: Float64Array.from([...pga.sig, ...sa01.sig]),
    tau: Float64Array.from([...pga.tau, ...sa01.tau]),
    phi: Float64Array.from([...pga.phi, ...sa01.phi]),
  };
  deepStrictEqual(got, want);
  ok(unsupportedReason(def, parseImt("SA(0.2)")) !== null, "SA(0.2) is not in the MultiGMPE");
  // between two of its SA periods there is no model: an error, not a blend of selectors
  const two = parseGsimSpec(
    `[MultiGMPE."SA(0.1)".SadighEtAl1997]\n[MultiGMPE."SA(1.0)".AkkarBommer2010]`,
  );
  const one = evaluateGsim(two, [parseImt("SA(1.0)")], b);
  deepStrictEqual(one.mean, evaluateGsim(ab, [parseImt("SA(1.0)")], b).mean);
  throws(
    () => evaluateGsim(two, [parseImt("SA(0.3)")], b),
    /MultiGMPE: no model for this SA period \(it has SA\(0\.1\), SA\(1\.0\)\)/,
  );
  throws(
    () => parseGsimSpec('[MultiGMPE."PGV".Campbell2003]'),
    /PGV not supported by Campbell2003/,
  );
  if (gpu) {
    const g = await evaluateGsimGpu(gpu, def, imts, b);
    const gap = worstGap(g, want);
    console.log(`MultiGMPE: worst f32 vs f64 ${gap.toExponential(2)}`);
    ok(gap < 1e-4, `${gap}`);
  }
});

Deno.test("AvgGMPE (OpenQuake's test spec): the weighted average of its models, CPU and GPU", async () => {
  const def = parseGsimSpec(`
        [AvgGMPE]
        b1.ModifiableGMPE.gmpe.AtkinsonBoore2006Modified2011 = {}
        b1.ModifiableGMPE.add_between_within_stds.with_betw_ratio = 1.7
        b1.ModifiableGMPE.weight = 0.6
        b2.PezeshkEtAl2011NEHRPBC.weight = 0.4
        b3.PezeshkEtAl2011NEHRPBC.weight = 0.0
        `);
  const m1 = makeGsim("ModifiableGMPE", {
    gmpe: { AtkinsonBoore2006Modified2011: {} },
    add_between_within_stds: { with_betw_ratio: 1.7 },
  });
  const m2 = makeGsim("PezeshkEtAl2011NEHRPBC");
  const b = block(def, 300);
  const imts = ["PGA", "SA(0.2)", "SA(1.0)"].map(parseImt);
  const o1 = evaluateGsim(m1, imts, b), o2 = evaluateGsim(m2, imts, b);
  const avg = (a: Float64Array, c: Float64Array, sq: boolean) =>
    a.map((x, i) => sq ? Math.sqrt(0.6 * x * x + 0.4 * c[i] * c[i]) : 0.6 * x + 0.4 * c[i]);
  const want: GsimOutput = {
    n: b.n,
    mean: avg(o1.mean, o2.mean, false),
    sig: avg(o1.sig, o2.sig, true),
    tau: avg(o1.tau, o2.tau, true),
    phi: avg(o1.phi, o2.phi, true),
  };
  const got = evaluateGsim(def, imts, b);
  ok(worstGap(got, want) < 1e-12, `${worstGap(got, want)}`);
  throws(() => parseGsimSpec("[AvgGMPE]\nb1.SadighEtAl1997 = {}"), /needs a weight/);
  if (gpu) {
    const g = await evaluateGsimGpu(gpu, def, imts, b);
    const gap = worstGap(g, want);
    console.log(`AvgGMPE: worst f32 vs f64 ${gap.toExponential(2)}`);
    ok(gap < 1e-4, `${gap}`);
  }
});

Deno.test("an AvgGMPE member's minimum_distance does not leak into the next member", () => {
  const def = makeGsim("AvgGMPE", {
    b1: { BooreAtkinson2008: { weight: 1, minimum_distance: 50 } },
    b2: { BooreAtkinson2008: { weight: 1 } },
  });
  const base = makeGsim("BooreAtkinson2008");
  const b = block(base, 100);
  const far = evaluateGsim(base, PGA, {
    n: b.n,
    cols: { ...b.cols, rjb: b.cols.rjb!.map((x) => Math.max(x, 50)) },
  });
  const near = evaluateGsim(base, PGA, b);
  const got = evaluateGsim(def, PGA, b);
  aae(got.mean, far.mean.map((x, i) => 0.5 * x + 0.5 * near.mean[i]), "mean");
});
