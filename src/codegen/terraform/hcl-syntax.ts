/**
 * A small HCL syntax tree: what plinth's Terraform renderers build and the HCL and JSON writers print.
 * Text in `literal` strings and `template` parts is raw; the writers escape it for their syntax.
 */
export type HclExpr =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "template"; parts: ReadonlyArray<string | HclExpr> }
  /** A reference as Terraform spells it: `aws_vpc.net.id`, `var.region`. Never user text. */
  | { kind: "traversal"; text: string }
  | { kind: "call"; name: string; args: ReadonlyArray<HclExpr> }
  | { kind: "object"; entries: ReadonlyArray<readonly [string, HclExpr]> }
  | { kind: "tuple"; items: ReadonlyArray<HclExpr> };

export type HclBodyItem =
  | { kind: "attribute"; name: string; value: HclExpr }
  | {
      kind: "block";
      type: string;
      labels: ReadonlyArray<string>;
      body: ReadonlyArray<HclBodyItem>;
      /** `# …` lines written above the block (plinth:ignore directives). */
      comments?: ReadonlyArray<string>;
    }
  | { kind: "blank" };

export const literal = (value: string | number | boolean | null): HclExpr => ({ kind: "literal", value });
export const traversal = (text: string): HclExpr => ({ kind: "traversal", text });
export const attribute = (name: string, value: HclExpr): HclBodyItem => ({ kind: "attribute", name, value });
export const block = (
  type: string,
  labels: ReadonlyArray<string>,
  body: ReadonlyArray<HclBodyItem>,
): HclBodyItem => ({ kind: "block", type, labels, body });

/** HCL identifiers: what may stand unquoted as an attribute name, object key or traversal step. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Words an unquoted object key would be read as: a literal or the start of a `for` expression. */
const KEYWORDS = new Set(["true", "false", "null", "for", "in", "if", "endif", "endfor", "else"]);

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !KEYWORDS.has(text);
}
