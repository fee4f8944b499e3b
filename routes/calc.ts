// /v1/calc/...: list, status, logs, results, exports, extract, datastore, run, abort, remove,
// share. Thin: each route checks its request and calls one engine function.
import type { Context, Hono } from "hono";
import { zipSync } from "fflate";
import { basename } from "node:path";
import { Datastore } from "../engine/datastore.ts";
import { datastorePath, type JobRow, shortHostname } from "../engine/db.ts";
import { extract, toNpz } from "../engine/extract.ts";
import {
  exportableFormats,
  exportOutput,
  jobZip,
  referencedInputs,
} from "../engine/jobs/export.ts";
import { readNrml } from "../engine/input/nrml/index.ts";
import { removeDatastore } from "../engine/jobs/execute.ts";
import { processAlive } from "../engine/jobs/runner.ts";
import { readAndCheck, submitJob, tracebackLines, type Upload } from "../engine/jobs/submit.ts";
import { chooseIni } from "../engine/jobs/submit.ts";
import { readZip, writeEntries } from "../engine/jobs/unzip.ts";
import { canRead } from "./auth.ts";
import type { Env, Requester, ServerConfig } from "./context.ts";
import { attachment, empty, endpoint, field, form, json, origin, text } from "./http.ts";
import { pyFloat } from "./pyjson.ts";

const ID = ":id{[0-9]+}";

/** Extract specs a level < 2 user may ask for (auth on). */
const EXTRACT_WHITELIST = [
  "agg_curves",
  "agg_damages",
  "agg_losses",
  "agg_risk",
  "aggrisk_tags",
  "asset_risk",
  "asset_tags",
  "composite_risk_model",
  "damages-rlzs",
  "damages-stats",
  "disagg_layer",
  "events",
  "exposure_metadata",
  "gmf_data",
  "hcurves",
  "hmaps",
  "losses_by_asset",
  "losses_by_location",
  "losses_by_site",
  "mmi_tags",
  "oqparam",
  "realizations",
  "risk_by_event",
  "rupture_info",
  "sitecol",
  "uhs",
];

const HIDDEN_OUTPUTS = new Set(["exposure", "job"]);

function cfgOf(c: Context<Env>): ServerConfig {
  return c.get("cfg");
}

function param(c: Context<Env>, name: string): string {
  return (c.req.param as (n: string) => string | undefined)(name) ?? "";
}

function jobId(c: Context<Env>): number {
  return Number(param(c, "id"));
}

/** Python-style boolean query values; undefined when absent, null when not a boolean. */
function boolParam(v: string | undefined): boolean | undefined | null {
  if (v === undefined) return undefined;
  const s = v.trim().toLowerCase();
  if (["true", "1", "yes", "on", "t", "y"].includes(s)) return true;
  if (["false", "0", "no", "off", "f", "n", ""].includes(s)) return false;
  return null;
}

/** `YYYY-MM-DD, HH:MM:SS UTC` from the stored Python str() time. */
function listTime(t: string): string {
  return `${t.slice(0, 10)}, ${t.slice(11, 19)} UTC`;
}

function abortable(cfg: ServerConfig, job: JobRow): boolean {
  if (!job.is_running) return false;
  if (cfg.runner.isRunning(job.id)) return job.status === "executing";
  return job.status === "executing" && job.host === shortHostname() && processAlive(job.pid);
}

function listItem(c: Context<Env>, job: JobRow) {
  const cfg = cfgOf(c);
  return {
    id: job.id,
    owner: job.host ? `${job.user_name}@${job.host.split(".")[0]}` : job.user_name,
    calculation_mode: job.calculation_mode,
    status: job.status,
    is_running: !!job.is_running,
    description: job.description,
    url: `${origin(c)}/v1/calc/${job.id}`,
    parent_id: job.hazard_calculation_id,
    abortable: abortable(cfg, job),
    size_mb: pyFloat(job.size_mb),
    start_time: listTime(job.start_time),
  };
}

/** Owners whose jobs this requester may list (undefined = everybody). */
function visibleUsers(cfg: ServerConfig, user: Requester): string[] | undefined {
  return !cfg.lockdown || user.superuser ? undefined : user.validUsers;
}

function visible(cfg: ServerConfig, user: Requester, job: JobRow | undefined): job is JobRow {
  if (!job || job.status === "deleted") return false;
  const users = visibleUsers(cfg, user);
  return !users || users.includes(job.user_name) || job.status === "shared";
}

