import type { SourceLocation } from "../errors.ts";
import { escapePointer, SourceMap } from "./source-map.ts";

/** What a successful read gives: the data, and the position of every key and value. */
export interface SimpleYaml {
  data: unknown;
  sources: SourceMap;
}

/**
 * Reads the block-style YAML that plinth.yaml files are written in, in one pass, keeping the position
 * of every key and value exactly as the `yaml` package reports them. It is a fast path, not a YAML
 * parser: it returns undefined for anything outside a conservative subset (anchors, aliases, tags,
 * block and multi-line scalars, directives, tabs, CR line ends, plain keys that are not strings,
 * duplicate keys, a `__proto__` key, every malformed line…), and the caller then reads the text with
 * the full YAML reader, which gives the answer or the error message. Reading a 1,000-component spec
 * takes a few milliseconds here against about 100 with the full reader in a fresh process.
 */
export function readSimpleYaml(text: string, file: string): SimpleYaml | undefined {
  if (UNSUPPORTED_TEXT.test(text) || !text.isWellFormed()) return undefined;
  const reader = new SimpleYamlReader(text, file);
  try {
    return reader.document();
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/**
 * Characters the fast path leaves to the full reader: tabs, CR, other control and non-printable
 * characters, and the Unicode line and byte-order marks.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
const UNSUPPORTED_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;

/** Thrown inside the reader when the text leaves the subset; never escapes `readSimpleYaml`. */
const OUTSIDE_SUBSET = Symbol("outside the simple YAML subset");

function outside(): never {
  throw OUTSIDE_SUBSET;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const HASH = 0x23;
const COLON = 0x3a;
const DASH = 0x2d;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const BACKSLASH = 0x5c;
const PERCENT = 0x25;

/** Plain keys: what needs no quoting in a spec's keys (`app`, `aws_s3_bucket.assets`, `$ref`). */
const PLAIN_KEY = /^[A-Za-z0-9_$/][A-Za-z0-9_$./@+-]*$/;
/** The `yaml` package refuses implicit keys longer than 1,024 characters; leave those to it. */
const MAX_KEY_LENGTH = 1000;

/**
 * One read of one text. Positions are offsets into the text; `line` and `lineStart` follow the
 * cursor, so a location costs no search.
 */
class SimpleYamlReader {
  readonly #text: string;
  readonly #file: string;
  readonly #sources: SourceMap;
  #pos = 0;
  #line = 1;
  #lineStart = 0;
  /** Indentation of the line the cursor is on; -1 once the text is read. */
  #indent = 0;

  constructor(text: string, file: string) {
    this.#text = text;
    this.#file = file;
    this.#sources = new SourceMap(file);
  }

  document(): SimpleYaml | undefined {
    const first = this.#lineContent() ? this.#indent : this.#nextContentLine();
    // An empty document, or one that starts with a directive or a marker, is the full reader's.
    if (first < 0 || this.#startsWith("---") || this.#startsWith("...") || this.#char() === PERCENT)
      return undefined;
    const data = this.#block(first, "");
    if (this.#indent >= 0) outside();
    return { data, sources: this.#sources };
  }

  /**
   * A block mapping or sequence whose first entry starts at the cursor, at column `indent`. Like
   * every block reader, it returns with the cursor on the first line less indented than itself.
   */
  #block(indent: number, pointer: string): unknown {
    return this.#isSequenceItem() ? this.#sequence(indent, pointer) : this.#mapping(indent, pointer);
  }

  /** A block mapping: `key: value` entries, each at column `indent`, the first one at the cursor. */
  #mapping(indent: number, pointer: string): Record<string, unknown> {
    this.#sources.setValue(pointer, this.#here());
    const map: Record<string, unknown> = {};
    for (;;) {
      const [key, child] = this.#entryKey(map, pointer, false);
      if (this.#atLineEnd()) {
        // The value is a block on the lines below: deeper, or a sequence at the key's own column.
        const next = this.#nextContentLine();
        if (next > indent || (next === indent && this.#isSequenceItem())) map[key] = this.#block(next, child);
        else outside();
      } else {
        map[key] = this.#inline(child);
        this.#nextContentLine();
      }
      if (this.#indent < indent) return map;
      if (this.#indent > indent || this.#isSequenceItem()) outside();
    }
  }

  /** A block sequence: `- item` lines at column `indent`, the first one at the cursor. */
  #sequence(indent: number, pointer: string): unknown[] {
    this.#sources.setValue(pointer, this.#here());
    const list: unknown[] = [];
    for (;;) {
      const child = `${pointer}/${list.length}`;
      this.#pos++; // the dash
      this.#skipSpaces();
      if (this.#atLineEnd() || this.#isSequenceItem()) outside();
      if (this.#isMappingEntry()) {
        // `- key: value`, the mapping's other keys aligned under the first.
        list.push(this.#mapping(this.#pos - this.#lineStart, child));
      } else {
        list.push(this.#inline(child));
        this.#nextContentLine();
      }
      // A line at the sequence's column that is no item ends it (its mapping may go on there).
      if (this.#indent < indent || (this.#indent === indent && !this.#isSequenceItem())) return list;
      if (this.#indent > indent) outside();
    }
  }

  /** A value on the rest of the line (in a flow collection: up to its next indicator). */
  #inline(pointer: string, inFlow = false): unknown {
    const c = this.#char();
    if (c === OPEN_BRACE || c === OPEN_BRACKET) return this.#flow(pointer);
    this.#sources.setValue(pointer, this.#here());
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) return this.#quoted();
    return resolvePlain(this.#plain(inFlow));
  }

  /** `{ a: b, c: [d] }` or `[a, b]`, closed on the same line. */
  #flow(pointer: string): unknown {
    this.#sources.setValue(pointer, this.#here());
    const isMap = this.#char() === OPEN_BRACE;
    const close = isMap ? CLOSE_BRACE : CLOSE_BRACKET;
    this.#pos++;
    this.#skipSpaces();
    const map: Record<string, unknown> = {};
    const list: unknown[] = [];
    if (this.#char() === close) {
      this.#pos++;
      return isMap ? map : list;
    }
    for (;;) {
      if (isMap) {
        const [key, child] = this.#entryKey(map, pointer, true);
        map[key] = this.#inline(child, true);
      } else {
        list.push(this.#inline(`${pointer}/${list.length}`, true));
      }
      this.#skipSpaces();
      const c = this.#char();
      this.#pos++;
      if (c === close) return isMap ? map : list;
      if (c !== COMMA) outside();
      this.#skipSpaces();
      // Trailing commas and empty entries are valid YAML, but rare enough to leave to the full reader.
      if (this.#char() === close || this.#char() === COMMA) outside();
    }
  }

  /**
   * The key of a new entry of `map` (at `pointer`), its position recorded; returns it with the pointer
   * of its value, the cursor on the value. Duplicate keys and `__proto__` are the full reader's.
   */
  #entryKey(map: Record<string, unknown>, pointer: string, inFlow: boolean): [string, string] {
    const location = this.#here();
    const key = this.#key(inFlow);
    if (Object.hasOwn(map, key) || key === "__proto__") outside();
    const child = `${pointer}/${escapePointer(key)}`;
    this.#sources.setKey(child, location);
    this.#skipSpaces();
    return [key, child];
  }

  /**
   * A mapping key and its `: ` (in a block mapping also `:` at the end of the line); plain keys must
   * read as strings. Other forms (`{ a:1 }`, `{ a }`) are the full reader's.
   */
  #key(inFlow: boolean): string {
    const text = this.#text;
    const start = this.#pos;
    const c = this.#char();
    let key: string;
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) key = this.#quoted();
    else {
      let end = start;
      while (end < text.length && isPlainKeyChar(text.charCodeAt(end))) end++;
      key = text.slice(start, end);
      if (!PLAIN_KEY.test(key) || typeof resolvePlain(key) !== "string") outside();
      this.#pos = end;
    }
    if (this.#pos - start > MAX_KEY_LENGTH || this.#char() !== COLON) outside();
    this.#pos++;
    const after = this.#char();
    if (after !== SPACE && (inFlow || (after !== NEWLINE && !this.#atEnd()))) outside();
    return key;
  }

  /**
   * A plain scalar's text up to the end of the line or a comment (in flow, up to the next indicator).
   * Text the YAML rules would read differently (a nested `key: value`, indicators, continuation
   * lines) leaves the subset.
   */
  #plain(inFlow: boolean): string {
    const text = this.#text;
    const start = this.#pos;
    const first = text.charCodeAt(start);
    if (!isPlainStart(first, text.charCodeAt(start + 1))) outside();
    let end = start;
    for (; end < text.length; end++) {
      const c = text.charCodeAt(end);
      if (c === NEWLINE) break;
      if (c === HASH && text.charCodeAt(end - 1) === SPACE) break;
      if (c === COLON) {
        const next = text.charCodeAt(end + 1);
        if (inFlow || next === SPACE || next === NEWLINE || end + 1 === text.length) outside();
      }
      if (inFlow && (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET)) break;
      if (
        inFlow &&
        (c === OPEN_BRACE || c === OPEN_BRACKET || c === HASH || c === SINGLE_QUOTE || c === DOUBLE_QUOTE)
      )
        outside();
    }
    let last = end;
    while (last > start && text.charCodeAt(last - 1) === SPACE) last--;
    this.#pos = end;
    return text.slice(start, last);
  }

  /** A single- or double-quoted scalar closed on its own line. */
  #quoted(): string {
    const text = this.#text;
    const quote = text.charCodeAt(this.#pos);
    const start = this.#pos + 1;
    let value = "";
    let from = start;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === NEWLINE) outside();
      if (quote === SINGLE_QUOTE) {
        if (c !== SINGLE_QUOTE) continue;
        if (text.charCodeAt(i + 1) === SINGLE_QUOTE) {
          value += text.slice(from, i + 1);
          from = i + 2;
          i++;
          continue;
        }
      } else if (c === BACKSLASH) {
        value += text.slice(from, i) + this.#escape(i + 1);
        i += escapeLength(text.charCodeAt(i + 1));
        from = i + 1;
        continue;
      } else if (c !== DOUBLE_QUOTE) continue;
      this.#pos = i + 1;
      return value + text.slice(from, i);
    }
    return outside();
  }

  /** The character a double-quoted escape at `at` (after the backslash) stands for. */
  #escape(at: number): string {
    const code = this.#text[at] as string;
    const simple = ESCAPES[code];
    if (simple !== undefined) return simple;
    const length = escapeLength(this.#text.charCodeAt(at)) - 1;
    const hex = this.#text.slice(at + 1, at + 1 + length);
    if (length === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) outside();
    const point = Number.parseInt(hex, 16);
    if (point > 0x10ffff) outside();
    return String.fromCodePoint(point);
  }

  /**
   * Checks that the rest of the current line is blank or a comment, then moves to the first character
   * of the next line holding content (not blank, not only a comment). Returns its indentation, also
   * kept in `#indent`, or -1 at the end of the text.
   */
  #nextContentLine(): number {
    this.#skipSpaces();
    if (!this.#atLineEnd()) outside();
    const text = this.#text;
    for (;;) {
      const end = text.indexOf("\n", this.#pos);
      if (end < 0) {
        this.#pos = text.length;
        this.#indent = -1;
        return -1;
      }
      this.#pos = end + 1;
      this.#line++;
      this.#lineStart = this.#pos;
      if (this.#lineContent()) return this.#indent;
    }
  }

  /**
   * At the start of a line: whether it holds content, with the cursor moved onto it and its
   * indentation in `#indent`; blank and comment-only lines leave the cursor at their start.
   */
  #lineContent(): boolean {
    const text = this.#text;
    let i = this.#pos;
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (i >= text.length || c === NEWLINE || c === HASH) return false;
    this.#pos = i;
    this.#indent = i - this.#lineStart;
    return true;
  }

  /** `-` followed by a space or the end of the line: a block sequence item. */
  #isSequenceItem(): boolean {
    if (this.#char() !== DASH) return false;
    const next = this.#text.charCodeAt(this.#pos + 1);
    return next === SPACE || next === NEWLINE || this.#pos + 1 >= this.#text.length;
  }

  /** Whether the rest of the line starts with a `key:` (plain or quoted key). */
  #isMappingEntry(): boolean {
    const text = this.#text;
    const c = this.#char();
    if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      const close = text.indexOf(String.fromCharCode(c), this.#pos + 1);
      return close > 0 && text.charCodeAt(close + 1) === COLON;
    }
    for (let i = this.#pos; i < text.length; i++) {
      const k = text.charCodeAt(i);
      if (k === COLON) {
        const next = text.charCodeAt(i + 1);
        return next === SPACE || next === NEWLINE || i + 1 >= text.length;
      }
      if (!isPlainKeyChar(k)) return false;
    }
    return false;
  }

  #atLineEnd(): boolean {
    const c = this.#char();
    if (c === HASH) return this.#pos === this.#lineStart || this.#text.charCodeAt(this.#pos - 1) === SPACE;
    return this.#atEnd() || c === NEWLINE;
  }

  #atEnd(): boolean {
    return this.#pos >= this.#text.length;
  }

  #char(): number {
    return this.#text.charCodeAt(this.#pos);
  }

  #startsWith(marker: string): boolean {
    return this.#text.startsWith(marker, this.#pos);
  }

  #skipSpaces(): void {
    while (this.#text.charCodeAt(this.#pos) === SPACE) this.#pos++;
  }

  #here(): SourceLocation {
    return { file: this.#file, line: this.#line, col: this.#pos - this.#lineStart + 1 };
  }
}

function isPlainKeyChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x5f || // _
    c === 0x24 || // $
    c === 0x2e || // .
    c === 0x2f || // /
    c === 0x40 || // @
    c === 0x2b || // +
    c === DASH
  );
}

/**
 * Whether a plain scalar may start with `first` (then `second`): not with an indicator, except `-`
 * before a non-space (`-5`, `-x`).
 */
function isPlainStart(first: number, second: number): boolean {
  if (first === DASH) return second !== SPACE && second !== NEWLINE && !Number.isNaN(second);
  return !PLAIN_START_REFUSED.has(first) && !Number.isNaN(first) && first !== SPACE && first !== NEWLINE;
}

/** Indicators no plain scalar starts with (in the subset; some are valid YAML with other meanings). */
const PLAIN_START_REFUSED = new Set([..."?:,[]{}#&*!|>'\"%@`"].map((c) => c.charCodeAt(0)));

const ESCAPES: Readonly<Record<string, string>> = {
  "0": "\0",
  a: "\x07",
  b: "\b",
  e: "\x1b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  N: "\u0085",
  _: "\u00a0",
  L: "\u2028",
  P: "\u2029",
  " ": " ",
  '"': '"',
  "/": "/",
  "\\": "\\",
};

/** Characters a double-quoted escape takes after its backslash (unknown escapes leave the subset). */
function escapeLength(code: number): number {
  if (code === 0x78) return 3; // \xHH
  if (code === 0x75) return 5; // \uHHHH
  if (code === 0x55) return 9; // \UHHHHHHHH
  if (Number.isNaN(code) || ESCAPES[String.fromCharCode(code)] === undefined) outside();
  return 1;
}

// The YAML 1.2 core schema, as the `yaml` package resolves plain scalars (in its order).
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** First characters of every non-string core-schema scalar: anything else is a string. */
const TYPED_START = /^[-+.~0-9nNtTfF]/;
/** First characters of the numbers among them (`native`, `type` need no number pattern tried). */
const NUMBER_START = /^[-+.0-9]/;

function resolvePlain(text: string): string | number | boolean | null {
  if (!TYPED_START.test(text)) return text;
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === "t" || text[0] === "T";
  if (!NUMBER_START.test(text)) return text;
  if (INT_OCT.test(text)) return Number.parseInt(text.slice(2), 8);
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (INT_HEX.test(text)) return Number.parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text))
    return text.slice(-3).toLowerCase() === "nan"
      ? Number.NaN
      : text[0] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return Number.parseFloat(text);
  return text;
}
