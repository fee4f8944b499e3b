// The one interface every calculation mode implements: a calculator reads the job's inputs,
// writes its arrays into the datastore, logs and reports progress, and registers its outputs.
import type { Datastore } from "../datastore.ts";

/** One exported output; `type` is the OpenQuake output key (hcurves, hmaps, uhs, realizations). */
export interface OutputRow {
  name: string;
  type: string;
  displayName: string;
}

export interface CalcContext {
  calcId: number;
  /** Folder holding the job's unpacked input files. */
  inputDir: string;
  /** Absolute path of the job.ini inside inputDir. */
  jobIni: string;
  /** ini parameters overriding the file (CLI --param k=v, hazard_calculation_id). */
  overrides: Record<string, string>;
  /** calc_<id>.sqlite, open for writing. */
  datastore: Datastore;
  hazardCalcId?: number;
  /** Read-only access to a parent calculation's datastore. */
  openDatastore(calcId: number): Datastore;
  /** Stored log rows, sliced by /v1/calc/:id/log. */
  log(level: "debug" | "info" | "warning" | "error", msg: string): void;
  /** "x% of tasks done" lines, written at most every ~5%. */
  progress(done: number, total: number): void;
  /** Aborted on SIGTERM (/abort). */
  signal: AbortSignal;
  /** Registers an output that appears in /v1/calc/:id/results. */
  addOutput(o: OutputRow): void;
}

export type Calculator = (ctx: CalcContext) => Promise<void>;
