// A small TOML reader for the GSIM specs of logic trees and job.ini files (OpenQuake reads them
// with Python's `toml`): tables and nested tables (`[ModifiableGMPE.gmpe.BooreAtkinson2008]`),
// arrays of tables, dotted and quoted keys (`"SA(0.2)" = 1.1`), inline tables, basic/literal
// (and multi-line) strings, integers, floats (inf, nan), booleans and arrays. Key order is kept:
// ModifiableGMPE applies its modifiers in the order written. Dates are not supported.

export type TomlTable = { [key: string]: TomlValue };
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;

export class TomlError extends Error {
  constructor(readonly line: number, message: string) {
    super(`TOML line ${line}: ${message}`);
  }
}

// tables made implicitly by a header path or a dotted key may still be given their own header
const IMPLICIT = new WeakSet<TomlTable>();
const EXPLICIT = new WeakSet<TomlTable>();
const INLINE = new WeakSet<object>();

const BARE = /[A-Za-z0-9_-]/;

/** Parse a TOML document into plain objects (key order preserved). */
export function parseToml(text: string): TomlTable {
  return new Reader(text).document();
}

class Reader {
  private pos = 0;
  private line = 1;
  constructor(private readonly s: string) {}

  private fail(msg: string): never {
    throw new TomlError(this.line, msg);
  }
  private peek(k = 0): string {
    return this.s[this.pos + k] ?? "";
  }
  private next(): string {
    const c = this.s[this.pos++] ?? "";
    if (c === "\n") this.line++;
    return c;
  }
  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.pos);
  }
  /** spaces and tabs only */
  private ws(): void {
    while (this.peek() === " " || this.peek() === "\t") this.pos++;
  }
  private comment(): void {
    if (this.peek() === "#") {
      while (this.pos < this.s.length && this.peek() !== "\n") {
        this.pos++;
      }
    }
  }
  /** the rest of a line: nothing but a comment may follow a value or header */
  private eol(): void {
    this.ws();
    this.comment();
    if (this.peek() === "\r") this.pos++;
    if (this.pos < this.s.length && this.peek() !== "\n") {
      this.fail(`unexpected ${JSON.stringify(this.peek())} after the value`);
    }
  }
  /** whitespace, newlines and comments (inside arrays) */
  private wsnl(): void {
    for (;;) {
      this.ws();
      this.comment();
      const c = this.peek();
      if (c === "\n" || c === "\r") this.next();
      else return;
    }
  }

  document(): TomlTable {
    const root: TomlTable = {};
    let current = root;
    while (this.pos < this.s.length) {
      this.wsnl();
      if (this.pos >= this.s.length) break;
      if (this.peek() === "[") {
        current = this.header(root);
      } else {
        this.keyValue(current);
      }
      this.eol();
    }
    return root;
  }

  private header(root: TomlTable): TomlTable {
    const array = this.startsWith("[[");
    this.pos += array ? 2 : 1;
    this.ws();
    const path = this.key();
    this.ws();
    if (!this.startsWith(array ? "]]" : "]")) this.fail(`missing ${array ? "]]" : "]"}`);
    this.pos += array ? 2 : 1;
    const head = path.slice(0, -1), last = path[path.length - 1];
    const parent = this.descend(root, head);
    if (array) {
      const existing = parent[last];
      if (existing === undefined) parent[last] = [];
      else if (!Array.isArray(existing) || INLINE.has(existing)) {
        this.fail(`${path.join(".")} is not an array of tables`);
      }
      const t: TomlTable = {};
      (parent[last] as TomlValue[]).push(t);
      return t;
    }
    const existing = parent[last];
    if (existing === undefined) {
      const t: TomlTable = {};
      EXPLICIT.add(t);
      parent[last] = t;
      return t;
    }
    if (!isTable(existing) || INLINE.has(existing)) this.fail(`${path.join(".")} is not a table`);
    if (EXPLICIT.has(existing) || !IMPLICIT.has(existing)) {
      this.fail(`table [${path.join(".")}] defined twice`);
    }
    IMPLICIT.delete(existing);
    EXPLICIT.add(existing);
    return existing;
  }

  /** walk (creating implicit tables) down a key path; the last element of an array of tables */
  private descend(t: TomlTable, path: string[]): TomlTable {
    for (const k of path) {
      let v = t[k];
      if (v === undefined) {
        const sub: TomlTable = {};
        IMPLICIT.add(sub);
        t[k] = v = sub;
      }
      if (Array.isArray(v) && !INLINE.has(v) && v.length && isTable(v[v.length - 1])) {
        v = v[v.length - 1];
      }
      if (!isTable(v) || INLINE.has(v)) this.fail(`key ${k} is already a value, not a table`);
      t = v;
    }
    return t;
  }

  private keyValue(t: TomlTable): void {
    const path = this.key();
    this.ws();
    if (this.next() !== "=") this.fail(`expected = after key ${path.join(".")}`);
    this.ws();
    const value = this.value();
    const target = this.descend(t, path.slice(0, -1));
    const last = path[path.length - 1];
    if (target[last] !== undefined) this.fail(`duplicate key ${path.join(".")}`);
    target[last] = value;
  }

  /** a (dotted) key: bare, "basic" or 'literal' parts */
  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.ws();
      const c = this.peek();
      if (c === '"') parts.push(this.basicString());
      else if (c === "'") parts.push(this.literalString());
      else {
        const start = this.pos;
        while (BARE.test(this.peek())) this.pos++;
        if (this.pos === start) this.fail(`invalid key at ${JSON.stringify(this.rest())}`);
        parts.push(this.s.slice(start, this.pos));
      }
      this.ws();
      if (this.peek() !== ".") return parts;
      this.pos++;
    }
  }

  private rest(): string {
    return this.s.slice(this.pos, this.s.indexOf("\n", this.pos) >>> 0).slice(0, 30);
  }

  private value(): TomlValue {
    const c = this.peek();
    if (c === '"') return this.startsWith('"""') ? this.multiBasic() : this.basicString();
    if (c === "'") return this.startsWith("'''") ? this.multiLiteral() : this.literalString();
    if (c === "[") return this.array();
    if (c === "{") return this.inlineTable();
    const m = /^[^\s,\]}#]+/.exec(this.s.slice(this.pos, this.pos + 200));
    if (!m) this.fail(`missing value`);
    const tok = m[0];
    this.pos += tok.length;
    return this.scalar(tok);
  }

  private scalar(tok: string): TomlValue {
    if (tok === "true") return true;
    if (tok === "false") return false;
    if (/^[+-]?(inf|nan)$/.test(tok)) {
      return tok.endsWith("nan") ? NaN : tok.startsWith("-") ? -Infinity : Infinity;
    }
    const hex = /^0x([0-9A-Fa-f](_?[0-9A-Fa-f])*)$/.exec(tok);
    if (hex) return parseInt(hex[1].replaceAll("_", ""), 16);
    const oct = /^0o([0-7](_?[0-7])*)$/.exec(tok);
    if (oct) return parseInt(oct[1].replaceAll("_", ""), 8);
    const bin = /^0b([01](_?[01])*)$/.exec(tok);
    if (bin) return parseInt(bin[1].replaceAll("_", ""), 2);
    const dec = /^[+-]?(0|[1-9](_?\d)*)(\.\d(_?\d)*)?([eE][+-]?\d(_?\d)*)?$/;
    if (dec.test(tok)) return Number(tok.replaceAll("_", ""));
    this.fail(`invalid value ${tok}`);
  }

  private basicString(): string {
    this.pos++; // opening quote
    let out = "";
    for (;;) {
      const c = this.next();
      if (c === "" || c === "\n") this.fail("unterminated string");
      if (c === '"') return out;
      out += c === "\\" ? this.escape() : c;
    }
  }

  private escape(): string {
    const e = this.next();
    const simple: Record<string, string> = {
      b: "\b",
      t: "\t",
      n: "\n",
      f: "\f",
      r: "\r",
      '"': '"',
      "\\": "\\",
    };
    if (e in simple) return simple[e];
    if (e === "u" || e === "U") {
      const len = e === "u" ? 4 : 8;
      const hex = this.s.slice(this.pos, this.pos + len);
      if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) this.fail(`invalid escape \\${e}${hex}`);
      this.pos += len;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    this.fail(`invalid escape \\${e}`);
  }

  private literalString(): string {
    this.pos++;
    const end = this.s.indexOf("'", this.pos);
    const nl = this.s.indexOf("\n", this.pos);
    if (end < 0 || (nl >= 0 && nl < end)) this.fail("unterminated string");
    const out = this.s.slice(this.pos, end);
    this.pos = end + 1;
    return out;
  }

  private multiBasic(): string {
    this.pos += 3;
    if (this.peek() === "\n") this.next();
    else if (this.startsWith("\r\n")) this.pos++, this.next();
    let out = "";
    for (;;) {
      if (this.pos >= this.s.length) this.fail("unterminated multi-line string");
      if (this.startsWith('"""')) {
        // a run of up to five quotes: the last three close, the others are content
        let n = 0;
        while (this.peek(n) === '"') n++;
        if (n > 5) this.fail("too many quotes closing a multi-line string");
        out += '"'.repeat(n - 3);
        this.pos += n;
        return out;
      }
      const c = this.next();
      if (c === "\\") {
        // a line-ending backslash trims the newline and following whitespace
        if (/^[ \t]*\r?\n/.test(this.s.slice(this.pos, this.pos + 100))) {
          while (/[\s]/.test(this.peek())) this.next();
        } else out += this.escape();
      } else out += c;
    }
  }

  private multiLiteral(): string {
    this.pos += 3;
    if (this.peek() === "\n") this.next();
    else if (this.startsWith("\r\n")) this.pos++, this.next();
    const end = this.s.indexOf("'''", this.pos);
    if (end < 0) this.fail("unterminated multi-line string");
    let n = 3;
    while (this.s[end + n] === "'") n++;
    if (n > 5) this.fail("too many quotes closing a multi-line string");
    const out = this.s.slice(this.pos, end + n - 3);
    while (this.pos < end + n) this.next();
    return out;
  }

  private array(): TomlValue[] {
    this.pos++;
    const out: TomlValue[] = [];
    for (;;) {
      this.wsnl();
      if (this.peek() === "]") break;
      out.push(this.value());
      this.wsnl();
      if (this.peek() === ",") {
        this.pos++;
        continue;
      }
      if (this.peek() !== "]") this.fail("expected , or ] in array");
    }
    this.pos++;
    INLINE.add(out);
    return out;
  }

  private inlineTable(): TomlTable {
    this.pos++;
    const t: TomlTable = {};
    INLINE.add(t);
    this.ws();
    if (this.peek() === "}") {
      this.pos++;
      return t;
    }
    for (;;) {
      const path = this.key();
      this.ws();
      if (this.next() !== "=") this.fail(`expected = after key ${path.join(".")}`);
      this.ws();
      const value = this.value();
      let target = t;
      for (const k of path.slice(0, -1)) {
        target[k] ??= {};
        const v = target[k];
        if (!isTable(v)) this.fail(`key ${k} is already a value, not a table`);
        target = v;
      }
      const last = path[path.length - 1];
      if (target[last] !== undefined) this.fail(`duplicate key ${path.join(".")}`);
      target[last] = value;
      this.ws();
      const c = this.next();
      if (c === "}") return t;
      if (c !== ",") this.fail("expected , or } in inline table");
      this.ws();
    }
  }
}

function isTable(v: unknown): v is TomlTable {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
