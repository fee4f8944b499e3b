// Engine information and validation helpers: /v1/engine_version, /v1/engine_latest_version,
// /v1/available_gsims, /v1/ini_defaults, /v1/valid/, /v1/on_same_fs.
import type { Hono } from "hono";
import { InputError } from "../engine/input/errors.ts";
import { readNrml } from "../engine/input/nrml/index.ts";
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

/**
 * Validates NRML text with the engine's readers (syntax, root element, source-model values):
 * `{error_msg, error_line, valid}` as OpenQuake answers /v1/valid/.
 */
export function validateNrmlText(xml: string): {
  error_msg: string | null;
  error_line: number | null;
  valid: boolean;
} {
  const tmp = Deno.makeTempFileSync({ prefix: "valid_", suffix: ".xml" });
  try {
    Deno.writeTextFileSync(tmp, xml);
    readNrml(tmp);
    return { error_msg: null, error_line: null, valid: true };
  } catch (err) {
    if (err instanceof InputError) {
      return { error_msg: err.reason, error_line: err.line ?? null, valid: false };
    }
    const msg = (err as Error).message.replaceAll(tmp, "xml_text");
    const line = /line (\d+)/.exec(msg);
    return { error_msg: msg, error_line: line ? Number(line[1]) : null, valid: false };
  } finally {
    Deno.removeSync(tmp);
  }
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
