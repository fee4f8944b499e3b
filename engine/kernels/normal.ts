// The standard normal survival function Q(z) = P(Z > z) in f64, accurate in the far tails
// (erfc by W. J. Cody's rational approximations, relative error ~1e-16).

/** erfc(x) for any real x. */
export function erfc(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax < 0.5) {
    r = 1 - erfSmall(x);
    return r;
  }
  if (ax < 4) {
    const P = [
      3.004592610201616005e2,
      4.519189537118729422e2,
      3.393208167343436870e2,
      1.529892850469404039e2,
      4.316222722205673530e1,
      7.211758250883093659,
      5.641955174789739711e-1,
      -1.368648573827167067e-7,
    ];
    const Q = [
      3.004592609569832933e2,
      7.909509253278980272e2,
      9.313540948506096211e2,
      6.389802644656311665e2,
      2.775854447439876434e2,
      7.700015293522947295e1,
      1.278272731962942351e1,
      1,
    ];
    r = Math.exp(-ax * ax) * poly(P, ax) / poly(Q, ax);
  } else {
    const P = [
      -2.99610707703542174e-3,
      -4.94730910623250734e-2,
      -2.26956593539686930e-1,
      -2.78661308609647788e-1,
      -2.23192459734184686e-2,
    ];
    const Q = [
      1.06209230528467918e-2,
      1.91308926107829841e-1,
      1.05167510706793207,
      1.98733201817135256,
      1,
    ];
    const z = 1 / (ax * ax);
    r = Math.exp(-ax * ax) / ax * (1 / Math.sqrt(Math.PI) + z * poly(P, z) / poly(Q, z));
  }
  return x < 0 ? 2 - r : r;
}

function erfSmall(x: number): number {
  const P = [
    3.209377589138469472562e3,
    3.774852376853020208137e2,
    1.138641541510501556495e2,
    3.161123743870565596947,
    1.857777061846031526730e-1,
  ];
  const Q = [
    2.844236833439170622273e3,
    1.282616526077372275645e3,
    2.440246379344441733056e2,
    2.360129095234412093499e1,
    1,
  ];
  const z = x * x;
  return x * poly(P, z) / poly(Q, z);
}

/** P[0] + P[1] x + ... */
function poly(c: number[], x: number): number {
  let s = 0;
  for (let i = c.length - 1; i >= 0; i--) s = s * x + c[i];
  return s;
}

/** Q(z) = P(Z > z) = erfc(z / sqrt 2) / 2. */
export function normalSf(z: number): number {
  return 0.5 * erfc(z * Math.SQRT1_2);
}

/** Φ(tl), the CDF at the truncation level; 1 for untruncated (tl ≥ 99 or not finite). */
export function phiB(tl: number): number {
  if (!isFinite(tl) || tl >= 99 || tl < 0) return 1;
  return 1 - normalSf(tl);
}

/**
 * PoE of a normal truncated at ±tl, at standardised value z (science.md §4.2), computed from
 * tail probabilities so the far tail keeps its relative precision. tl = 0: a step at z = 0.
 */
export function truncnormSf(phi_b: number, tl: number, z: number): number {
  if (tl === 0) return z < 0 ? 1 : z > 0 ? 0 : 0.5;
  if (phi_b === 1) return normalSf(z);
  if (z <= -tl) return 1;
  if (z >= tl) return 0;
  const qTl = 1 - phi_b;
  const p = (normalSf(z) - qTl) / (1 - 2 * qTl);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
