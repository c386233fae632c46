import { TextBuilder } from "./text-builder.ts";

/** A YAML value: JSON data plus tagged nodes (`!Ref Bucket`) and values that write as others. */
export type YamlValue = null | boolean | number | string | YamlValue[] | YamlMap | YamlTagged | YamlNode;
export interface YamlMap {
  [key: string]: YamlValue;
}

/** A node with a local tag, as CloudFormation's short-form intrinsics: `!Sub "…"`. */
export class YamlTagged {
  readonly tag: string;
  readonly value: YamlValue;
  constructor(tag: string, value: YamlValue) {
    this.tag = tag;
    this.value = value;
  }
}

/**
 * A value written as the YAML value `toYaml()` returns. CloudFormation's intrinsic functions are this:
 * a template's properties are written as they are, each intrinsic turned into its tagged node only as
 * it is written, rather than the whole template copied into YAML values first (at thousands of
 * resources that copy cost as much as writing).
 */
export abstract class YamlNode {
  abstract toYaml(): YamlValue;
}

/** The value a YamlNode stands for (nodes may return nodes); any other value itself. */
function resolved(value: YamlValue): Exclude<YamlValue, YamlNode> {
  while (value instanceof YamlNode) value = value.toYaml();
  return value;
}

/**
 * Block-style YAML that every YAML 1.1 and 1.2 reader reads back as the same data: a string is plain
 * only when it cannot be read as anything else (a number, boolean, null, date, or YAML syntax), and
 * double-quoted with JSON escapes otherwise; multi-line text is a literal block where that is exact.
 * Nothing a spec holds can become YAML structure, a tag or an anchor.
 */
export function writeYaml(node: YamlValue): string {
  const value = resolved(node);
  const out = new TextBuilder();
  if (isMap(value) && hasKeys(value)) writeMap(value, "", out);
  else if (Array.isArray(value) && value.length > 0) writeList(value, "", out);
  else out.push(`${inline(value, "")}\n`);
  return out.text;
}

/**
 * Writes a block mapping entry by entry into `out`: the same text `writeYaml` gives for the whole
 * mapping, for documents too large to build as one value first (a resource at a time is built,
 * written and dropped).
 */
export class YamlMappingWriter {
  readonly #out: TextBuilder;
  readonly #indent: string;

  constructor(out: TextBuilder, indent = "") {
    this.#out = out;
    this.#indent = indent;
  }

  entry(key: string, value: YamlValue): void {
    this.#out.push(`${this.#indent}${scalarKey(key)}:`);
    writeValueAfter(value, this.#indent, this.#out);
  }

  /** An entry whose value is a mapping of `entries`, each written as it comes. */
  mapping(key: string, entries: Iterable<readonly [string, YamlValue]>): void {
    this.#out.push(`${this.#indent}${scalarKey(key)}:`);
    const inner = new YamlMappingWriter(this.#out, `${this.#indent}  `);
    let empty = true;
    for (const [name, value] of entries) {
      if (empty) this.#out.push("\n");
      empty = false;
      inner.entry(name, value);
    }
    if (empty) this.#out.push(" {}\n");
  }
}

function isMap(value: YamlValue): value is YamlMap {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof YamlTagged) &&
    !(value instanceof YamlNode)
  );
}

/** Whether the value takes lines of its own below its key. */
function isBlock(node: YamlValue): boolean {
  const value = resolved(node);
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof YamlTagged) return isBlock(value.value);
  return isMap(value) && hasKeys(value);
}

function hasKeys(map: YamlMap): boolean {
  for (const _ in map) return true;
  return false;
}

/** A block mapping; `first` replaces the first line's indentation (`- ` for a list item). */
function writeMap(map: YamlMap, indent: string, out: TextBuilder, first = indent): void {
  let lead = first;
  for (const key in map) {
    const value = map[key] as YamlValue;
    // Most entries are a key and a one-line string: one piece, where writeValueAfter would add a second.
    if (typeof value === "string" && !value.endsWith("\n"))
      out.push(`${lead}${scalarKey(key)}: ${scalar(value)}\n`);
    else {
      out.push(`${lead}${scalarKey(key)}:`);
      writeValueAfter(value, indent, out);
    }
    lead = indent;
  }
}

