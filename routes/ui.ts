// A small browser UI at /engine/ (where OpenQuake's web UI lives): the calculation list, a log
// console, outputs to download, a form to submit a zip. It only calls the public /v1 API.
import type { Hono } from "hono";
import type { Env } from "./context.ts";
import { ENGINE_VERSION } from "../engine/jobs/version.ts";

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>quakeserver</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em} table{border-collapse:collapse;width:100%}
td,th{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
tr.sel{background:#eef} .failed,.aborted{color:#b00} .complete,.shared{color:#070}
pre{background:#f6f6f6;padding:.6em;max-height:22em;overflow:auto;white-space:pre-wrap}
button{margin-right:.3em}
</style></head><body>
<h1>quakeserver <small>(OpenQuake-compatible engine ${ENGINE_VERSION})</small></h1>
<form id="run"><input type="file" name="archive" accept=".zip" required>
<input name="job_ini" placeholder="job_ini (optional)"> <button>Run</button> <span id="msg"></span></form>
<table><thead><tr><th>id</th><th>description</th><th>mode</th><th>owner</th><th>status</th>
<th>started</th><th></th></tr></thead><tbody id="calcs"></tbody></table>
<div id="detail"></div>
<script>
const el = (t, a = {}, ...kids) => { const e = document.createElement(t);
  for (const [k, v] of Object.entries(a)) k.startsWith("on") ? e[k] = v : e.setAttribute(k, v);
  e.append(...kids); return e; };
let selected = null, logRows = 0;
async function refresh() {
  const calcs = await (await fetch("/v1/calc/list")).json();
  document.getElementById("calcs").replaceChildren(...calcs.map((c) => el("tr",
    { class: c.id === selected ? "sel" : "" },
    el("td", {}, String(c.id)), el("td", {}, c.description), el("td", {}, c.calculation_mode),
    el("td", {}, c.owner), el("td", { class: c.status }, c.status), el("td", {}, c.start_time),
    el("td", {}, el("button", { onclick: () => show(c.id) }, "Console"),
      c.abortable ? el("button", { onclick: () => post(c.id, "abort") }, "Abort") : "",
      ["complete", "failed", "shared", "aborted"].includes(c.status)
        ? el("button", { onclick: () => confirm("Remove " + c.id + "?") && post(c.id, "remove") },
          "Remove") : ""))));
  if (selected !== null) await poll();
}
async function post(id, action) {
  const r = await fetch("/v1/calc/" + id + "/" + action, { method: "POST" });
  document.getElementById("msg").textContent = await r.text(); refresh();
}
async function show(id) {
  selected = id; logRows = 0;
  document.getElementById("detail").replaceChildren(el("h2", {}, "Calculation " + id),
    el("div", { id: "outputs" }), el("pre", { id: "log" }));
  await refresh();
}
async function poll() {
  const rows = await (await fetch("/v1/calc/" + selected + "/log/" + logRows + ":")).json();
  logRows += rows.length;
  const pre = document.getElementById("log");
  if (pre && rows.length) { pre.append(rows.map((r) => r.join(" ")).join("\\n") + "\\n");
    pre.scrollTop = pre.scrollHeight; }
  const res = await fetch("/v1/calc/" + selected + "/results");
  const outs = res.ok ? await res.json() : [];
  document.getElementById("outputs")?.replaceChildren(...outs.map((o) => el("div", {}, o.name + ": ",
    ...o.outtypes.map((t) => el("a", { href: "/v1/calc/result/" + o.id + "?export_type=" + t }, t + " ")))));
}
document.getElementById("run").onsubmit = async (ev) => {
  ev.preventDefault();
  const r = await fetch("/v1/calc/run", { method: "POST", body: new FormData(ev.target) });
  const body = await r.json();
  document.getElementById("msg").textContent = r.ok ? "submitted job " + body.job_id
    : body.traceback.at(-1);
  refresh();
};
refresh(); setInterval(refresh, 3000);
</script></body></html>`;

const LOGIN = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>quakeserver login</title></head>
<body style="font:14px system-ui,sans-serif;margin:2em">
<h1>quakeserver</h1>
<form id="f"><input name="username" placeholder="user" required>
<input name="password" type="password" placeholder="password" required> <button>Log in</button>
<span id="msg"></span></form>
<script>
document.getElementById("f").onsubmit = async (ev) => {
  ev.preventDefault();
  const r = await fetch("/accounts/ajax_login/", { method: "POST", body: new FormData(ev.target) });
  if (r.ok) location.href = "/engine/"; else document.getElementById("msg").textContent = await r.text();
};
</script></body></html>`;

function html(body: string): Response {
  return new Response(body, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

export function uiRoutes(app: Hono<Env>, lockdown: boolean): void {
  app.get("/engine/", () => html(PAGE));
  app.get("/engine", () => new Response(null, { status: 301, headers: { Location: "/engine/" } }));
  if (lockdown) app.get("/accounts/login/", () => html(LOGIN));
}
