// SPDX-License-Identifier: AGPL-3.0-or-later
// Public entry of the logic-tree module: types and readLogicTrees.
export type {
  FullLogicTree,
  GsimBranch,
  GsimLogicTree,
  ReadLogicTreesOptions,
  Realization,
  SmRealization,
} from "./types.ts";
export { filterSourceModel, readGsimLogicTree, readLogicTrees } from "./full.ts";
