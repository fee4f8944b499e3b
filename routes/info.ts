// Engine information and validation helpers: /v1/engine_version, /v1/engine_latest_version,
// /v1/available_gsims, /v1/ini_defaults, /v1/valid/, /v1/on_same_fs.
import type { Hono } from "hono";
import { SaxesParser } from "saxes";
import { availableGsims } from "../engine/gsim/registry.ts";
import { ENGINE_VERSION } from "../engine/jobs/version.ts";
import type { Env } from "./context.ts";
import { empty, endpoint, field, form, json, text } from "./http.ts";
import { iniDefaultsJson } from "../engine/input/oqparam.ts";

/** zlib.adler32(data, 0): OpenQuake's on_same_fs checksum. */
export function adler32(data: Uint8Array, start = 0): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** XML well-formedness and the `nrml` root: `{error_msg, error_line, valid}`. */
export function validateNrmlText(xml: string): {
  error_msg: string | null;
  error_line: number | null;
  valid: boolean;
} {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: string | undefined;
  let err: { msg: string; line: number | null } | undefined;
  parser.on("error", (e) => {
    if (!err) err = { msg: e.message.replace(/^\d+:\d+: /, ""), line: parser.line };
  });
  parser.on("opentag", (t) => {
    if (root === undefined) root = t.local;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    if (!err) err = { msg: (e as Error).message, line: parser.line };
  }
  if (err) return { error_msg: `${err.line}: ${err.msg}`, error_line: err.line, valid: false };
  if (root !== "nrml") {
    return {
      error_msg: `expected a node of kind nrml, got ${root ?? "nothing"}`,
      error_line: null,
      valid: false,
    };
  }
  return { error_msg: null, error_line: null, valid: true };
}

export function infoRoutes(app: Hono<Env>): void {
  endpoint(app, "/v1/engine_version", { GET: () => text(ENGINE_VERSION) });
  // offline: the check cannot be made
  endpoint(app, "/v1/engine_latest_version", { GET: () => text("None") });
  endpoint(app, "/v1/available_gsims", { GET: () => json(availableGsims()) });
  endpoint(app, "/v1/ini_defaults", {
    GET: () => new Response(iniDefaultsJson(), { headers: { "Content-Type": "application/json" } }),
  });
  // Django APPEND_SLASH: the slash-less URL redirects
  app.all(
    "/v1/valid",
    () => new Response(null, { status: 301, headers: { Location: "/v1/valid/" } }),
  );
  endpoint(app, "/v1/valid/*", {
    POST: async (c) => {
      const xml = field(await form(c), "xml_text");
      if (!xml) return text('Please provide the "xml_text" parameter', 400);
      return json(validateNrmlText(xml));
    },
  });
  endpoint(app, "/v1/on_same_fs", {
    POST: async (c) => {
      const f = await form(c);
      const filename = field(f, "filename");
      const checksum = field(f, "checksum");
      if (filename === undefined || checksum === undefined) return empty(500);
      let success = false;
      try {
        const file = await Deno.open(filename, { read: true });
        try {
          const buf = new Uint8Array(32);
          let n = 0;
          while (n < 32) {
            const r = await file.read(buf.subarray(n));
            if (r === null) break;
            n += r;
          }
          success = /^\s*[+-]?\d+\s*$/.test(checksum) &&
            adler32(buf.subarray(0, n)) === Number(checksum);
        } finally {
          file.close();
        }
      } catch { /* unreadable: not on the same filesystem */ }
      return json({ success });
    },
  });
}
