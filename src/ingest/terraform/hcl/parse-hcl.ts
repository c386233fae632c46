import { InputError } from "../../../errors.ts";
import type {
  Attribute,
  BinaryOperator,
  Block,
  Body,
  Comment,
  Expression,
  HclFile,
  Position,
  TemplatePart,
} from "./syntax.ts";

/** HCL that is not well-formed; the message is one sentence and the location the offending spot. */
export class HclSyntaxError extends InputError {
  override name = "HclSyntaxError";
}

/**
 * Parses HCL native syntax (Terraform's `.tf` files and `.tfvars`) into a tree that keeps the line and
 * column of every block, attribute and expression, and collects comments (for inline directives).
 * A hand-written recursive-descent parser: npm's HCL packages either drop positions (hcl2json) or
 * report errors as an opaque parse-tree node (tree-sitter); this one says what was expected where.
 */
export function parseHcl(text: string, file: string): HclFile {
  const parser = new Parser(text, file, FILE_START, true);
  const body = parser.parseBody(undefined);
  return { file, body, comments: parser.comments };
}

/**
 * Parses a whole text as a template, with `${…}` and `%{…}` and their `$${`/`%%{` escapes but no
 * backslash escapes: `templatefile` contents, and JSON syntax strings (already unescaped by the JSON
 * parser). `start` is where the text begins in its file, so positions inside point at the file.
 */
export function parseTemplate(text: string, file: string, start: Position = FILE_START): Expression {
  return new Parser(text, file, start, false).parseStandaloneTemplate();
}

/** Parses a whole text as one expression (`aws.west`, `list(string)` in JSON syntax); `start` as above. */
export function parseExpression(text: string, file: string, start: Position = FILE_START): Expression {
  return new Parser(text, file, start, false).parseStandaloneExpression();
}

const FILE_START: Position = { line: 1, col: 1 };

const IDENTIFIER = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_-]*/uy;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const BINARY_LEVELS: ReadonlyArray<ReadonlyArray<BinaryOperator>> = [
  ["||"],
  ["&&"],
  ["==", "!="],
  [">=", "<=", ">", "<"],
  ["+", "-"],
  ["*", "/", "%"],
];
/** Deeper than any real configuration; stops hostile input from exhausting the stack. */
const MAX_DEPTH = 200;

type FlatPart =
  | string
  | { kind: "interpolation"; expression: Expression; stripBefore: boolean; stripAfter: boolean }
  | {
      kind: "directive";
      word: "if" | "else" | "endif" | "for" | "endfor";
      expression?: Expression;
      key?: string;
      value?: string;
      stripBefore: boolean;
      stripAfter: boolean;
      pos: Position;
    };

class Parser {
  readonly comments: Comment[] = [];
  readonly #text: string;
  readonly #file: string;
  readonly #lineOffset: number;
  /** Added to columns on the text's first line: where the text starts within its file's line. */
  readonly #colOffset: number;
  readonly #lineStarts: number[] = [0];
  readonly #collectComments: boolean;
  readonly #seenComments = new Set<number>();
  #i = 0;
  /** Above zero inside brackets and parentheses, where newlines are plain whitespace. */
  #newlinesAreSpace = 0;
  #depth = 0;

  constructor(text: string, file: string, start: Position, collectComments: boolean) {
    this.#text = text;
    this.#file = file;
    this.#lineOffset = start.line - 1;
    this.#colOffset = start.col - 1;
    this.#collectComments = collectComments;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
  }