function writeList(list: YamlValue[], indent: string, out: TextBuilder): void {
  for (const node of list) {
    const item = resolved(node);
    if (isMap(item) && hasKeys(item)) {
      // `- key: value`, the map's other keys aligned under the first.
      writeMap(item, `${indent}  `, out, `${indent}- `);
    } else if (Array.isArray(item) && item.length > 0) {
      out.push(`${indent}-\n`);
      writeList(item, `${indent}  `, out);
    } else {
      out.push(`${indent}-`);
      writeValueAfter(item, indent, out);
    }
  }
}

/** Writes what follows `key:` or `-`: a scalar on the same line, a block on the lines below. */
function writeValueAfter(node: YamlValue, indent: string, out: TextBuilder): void {
  // Most values are scalars on the key's line: they need no deeper indentation.
  if (typeof node === "string" && !node.endsWith("\n")) {
    out.push(` ${scalar(node)}\n`);
    return;
  }
  const value = resolved(node);
  const inner = `${indent}  `;
  if (value instanceof YamlTagged) {
    const tagged = resolved(value.value);
    if (isBlock(tagged)) {
      out.push(` ${value.tag}\n`);
      if (Array.isArray(tagged)) writeList(tagged, inner, out);
      else writeMap(tagged as YamlMap, inner, out);
    } else out.push(` ${value.tag} ${inline(tagged, inner)}\n`);
    return;
  }
  if (isMap(value) && hasKeys(value)) {
    out.push("\n");
    writeMap(value, inner, out);
  } else if (Array.isArray(value) && value.length > 0) {
    out.push("\n");
    writeList(value, inner, out);
  } else out.push(` ${inline(value, inner)}\n`);
}

/** A scalar, empty collection or tagged scalar on one line (or a literal block starting on it). */
function inline(node: YamlValue, indent: string): string {
  const value = resolved(node);
  if (value === null) return "null";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${value} cannot be written as YAML data`);
    return JSON.stringify(value);
  }
  if (typeof value === "string") return literalBlock(value, indent) ?? scalar(value);
  if (Array.isArray(value)) return "[]";
  if (value instanceof YamlTagged) return `${value.tag} ${inline(value.value, indent)}`;
  return "{}";
}

/** Words YAML 1.1 or 1.2 reads as booleans or null when plain. */
const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;
/** Plain only: starts with a letter, `_` or `/` (never a number, date or indicator), no `: ` or ` #`. */
const PLAIN = /^[A-Za-z_/][A-Za-z0-9_/.:@+=,()*-]*(?: [A-Za-z0-9_/.:@+=,()*-]+)*$/;
const KEY = /^[A-Za-z_][A-Za-z0-9_.:/-]*$/;

export function scalar(text: string): string {
  if (PLAIN.test(text) && !RESERVED.test(text) && !text.endsWith(":") && !text.includes(": ")) return text;
  return quoted(text);
}

// Keys repeat across thousands of resources (Type, Properties, Key, Value…): each is rendered once.
const scalarKeys = new Map<string, string>();

function scalarKey(key: string): string {
  let text = scalarKeys.get(key);
  if (text === undefined) {
    text = KEY.test(key) && !RESERVED.test(key) && !key.endsWith(":") ? key : quoted(key);
    if (scalarKeys.size < 10_000) scalarKeys.set(key, text);
  }
  return text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters YAML must see escaped
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff"\\]/g;

/** A double-quoted scalar: JSON's escapes, plus the characters YAML may not hold unescaped. */
function quoted(text: string): string {
  return `"${text.toWellFormed().replace(UNPRINTABLE, (ch) => {
    if (ch === '"') return '\\"';
    if (ch === "\\") return "\\\\";
    if (ch === "\n") return "\\n";
    if (ch === "\t") return "\\t";
    if (ch === "\r") return "\\r";
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  })}"`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: a literal block may hold none of these
const BLOCK_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

/**
 * `|` followed by the lines, for text that ends with exactly one newline, has another one inside,
 * starts without a space and holds only printable characters and tabs: then the block is exact.
 */
function literalBlock(text: string, indent: string): string | undefined {
  if (!text.endsWith("\n") || text.endsWith("\n\n") || !text.slice(0, -1).includes("\n")) return undefined;
  if (BLOCK_UNSAFE.test(text) || /^[ \t]/.test(text) || text !== text.toWellFormed()) return undefined;
  const lines = text.slice(0, -1).split("\n");
  return `|\n${lines.map((line) => (line === "" ? "" : `${indent}${line}`)).join("\n")}`;
}
