// Auth on (`--lockdown`): users in the job database with PBKDF2-SHA256 password hashes, a
// session cookie set by /accounts/ajax_login/, and a middleware that answers 403 on /v1/.
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { JobDB } from "../engine/db.ts";
import type { Env, Requester, ServerConfig } from "./context.ts";
import { CORS_HEADERS, empty, field, form } from "./http.ts";

const ITERATIONS = 310_000;
const SESSION_TTL = 14 * 24 * 3600;

function b64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

async function pbkdf2(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(password),
    "PBKDF2",
    false,
    ["deriveBits"],
  );
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** `pbkdf2_sha256$<iterations>$<salt>$<hash>`, Django's layout. */
export async function hashPassword(password: string, iterations = ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2_sha256$${iterations}$${b64(salt)}$${
    b64(await pbkdf2(password, salt, iterations))
  }`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, iter, salt, hash] = stored.split("$");
  if (algo !== "pbkdf2_sha256" || !salt || !hash) return false;
  const saltBytes = Uint8Array.from(atob(salt), (ch) => ch.charCodeAt(0));
  const got = b64(await pbkdf2(password, saltBytes, Number(iter)));
  // constant-time comparison
  let diff = got.length ^ hash.length;
  for (let i = 0; i < Math.min(got.length, hash.length); i++) {
    diff |= got.charCodeAt(i) ^ hash.charCodeAt(i);
  }
  return diff === 0;
}

/** Creates or replaces a user (`main.ts user add NAME`). */
export async function addUser(
  db: JobDB,
  name: string,
  password: string,
  opts: { level?: number; superuser?: boolean; groups?: string[] } = {},
): Promise<void> {
  if (!/^[\w.@+-]{1,150}$/.test(name)) throw new Error(`Invalid user name: ${name}`);
  if (!password) throw new Error("An empty password is not allowed");
  db.putUser({
    name,
    pw_hash: await hashPassword(password),
    level: opts.level ?? 2,
    is_superuser: opts.superuser ? 1 : 0,
    is_active: 1,
  });
  if (opts.groups) db.setGroups(name, opts.groups);
}

function cookie(c: Context<Env>, name: string): string | undefined {
  const raw = c.req.header("cookie") ?? "";
  for (const part of raw.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

const EXEMPT = new Set(["/accounts/login/", "/accounts/ajax_login/"]);

/** Sets the requester; with auth on, rejects requests without a valid session. */
export function authMiddleware(cfg: ServerConfig): MiddlewareHandler<Env> {
  return async (c, next) => {
    c.set("cfg", cfg);
    if (!cfg.lockdown) {
      c.set("user", {
        name: cfg.defaultUser,
        level: 2,
        superuser: true,
        validUsers: [cfg.defaultUser],
      });
      return await next();
    }
    const key = cookie(c, "sessionid");
    const name = key ? cfg.db.sessionUser(key) : undefined;
    const u = name ? cfg.db.getUser(name) : undefined;
    if (u && u.is_active) {
      c.set("user", {
        name: u.name,
        level: u.level,
        superuser: !!u.is_superuser,
        validUsers: cfg.db.validUsers(u.name),
      });
      return await next();
    }
    if (EXEMPT.has(c.req.path)) return await next();
    if (c.req.path.startsWith("/v1/")) return empty(403);
    return new Response(null, { status: 302, headers: { Location: "/accounts/login/" } });
  };
}

function plain(body: string, status: number, extra: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain", ...CORS_HEADERS, ...extra },
  });
}

/** /accounts/ajax_login/ and /accounts/ajax_logout/ (only mounted with auth on). */
export function accountsRoutes(app: Hono<Env>, cfg: ServerConfig): void {
  app.all("/accounts/ajax_login/", async (c) => {
    if (c.req.method !== "POST") {
      return new Response(null, { status: 405, headers: { Allow: "POST", ...CORS_HEADERS } });
    }
    const f = await form(c);
    const username = field(f, "username");
    const password = field(f, "password");
    if (username === undefined || password === undefined) {
      return plain("Missing username or password", 500);
    }
    const u = cfg.db.getUser(username);
    if (!u || !(await verifyPassword(password, u.pw_hash))) return plain("Invalid login", 403);
    if (!u.is_active) return plain("Disabled account", 403);
    const key = b64(crypto.getRandomValues(new Uint8Array(24))).replace(/[+/=]/g, "");
    cfg.db.createSession(key, u.name, SESSION_TTL);
    const secure = new URL(c.req.url).protocol === "https:" ? "; Secure" : "";
    const res = plain("Successful login", 200);
    res.headers.append(
      "Set-Cookie",
      `sessionid=${key}; HttpOnly; Path=/; SameSite=Lax; Max-Age=${SESSION_TTL}${secure}`,
    );
    res.headers.append(
      "Set-Cookie",
      `csrftoken=${b64(crypto.getRandomValues(new Uint8Array(24))).replace(/[+/=]/g, "")}; ` +
        `Path=/; SameSite=Lax${secure}`,
    );
    return res;
  });
  app.all("/accounts/ajax_logout/", (c) => {
    if (c.req.method !== "POST") {
      return new Response(null, { status: 405, headers: { Allow: "POST", ...CORS_HEADERS } });
    }
    const key = cookie(c, "sessionid");
    if (key) cfg.db.deleteSession(key);
    const res = plain("Successful logout", 200);
    res.headers.append("Set-Cookie", "sessionid=; HttpOnly; Path=/; Max-Age=0");
    return res;
  });
}

/** May `user` read job data (results, extract, datastore)? */
export function canRead(
  cfg: ServerConfig,
  user: Requester,
  job: { user_name: string; status: string },
): boolean {
  return !cfg.lockdown || user.superuser || job.status === "shared" ||
    user.validUsers.includes(job.user_name);
}
