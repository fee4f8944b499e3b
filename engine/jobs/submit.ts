// Job submission: a job row (status `created`), the inputs stored safely in the calc folder, the
// job.ini found and read, the row updated with the real mode and description. Any error fails the
// job at once with a CRITICAL "before starting" traceback, and the stored inputs are removed.
import { basename, dirname, isAbsolute, resolve } from "node:path";
import { type JobDB, pyNow } from "../db.ts";
import { readJobIni } from "../input/ini.ts";
import { ALL_CALCULATORS, makeOqParam } from "../input/oqparam.ts";
import { getCalculator } from "../calculators/registry.ts";
import { readZip, safeEntryName, writeEntries } from "./unzip.ts";

export interface Upload {
  name: string;
  data: Uint8Array;
}

export interface SubmitRequest {
  /** uploaded files (field `archive`, or the legacy `job_config` + `input_model_N`) */
  uploads?: Upload[];
  /** an .ini (run in place) or a .zip on this machine */
  path?: string;
  /** which ini to run: the first file whose base name ends with this (default `.ini`) */
  jobIni?: string;
  hazardJobId?: number;
  owner: string;
  overrides?: Record<string, string>;
}

export interface SubmitResult {
  jobId: number;
  ok: boolean;
  traceback?: string[];
}

/** Python-like traceback lines of an error; the last line is the bare message. */
export function tracebackLines(err: unknown): string[] {
  const e = err instanceof Error ? err : new Error(String(err));
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l))
    .map((l) => "  " + l.trim());
  return [
    "Traceback (most recent call last):",
    ...frames,
    `${e.name}: ${e.message}`.split("\n"),
    ...e.message.split("\n"),
  ].flat();
}

/** No ini to run in the upload (OpenQuake raises `NotFound` there). */
export class SubmitError extends Error {
  override name = "NotFound";
}

/** Picks the ini to run among relative file names. */
export function chooseIni(names: string[], suffix: string): string {
  const found = names.find((n) => !n.startsWith("__MACOSX/") && basename(n).endsWith(suffix));
  if (!found) throw new SubmitError(`There are no ${suffix} files in the archive`);
  return found;
}

/** Parameters naming input files, checked to exist before the job is accepted. */
function referencedFiles(params: Record<string, string>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(params)) {
    if ((k.endsWith("_file") || k === "sites_csv") && v.trim()) {
      for (const f of v.trim().split(/\s+/)) out.push([k, f]);
    }
  }
  return out;
}

/** Reads the ini and checks what can be checked without running; returns its parameters. */
export function readAndCheck(
  iniPath: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  const { params, lines } = readJobIni(iniPath, overrides);
  const base = dirname(iniPath);
  for (const [, f] of referencedFiles(params)) {
    const p = isAbsolute(f) ? f : resolve(base, f);
    try {
      Deno.statSync(p);
    } catch {
      throw new Error(`No such file: ${p}`);
    }
  }
  if (!params.calculation_mode) {
    throw new Error(`${iniPath}: missing calculation_mode`);
  }
  getCalculator(params.calculation_mode); // "calculation_mode X is not supported yet"
  // every OpenQuake parameter checked (types, ranges, required inputs); modes that only
  // plug-ins know are left to their calculator
  if (ALL_CALCULATORS.includes(params.calculation_mode)) makeOqParam(params, lines, iniPath);
  return params;
}

function removeQuietly(path: string) {
  try {
    Deno.removeSync(path, { recursive: true });
  } catch { /* nothing there */ }
}

/** Stores the inputs and returns the absolute path of the ini to run. */
function storeInputs(calcDir: string, req: SubmitRequest, suffix: string): string {
  const uploads = req.uploads ?? [];
  const zips = uploads.filter((u) => u.name.toLowerCase().endsWith(".zip"));
  if (zips.length || req.path?.toLowerCase().endsWith(".zip")) {
    const data = zips.length ? zips[zips.length - 1].data : Deno.readFileSync(req.path!);
    const files = readZip(data); // checked in memory before anything is written
    const ini = chooseIni([...files.keys()].sort(), suffix);
    Deno.mkdirSync(calcDir, { recursive: true });
    writeEntries(calcDir, files);
    return `${calcDir}/${ini}`;
  }
  if (req.path) {
    const p = resolve(req.path);
    if (!Deno.statSync(p).isFile) throw new Error(`No such file: ${p}`);
    return p; // an .ini on this machine runs in place
  }
  const named = uploads.map((u) => ({ ...u, name: safeEntryName(basename(u.name)) }));
  const ini = chooseIni(named.map((u) => u.name), suffix);
  Deno.mkdirSync(calcDir, { recursive: true });
  writeEntries(calcDir, new Map(named.map((u) => [u.name, u.data])));
  return `${calcDir}/${ini}`;
}

/** Creates the job and stores/validates its inputs (synchronously: the API answers at once). */
export function submitJob(db: JobDB, req: SubmitRequest): SubmitResult {
  const datadir = dirname(db.path);
  const job = db.createJob({ user_name: req.owner, datadir });
  const suffix = req.jobIni || (req.hazardJobId !== undefined ? "risk.ini" : ".ini");
  const overrides = { ...req.overrides };
  let stored = false;
  try {
    if (req.hazardJobId !== undefined) {
      const parent = db.getJob(req.hazardJobId);
      if (!parent || parent.status === "deleted") {
        throw new Error(`Calculation ${req.hazardJobId} does not exist`);
      }
      overrides.hazard_calculation_id = String(req.hazardJobId);
    }
    stored = !req.path || req.path.toLowerCase().endsWith(".zip");
    const iniPath = storeInputs(job.ds_calc_dir, req, suffix);
    const params = readAndCheck(iniPath, overrides);
    db.updateJob(job.id, {
      calculation_mode: params.calculation_mode,
      description: params.description || "no description",
      hazard_calculation_id: req.hazardJobId ?? null,
      job_ini: iniPath,
      overrides: JSON.stringify(overrides),
    });
    return { jobId: job.id, ok: true };
  } catch (err) {
    if (stored) removeQuietly(job.ds_calc_dir);
    const tb = tracebackLines(err);
    db.tx(() => {
      db.log(job.id, "CRITICAL", "before starting", tb.join("\n"));
      db.updateJob(job.id, {
        status: "failed",
        is_running: 0,
        stop_time: pyNow(),
      });
    });
    return { jobId: job.id, ok: false, traceback: tb };
  }
}
