import { TextBuilder } from "../text-builder.ts";
import { type HclBodyItem, type HclExpr, isIdentifier } from "./hcl-syntax.ts";

/**
 * Prints HCL exactly as `terraform fmt` would: two-space indents, `=` aligned across consecutive
 * single-line attributes (a multi-line value ends the run and is not padded), one blank line between
 * top-level blocks, empty blocks as `name {}`. Every string is escaped, so no text can become code.
 */
export function writeHcl(items: Iterable<HclBodyItem>): string {
  const out = new TextBuilder();
  let first = true;
  for (const item of items) {
    if (!first && item.kind === "block") out.push("\n");
    first = false;
    writeItems([item], "", out);
  }
  return out.text;
}

/** One expression on one line, as in `"${jsonencode({ a = 1 })}"` inside Terraform JSON. */
export function writeInlineExpr(expr: HclExpr): string {
  return expression(expr, "", true);
}

/** A string as a quoted HCL template literal: escapes, `${` → `$${`, `%{` → `%%{`. */
export function quoteHcl(text: string): string {
  return `"${escapeTemplateText(text)}"`;
}

const ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\\\",
  '"': '\\"',
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "${": "$${",
  "%{": "%%{",
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
const QUOTED_SPECIAL = /[\\"\u0000-\u001f\u007f]|\$\{|%\{/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the same characters, tested without replacing
const NEEDS_QUOTE_ESCAPE = /[\\"\u0000-\u001f\u007f]|\$\{|%\{/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters rule out a heredoc
const HEREDOC_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, written out
const NON_ASCII = /[^\u0000-\u007f]/;

/** Raw text as the inside of a quoted HCL template. Lone surrogates become U+FFFD (UTF-8 cannot hold them). */
export function escapeTemplateText(text: string): string {
  // Most text needs no escaping; testing first spares a copy of every string.
  if (!NEEDS_QUOTE_ESCAPE.test(text) && text.isWellFormed()) return text;
  return text
    .toWellFormed()
    .replace(
      QUOTED_SPECIAL,
      (match) => ESCAPES[match] ?? `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

/**
 * Only the template sequences escaped: for heredocs and Terraform JSON strings, whose other characters
 * are taken as they are.
 */
export function escapeTemplateSequences(text: string): string {
  return text.toWellFormed().replace(/\$\{|%\{/g, (match) => ESCAPES[match] as string);
}

function writeItems(items: ReadonlyArray<HclBodyItem>, indent: string, out: TextBuilder): void {
  let run: Array<[string, string]> = [];
  const flush = () => {
    writeAligned(run, indent, out);
    run = [];
  };
  for (const item of items) {
    if (item.kind === "attribute") {
      const heredoc = heredocOf(item.value, indent);
      const value = heredoc ?? heredocCall(item.value, indent) ?? expression(item.value, indent, false);
      // A heredoc's lines are one token to terraform fmt: its attribute stays in the aligned run.
      if (heredoc === undefined && value.includes("\n")) {
        flush();
        out.push(`${indent}${item.name} = ${value}\n`);
      } else run.push([item.name, value]);
      continue;
    }
    flush();
    if (item.kind === "blank") {
      out.push("\n");
      continue;
    }
    for (const comment of item.comments ?? []) out.push(`${indent}# ${comment.replace(/[\r\n]+/g, " ")}\n`);
    let labels = "";
    for (const label of item.labels) labels += ` ${quoteHcl(label)}`;
    if (item.body.length === 0) {
      out.push(`${indent}${item.type}${labels} {}\n`);
      continue;
    }
    out.push(`${indent}${item.type}${labels} {\n`);
    writeItems(item.body, `${indent}  `, out);
    out.push(`${indent}}\n`);
  }
  flush();
}

function writeAligned(
  run: ReadonlyArray<[string, string]>,
  indent: string,
  out: TextBuilder | string[],
): void {
  if (run.length === 0) return;
  const widths = run.map(([key]) => columns(key));
  const width = Math.max(...widths);
  run.forEach(([key, value], i) => {
    out.push(`${indent}${key}${" ".repeat(width - (widths[i] as number))} = ${value}\n`);
  });
}

/** Terraform counts alignment in characters (Unicode code points), not bytes. */
function columns(text: string): number {
  return NON_ASCII.test(text) ? [...text].length : text.length;
}

const DELIMITER = "EOT";

/** `base64encode(<<-EOT … EOT\n)`: a function of one multi-line text, laid out as terraform fmt keeps it. */
function heredocCall(expr: HclExpr, indent: string): string | undefined {
  if (expr.kind !== "call" || expr.args.length !== 1) return undefined;
  const heredoc = heredocOf(expr.args[0] as HclExpr, indent);
  return heredoc === undefined ? undefined : `${expr.name}(${heredoc}\n${indent})`;
}

/**
 * `<<-EOT` strips the indentation common to all non-blank lines, so a heredoc is exact only when some
 * line starts without whitespace, no line is whitespace alone, the text ends with a newline, holds no
 * control character but tab and newline (heredocs have no backslash escapes), and no line is `EOT`.
 */
function heredocOf(expr: HclExpr, indent: string): string | undefined {
  if (expr.kind === "literal") {
    if (typeof expr.value !== "string" || !expr.value.includes("\n")) return undefined;
  } else if (expr.kind !== "template" || !expr.parts.some((p) => typeof p === "string" && p.includes("\n")))
    return undefined;
  const parts = expr.kind === "template" ? expr.parts : [expr.value as string];
  let text = "";
  for (const part of parts) text += typeof part === "string" ? part : "x";
  if (!text.endsWith("\n") || !text.slice(0, -1).includes("\n") || HEREDOC_UNSAFE.test(text))
    return undefined;
  const lines = text.slice(0, -1).split("\n");
  if (lines.some((line) => (line !== "" && line.trim() === "") || line.trim() === DELIMITER))
    return undefined;
  if (!lines.some((line) => line !== "" && !/^\s/.test(line))) return undefined;
  if (text !== text.toWellFormed()) return undefined;

  const contentIndent = `${indent}  `;
  let body = "";
  for (const part of parts) {
    body +=
      typeof part === "string"
        ? escapeTemplateSequences(part)
        : `\${${expression(part, contentIndent, true)}}`;
  }
  const indented = body
    .slice(0, -1)
    .split("\n")
    .map((line) => (line === "" ? "" : `${contentIndent}${line}`))
    .join("\n");
  return `<<-${DELIMITER}\n${indented}\n${contentIndent}${DELIMITER}`;
}

function expression(expr: HclExpr, indent: string, inline: boolean): string {
  switch (expr.kind) {
    case "literal":
      return literalText(expr.value);
    case "traversal":
      return expr.text;
    case "template": {
      const [only] = expr.parts;
      if (expr.parts.length === 1 && only !== undefined && typeof only !== "string")
        return expression(only, indent, true);
      let text = '"';
      for (const part of expr.parts) {
        text += typeof part === "string" ? escapeTemplateText(part) : `\${${expression(part, indent, true)}}`;
      }
      return `${text}"`;
    }
    case "call":
      return `${expr.name}(${expr.args.map((arg) => expression(arg, indent, inline)).join(", ")})`;
    case "tuple":
      return tuple(expr.items, indent, inline);
    case "object":
      return object(expr.entries, indent, inline);
  }
}

function literalText(value: string | number | boolean | null): string {
  if (typeof value === "string") return quoteHcl(value);
  if (typeof value === "number") return JSON.stringify(value);
  return String(value);
}

function tuple(items: ReadonlyArray<HclExpr>, indent: string, inline: boolean): string {
  if (items.length === 0) return "[]";
  if (inline || items.every((item) => item.kind !== "object" && item.kind !== "tuple")) {
    const oneLine = items.map((item) => expression(item, indent, true));
    if (inline || !oneLine.some((text) => text.includes("\n"))) return `[${oneLine.join(", ")}]`;
  }
  const inner = `${indent}  `;
  return `[\n${items.map((item) => `${inner}${expression(item, inner, false)},\n`).join("")}${indent}]`;
}

function object(entries: ReadonlyArray<readonly [string, HclExpr]>, indent: string, inline: boolean): string {
  if (entries.length === 0) return "{}";
  if (inline)
    return `{ ${entries.map(([key, value]) => `${objectKey(key)} = ${expression(value, indent, true)}`).join(", ")} }`;
  const inner = `${indent}  `;
  const out: string[] = [];
  let run: Array<[string, string]> = [];
  for (const [key, value] of entries) {
    const text = expression(value, inner, false);
    if (text.includes("\n")) {
      writeAligned(run, inner, out);
      run = [];
      out.push(`${inner}${objectKey(key)} = ${text}\n`);
    } else run.push([objectKey(key), text]);
  }
  writeAligned(run, inner, out);
  return `{\n${out.join("")}${indent}}`;
}

// Keys repeat across thousands of resources (tags, policy documents): each is rendered once.
const objectKeys = new Map<string, string>();

function objectKey(key: string): string {
  let text = objectKeys.get(key);
  if (text === undefined) {
    text = isIdentifier(key) ? key : quoteHcl(key);
    if (objectKeys.size < 10_000) objectKeys.set(key, text);
  }
  return text;
}
