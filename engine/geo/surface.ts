// What every rupture surface offers to the context builder. Implemented by planar surfaces
// (point/area sources), simple/complex fault meshes, kite and multi surfaces.

export type DistanceName = "rrup" | "rjb" | "rx" | "ry0" | "rcdpp";

export interface Surface {
  /** degrees, OpenQuake conventions (strike of the top edge, average dip) */
  getStrike(): number;
  getDip(): number;
  /** depth of the top of rupture, km */
  getZtor(): number;
  /** down-dip width, km */
  getWidth(): number;
  /** area, km² */
  getArea(): number;
  /** [west, south, east, north] of the surface projection, degrees (west > east across ±180) */
  getBoundingBox(): [number, number, number, number];
  /** the middle point [lon, lat, depth] */
  getMiddlePoint(): [number, number, number];
  /**
   * Fill `out[name][i]` (km) for every site i (lons/lats in degrees, depths in km when given:
   * OpenQuake measures rrup from the site's depth, e.g. -0.1 km in classical/case_01) and each requested
   * distance, with OpenQuake's conventions (rx positive on the hanging wall, ry0 0 beside).
   */
  distances(
    lons: ArrayLike<number>,
    lats: ArrayLike<number>,
    names: DistanceName[],
    out: Partial<Record<DistanceName, Float64Array>>,
    /** site depths, km (positive down; OpenQuake's sites may sit above sea level) */
    depths?: ArrayLike<number>,
  ): void;
}

/** One rupture: what a GSIM context needs plus its occurrence. */
export interface Rupture {
  mag: number;
  rake: number;
  /** tectonic region type */
  trt: string;
  /** [lon, lat, depth] */
  hypo: [number, number, number];
  surface: Surface;
  /** annual occurrence rate for Poissonian ruptures */
  rate: number;
  /** non-Poissonian ruptures: probabilities of 0, 1, 2, ... occurrences (rate is then NaN) */
  probsOccur?: number[];
  sourceId: string;
}

/** Discretization options of rupture generation (from job.ini). */
export interface SourceOptions {
  /** rupture_mesh_spacing, km */
  ruptureMeshSpacing: number;
  /** complex_fault_mesh_spacing, km */
  complexFaultMeshSpacing: number;
  /** area_source_discretization, km */
  areaSourceDiscretization: number;
  /** width_of_mfd_bin, when the job sets it */
  widthOfMfdBin?: number;
  investigationTime: number;
  /** floating_x_step / floating_y_step of kite sources (fractions of the rupture; 0: mesh step) */
  floatingXStep?: number;
  floatingYStep?: number;
}
