// Pass 1: the GSIM of every (IMT, row) of a context block: out = (mean, sig, tau, phi).
// Prepended at build time: the model's `gsim_eval(row, imt)` generated from its one definition.

struct Params {
  n_rows: u32,
  n_imt: u32,
  n_coef: u32,
  row_offset: u32,
}

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> ctx: array<f32>;
@group(0) @binding(2) var<storage, read> coeffs: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<vec4<f32>>;

fn ctx_col(c: u32, row: u32) -> f32 {
  return ctx[c * params.n_rows + row];
}

fn coef(imt: u32, k: u32) -> f32 {
  return coeffs[imt * params.n_coef + k];
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>) {
  let i = gid.x + gid.y * nwg.x * 64u;
  if (i >= params.n_rows * params.n_imt) {
    return;
  }
  let imt = i / params.n_rows;
  let row = i % params.n_rows;
  out[i] = gsim_eval(row, imt);
}
