// MSR areas and magnitudes against the values of OpenQuake's hazardlib/tests/scalerel/*_test.py
// (assertAlmostEqual with their `places`).
import { ok, strictEqual, throws } from "node:assert";
import { makeMsr, MSR_NAMES, parseMsr } from "../../engine/scalerel/index.ts";

function places(a: number, e: number, p = 7, what = "") {
  ok(Math.round(Math.abs(a - e) * 10 ** p) === 0, `${what}: ${a} != ${e} at ${p} places`);
}
const msr = (name: string, args: Record<string, number> = {}) => makeMsr({ name, args });

Deno.test("PeerMSR and WC1994 (msr_test.py)", () => {
  const peer = msr("PeerMSR");
  places(peer.getMedianArea(4.3, null), 1.9952623);
  places(peer.getMedianArea(5.1, 0), 12.5892541);
  strictEqual(peer.getStdDevArea!(4.0, 50), 0.25);
  const wc = msr("WC1994");
  places(wc.getMedianArea(2.2, null), 0.0325087);
  places(wc.getMedianArea(1.3, null), 0.0049317);
  for (const r of [-28.22, -45, 0, 45]) places(wc.getMedianArea(3.9, r), 1.2302688);
  for (const r of [50, 95]) places(wc.getMedianArea(4.1, r), 1.0665961);
  for (const r of [-59, -125]) places(wc.getMedianArea(5.9, r), 92.8966387);
  strictEqual(wc.getStdDevArea!(0, null), 0.24);
  strictEqual(wc.getStdDevArea!(20, 4), 0.22);
  strictEqual(wc.getStdDevArea!(0, 138), 0.22);
  strictEqual(wc.getStdDevArea!(0, 100), 0.26);
});

Deno.test("Leonard2014 SCR and Interplate (leonard2014_test.py)", () => {
  const scr = msr("Leonard2014_SCR");
  for (const r of [0, 45, -45, 135, -135]) places(scr.getMedianArea(4.0, r), 0.66069, 5);
  for (const r of [90, 70, -70]) places(scr.getMedianArea(4.0, r), 0.64565, 5);
  places(scr.getMedianArea(4.0, null), 0.65313, 5);
  places(scr.getMedianArea(6.0, 0), 66.06934, 5);
  places(scr.getMedianArea(8.0, 90), 6456.54229, 5);
  for (const r of [0, 45, -45, 135, -135]) places(scr.getMedianMag!(0.65, r), 3.99291, 5);
  for (const r of [90, 70, -70]) places(scr.getMedianMag!(0.65, r), 4.00291, 5);
  places(scr.getMedianMag!(0.65, null), 3.99791, 5);
  places(scr.getMedianMag!(6600.0, 90), 8.00954, 5);
  const ip = msr("Leonard2014_Interplate");
  for (const r of [0, 45, -45, 135, -135]) places(ip.getMedianArea(4.0, r), 1.02329, 5);
  places(ip.getMedianArea(4.0, 90), 1.00000, 5);
});

Deno.test("Strasser, Thingbaijam, Allen & Hayes (strasser/thingbaijam2017/allenhayes2017)", () => {
  const si = msr("StrasserInterface");
  const sa = [2.14783, 19.23092, 172.18686, 1541.70045, 13803.84265];
  sa.forEach((a, i) => places(si.getMedianArea(4 + i, null), a, 5));
  [4.72, 5.53, 6.33, 7.14, 7.94].forEach((m, i) => places(si.getMedianMag!(sa[i], null), m, 2));
  const ss = msr("StrasserIntraslab");
  const sb = [2.16272, 16.78804, 130.31668, 1011.57945, 7852.35635];
  sb.forEach((a, i) => places(ss.getMedianArea(4 + i, null), a, 5));
  [4.38, 5.26, 6.13, 7.00, 7.87].forEach((m, i) => places(ss.getMedianMag!(sb[i], null), m, 2));
  places(msr("ThingbaijamInterface").getMedianArea(8.0, null), 19952.6231496888, 5);
  places(msr("ThingbaijamInterface").getMedianMag!(2243.8819237828, null), 7.00, 2);
  places(msr("ThingbaijamStrikeSlip").getMedianArea(7.0, null), 1282.33058266, 5);
  places(msr("AllenHayesInterfaceLinear").getMedianArea(7.0, null), 1230.268770812381, 5);
  places(msr("AllenHayesInterfaceLinear").getMedianMag!(19952.6231496888, null), 8.260, 2);
  places(msr("AllenHayesInterfaceBilinear").getMedianArea(8.0, null), 13803.84264602883, 5);
  places(msr("AllenHayesInterfaceBilinear").getMedianArea(9.0, null), 104712.8548050898, 5);
  places(msr("AllenHayesInterfaceBilinear").getMedianMag!(119952.6231496888, null), 9.190, 2);
});

Deno.test("parametric CScalingMSR, PointMSR, registry errors", () => {
  // classical/case_01: CScalingMSR.C = 3.90 gives A = 10^0.1 at M 4 (science.md §4.10)
  const spec = parseMsr("CScalingMSR.C = 3.90");
  strictEqual(spec.name, "CScalingMSR");
  strictEqual(spec.args.C, 3.9);
  const c = makeMsr(spec);
  places(c.getMedianArea(4.0, 0), 10 ** 0.1, 12);
  strictEqual(c.name, "CScalingMSR.C = 3.90");
  strictEqual(msr("PointMSR").getMedianArea(9.0, 0), 1e-4);
  throws(() => msr("Nope"), /'Nope' is not a recognized magnitude-scale relationship/);
  throws(() => msr("CScalingMSR"), /needs a numeric argument C/);
  throws(() => msr("WC1994", { C: 1 }), /takes no arguments/);
  for (
    const n of ["WC1994", "PeerMSR", "CScalingMSR", "PointMSR", "Leonard2014_SCR", "GermanyMSR"]
  ) {
    ok(MSR_NAMES.includes(n), n);
  }
});
