// SPDX-License-Identifier: AGPL-3.0-or-later
// The logic-tree contract: source-model realizations, the GMPE logic tree and the full
// realizations as OpenQuake numbers and names them (realizations.csv, sm_rlzs).
import type { SourceModelSpec } from "../source/spec.ts";

/** A source-model realization (OpenQuake's `sm_rlzs` row), uncertainties applied. */
export interface SmRealization {
  ordinal: number;
  /** branch IDs along the path, dummy branches as "." */
  path: string[];
  /** branch path as OpenQuake shows it: `path.join("~")`, e.g. `SM2~a3b1` */
  name: string;
  /** `SM1~.` style short code used in realizations.csv (one character per branch set) */
  shortPath: string;
  weight: number;
  /** source model files (relative to the logic-tree file), extendModel files included */
  files: string[];
  /** one SourceModelSpec per file, with the uncertainties of the path applied */
  sourceModels: SourceModelSpec[];
  /** number of realizations using this source model (GSIM paths, or sampled multiplicity) */
  samples: number;
}

export interface GsimBranch {
  /** OpenQuake's internal id: `g` + letter of the branch + number of the branch set */
  id: string;
  /** the branchID written in the file */
  branchId: string;
  /** uncertaintyModel text (TOML form when it has arguments), for engine/gsim/registry.ts parseGsimSpec */
  spec: string;
  /** default weight */
  weight: number;
  /** IMT-dependent weights when the file gives them (`<uncertaintyWeight imt="PGA">`) */
  imtWeights?: Record<string, number>;
}

export interface GsimLogicTree {
  /** effective TRTs, sorted (the GSIM LT restricted to the TRTs of the source models); `["*"]` with job.ini `gsim` */
  trts: string[];
  branchSets: { trt: string; branchSetId: string; branches: GsimBranch[] }[];
}

export interface Realization {
  ordinal: number;
  smOrdinal: number;
  weight: number;
  /** per-IMT weights when the GMPE logic tree has IMT-dependent weights */
  imtWeights?: Record<string, number>;
  /** GSIM branch per TRT; with job.ini `gsim` the key is "*" (and every source TRT maps to it too) */
  gsimByTrt: Record<string, GsimBranch>;
  /** as realizations.csv prints it: short SM path + "~" + short GSIM path, e.g. `BA~A` */
  branchPath: string;
  /** full SM path name, e.g. `SM2~a3b1` */
  smName: string;
  /** GSIM branch ids along the path, e.g. ["gA0", "gB1"] */
  gsimPath: string[];
}

export interface FullLogicTree {
  sm: SmRealization[];
  gsim: GsimLogicTree;
  realizations: Realization[];
  /** effective tectonic region types (sorted), the TRTs realizations multiply over */
  trts: string[];
  numberOfSamples: number;
  samplingMethod: string;
}

export interface ReadLogicTreesOptions {
  smltPath?: string;
  sourceModelPath?: string;
  gsimltPath?: string;
  gsim?: string;
  numberOfSamples: number;
  randomSeed: number;
  samplingMethod?: string;
  inputDir: string;
  /** job.ini discard_trts */
  discardTrts?: string[];
  /** job.ini source_id (keep only sources whose id starts with one of these) */
  sourceId?: string[];
  /** job.ini source_nodes (keep only these source tags) */
  sourceNodes?: string[];
}
