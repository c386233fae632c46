import {
  type MemberNode,
  type ObjectNode,
  parse as parseJsonDocument,
  type ValueNode,
} from "@humanwhocodes/momoa";
import { HclSyntaxError, parseExpression, parseTemplate } from "./parse-hcl.ts";
import type { Attribute, Block, Body, Comment, Expression, HclFile, Position } from "./syntax.ts";

/**
 * How JSON strings in a body are read. Terraform reads most as string templates; a few arguments hold
 * an expression written as a string (`"provider": "aws.west"`, a variable's `"type": "list(string)"`),
 * and a variable's `default` is a plain value whose strings are never templates.
 */
type StringMode = "template" | "expression" | "literal";

/** Labels each top-level block type takes; the others (`terraform`, `locals`, `moved`…) take none. */
const TOP_LEVEL_LABELS: ReadonlyMap<string, number> = new Map([
  ["resource", 2],
  ["data", 2],
  ["ephemeral", 2],
  ["action", 2],
  ["list", 2],
  ["variable", 1],
  ["output", 1],
  ["module", 1],
  ["provider", 1],
  ["check", 1],
]);

/**
 * Nested blocks whose meaning needs no provider schema, with their label counts, by the block they are
 * in; inside a resource's nested blocks, `dynamic` is the only one.
 */
const KNOWN_NESTED_BLOCKS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    "resource",
    new Map([
      ["lifecycle", 0],
      ["provisioner", 1],
      ["connection", 0],
      ["dynamic", 1],
    ]),
  ],
  [
    "data",
    new Map([
      ["lifecycle", 0],
      ["dynamic", 1],
    ]),
  ],
  ["variable", new Map([["validation", 0]])],
  ["output", new Map([["precondition", 0]])],
  ["dynamic", new Map([["content", 0]])],
]);

const NESTED_KNOWN_BLOCKS: ReadonlyMap<string, number> = new Map([["dynamic", 1]]);
const NO_KNOWN_BLOCKS: ReadonlyMap<string, number> = new Map();

/** Blocks whose arguments are values only: an object there is never a nested block. */
const VALUE_ONLY_BODIES = new Set(["locals", "output", "module", "variable"]);

/** Arguments whose strings are expressions, not templates (Terraform's JSON syntax special cases). */
const EXPRESSION_ARGUMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["resource", new Set(["provider", "depends_on"])],
  ["data", new Set(["provider", "depends_on"])],
  ["module", new Set(["providers", "depends_on"])],
  ["output", new Set(["depends_on"])],
  ["variable", new Set(["type"])],
  ["dynamic", new Set(["iterator"])],
  ["lifecycle", new Set(["ignore_changes", "replace_triggered_by"])],
]);

