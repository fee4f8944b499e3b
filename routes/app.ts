// The HTTP application: the OpenQuake REST API under /v1, the login routes with auth on.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { accountsRoutes, authMiddleware } from "./auth.ts";
import { calcRoutes } from "./calc.ts";
import type { Env, ServerConfig } from "./context.ts";
import { infoRoutes } from "./info.ts";
import { uiRoutes } from "./ui.ts";

export function createApp(cfg: ServerConfig): Hono<Env> {
  // strict: `/v1/calc/list/` is not `/v1/calc/list` (Django's anchored regexes)
  const app = new Hono<Env>({ strict: true });
  app.use("*", authMiddleware(cfg));
  // uploads are read into memory: refuse bodies larger than the archive limit allows
  const maxBytes = Number(Deno.env.get("OQ_MAX_UPLOAD_BYTES")) || 1024 ** 3;
  app.use(
    "*",
    bodyLimit({
      maxSize: maxBytes,
      onError: () =>
        new Response(`Request body larger than ${maxBytes} bytes`, {
          status: 413,
          headers: { "Content-Type": "text/plain" },
        }),
    }),
  );
  if (cfg.lockdown) accountsRoutes(app, cfg);
  infoRoutes(app);
  calcRoutes(app);
  uiRoutes(app, cfg.lockdown);
  app.get("/", () => new Response(null, { status: 301, headers: { Location: "/engine/" } }));
  app.notFound(() =>
    new Response(null, {
      status: 404,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Length": "0" },
    })
  );
  app.onError((err) =>
    new Response(`${err.name}: ${err.message}\n${err.stack ?? ""}`, {
      status: 500,
      headers: { "Content-Type": "text/plain" },
    })
  );
  return app;
}