function plain500(body: string): Response {
  return text(body, 500, "text/plain");
}

/** Uploaded files of /v1/calc/run and /validate_zip: `archive`, then the legacy fields. */
async function uploadsOf(f: Record<string, (string | File)[]>): Promise<Upload[]> {
  const names = Object.keys(f).filter((k) =>
    k === "archive" || k === "job_config" || /^input_model_\d+$/.test(k)
  ).sort((a, b) => {
    const rank = (k: string) =>
      k === "archive" ? [0, 0] : k === "job_config" ? [1, 0] : [2, Number(k.slice(12))];
    const [ra, rb] = [rank(a), rank(b)];
    return ra[0] - rb[0] || ra[1] - rb[1];
  });
  const out: Upload[] = [];
  for (const k of names) {
    for (const v of f[k]) {
      if (typeof v !== "string") {
        out.push({ name: v.name, data: new Uint8Array(await v.arrayBuffer()) });
      }
    }
  }
  return out;
}

function parseHazardJobId(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`Invalid hazard_job_id: ${v}`);
  return n;
}

/** `job_owner` is honoured with auth off or for superusers (it would let users impersonate). */
function ownerOf(c: Context<Env>, f: Record<string, (string | File)[]>): string {
  const user = c.get("user");
  const asked = field(f, "job_owner");
  return asked && (!cfgOf(c).lockdown || user.superuser) ? asked : user.name;
}

function submitted(cfg: ServerConfig, r: ReturnType<typeof submitJob>): Response {
  if (!r.ok) return json({ traceback: r.traceback, job_id: r.jobId }, 500);
  cfg.runner.start(r.jobId);
  return json({ status: "created", job_id: r.jobId });
}