/** `${` or `%{` (escaped or not): the text needs the template parser. */
const TEMPLATE_MARKER = /[$%]\{/;

/** Deeper than any real configuration; refuses hostile nesting before it exhausts the stack. */
const MAX_DEPTH = 200;

/**
 * Parses Terraform's JSON configuration syntax (`.tf.json`) into the same tree as `.tf` files, so
 * everything downstream reads both alike. Strings are templates parsed by the HCL parser (with the
 * `$${`/`%%{` escapes); `"//"` properties are comments (so `"//": "plinth:ignore …"` is a directive).
 * Whether an object-valued property inside a block is an argument or nested blocks depends on the
 * provider schema, so such attributes carry both readings (`asBlocks`) and the evaluator picks one.
 * Malformed JSON and misplaced values are one `HclSyntaxError` at the file:line:col.
 */
export function parseJsonSyntax(text: string, file: string): HclFile {
  const fail = (pos: Position, message: string): never => {
    throw new HclSyntaxError(message, { location: { file, ...pos } });
  };
  let root: ValueNode | undefined;
  try {
    root = parseJsonDocument(text, { mode: "json", ranges: false, tokens: false }).body;
  } catch (error) {
    if (error instanceof RangeError) fail({ line: 1, col: 1 }, "The JSON is nested too deeply to read.");
    const {
      line = 1,
      column = 1,
      message = "",
    } = error as { line?: number; column?: number; message?: string };
    fail(
      { line, col: column },
      `This is not valid JSON: ${describeJsonError(message)} (Terraform's JSON syntax allows no comments or trailing commas).`,
    );
  }
  return new JsonSyntaxReader(file, fail).file(root as ValueNode);
}

/** momoa says `Unexpected token RBrace found. (3:1)`; people read `unexpected }`. */
function describeJsonError(message: string): string {
  const tokens: Record<string, string> = {
    RBrace: "`}`",
    LBrace: "`{`",
    RBracket: "`]`",
    LBracket: "`[`",
    Comma: "`,`",
    Colon: "`:`",
  };
  const text = message.replace(/\s*\(\d+:\d+\)\s*$/, "").replace(/\.$/, "");
  const token = /^Unexpected token (\w+) found$/.exec(text);
  if (token) return `unexpected ${tokens[token[1] as string] ?? (token[1] as string).toLowerCase()}`;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

class JsonSyntaxReader {
  readonly #file: string;
  readonly #fail: (pos: Position, message: string) => never;
  readonly #comments: Comment[] = [];
  #depth = 0;

  constructor(file: string, fail: (pos: Position, message: string) => never) {
    this.#file = file;
    this.#fail = fail;
  }

  file(root: ValueNode): HclFile {
    const top = this.#object(root, "The file must hold one JSON object of Terraform blocks");
    const body: Body = { attributes: [], blocks: [] };
    for (const member of top.members) {
      const name = member.name.type === "String" ? member.name.value : "";
      if (name === "//") {
        this.#comment(member);
        continue;
      }
      body.blocks.push(
        ...this.#blocks(name, member.value, TOP_LEVEL_LABELS.get(name) ?? 0, [], name, member),
      );
    }
    return { file: this.#file, body, comments: this.#comments };
  }

  /**
   * The blocks of one block type: `labels` more levels of objects keyed by label, then bodies. A block
   * given as one object is located at the property naming it (`"b": {` for `resource.aws_s3_bucket.b`).
   */
  #blocks(
    type: string,
    node: ValueNode,
    labels: number,
    found: string[],
    context: string,
    named?: MemberNode,
  ): Block[] {
    if (node.type === "Array") {
      return node.elements.flatMap((e) => this.#blocks(type, e.value, labels, found, context));
    }
    const object = this.#object(
      node,
      labels > 0
        ? `\`${type}\` needs an object keyed by its ${labels === 2 && found.length === 0 ? "type" : "name"}`
        : `The \`${type}\` block must be a JSON object (or an array of objects)`,
    );
    if (labels === 0) {
      return [
        {
          type,
          labels: found,
          body: this.#body(object, context),
          pos: at(named ?? object),
          endLine: object.loc.end.line,
        },
      ];
    }
    return object.members.flatMap((member) => {
      const label = member.name.type === "String" ? member.name.value : "";
      if (label === "//") {
        this.#comment(member);
        return [];
      }
      return this.#blocks(type, member.value, labels - 1, [...found, label], context, member);
    });
  }

  #body(object: ObjectNode, context: string): Body {
    if (++this.#depth > MAX_DEPTH) this.#fail(at(object), "Blocks are nested too deeply.");
    const body: Body = { attributes: [], blocks: [] };
    const knownBlocks =
      KNOWN_NESTED_BLOCKS.get(context) ?? (this.#depth > 1 ? NESTED_KNOWN_BLOCKS : NO_KNOWN_BLOCKS);
    for (const member of object.members) {
      const name = member.name.type === "String" ? member.name.value : "";
      if (name === "//") {
        this.#comment(member);
        continue;
      }
      const labels = knownBlocks.get(name);
      if (labels !== undefined) {
        body.blocks.push(...this.#blocks(name, member.value, labels, [], name, member));
        continue;
      }
      const mode: StringMode = EXPRESSION_ARGUMENTS.get(context)?.has(name)
        ? "expression"
        : context === "variable" && name === "default"
          ? "literal"
          : "template";
      const attribute: Attribute = {
        name,
        expression: this.#expression(member.value, mode),
        pos: at(member),
      };
      if (mode === "template" && !VALUE_ONLY_BODIES.has(context) && isBlockShaped(member.value))
        attribute.asBlocks = this.#blocks(name, member.value, 0, [], name, member);
      body.attributes.push(attribute);
    }
    this.#depth--;
    return body;
  }

  /** A JSON value as an HCL expression: strings by `mode`, containers item by item. */
  #expression(node: ValueNode, mode: StringMode): Expression {
    const pos = at(node);
    switch (node.type) {
      case "String":
        return this.#string(node.value, pos, mode);
      case "Number":
      case "Boolean":
        return { kind: "literal", value: node.value, pos };
      case "Null":
        return { kind: "literal", value: null, pos };
      case "Array": {
        if (++this.#depth > MAX_DEPTH) this.#fail(pos, "The value is nested too deeply.");
        const items = node.elements.map((e) => this.#expression(e.value, mode));
        this.#depth--;
        return { kind: "tuple", items, pos };
      }
      case "Object": {
        if (++this.#depth > MAX_DEPTH) this.#fail(pos, "The value is nested too deeply.");
        const items = node.members
          .filter((m) => !(m.name.type === "String" && m.name.value === "//"))
          .map((m) => ({ key: this.#key(m, mode), value: this.#expression(m.value, mode) }));
        this.#depth--;
        return { kind: "object", items, pos };
      }
      default:
        return this.#fail(pos, "Terraform's JSON syntax has no such value.");
    }
  }

  /** An object key: plain text stays a literal (so each key keeps its own source line), else a template. */
  #key(member: MemberNode, mode: StringMode): Expression {
    const pos = at(member.name);
    const text = member.name.type === "String" ? member.name.value : member.name.name;
    if (mode === "literal" || !TEMPLATE_MARKER.test(text)) return { kind: "literal", value: text, pos };
    return this.#string(text, pos, mode);
  }

  #string(text: string, pos: Position, mode: StringMode): Expression {
    if (mode === "literal") return { kind: "literal", value: text, pos };
    // The text starts after the opening quote.
    const start = { line: pos.line, col: pos.col + 1 };
    if (mode === "expression") {
      // `"${aws.west}"` is accepted where an expression is expected, as Terraform accepts it.
      const wrapped = /^\$\{([\s\S]*)\}$/.exec(text);
      return parseExpression(
        wrapped ? (wrapped[1] as string) : text,
        this.#file,
        wrapped ? { ...start, col: start.col + 2 } : start,
      );
    }
    // Most strings are plain text: no parser needed.
    if (!TEMPLATE_MARKER.test(text)) return { kind: "template", parts: text === "" ? [] : [text], pos };
    // The template is where its string is, quote included, as in HCL; its parts keep their own places.
    return { ...parseTemplate(text, this.#file, start), pos };
  }

  #object(node: ValueNode, message: string): ObjectNode {
    if (node.type !== "Object") this.#fail(at(node), `${message}, not ${describeNode(node)}.`);
    return node as ObjectNode;
  }

  /** `"//": "…"`: a comment, kept so `plinth:` directives written that way count. */
  #comment(member: MemberNode): void {
    const texts = member.value.type === "String" ? [member.value.value] : [];
    for (const text of texts) {
      this.#comments.push({ text: text.trim(), pos: at(member), endLine: member.loc.end.line });
    }
  }
}

/** An object, or a non-empty array of objects: the shapes nested blocks take in JSON syntax. */
function isBlockShaped(node: ValueNode): boolean {
  if (node.type === "Object") return true;
  return (
    node.type === "Array" && node.elements.length > 0 && node.elements.every((e) => e.value.type === "Object")
  );
}

function describeNode(node: ValueNode): string {
  switch (node.type) {
    case "Array":
      return "an array";
    case "String":
      return "a string";
    case "Number":
      return "a number";
    case "Boolean":
      return "a boolean";
    case "Null":
      return "null";
    default:
      return "that";
  }
}

function at(node: { loc: { start: { line: number; column: number } } }): Position {
  return { line: node.loc.start.line, col: node.loc.start.column };
}
