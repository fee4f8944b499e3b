// A real server for API tests: `main.ts serve` on 127.0.0.1 with a free port, a temporary
// OQ_DATADIR and the test-only calculators preloaded.
import { zipSync } from "fflate";

const ROOT = new URL("../../", import.meta.url).pathname;

export interface TestServer {
  base: string;
  datadir: string;
  proc: Deno.ChildProcess;
  /** stdout/stderr lines so far */
  output: string[];
  stop(signal?: Deno.Signal): Promise<Deno.CommandStatus>;
}

export function mainCommand(
  args: string[],
  env: Record<string, string>,
  opts: { stdin?: "piped" | "null" } = {},
): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "--config", `${ROOT}deno.json`, `${ROOT}main.ts`, ...args],
    cwd: ROOT,
    env: { OQ_PRELOAD: `${ROOT}test/api/_calculators.ts`, DENO_NO_UPDATE_CHECK: "1", ...env },
    stdin: opts.stdin ?? "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
}

/** Runs `main.ts ARGS` to the end. */
export async function runMain(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = mainCommand(args, env);
  const out = await p.output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

export async function startServer(
  opts: { datadir?: string; args?: string[]; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const datadir = opts.datadir ?? await Deno.makeTempDir({ prefix: "oqdata_" });
  const proc = mainCommand(
    ["serve", "--host", "127.0.0.1", "--port", "0", ...(opts.args ?? [])],
    { OQ_DATADIR: datadir, ...opts.env },
  );
  const output: string[] = [];
  let resolveBase: (b: string) => void;
  const based = new Promise<string>((r) => (resolveBase = r));
  const pump = async (s: ReadableStream<Uint8Array>) => {
    const dec = new TextDecoder();
    let buf = "";
    for await (const chunk of s) {
      buf += dec.decode(chunk, { stream: true });
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        output.push(line);
        const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(line);
        if (m) resolveBase(m[1]);
      }
    }
  };
  const pumps = Promise.all([pump(proc.stdout), pump(proc.stderr)]);
  const timer = setTimeout(() => resolveBase(""), 30_000);
  proc.status.then(() => resolveBase(""));
  const base = await based;
  clearTimeout(timer);
  if (!base) {
    try {
      proc.kill("SIGKILL");
    } catch { /* exited */ }
    await proc.status;
    await pumps;
    throw new Error(`server did not start:\n${output.join("\n")}`);
  }
  return {
    base,
    datadir,
    proc,
    output,
    async stop(signal: Deno.Signal = "SIGTERM") {
      try {
        proc.kill(signal);
      } catch { /* already gone */ }
      const st = await proc.status;
      await pumps;
      return st;
    },
  };
}

export function zip(files: Record<string, string | Uint8Array>): Uint8Array {
  const enc = new TextEncoder();
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) out[k] = typeof v === "string" ? enc.encode(v) : v;
  return zipSync(out);
}

/** POSTs a multipart form. */
export async function postForm(
  url: string,
  fields: Record<
    string,
    string | { name: string; data: Uint8Array } | { name: string; data: Uint8Array }[]
  >,
  headers: Record<string, string> = {},
): Promise<Response> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (typeof x === "string") fd.append(k, x);
      else fd.append(k, new Blob([x.data as Uint8Array<ArrayBuffer>]), x.name);
    }
  }
  return await fetch(url, { method: "POST", body: fd, headers });
}

/** Polls /status until the job reaches one of `statuses`. */
export async function waitStatus(
  base: string,
  id: number,
  statuses: string[],
  timeoutMs = 30_000,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const t0 = Date.now();
  let last: Record<string, unknown> = {};
  while (Date.now() - t0 < timeoutMs) {
    const r = await fetch(`${base}/v1/calc/${id}/status`, { headers });
    last = await r.json();
    if (statuses.includes(last.status as string)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not reach ${statuses}: ${JSON.stringify(last)}`);
}

export function ini(lines: Record<string, string | number>): string {
  return "[general]\n" + Object.entries(lines).map(([k, v]) => `${k} = ${v}`).join("\n") + "\n";
}