  parseStandaloneTemplate(): Expression {
    const pos = this.#pos();
    return { kind: "template", parts: buildTemplate(this.#templateParts(undefined, pos), this), pos };
  }

  parseStandaloneExpression(): Expression {
    this.#newlinesAreSpace++;
    const expression = this.#expression();
    this.#skip(true);
    if (!this.#atEnd()) this.#fail("Expected the end of the expression");
    return expression;
  }

  // ---- bodies

  parseBody(opening: { pos: Position } | undefined): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (;;) {
      this.#skip(true);
      if (this.#atEnd()) {
        if (opening) this.#fail(`Expected \`}\` to close the block opened at line ${opening.pos.line}`);
        return body;
      }
      if (this.#peek() === "}") {
        if (!opening) this.#failAt(this.#pos(), "Unexpected `}` with no block to close");
        return body;
      }
      const pos = this.#pos();
      const name = this.#identifier();
      if (name === undefined) this.#fail("Expected an argument name or a block type");
      this.#skip(false);
      if (this.#peek() === "=" && this.#text[this.#i + 1] !== "=") {
        this.#i++;
        const expression = this.#expression();
        body.attributes.push({ name, expression, pos } satisfies Attribute);
        this.#endOfItem(opening !== undefined);
      } else {
        body.blocks.push(this.#block(name, pos));
        this.#endOfItem(opening !== undefined);
      }
    }
  }

  #block(type: string, pos: Position): Block {
    const labels: string[] = [];
    for (;;) {
      this.#skip(false);
      const c = this.#peek();
      if (c === "{") break;
      if (c === '"') {
        const at = this.#pos();
        const label = this.#quotedTemplate();
        if (label.length > 1 || (label.length === 1 && typeof label[0] !== "string"))
          this.#failAt(at, "A block label must be a plain string, without `${` or `%{`");
        labels.push((label[0] as string | undefined) ?? "");
        continue;
      }
      const name = this.#identifier();
      if (name === undefined) {
        this.#fail(`Expected \`=\` after the argument \`${type}\`, or \`{\` to open a \`${type}\` block`);
      }
      labels.push(name);
    }
    this.#i++;
    if (++this.#depth > MAX_DEPTH) this.#fail("Blocks are nested too deeply");
    const saved = this.#newlinesAreSpace;
    this.#newlinesAreSpace = 0;
    const body = this.parseBody({ pos });
    this.#newlinesAreSpace = saved;
    const endLine = this.#pos().line;
    this.#i++;
    this.#depth--;
    return { type, labels, body, pos, endLine };
  }

  /** After an attribute or block: a newline, the end of the file, or the `}` of a one-line block. */
  #endOfItem(inBlock: boolean): void {
    this.#skip(false);
    const c = this.#peek();
    if (c === "\n" || this.#atEnd() || (inBlock && c === "}")) return;
    this.#fail("Expected a newline after the argument or block");
  }

  // ---- expressions

  #expression(): Expression {
    if (++this.#depth > MAX_DEPTH) this.#fail("The expression is nested too deeply");
    const condition = this.#binary(0);
    this.#skip(this.#newlinesAreSpace > 0);
    let result = condition;
    if (this.#peek() === "?") {
      this.#i++;
      const then = this.#expression();
      this.#expect(":", "to separate the two results of a conditional");
      const otherwise = this.#expression();
      result = { kind: "conditional", condition, whenTrue: then, whenFalse: otherwise, pos: condition.pos };
    }
    this.#depth--;
    return result;
  }

  #binary(level: number): Expression {
    const operators = BINARY_LEVELS[level];
    if (!operators) return this.#unary();
    let left = this.#binary(level + 1);
    for (;;) {
      this.#skip(this.#newlinesAreSpace > 0);
      const operator = operators.find((op) => this.#text.startsWith(op, this.#i));
      if (!operator) return left;
      // `=>` and `==` are not `=`/`>`; `<<` starts no binary operator.
      if ((operator === ">" || operator === "<") && this.#text[this.#i + 1] === operator) return left;
      this.#i += operator.length;
      const right = this.#binary(level + 1);
      left = { kind: "binary", operator, left, right, pos: left.pos };
    }
  }

  #unary(): Expression {
    this.#skip(this.#newlinesAreSpace > 0);
    const c = this.#peek();
    if (c === "!" || c === "-") {
      const pos = this.#pos();
      this.#i++;
      const operand = this.#unary();
      if (c === "-" && operand.kind === "literal" && typeof operand.value === "number")
        return { kind: "literal", value: -operand.value, pos };
      return { kind: "unary", operator: c, operand, pos };
    }
    return this.#traversals(this.#primary(), "all");
  }

  /** `.name`, `.0`, `[key]`, `[*]` and `.*` after an expression. */
  #traversals(base: Expression, allowed: "all" | "attributes"): Expression {
    let result = base;
    for (;;) {
      const before = this.#i;
      this.#skip(this.#newlinesAreSpace > 0);
      const c = this.#peek();
      if (c === "." && !this.#text.startsWith("...", this.#i)) {
        this.#i++;
        const pos = this.#pos();
        if (this.#peek() === "*") {
          this.#i++;
          const body = this.#traversals({ kind: "splat-item", pos }, "attributes");
          result = { kind: "splat", source: result, body, pos };
          continue;
        }
        const digits = /[0-9]+/y;
        digits.lastIndex = this.#i;
        const index = digits.exec(this.#text);
        if (index) {
          this.#i += index[0].length;
          result = {
            kind: "index",
            object: result,
            key: { kind: "literal", value: Number(index[0]), pos },
            pos,
          };
          continue;
        }
        const name = this.#identifier();
        if (name === undefined) this.#fail("Expected an attribute name after `.`");
        result = { kind: "getattr", object: result, name, pos };
      } else if (c === "[" && allowed === "all") {
        const pos = this.#pos();
        this.#i++;
        this.#skip(true);
        if (this.#peek() === "*") {
          this.#i++;
          this.#expect("]", "after `[*`");
          const body = this.#traversals({ kind: "splat-item", pos }, "all");
          return { kind: "splat", source: result, body, pos };
        }
        this.#newlinesAreSpace++;
        const key = this.#expression();
        this.#expect("]", "to close the index");
        this.#newlinesAreSpace--;
        result = { kind: "index", object: result, key, pos };
      } else {
        this.#i = before;
        return result;
      }
    }
  }

  #primary(): Expression {
    this.#skip(this.#newlinesAreSpace > 0);
    const pos = this.#pos();
    const c = this.#peek();
    if (c === '"') return { kind: "template", parts: this.#quotedTemplate(), pos };
    if (c === "<" && this.#text.startsWith("<<", this.#i)) return this.#heredoc(pos);
    if (c === "(") {
      this.#i++;
      this.#newlinesAreSpace++;
      const expression = this.#expression();
      this.#expect(")", "to close the parenthesis");
      this.#newlinesAreSpace--;
      return { kind: "parentheses", expression, pos };
    }
    if (c === "[") return this.#tuple(pos);
    if (c === "{") return this.#object(pos);
    NUMBER.lastIndex = this.#i;
    const number = NUMBER.exec(this.#text);
    if (number) {
      this.#i += number[0].length;
      return { kind: "literal", value: Number(number[0]), pos };
    }
    const name = this.#identifier();
    if (name === undefined) this.#fail("Expected an expression");
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true", pos };
    if (name === "null") return { kind: "literal", value: null, pos };
    let callee = name;
    while (this.#text.startsWith("::", this.#i)) {
      this.#i += 2;
      callee += `::${this.#identifier() ?? this.#fail("Expected a function name after `::`")}`;
    }
    const before = this.#i;
    this.#skip(false);
    if (this.#peek() === "(") return this.#call(callee, pos);
    this.#i = before;
    if (callee !== name) this.#fail(`Expected \`(\` to call the function \`${callee}\``);
    return { kind: "variable", name, pos };
  }

  #call(name: string, pos: Position): Expression {
    this.#i++;
    this.#newlinesAreSpace++;
    const args: Expression[] = [];
    let expandFinal = false;
    for (;;) {
      this.#skip(true);
      if (this.#peek() === ")") break;
      args.push(this.#expression());
      this.#skip(true);
      if (this.#text.startsWith("...", this.#i)) {
        this.#i += 3;
        expandFinal = true;
        this.#skip(true);
        if (this.#peek() !== ")") this.#fail("Only the last argument of a call can be expanded with `...`");
        break;
      }
      if (this.#peek() === ",") this.#i++;
      else if (this.#peek() !== ")") this.#fail(`Expected \`,\` or \`)\` in the arguments of \`${name}\``);
    }
    this.#i++;
    this.#newlinesAreSpace--;
    return { kind: "call", name, args, expandFinal, pos };
  }

  #tuple(pos: Position): Expression {
    this.#i++;
    this.#newlinesAreSpace++;
    this.#skip(true);
    if (this.#keyword("for")) {
      const result = this.#forExpression(pos, false);
      this.#expect("]", "to close the for expression");
      this.#newlinesAreSpace--;
      return result;
    }
    const items: Expression[] = [];
    for (;;) {
      this.#skip(true);
      if (this.#peek() === "]") break;
      items.push(this.#expression());
      this.#skip(true);
      if (this.#peek() === ",") this.#i++;
      else if (this.#peek() !== "]") this.#fail("Expected `,` or `]` in the list");
    }
    this.#i++;
    this.#newlinesAreSpace--;
    return { kind: "tuple", items, pos };
  }

  #object(pos: Position): Expression {
    this.#i++;
    this.#skip(true);
    if (this.#keyword("for")) {
      this.#newlinesAreSpace++;
      const result = this.#forExpression(pos, true);
      this.#expect("}", "to close the for expression");
      this.#newlinesAreSpace--;
      return result;
    }
    const saved = this.#newlinesAreSpace;
    this.#newlinesAreSpace = 0;
    const items: Array<{ key: Expression; value: Expression }> = [];
    for (;;) {
      this.#skip(true);
      if (this.#peek() === "}") break;
      if (this.#atEnd()) this.#fail(`Expected \`}\` to close the object opened at line ${pos.line}`);
      let key = this.#expression();
      if (key.kind === "variable") key = { kind: "literal", value: key.name, pos: key.pos };
      this.#skip(false);
      const separator = this.#peek();
      if ((separator !== "=" && separator !== ":") || this.#text.startsWith("==", this.#i))
        this.#fail("Expected `=` or `:` after the object key");
      this.#i++;
      const value = this.#expression();
      items.push({ key, value });
      this.#skip(false);
      const c = this.#peek();
      if (c === ",") this.#i++;
      else if (c !== "\n" && c !== "}" && !this.#atEnd())
        this.#fail("Expected `,`, a newline or `}` after the value");
    }
    this.#i++;
    this.#newlinesAreSpace = saved;
    return { kind: "object", items, pos };
  }

  #forExpression(pos: Position, object: boolean): Expression {
    const first = this.#requireIdentifier("a variable name after `for`");
    let keyVariable: string | undefined;
    let valueVariable = first;
    this.#skip(true);
    if (this.#peek() === ",") {
      this.#i++;
      keyVariable = first;
      valueVariable = this.#requireIdentifier("a second variable name after `,`");
    }
    this.#skip(true);
    if (!this.#keyword("in")) this.#fail("Expected `in` in the for expression");
    const collection = this.#expression();
    this.#expect(":", "after the collection of the for expression");
    let keyExpression: Expression | undefined;
    if (object) {
      keyExpression = this.#expression();
      this.#expect("=>", "between the key and the value of the for expression");
    }
    const valueExpression = this.#expression();
    this.#skip(true);
    let grouping = false;
    if (object && this.#text.startsWith("...", this.#i)) {
      this.#i += 3;
      grouping = true;
    }
    this.#skip(true);
    const condition = this.#keyword("if") ? this.#expression() : undefined;
    return {
      kind: "for",
      ...(keyVariable ? { keyVariable } : {}),
      valueVariable,
      collection,
      ...(keyExpression ? { keyExpression } : {}),
      valueExpression,
      ...(condition ? { condition } : {}),
      grouping,
      pos,
    };
  }

  // ---- templates

  #quotedTemplate(): TemplatePart[] {
    const opening = this.#pos();
    this.#i++;
    const flat = this.#templateParts('"', opening);
    this.#i++;
    return buildTemplate(flat, this);
  }

  #heredoc(pos: Position): Expression {
    const header = /<<(-?)([\p{L}_][\p{L}\p{Nd}_-]*)[ \t]*\r?\n/uy;
    header.lastIndex = this.#i;
    const match = header.exec(this.#text);
    if (!match) this.#fail("Expected a heredoc marker such as `<<EOT` followed by a newline");
    const [whole, indented, marker] = match as unknown as [string, string, string];
    const start = this.#i + whole.length;
    const closing = new RegExp(`^[ \\t]*${marker}[ \\t]*\\r?$`, "m");
    const rest = this.#text.slice(start);
    const end = closing.exec(rest);
    if (!end)
      this.#failAt(pos, `The heredoc \`${marker}\` opened here is never closed by a line with \`${marker}\``);
    let content = rest.slice(0, end.index);
    if (indented) {
      const lines = content.split("\n");
      const indent = Math.min(
        ...lines.filter((l) => l.trim() !== "").map((l) => (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length),
      );
      if (Number.isFinite(indent)) content = lines.map((l) => l.slice(indent)).join("\n");
    }
    this.#i = start + end.index + end[0].length;
    const inner = new Parser(content, this.#file, { line: this.#pos(start).line, col: 1 }, false);
    const parts = buildTemplate(inner.#templateParts(undefined, pos), inner);
    return { kind: "template", parts, pos };
  }

  /** Flat template parts up to `terminator` (`"`) or the end of the text (heredocs). */
  #templateParts(terminator: '"' | undefined, opening: Position): FlatPart[] {
    const parts: FlatPart[] = [];
    let literal = "";
    const flush = () => {
      if (literal) parts.push(literal);
      literal = "";
    };
    for (;;) {
      if (this.#atEnd()) {
        if (terminator) this.#failAt(opening, 'This string is never closed with `"`');
        break;
      }
      const c = this.#text[this.#i] as string;
      if (c === terminator) break;
      if (terminator && c === "\n") {
        this.#failAt(
          opening,
          "This string is not closed on its line; a quoted string cannot span lines (use a heredoc such as <<EOT for text on several lines)",
        );
      }
      if ((c === "$" || c === "%") && this.#text[this.#i + 1] === c && this.#text[this.#i + 2] === "{") {
        literal += `${c}{`;
        this.#i += 3;
      } else if (c === "$" && this.#text[this.#i + 1] === "{") {
        flush();
        parts.push(this.#interpolation());
      } else if (c === "%" && this.#text[this.#i + 1] === "{") {
        flush();
        parts.push(this.#directive());
      } else if (c === "\\" && terminator) {
        literal += this.#escape();
      } else {
        literal += c;
        this.#i++;
      }
    }
    flush();
    return parts;
  }

  #interpolation(): FlatPart {
    this.#i += 2;
    const stripBefore = this.#tilde();
    this.#newlinesAreSpace++;
    const expression = this.#expression();
    this.#skip(true);
    const stripAfter = this.#tilde();
    this.#expect("}", "to close the `${` interpolation");
    this.#newlinesAreSpace--;
    return { kind: "interpolation", expression, stripBefore, stripAfter };
  }

  #directive(): FlatPart {
    const pos = this.#pos();
    this.#i += 2;
    const stripBefore = this.#tilde();
    this.#newlinesAreSpace++;
    this.#skip(true);
    const word = this.#identifier();
    let result: Extract<FlatPart, { kind: "directive" }>;
    if (word === "if") {
      result = {
        kind: "directive",
        word,
        expression: this.#expression(),
        stripBefore,
        stripAfter: false,
        pos,
      };
    } else if (word === "for") {
      const first = this.#requireIdentifier("a variable name after `for`");
      this.#skip(true);
      let key: string | undefined;
      let value = first;
      if (this.#peek() === ",") {
        this.#i++;
        key = first;
        value = this.#requireIdentifier("a second variable name after `,`");
      }
      this.#skip(true);
      if (!this.#keyword("in")) this.#fail("Expected `in` in the `%{for}` directive");
      const expression = this.#expression();
      result = {
        kind: "directive",
        word,
        expression,
        ...(key ? { key } : {}),
        value,
        stripBefore,
        stripAfter: false,
        pos,
      };
    } else if (word === "else" || word === "endif" || word === "endfor") {
      result = { kind: "directive", word, stripBefore, stripAfter: false, pos };
    } else {
      this.#failAt(pos, "Expected `if`, `else`, `endif`, `for` or `endfor` after `%{`");
    }
    this.#skip(true);
    result.stripAfter = this.#tilde();
    this.#expect("}", "to close the `%{` directive");
    this.#newlinesAreSpace--;
    return result;
  }

  #tilde(): boolean {
    if (this.#peek() !== "~") return false;
    this.#i++;
    return true;
  }

  #escape(): string {
    const next = this.#text[this.#i + 1];
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
    if (next !== undefined && next in simple) {
      this.#i += 2;
      return simple[next] as string;
    }
    const unicode = next === "u" ? 4 : next === "U" ? 8 : 0;
    const hex = this.#text.slice(this.#i + 2, this.#i + 2 + unicode);
    if (unicode && /^[0-9a-fA-F]+$/.test(hex) && hex.length === unicode) {
      const code = Number.parseInt(hex, 16);
      if (code <= 0x10ffff) {
        this.#i += 2 + unicode;
        return String.fromCodePoint(code);
      }
    }
    this.#failAt(
      this.#pos(),
      `The escape \`\\${next ?? ""}\` is not valid; use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN`,
    );
  }

  // ---- scanning

  /** Skips spaces and comments, and newlines when `newlines` (or inside brackets). */
  #skip(newlines: boolean): void {
    const text = this.#text;
    for (;;) {
      const c = text[this.#i];
      if (c === " " || c === "\t" || c === "\r" || (c === "\n" && (newlines || this.#newlinesAreSpace > 0))) {
        this.#i++;
      } else if (c === "#" || (c === "/" && text[this.#i + 1] === "/")) {
        const end = text.indexOf("\n", this.#i);
        const stop = end === -1 ? text.length : end;
        this.#comment(this.#i, stop, text.slice(this.#i + (c === "#" ? 1 : 2), stop));
        this.#i = stop;
      } else if (c === "/" && text[this.#i + 1] === "*") {
        const end = text.indexOf("*/", this.#i + 2);
        if (end === -1) this.#failAt(this.#pos(), "This comment is never closed with `*/`");
        this.#comment(this.#i, end + 2, text.slice(this.#i + 2, end));
        this.#i = end + 2;
      } else {
        return;
      }
    }
  }

  #comment(start: number, end: number, text: string): void {
    if (!this.#collectComments || this.#seenComments.has(start)) return;
    this.#seenComments.add(start);
    this.comments.push({ text: text.trim(), pos: this.#pos(start), endLine: this.#pos(end).line });
  }

  #identifier(): string | undefined {
    IDENTIFIER.lastIndex = this.#i;
    const match = IDENTIFIER.exec(this.#text);
    if (!match) return undefined;
    this.#i += match[0].length;
    return match[0];
  }

  #requireIdentifier(what: string): string {
    this.#skip(true);
    return this.#identifier() ?? this.#fail(`Expected ${what}`);
  }

  /** Consumes `word` if it comes next as a whole word. */
  #keyword(word: string): boolean {
    IDENTIFIER.lastIndex = this.#i;
    const match = IDENTIFIER.exec(this.#text);
    if (match?.[0] !== word) return false;
    this.#i += word.length;
    return true;
  }

  #expect(token: string, why: string): void {
    this.#skip(this.#newlinesAreSpace > 0);
    if (!this.#text.startsWith(token, this.#i)) this.#fail(`Expected \`${token}\` ${why}`);
    this.#i += token.length;
  }

  #peek(): string | undefined {
    return this.#text[this.#i];
  }

  #atEnd(): boolean {
    return this.#i >= this.#text.length;
  }

  #pos(offset = this.#i): Position {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    const col = offset - (this.#lineStarts[low] as number) + 1;
    return { line: this.#lineOffset + low + 1, col: low === 0 ? col + this.#colOffset : col };
  }

  #fail(message: string): never {
    this.#failAt(this.#pos(), `${message}, found ${this.#found()}`);
  }

  failAt(pos: Position, message: string): never {
    this.#failAt(pos, message);
  }

  #failAt(pos: Position, message: string): never {
    throw new HclSyntaxError(`${message}.`, { location: { file: this.#file, ...pos } });
  }

  #found(): string {
    if (this.#atEnd()) return "the end of the file";
    const c = this.#text[this.#i] as string;
    if (c === "\n" || c === "\r") return "the end of the line";
    IDENTIFIER.lastIndex = this.#i;
    const word = IDENTIFIER.exec(this.#text)?.[0] ?? c;
    return `\`${word.slice(0, 40)}\``;
  }
}

/** Nests `%{if}`/`%{for}` directives and applies `~` whitespace stripping. */
function buildTemplate(
  flat: FlatPart[],
  parser: { failAt(pos: Position, message: string): never },
): TemplatePart[] {
  const parts = flat.map((part, index) => {
    if (typeof part !== "string") return part;
    let text = part;
    const before = flat[index - 1];
    const after = flat[index + 1];
    if (before && typeof before !== "string" && before.stripAfter) text = text.trimStart();
    if (after && typeof after !== "string" && after.stripBefore) text = text.trimEnd();
    return text;
  });
  let position = 0;
  const sequence = (closers: ReadonlyArray<string>): { parts: TemplatePart[]; closer?: FlatPart } => {
    const out: TemplatePart[] = [];
    while (position < parts.length) {
      const part = parts[position++] as FlatPart;
      if (typeof part === "string") {
        if (part) out.push(part);
      } else if (part.kind === "interpolation") {
        out.push({ kind: "interpolation", expression: part.expression });
      } else if (closers.includes(part.word)) {
        return { parts: out, closer: part };
      } else if (part.word === "if") {
        const then = sequence(["else", "endif"]);
        let otherwise: TemplatePart[] = [];
        if (then.closer && typeof then.closer !== "string" && then.closer.kind === "directive") {
          if (then.closer.word === "else") {
            const rest = sequence(["endif"]);
            if (!rest.closer) parser.failAt(part.pos, "This `%{if}` is never closed by `%{endif}`");
            otherwise = rest.parts;
          }
        } else parser.failAt(part.pos, "This `%{if}` is never closed by `%{endif}`");
        out.push({
          kind: "if",
          condition: part.expression as Expression,
          whenTrue: then.parts,
          whenFalse: otherwise,
        });
      } else if (part.word === "for") {
        const body = sequence(["endfor"]);
        if (!body.closer) parser.failAt(part.pos, "This `%{for}` is never closed by `%{endfor}`");
        out.push({
          kind: "for",
          ...(part.key ? { key: part.key } : {}),
          value: part.value as string,
          collection: part.expression as Expression,
          body: body.parts,
        });
      } else {
        parser.failAt(part.pos, `\`%{${part.word}}\` has no matching opening directive`);
      }
    }
    return { parts: out };
  };
  return sequence([]).parts;
}
