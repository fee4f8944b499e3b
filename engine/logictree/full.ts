// SPDX-License-Identifier: AGPL-3.0-or-later
// readLogicTrees: source-model logic tree x GMPE logic tree -> realizations.
import type { FullLogicTree, ReadLogicTreesOptions } from "./types.ts";

export function readLogicTrees(_opts: ReadLogicTreesOptions): FullLogicTree {
  throw new Error("readLogicTrees: not yet implemented");
}
