// The one definition of a ground-motion model (DESIGN.md §3). A model declares what it needs
// and carries its coefficients as data; its equations are a small WGSL-subset body that is run
// as-is on the GPU and transpiled to JavaScript (f64) for the CPU reference path.
import type { CoeffsTable } from "./coeffs.ts";
import type { ImtKind } from "./imt.ts";

export type RuptureParam =
  | "mag"
  | "rake"
  | "dip"
  | "ztor"
  | "width"
  | "hypo_depth"
  | "hypo_lat"
  | "hypo_lon";
export type SiteParam =
  | "vs30"
  | "vs30measured"
  | "z1pt0"
  | "z2pt5"
  | "backarc"
  | "region"
  | "slope"
  | "siteclass"
  | "geology"
  | "lon"
  | "lat";
export type DistParam =
  | "rrup"
  | "rjb"
  | "rx"
  | "ry0"
  | "rhypo"
  | "repi"
  | "rcdpp"
  | "rvolc"
  | "azimuth";
export type StdDevType = "TOTAL" | "INTER_EVENT" | "INTRA_EVENT";

/** Tectonic region types, spelled as OpenQuake's const.TRT values. */
export const TRT = {
  ACTIVE_SHALLOW_CRUST: "Active Shallow Crust",
  STABLE_CONTINENTAL: "Stable Shallow Crust",
  SUBDUCTION_INTERFACE: "Subduction Interface",
  SUBDUCTION_INTRASLAB: "Subduction IntraSlab",
  VOLCANIC: "Volcanic",
  GEOTHERMAL: "Geothermal",
  INDUCED: "Induced",
  UPPER_MANTLE: "Upper Mantle",
} as const;

/** One coefficient table of a model; its columns are visible to the body as `<prefix>_<name>`. */
export interface GsimTable {
  prefix: string;
  table: CoeffsTable;
  /** look this table up at a fixed IMT (e.g. "PGA" for rock PGA in non-linear site terms) */
  imt?: string;
}

export interface GsimDef {
  /** OpenQuake class name */
  name: string;
  /** constructor arguments this instance was made with (shown in realization paths) */
  args: Record<string, unknown>;
  trt: string;
  imts: ImtKind[];
  stddevs: StdDevType[];
  requires: { rupture: RuptureParam[]; sites: SiteParam[]; distances: DistParam[] };
  tables: GsimTable[];
  /** named constants (from constructor options), visible to the body as f32 constants */
  consts?: Record<string, number>;
  /**
   * WGSL-subset statements. In scope: the required context parameters by name (f32), every
   * coefficient as `<prefix>_<name>`, `imt_period` (SA period, 0 otherwise), `imt_kind`
   * (IMT_KIND_CODE), the consts. Assign the outputs `mean` (ln of the median, g for PGA/SA,
   * cm/s for PGV), `sig`, `tau`, `phi` (ln units; leave tau/phi 0 when the model has none).
   * Write float literals with a decimal point (2.0 not 2), use select(f, t, cond) instead of
   * `?:`, no arrays. Allowed built-ins: exp log log10 sqrt pow abs min max clamp select tanh
   * sinh cosh atan atan2 sin cos floor ceil sign radians degrees.
   */
  body: string;
  /** helper functions in the same subset: `fn name(a: f32, b: f32) -> f32 { ... }` */
  fns?: string;
  /**
   * Minimum of the model's valid inputs when the engine must clip (optional, informative).
   * Models clip internally in their body, as OpenQuake does.
   */
  notes?: string;
}

/** Builds a model from OpenQuake constructor keyword arguments (validated; throws on unknown). */
export type GsimFactory = (args: Record<string, unknown>) => GsimDef;

/** Per-IMT columns of a GSIM evaluation, [imt][row] laid out as imt * n + row. */
export interface GsimOutput {
  n: number;
  mean: Float64Array;
  sig: Float64Array;
  tau: Float64Array;
  phi: Float64Array;
}

/** A columnar block of rupture-site rows: one typed array per context parameter. */
export interface ContextBlock {
  n: number;
  cols: Partial<Record<RuptureParam | SiteParam | DistParam, Float64Array | Float32Array>>;
}
