// Types the wrapper models share.
export type { GsimDef, GsimTable, StdDevType } from "../types.ts";
import type { ImtKind } from "../imt.ts";
export type ImtKindList = ImtKind[];
