// Exports of a finished calculation: one output in one format (API downloads, CLI `export`),
// and the job's input files as a re-runnable zip.
import { zipSync } from "fflate";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { Datastore } from "../datastore.ts";
import { datastorePath, JobDB, type JobRow } from "../db.ts";
import { EXPORTERS, exportFormats, getExporter } from "../export/registry.ts";
import { readJobIni } from "../input/ini.ts";
import { ENGINE_VERSION } from "./version.ts";

/** OpenQuake's DataStoreExportError: the output cannot be exported in that format. */
export class DataStoreExportError extends Error {
  override name = "DataStoreExportError";
}

/** Output types a user sees (those with at least one non-txt export format). */
export function exportableFormats(type: string): string[] {
  return exportFormats(type).filter((f) => f !== "txt");
}

/** Runs the exporter of (type, format) into `dir`; returns the written files. */
export async function exportOutput(
  datadir: string,
  calcId: number,
  type: string,
  format: string,
  dir: string,
): Promise<string[]> {
  const exporter = getExporter(type, format);
  if (!exporter) throw new DataStoreExportError(`Could not export ${type} in ${format}`);
  const dsPath = datastorePath(datadir, calcId);
  try {
    Deno.statSync(dsPath);
  } catch {
    throw new DataStoreExportError(`Could not export ${type} in ${format}: no datastore ${dsPath}`);
  }
  const ds = new Datastore(dsPath, { readOnly: true });
  try {
    return await exporter(ds, format, dir, calcId);
  } finally {
    ds.close();
  }
}

/**
 * Exports every registered output of a job in the given formats (CLI `--exports`, `export`);
 * formats an output does not have are skipped.
 */
export async function exportAll(
  db: JobDB,
  calcId: number,
  dir: string,
  formats?: string[],
): Promise<string[]> {
  Deno.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const out of db.outputs(calcId)) {
    const fmts = exportableFormats(out.ds_key);
    for (const fmt of formats ?? fmts.slice(0, 1)) {
      if (!fmts.includes(fmt)) continue;
      files.push(...await exportOutput(dirname(db.path), calcId, out.ds_key, fmt, dir));
    }
  }
  return files;
}

/** Input paths referenced from a job: the ini, `*_file` parameters, files named in XML inputs. */
export function referencedInputs(jobIni: string): string[] {
  const seen = new Set<string>([jobIni]);
  const queue: string[] = [];
  const { params } = readJobIni(jobIni);
  const base = dirname(jobIni);
  for (const [k, v] of Object.entries(params)) {
    if (!(k.endsWith("_file") || k === "sites_csv") || !v.trim()) continue;
    for (const f of v.trim().split(/\s+/)) queue.push(isAbsolute(f) ? f : resolve(base, f));
  }
  while (queue.length) {
    const p = queue.shift()!;
    if (seen.has(p)) continue;
    try {
      if (!Deno.statSync(p).isFile) continue;
    } catch {
      continue;
    }
    seen.add(p);
    if (!p.endsWith(".xml")) continue;
    // logic trees name source models and other files as bare tokens
    const xml = Deno.readTextFileSync(p);
    for (const m of xml.matchAll(/[\w./-]+\.(?:xml|csv|hdf5|zip)\b/g)) {
      if (!m[0].includes("://")) queue.push(resolve(dirname(p), m[0]));
    }
  }
  return [...seen];
}

/** The job's inputs as a zip: the uploaded folder, or the files an in-place ini references. */
export function jobZip(job: JobRow): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const uploaded = job.job_ini.startsWith(job.ds_calc_dir + "/");
  if (uploaded) {
    const walk = (dir: string) => {
      for (const e of Deno.readDirSync(dir)) {
        const p = `${dir}/${e.name}`;
        if (e.isDirectory) walk(p);
        else if (e.isFile) files[relative(job.ds_calc_dir, p)] = Deno.readFileSync(p);
      }
    };
    walk(job.ds_calc_dir);
  } else {
    const base = dirname(job.job_ini);
    for (const p of referencedInputs(job.job_ini)) {
      const rel = relative(base, p);
      files[rel.startsWith("..") ? basename(p) : rel] = Deno.readFileSync(p);
    }
  }
  return zipSync(files, { level: 6 });
}

/** The "Input Files" output every finished job exposes: its inputs as `input_<id>.zip`. */
EXPORTERS.input = {
  zip: (ds, _fmt, dir, calcId) => {
    const db = JobDB.open(dirname(ds.path));
    try {
      const job = db.getJob(calcId);
      if (!job?.job_ini) return Promise.resolve([]);
      const path = `${dir}/input_${calcId}.zip`;
      Deno.writeFileSync(path, jobZip(job));
      return Promise.resolve([path]);
    } finally {
      db.close();
    }
  },
};

/** zlib.adler32 (OpenQuake's checksum32 of the inputs). */
function adler32(data: Uint8Array, start = 1): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (let i = 0; i < data.length; i += 3800) {
    const end = Math.min(i + 3800, data.length);
    for (let j = i; j < end; j++) {
      a += data[j];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** `2_544_359_080`: Python's `{:_d}`. */
function underscored(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "_");
}

function rstTable(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  const widths = all[0].map((_, j) => Math.max(...all.map((r) => r[j].length)));
  const sep = (c: string) => "+" + widths.map((w) => c.repeat(w + 2)).join("+") + "+";
  const line = (r: string[]) => "| " + r.map((x, j) => x.padEnd(widths[j])).join(" | ") + " |";
  const out = [sep("-")];
  if (header) out.push(line(header), sep("="));
  for (const r of rows) out.push(line(r), sep("-"));
  return out.join("\n");
}

/** The "Full Report": job and input facts plus the datasets the calculation stored. */
export function fullReport(job: JobRow, ds: Datastore): string {
  let checksum = 1;
  let size = 0;
  for (const p of referencedInputs(job.job_ini).sort()) {
    const data = Deno.readFileSync(p);
    checksum = adler32(data, checksum);
    size += data.length;
  }
  const title = job.description;
  const facts = rstTable([
    ["checksum32", underscored(checksum)],
    ["date", job.start_time.slice(0, 19).replace(" ", "T")],
    ["engine_version", ENGINE_VERSION],
    ["input_size", underscored(size)],
  ]);
  const datasets = ds.list().map((name) => {
    const d = ds.db.prepare("SELECT dtype, shape FROM dataset WHERE name = ?").get(name) as {
      dtype: string;
      shape: string;
    };
    return [name, d.dtype, JSON.parse(d.shape).join(" x ") || "scalar"];
  });
  return [
    title,
    "=".repeat(Math.max(3, title.length)),
    "",
    facts,
    "",
    "Datasets",
    "--------",
    datasets.length ? rstTable(datasets, ["name", "dtype", "shape"]) : "(none)",
    "",
  ].join("\n");
}

EXPORTERS.fullreport = {
  rst: (ds, _fmt, dir, calcId) => {
    const db = JobDB.open(dirname(ds.path));
    try {
      const job = db.getJob(calcId);
      if (!job?.job_ini) return Promise.resolve([]);
      const path = `${dir}/report_${calcId}.rst`;
      Deno.writeTextFileSync(path, fullReport(job, ds));
      return Promise.resolve([path]);
    } finally {
      db.close();
    }
  },
};

export { EXPORTERS };
