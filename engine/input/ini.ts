// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * job.ini reader with the semantics of Python's `configparser.ConfigParser(interpolation=None)`,
 * which is what OpenQuake uses (commonlib/readinput.py::get_params):
 * - `[section]` headers; OpenQuake flattens all sections into one dictionary (later sections
 *   win), and a key defined in two sections is an error (readinput.check_params);
 * - `key = value` or `key: value` (the first `=` or `:` splits), keys lower-cased and stripped;
 * - full-line comments start with `#` or `;` (after optional indentation); inline comments are
 *   NOT stripped (configparser's default inline_comment_prefixes=None, and OpenQuake passes none);
 * - continuation lines are indented deeper than their key line; they are stripped and joined with
 *   "\n"; blank lines inside a value are kept, comment lines inside a value are skipped; trailing
 *   blank lines are dropped;
 * - a duplicate key in one section, or a duplicate section, is an error (strict=True);
 * - keys of `[DEFAULT]` are visible in every section.
 * OpenQuake does no `%` interpolation; as an extension `%(here)s` is replaced with the folder of
 * the ini file (OpenQuake would leave it as a literal, which can never be a valid value).
 */
import { dirname, resolve } from "node:path";
import { InputError } from "./errors.ts";

export interface IniParams {
  /** flattened key -> raw string value */
  params: Record<string, string>;
  /** key -> 1-based line of its `key = value` line (absent for overrides) */
  lines: Record<string, number>;
}

const SECTION_RE = /^\[(.+)\]/;
const OPTION_RE = /^(.*?)\s*([=:])\s*(.*)$/s;

interface Entry {
  value: string[];
  line: number;
}

/** Parse the text of an ini file; `file` is used in errors and for `%(here)s`. */
export function parseIni(text: string, file: string): IniParams {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // utf-8-sig
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length && lines[lines.length - 1] === "") lines.pop();
  const sections = new Map<string, Map<string, Entry>>();
  const defaults = new Map<string, Entry>();
  const seenSections = new Set<string>();
  let cursect: Map<string, Entry> | undefined;
  let sectname = "";
  let optname: string | undefined;
  let indentLevel = 0;
  const errors: string[] = [];

  for (let i = 0; i < lines.length; i++) {
    const lineno = i + 1;
    const line = lines[i];
    const stripped = line.trim();
    const isComment = stripped.startsWith("#") || stripped.startsWith(";");
    if (isComment || stripped === "") {
      // a blank line belongs to the current value (empty_lines_in_values=True); a comment not
      if (!isComment && cursect && optname !== undefined) cursect.get(optname)!.value.push("");
      continue;
    }
    const curIndent = line.search(/\S/);
    if (cursect && optname !== undefined && curIndent > indentLevel) {
      cursect.get(optname)!.value.push(stripped);
      continue;
    }
    indentLevel = curIndent;
    const sect = SECTION_RE.exec(stripped);
    if (sect) {
      sectname = sect[1];
      if (sectname === "DEFAULT") {
        cursect = defaults;
      } else {
        if (seenSections.has(sectname)) {
          throw new InputError(
            file,
            lineno,
            undefined,
            `While reading from '${file}' [line ${lineno}]: section '${sectname}' already exists`,
          );
        }
        seenSections.add(sectname);
        cursect = new Map();
        sections.set(sectname, cursect);
      }
      optname = undefined;
      continue;
    }
    if (!cursect) {
      throw new InputError(
        file,
        lineno,
        undefined,
        `File contains no section headers.\nfile: '${file}', line: ${lineno}\n${
          JSON.stringify(line)
        }`,
      );
    }
    const opt = OPTION_RE.exec(stripped);
    if (!opt || !opt[1]) {
      errors.push(`\t[line ${String(lineno).padStart(2)}]: ${JSON.stringify(line)}`);
      continue;
    }
    optname = opt[1].trimEnd().toLowerCase();
    if (cursect.has(optname)) {
      throw new InputError(
        file,
        lineno,
        optname,
        `While reading from '${file}' [line ${lineno}]: option '${optname}' in section ` +
          `'${sectname}' already exists`,
      );
    }
    cursect.set(optname, { value: [opt[3].trim()], line: lineno });
  }
  if (errors.length) {
    throw new InputError(
      file,
      undefined,
      undefined,
      `Source contains parsing errors: '${file}'\n${errors.join("\n")}`,
    );
  }

  // readinput.check_params: the same key in two sections is an error
  const owner = new Map<string, string>();
  for (const [name, sect] of sections) {
    const keys = new Set([...sect.keys(), ...defaults.keys()]);
    for (const k of keys) {
      const prev = owner.get(k);
      if (prev !== undefined) {
        const e = sect.get(k) ?? defaults.get(k)!;
        throw new InputError(
          file,
          e.line,
          k,
          `${file}: parameter(s) ['${k}'] is(are) defined in multiple sections ` +
            `(${prev}, ${name})`,
        );
      }
      owner.set(k, name);
    }
  }

  const here = dirname(resolve(file));
  const params: Record<string, string> = {};
  const linesOut: Record<string, number> = {};
  for (const sect of sections.values()) {
    for (const [k, e] of [...defaults, ...sect]) {
      params[k] = e.value.join("\n").trimEnd().replaceAll("%(here)s", here);
      linesOut[k] = e.line;
    }
  }
  return { params, lines: linesOut };
}

/**
 * Read a job.ini file; `overrides` (raw strings, like OpenQuake's `kw` / `--param`) replace the
 * values of the file and have no line number.
 */
export function readJobIni(path: string, overrides?: Record<string, string>): IniParams {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      throw new InputError(path, undefined, undefined, `File not found: ${resolve(path)}`);
    }
    throw err;
  }
  const out = parseIni(text, path);
  for (const [k, v] of Object.entries(overrides ?? {})) {
    const key = k.toLowerCase();
    out.params[key] = v;
    delete out.lines[key];
  }
  return out;
}
