// Response helpers shared by the routers: OpenQuake's content types, CORS headers and the
// method dispatch that answers 405 with an Allow header.
import type { Context, Hono } from "hono";
import { pyDumps } from "./pyjson.ts";
import type { Env } from "./context.ts";

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Max-Age": "1000",
  "Access-Control-Allow-Headers": "*",
};

export const HTML = "text/html; charset=utf-8";

/** A Python-json body with `Content-Type: application/json`. */
export function json(body: unknown, status = 200, type = "application/json"): Response {
  return new Response(pyDumps(body), { status, headers: { "Content-Type": type } });
}

/** Text with an explicit content type (OpenQuake uses text/html for many plain strings). */
export function text(body: string, status = 200, type = HTML): Response {
  return new Response(body, { status, headers: { "Content-Type": type } });
}

/** Django's bare 404/403/400: empty body, text/html. */
export function empty(status: number): Response {
  return new Response(null, { status, headers: { "Content-Type": HTML, "Content-Length": "0" } });
}

/** A file download. */
export function attachment(
  data: Uint8Array,
  filename: string,
  type: string,
): Response {
  return new Response(data as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": type,
      // unquoted: QGIS takes everything after `filename=` verbatim
      "Content-Disposition": `attachment; filename=${filename}`,
      "Content-Length": String(data.byteLength),
    },
  });
}

type Handler = (c: Context<Env>) => Response | Promise<Response>;

/**
 * Registers one URL: dispatch by method, 405 + Allow for the others, 200 to OPTIONS, HEAD as
 * GET without body where allowed, CORS headers on every answer.
 */
export function endpoint(
  app: Hono<Env>,
  path: string,
  methods: { GET?: Handler; POST?: Handler },
  opts: { head?: boolean } = {},
): void {
  app.all(path, async (c) => {
    const m = c.req.method;
    let res: Response;
    if (m === "OPTIONS") res = new Response(null, { status: 200 });
    else if (m === "HEAD" && opts.head && methods.GET) {
      const r = await methods.GET(c);
      await r.body?.cancel();
      res = new Response(null, { status: r.status, headers: r.headers });
    } else if (m === "GET" || m === "POST") {
      const h = methods[m];
      res = h ? await h(c) : methodNotAllowed(methods, opts);
    } else res = methodNotAllowed(methods, opts);
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(CORS_HEADERS)) headers.set(k, v);
    return new Response(res.body, { status: res.status, headers });
  });
}

function methodNotAllowed(methods: object, opts: { head?: boolean }): Response {
  const allow = Object.keys(methods);
  if (opts.head) allow.push("HEAD");
  return new Response(null, {
    status: 405,
    headers: { Allow: allow.join(", "), "Content-Type": HTML, "Content-Length": "0" },
  });
}

/** A form body (urlencoded or multipart); empty when there is none or it cannot be parsed. */
export async function form(c: Context<Env>): Promise<Record<string, (string | File)[]>> {
  try {
    const body = await c.req.parseBody({ all: true });
    const out: Record<string, (string | File)[]> = {};
    for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? v : [v];
    return out;
  } catch {
    return {};
  }
}

/** The first string value of a form field. */
export function field(f: Record<string, (string | File)[]>, name: string): string | undefined {
  const v = f[name]?.find((x) => typeof x === "string");
  return typeof v === "string" ? v : undefined;
}

/** `http(s)://<Host>` of the request (the path prefix is not included, as upstream). */
export function origin(c: Context<Env>): string {
  const url = new URL(c.req.url);
  return `${url.protocol}//${c.req.header("host") ?? url.host}`;
}
