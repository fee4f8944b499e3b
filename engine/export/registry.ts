// Output type -> export format -> exporter. Exporters read the datastore and write files;
// nothing is recomputed. Registration order of formats is the `outtypes` order of /results.
import type { Datastore } from "../datastore.ts";
import { HAZARD_EXPORTERS } from "./hazard.ts";

/** Writes the files of one output in one format into `dir`; returns the written paths. */
export type Exporter = (
  ds: Datastore,
  format: string,
  dir: string,
  calcId: number,
  kind?: string,
) => Promise<string[]>;

export const EXPORTERS: Record<string, Record<string, Exporter>> = { ...HAZARD_EXPORTERS };

/** Formats available for an output type, in registration order. */
export function exportFormats(type: string): string[] {
  return Object.hasOwn(EXPORTERS, type) ? Object.keys(EXPORTERS[type]) : [];
}

export function getExporter(type: string, format: string): Exporter | undefined {
  const byFmt = Object.hasOwn(EXPORTERS, type) ? EXPORTERS[type] : undefined;
  return byFmt && Object.hasOwn(byFmt, format) ? byFmt[format] : undefined;
}