export function calcRoutes(app: Hono<Env>): void {
  endpoint(app, "/v1/calc/list", {
    GET: (c) => {
      const cfg = cfgOf(c);
      const q = (k: string) => c.req.query(k);
      const is_running = boolParam(q("is_running"));
      const relevant = boolParam(q("relevant"));
      if (is_running === null || relevant === null) return empty(500);
      const limit = q("limit") !== undefined ? Number(q("limit")) : 100;
      if (!Number.isInteger(limit)) return empty(500);
      const jobs = cfg.db.listJobs({
        is_running,
        relevant,
        calculation_mode: q("calculation_mode"),
        // stored as Python str() of the datetime: "YYYY-MM-DD HH:MM:SS"
        start_time: q("start_time")?.replace("T", " "),
        limit: limit < 0 ? -1 : limit,
        users: visibleUsers(cfg, c.get("user")),
      });
      return json(jobs.map((j) => listItem(c, j)));
    },
  });

  endpoint(app, `/v1/calc/${ID}/status`, {
    GET: (c) => {
      const cfg = cfgOf(c);
      const job = cfg.db.getJob(jobId(c));
      if (!visible(cfg, c.get("user"), job)) return empty(404);
      return json(listItem(c, job));
    },
  });

  endpoint(app, `/v1/calc/${ID}`, {
    GET: (c) => {
      const cfg = cfgOf(c);
      const job = cfg.db.getJob(jobId(c));
      if (!job) return empty(404);
      if (!canRead(cfg, c.get("user"), job)) return empty(403);
      return json({
        user_name: job.user_name,
        status: job.status,
        start_time: job.start_time,
        stop_time: job.stop_time ?? "None",
        is_running: job.is_running,
      });
    },
  });

  endpoint(app, `/v1/calc/${ID}/traceback`, {
    GET: (c) => json(cfgOf(c).db.traceback(jobId(c))),
  });

  endpoint(app, `/v1/calc/${ID}/log/size`, {
    GET: (c) => json(cfgOf(c).db.logSize(jobId(c))),
  });

  endpoint(app, `/v1/calc/${ID}/log/:slice{[0-9]*:[0-9]*}`, {
    GET: (c) => {
      const [a, b] = param(c, "slice").split(":");
      const start = a ? Number(a) : 0;
      const stop = b ? Number(b) : 0;
      const rows = cfgOf(c).db.logs(jobId(c), start, stop);
      return json(rows.map((r) => {
        const ts = r.timestamp.endsWith(".000000") || r.timestamp.length === 19
          ? r.timestamp.slice(0, 19)
          : r.timestamp.slice(0, 22);
        return [ts, r.level, r.process, r.message];
      }));
    },
  });

  const results = (c: Context<Env>) => {
    const cfg = cfgOf(c);
    const user = c.get("user");
    const job = cfg.db.getJob(jobId(c));
    if (!job) return empty(404);
    if (!canRead(cfg, user, job)) return empty(403);
    const outs = cfg.db.outputs(job.id);
    if (!outs.length) return empty(404);
    const items = [];
    for (const o of outs) {
      const outtypes = exportableFormats(o.ds_key);
      if (!outtypes.length) continue;
      if (cfg.lockdown && user.level < 2 && HIDDEN_OUTPUTS.has(o.ds_key)) continue;
      items.push({
        id: o.id,
        name: o.display_name,
        type: o.ds_key,
        outtypes,
        url: `${origin(c)}/v1/calc/result/${o.id}?export_type=${outtypes[0]}`,
        size_mb: pyFloat(o.size_mb ?? -1),
      });
    }
    return json(items);
  };
  endpoint(app, `/v1/calc/${ID}/results`, { GET: results });
  endpoint(app, `/v1/calc/${ID}/result/list`, { GET: results });

  endpoint(app, "/v1/calc/result/:rid{[0-9]+}", {
    GET: async (c) => {
      const cfg = cfgOf(c);
      const user = c.get("user");
      const out = cfg.db.output(Number(param(c, "rid")));
      if (!out) return empty(404);
      const job = cfg.db.getJob(out.oq_job_id)!;
      if (!canRead(cfg, user, job)) return empty(403);
      if (cfg.lockdown && user.level < 2 && HIDDEN_OUTPUTS.has(out.ds_key)) return empty(403);
      const fmt = c.req.query("export_type") || "xml";
      const tmp = await Deno.makeTempDir({ prefix: `export_${out.id}_` });
      try {
        let files: string[];
        try {
          files = await exportOutput(cfg.datadir, job.id, out.ds_key, fmt, tmp);
        } catch (err) {
          return plain500(tracebackLines(err).slice(1, -1).reverse().join("\n"));
        }
        if (!files.length) {
          return text(`Nothing to export for export_type=${fmt}, ${out.ds_key}`, 404);
        }
        const zipped = files.length > 1;
        const type = fmt === "xml"
          ? "application/xml"
          : fmt === "geojson"
          ? "application/json"
          : zipped
          ? "application/x-zip"
          : "text/plain";
        if (!zipped) {
          return attachment(
            Deno.readFileSync(files[0]),
            `output-${out.id}-${basename(files[0])}`,
            type,
          );
        }
        const entries: Record<string, Uint8Array> = {};
        for (const f of files) entries[basename(f)] = Deno.readFileSync(f);
        return attachment(zipSync(entries), `output-${out.id}-${out.ds_key}-${fmt}.zip`, type);
      } finally {
        await Deno.remove(tmp, { recursive: true }).catch(() => {});
      }
    },
  }, { head: true });

  endpoint(app, `/v1/calc/${ID}/extract/:spec{[-/_.\\w]+}`, {
    GET: (c) => {
      const cfg = cfgOf(c);
      const user = c.get("user");
      const job = cfg.db.getJob(jobId(c));
      if (!job) return empty(404);
      if (!canRead(cfg, user, job)) return empty(403);
      const spec = param(c, "spec");
      if (
        cfg.lockdown && user.level < 2 &&
        !EXTRACT_WHITELIST.some((w) =>
          spec === w || spec.startsWith(w + "/") || spec.startsWith(w + ".")
        )
      ) return empty(403);
      const url = new URL(c.req.url);
      const rawQuery = url.search.slice(1);
      let ds: Datastore | undefined;
      try {
        // upstream decodes the whole query string once before parsing it
        const query = new URLSearchParams(decodeURIComponent(rawQuery.replace(/\+/g, " ")));
        const path = datastorePath(cfg.datadir, job.id);
        Deno.statSync(path);
        ds = new Datastore(path, { readOnly: true });
        const npz = toNpz(extract(ds, spec, query));
        const rand = Math.random().toString(36).slice(2, 10);
        return attachment(npz, `${spec.replace(/\//g, "-")}${rand}.npz`, "application/x-zip");
      } catch (err) {
        const e = err instanceof Error ? err : new Error(String(err));
        const where = url.pathname + url.search;
        const tb = tracebackLines(e).slice(1, -2).join("\n");
        return plain500(`${e.name}: ${e.message} in ${where}\n${tb}`);
      } finally {
        ds?.close();
      }
    },
  }, { head: true });

  endpoint(app, `/v1/calc/${ID}/datastore`, {
    GET: (c) => {
      const cfg = cfgOf(c);
      const user = c.get("user");
      if (cfg.lockdown && user.level < 2) return empty(403);
      const job = cfg.db.getJob(jobId(c));
      if (!job) return empty(404);
      if (!canRead(cfg, user, job)) return empty(403);
      let data: Uint8Array;
      try {
        data = Deno.readFileSync(datastorePath(cfg.datadir, job.id));
      } catch {
        return empty(404);
      }
      return attachment(data, `calc_${job.id}.hdf5`, "application/x-hdf");
    },
  });

  endpoint(app, `/v1/calc/${ID}/job_zip`, {
    GET: (c) => {
      const cfg = cfgOf(c);
      if (cfg.lockdown && c.get("user").level < 2) return empty(403);
      const job = cfg.db.getJob(jobId(c));
      if (!job || job.status === "deleted" || !job.job_ini) return empty(404);
      try {
        return attachment(jobZip(job), `job_${job.id}.zip`, "application/x-zip");
      } catch (err) {
        return text((err as Error).message, 400, "text/plain");
      }
    },
  });

  endpoint(app, "/v1/calc/run", {
    POST: async (c) => {
      const cfg = cfgOf(c);
      const f = await form(c);
      const uploads = await uploadsOf(f);
      let hazardJobId: number | undefined;
      let jobIni = field(f, "job_ini");
      try {
        hazardJobId = parseHazardJobId(field(f, "hazard_job_id"));
        const hr = field(f, "hazard_result"); // legacy: an output id of the parent
        if (hazardJobId === undefined && hr) {
          hazardJobId = cfg.db.output(Number(hr))?.oq_job_id ?? parseHazardJobId(hr);
        }
      } catch (err) {
        return json({ traceback: tracebackLines(err), job_id: null }, 500);
      }
      const legacyIni = f.job_config?.find((v) => typeof v !== "string") as File | undefined;
      if (!jobIni && legacyIni) jobIni = basename(legacyIni.name);
      const owner = ownerOf(c, f);
      return submitted(cfg, submitJob(cfg.db, { uploads, jobIni, hazardJobId, owner }));
    },
  });

  endpoint(app, "/v1/calc/run_ini", {
    POST: async (c) => {
      const cfg = cfgOf(c);
      const f = await form(c);
      const path = field(f, "job_ini");
      if (!path) return plain500("MultiValueDictKeyError: 'job_ini'");
      let hazardJobId: number | undefined;
      try {
        hazardJobId = parseHazardJobId(field(f, "hazard_job_id"));
      } catch (err) {
        return json({ traceback: tracebackLines(err), job_id: null }, 500);
      }
      const owner = ownerOf(c, f);
      return submitted(cfg, submitJob(cfg.db, { path, hazardJobId, owner }));
    },
  });

  endpoint(app, "/v1/calc/validate_zip", {
    POST: async (c) => {
      const f = await form(c);
      const archive = f.archive?.find((v) => typeof v !== "string") as File | undefined;
      if (!archive) return text("Missing archive file", 400);
      const tmp = await Deno.makeTempDir({ prefix: "validate_" });
      try {
        const files = readZip(new Uint8Array(await archive.arrayBuffer()));
        let ini: string;
        try {
          ini = chooseIni([...files.keys()].sort(), ".ini");
        } catch {
          throw new Error(`Could not find job.ini inside ${archive.name}`);
        }
        writeEntries(tmp, files);
        readAndCheck(`${tmp}/${ini}`);
        // read every NRML input, as a run would, without running
        for (const p of referencedInputs(`${tmp}/${ini}`)) {
          if (p.endsWith(".xml")) readNrml(p);
        }
        return json({ error_msg: null, error_line: null, valid: true });
      } catch (err) {
        const msg = (err as Error).message.replaceAll(tmp + "/", "");
        return json({ error_msg: msg, error_line: null, valid: false });
      } finally {
        await Deno.remove(tmp, { recursive: true }).catch(() => {});
      }
    },
  });

  // 2026 master (MAY): an uploaded .ini (file field) or a server path (text field) `job_ini`
  endpoint(app, "/v1/calc/validate_ini", {
    POST: async (c) => {
      const f = await form(c);
      const upload = f.job_ini?.find((v) => typeof v !== "string") as File | undefined;
      const path = field(f, "job_ini");
      if (!upload && !path) return text("Missing job_ini", 400);
      const tmp = await Deno.makeTempDir({ prefix: "validate_" });
      try {
        let ini = path!;
        if (upload) {
          ini = `${tmp}/${basename(upload.name) || "job.ini"}`;
          Deno.writeFileSync(ini, new Uint8Array(await upload.arrayBuffer()));
        }
        readAndCheck(ini);
        return json({ error_msg: null, error_line: null, valid: true });
      } catch (err) {
        const msg = (err as Error).message.replaceAll(tmp + "/", "");
        return json({ error_msg: msg, error_line: null, valid: false });
      } finally {
        await Deno.remove(tmp, { recursive: true }).catch(() => {});
      }
    },
  });

  endpoint(app, `/v1/calc/${ID}/abort`, {
    POST: (c) => {
      const cfg = cfgOf(c);
      const user = c.get("user");
      const id = jobId(c);
      const job = cfg.db.getJob(id);
      if (!job) return json({ error: `Unknown job ${id}` });
      if (!["created", "submitted", "executing"].includes(job.status)) {
        return json({ error: `Job ${id} is not running` });
      }
      if (cfg.lockdown && !user.superuser && !user.validUsers.includes(job.user_name)) {
        return json({ error: `User ${user.name} has no permission to abort job ${id}` }, 403);
      }
      if (cfg.runner.abort(id)) return json({ success: `Killing job ${id}` });
      // a job run by another process of this machine (CLI `run`)
      if (job.pid && job.host === shortHostname() && processAlive(job.pid)) {
        cfg.db.setStatus(id, "aborted", ["created", "submitted", "executing"]);
        try {
          Deno.kill(job.pid, "SIGTERM");
        } catch { /* gone meanwhile */ }
        return json({ success: `Killing job ${id}` });
      }
      return json({ error: `PID for job ${id} not found` });
    },
  });

  endpoint(app, `/v1/calc/${ID}/remove`, {
    POST: (c) => {
      const cfg = cfgOf(c);
      const user = c.get("user");
      const id = jobId(c);
      const children = cfg.db.children(id);
      if (children.length) {
        return json({
          error: `Cannot delete calculation ${id}: there are calculations dependent from it: ` +
            `[${children.join(", ")}]`,
        }, 403);
      }
      const job = cfg.db.getJob(id);
      if (!job) return json({ error: `Cannot delete calculation ${id}: ID does not exist` }, 403);
      if (job.user_name !== user.name) {
        return json({
          error: `Cannot delete calculation ${id}: it belongs to ${job.user_name} and you are ` +
            user.name,
        }, 403);
      }
      if (job.is_running) cfg.runner.abort(id);
      const path = datastorePath(cfg.datadir, id);
      try {
        removeDatastore(path);
        if (job.job_ini.startsWith(job.ds_calc_dir + "/")) {
          Deno.removeSync(job.ds_calc_dir, { recursive: true });
        }
      } catch (err) {
        if (!(err instanceof Deno.errors.NotFound)) {
          return json({ error: `Could not remove ${path}: ${(err as Error).message}` }, 403);
        }
      }
      cfg.db.updateJob(id, { status: "deleted", is_running: 0 });
      return json({ success: String(id), hdf5path: path });
    },
  });

  for (
    const [action, from, to] of [["share", "complete", "shared"], ["unshare", "shared", "complete"]]
  ) {
    endpoint(app, `/v1/calc/${ID}/${action}`, {
      POST: (c) => {
        const cfg = cfgOf(c);
        if (cfg.lockdown && c.get("user").level < 2) return empty(403);
        const id = jobId(c);
        const job = cfg.db.getJob(id);
        if (!job) return plain500(`NotFound: Calculation ${id} does not exist`);
        if (job.status === to) return json({ success: `Calculation ${id} was already ${to}` });
        if (job.status !== from) {
          return json({
            error: action === "share"
              ? `Can not share calculation ${id} from status "${job.status}"`
              : `Can not force the status of calculation ${id} from "${job.status}" to "${to}"`,
          }, 403);
        }
        cfg.db.setStatus(id, to as "shared" | "complete", [from as "complete" | "shared"], {
          stop_time: job.stop_time,
        });
        return json({
          success: `The status of calculation ${id} was changed from "${from}" to "${to}"`,
        });
      },
    });
  }
}
