// Source models as read from NRML: plain immutable data, no behaviour. engine/input/nrml
// produces these; engine/source turns them into ruptures. Units: degrees, km, years.

/** Where in which file a thing was defined, for error messages. */
export interface Place {
  file: string;
  line: number;
}

export type MfdSpec =
  | {
    kind: "truncGutenbergRichterMFD";
    aValue: number;
    bValue: number;
    minMag: number;
    maxMag: number;
    /** only multiMFD carries a per-point bin width; otherwise job.ini width_of_mfd_bin */
    binWidth?: number;
  }
  | { kind: "incrementalMFD"; minMag: number; binWidth: number; occurRates: number[] }
  | { kind: "arbitraryMFD"; magnitudes: number[]; occurRates: number[] }
  | {
    kind: "YoungsCoppersmithMFD";
    minMag: number;
    bValue: number;
    characteristicMag: number;
    binWidth: number;
    characteristicRate?: number;
    totalMomentRate?: number;
  };

/** A magnitude-scaling relation: name as in NRML (`WC1994`), args e.g. CScalingMSR C=3.9. */
export interface MsrSpec {
  name: string;
  args: Record<string, number>;
}

export interface NodalPlane {
  probability: number;
  strike: number;
  dip: number;
  rake: number;
}

export interface HypoDepth {
  probability: number;
  depth: number;
}

/** [lon, lat] or [lon, lat, depth] */
export type Point = number[];

interface SourceBase {
  id: string;
  name: string;
  /** tectonic region type as written in the file (OpenQuake keeps it verbatim) */
  trt: string;
  place: Place;
  /** file of the source model this source came from */
  groupIndex?: number;
  /** temporal occurrence model set on the source (`tom="NegativeBinomialTOM" mu= alpha=`) */
  tom?: { kind: string; mu?: number; alpha?: number };
  /** mutex groups: the weight of this source (from the group's srcs_weights) */
  mutexWeight?: number;
}

interface PointLike extends SourceBase {
  upperSeismoDepth: number;
  lowerSeismoDepth: number;
  msr: MsrSpec;
  ruptAspectRatio: number;
  mfd: MfdSpec;
  nodalPlanes: NodalPlane[];
  hypoDepths: HypoDepth[];
}

export interface PointSourceSpec extends PointLike {
  kind: "pointSource";
  location: Point;
}

export interface AreaSourceSpec extends PointLike {
  kind: "areaSource";
  /** polygon exterior ring, [lon, lat] per vertex, not closed */
  polygon: Point[];
  /** areaGeometry `discretization` attribute (km); else job.ini area_source_discretization */
  discretization?: number;
}

export interface MultiPointSourceSpec extends Omit<PointLike, "mfd"> {
  kind: "multiPointSource";
  points: Point[];
  /** one MFD per point (multiMFD expanded) */
  mfds: MfdSpec[];
}

export interface SimpleFaultGeometry {
  kind: "simpleFaultGeometry";
  trace: Point[];
  dip: number;
  upperSeismoDepth: number;
  lowerSeismoDepth: number;
}

export interface ComplexFaultGeometry {
  kind: "complexFaultGeometry";
  /** top edge, intermediate edges, bottom edge; each a list of [lon, lat, depth] */
  edges: Point[][];
}

export interface KiteSurfaceGeometry {
  kind: "kiteSurface";
  /** profiles, each a list of [lon, lat, depth] from top to bottom */
  profiles: Point[][];
}

export interface PlanarSurfaceGeometry {
  kind: "planarSurface";
  strike: number;
  dip: number;
  topLeft: Point;
  topRight: Point;
  bottomLeft: Point;
  bottomRight: Point;
}

export type SurfaceGeometry =
  | SimpleFaultGeometry
  | ComplexFaultGeometry
  | KiteSurfaceGeometry
  | PlanarSurfaceGeometry
  | { kind: "griddedSurface"; points: Point[] }
  | { kind: "multiSurface"; surfaces: SurfaceGeometry[] };

