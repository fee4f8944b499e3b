// Pass 2: for every (site, level) of a block, the sum over the site's rows of
// -rate * T * PoE(level | mean, sig, truncation), reduced in a workgroup (no float atomics).
// Rows are sorted by site; site s owns rows [site_start[s], site_start[s + 1]).

struct Params {
  n_rows: u32,
  n_sites: u32,
  n_levels: u32,
  // 0: truncated at +-tl, 1: untruncated, 2: truncation 0 (a step at the median)
  mode: u32,
  tl: f32,
  // Q(tl) = P(Z > tl) and the normalisation 1 - 2 Q(tl), computed in f64 on the CPU
  q_tl: f32,
  norm: f32,
  time: f32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> gm: array<vec4<f32>>;
@group(0) @binding(2) var<storage, read> rate: array<f32>;
@group(0) @binding(3) var<storage, read> site_start: array<u32>;
@group(0) @binding(4) var<storage, read> ln_level: array<f32>;
@group(0) @binding(5) var<storage, read> level_imt: array<u32>;
@group(0) @binding(6) var<storage, read_write> out: array<f32>;

var<workgroup> partial: array<f32, 64>;

// erfc(x) with fractional error below 1.2e-7 everywhere (Chebyshev fit, Numerical Recipes'
// erfcc): relative precision is kept in the far tail, where 1 - erf(x) would cancel.
fn erfc_(x: f32) -> f32 {
  let z = abs(x);
  let t = 1.0 / (1.0 + 0.5 * z);
  let p = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 +
    t * (-0.82215223 + t * 0.17087277))))))));
  let r = t * exp(p);
  return select(2.0 - r, r, x >= 0.0);
}

// P(Z > z) for a standard normal Z
fn q_(z: f32) -> f32 {
  return 0.5 * erfc_(z * 0.7071067811865476);
}

fn poe(ln_x: f32, mean: f32, sig: f32) -> f32 {
  if (params.mode == 2u || sig <= 0.0) {
    return select(select(0.0, 0.5, ln_x == mean), 1.0, ln_x < mean);
  }
  let z = (ln_x - mean) / sig;
  if (params.mode == 1u) {
    return q_(z);
  }
  if (z <= -params.tl) {
    return 1.0;
  }
  if (z >= params.tl) {
    return 0.0;
  }
  return clamp((q_(z) - params.q_tl) / params.norm, 0.0, 1.0);
}

@compute @workgroup_size(64)
fn main(
  @builtin(workgroup_id) wid: vec3<u32>,
  @builtin(num_workgroups) nwg: vec3<u32>,
  @builtin(local_invocation_index) lid: u32,
) {
  let k = wid.x + wid.y * nwg.x;
  let in_range = k < params.n_sites * params.n_levels;
  var acc = 0.0;
  if (in_range) {
    let s = k / params.n_levels;
    let l = k % params.n_levels;
    let ln_x = ln_level[l];
    let base = level_imt[l] * params.n_rows;
    for (var r = site_start[s] + lid; r < site_start[s + 1u]; r += 64u) {
      let g = gm[base + r];
      acc += rate[r] * poe(ln_x, g.x, g.y);
    }
  }
  partial[lid] = acc;
  workgroupBarrier();
  for (var w = 32u; w > 0u; w = w / 2u) {
    if (lid < w) {
      partial[lid] += partial[lid + w];
    }
    workgroupBarrier();
  }
  if (lid == 0u && in_range) {
    out[k] = -partial[0] * params.time;
  }
}