export interface SimpleFaultSourceSpec extends SourceBase {
  kind: "simpleFaultSource";
  geometry: SimpleFaultGeometry;
  msr: MsrSpec;
  ruptAspectRatio: number;
  mfd: MfdSpec;
  rake: number;
  /** mesh spacing (km) set by a simpleFaultGeometryAbsolute uncertainty; else rupture_mesh_spacing */
  meshSpacing?: number;
  /** optional hypocentre positions (fractions along strike/down dip) multiplying the ruptures */
  hypoList?: { alongStrike: number; downDip: number; weight: number }[];
  /** optional slip directions (degrees) multiplying the ruptures */
  slipList?: { slip: number; weight: number }[];
}

export interface ComplexFaultSourceSpec extends SourceBase {
  kind: "complexFaultSource";
  geometry: ComplexFaultGeometry;
  msr: MsrSpec;
  ruptAspectRatio: number;
  mfd: MfdSpec;
  rake: number;
  /** mesh spacing (km) set by a complexFaultGeometryAbsolute uncertainty; else complex_fault_mesh_spacing */
  meshSpacing?: number;
}

export interface KiteFaultSourceSpec extends SourceBase {
  kind: "kiteFaultSource";
  /** kite sources may be given by a simpleFaultGeometry or by profiles */
  geometry: SimpleFaultGeometry | KiteSurfaceGeometry;
  msr: MsrSpec;
  ruptAspectRatio: number;
  mfd: MfdSpec;
  rake: number;
}

export interface CharacteristicFaultSourceSpec extends SourceBase {
  kind: "characteristicFaultSource";
  surface: SurfaceGeometry;
  mfd: MfdSpec;
  rake: number;
}

/** A rupture of a non-parametric source, or of a scenario rupture file. */
export interface RuptureSpec {
  kind:
    | "singlePlaneRupture"
    | "multiPlanesRupture"
    | "simpleFaultRupture"
    | "complexFaultRupture"
    | "griddedRupture"
    | "kiteSurfaceRupture";
  mag: number;
  rake: number;
  hypocenter: Point;
  surface: SurfaceGeometry;
  /** non-parametric: probabilities of 0, 1, 2, ... occurrences in the investigation time */
  probsOccur?: number[];
}

export interface NonParametricSourceSpec extends SourceBase {
  kind: "nonParametricSeismicSource";
  ruptures: RuptureSpec[];
  /** `rup_weights` attribute (mutex ruptures) */
  rupWeights?: number[];
}

export type SourceSpec =
  | PointSourceSpec
  | AreaSourceSpec
  | MultiPointSourceSpec
  | SimpleFaultSourceSpec
  | ComplexFaultSourceSpec
  | KiteFaultSourceSpec
  | CharacteristicFaultSourceSpec
  | NonParametricSourceSpec;

/** A sourceGroup (NRML 0.5) or the implicit single group of NRML 0.4 files, per TRT. */
export interface SourceGroupSpec {
  trt: string;
  sources: SourceSpec[];
  /** "indep" (default) or "mutex" */
  srcInterdep: "indep" | "mutex";
  rupInterdep: "indep" | "mutex";
  /** mutex groups: weight per source id */
  srcsWeights?: number[];
  cluster?: boolean;
  /** temporal occurrence model parameters, when the group overrides them */
  tom?: { kind: string; occurrenceRate?: number; timeSpan?: number; mu?: number; alpha?: number };
  /** sourceGroup `name` */
  name?: string;
  /** sourceGroup `grp_probability` (default 1) */
  grpProbability?: number;
}

export interface SourceModelSpec {
  name: string;
  file: string;
  groups: SourceGroupSpec[];
  /** sourceModel `investigation_time` (the time span of non-parametric probs_occur) */
  investigationTime?: number;
}
