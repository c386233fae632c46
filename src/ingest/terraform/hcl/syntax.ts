/**
 * The syntax tree of HCL's native syntax (the subset Terraform uses, which is all of it), with the
 * position of every node so findings can point at the line that set a value.
 */

/** Line and column, starting at 1. The file is known from the tree's `HclFile`. */
export interface Position {
  line: number;
  col: number;
}

export type Expression =
  | LiteralExpression
  | TemplateExpression
  | VariableExpression
  | GetAttrExpression
  | IndexExpression
  | SplatExpression
  | SplatItemExpression
  | CallExpression
  | TupleExpression
  | ObjectExpression
  | UnaryExpression
  | BinaryExpression
  | ConditionalExpression
  | ForExpression
  | ParenthesesExpression;

export interface LiteralExpression {
  kind: "literal";
  value: null | boolean | number | string;
  pos: Position;
}

/** `"text ${expr} %{if c}…%{endif}"` or a heredoc. */
export interface TemplateExpression {
  kind: "template";
  parts: TemplatePart[];
  pos: Position;
}

export type TemplatePart =
  | string
  | { kind: "interpolation"; expression: Expression }
  | { kind: "if"; condition: Expression; whenTrue: TemplatePart[]; whenFalse: TemplatePart[] }
  | { kind: "for"; key?: string; value: string; collection: Expression; body: TemplatePart[] };

/** The root of a traversal: `var`, `local`, `aws_s3_bucket`, `each`, a for-expression's variable. */
export interface VariableExpression {
  kind: "variable";
  name: string;
  pos: Position;
}

export interface GetAttrExpression {
  kind: "getattr";
  object: Expression;
  name: string;
  pos: Position;
}

export interface IndexExpression {
  kind: "index";
  object: Expression;
  key: Expression;
  pos: Position;
}

/** `source[*].body` or `source.*.body`: `body` is evaluated for each element, which it names as `splat-item`. */
export interface SplatExpression {
  kind: "splat";
  source: Expression;
  body: Expression;
  pos: Position;
}

export interface SplatItemExpression {
  kind: "splat-item";
  pos: Position;
}

export interface CallExpression {
  kind: "call";
  name: string;
  args: Expression[];
  /** The last argument ends in `...`: its elements are the remaining arguments. */
  expandFinal: boolean;
  pos: Position;
}

export interface TupleExpression {
  kind: "tuple";
  items: Expression[];
  pos: Position;
}

export interface ObjectExpression {
  kind: "object";
  items: Array<{ key: Expression; value: Expression }>;
  pos: Position;
}

export interface UnaryExpression {
  kind: "unary";
  operator: "!" | "-";
  operand: Expression;
  pos: Position;
}

export type BinaryOperator =
  | "+"
  | "-"
  | "*"
  | "/"
  | "%"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "&&"
  | "||";

export interface BinaryExpression {
  kind: "binary";
  operator: BinaryOperator;
  left: Expression;
  right: Expression;
  pos: Position;
}

export interface ConditionalExpression {
  kind: "conditional";
  condition: Expression;
  whenTrue: Expression;
  whenFalse: Expression;
  pos: Position;
}

/** `[for k, v in c : v if cond]` and `{for k, v in c : k => v...}`. */
export interface ForExpression {
  kind: "for";
  keyVariable?: string;
  valueVariable: string;
  collection: Expression;
  /** Only for object results. */
  keyExpression?: Expression;
  valueExpression: Expression;
  condition?: Expression;
  /** `...` after the value: values with the same key are grouped into lists. */
  grouping: boolean;
  pos: Position;
}

/** Kept so an object key in parentheses is an expression, not a bare name. */
export interface ParenthesesExpression {
  kind: "parentheses";
  expression: Expression;
  pos: Position;
}

export interface Attribute {
  name: string;
  expression: Expression;
  pos: Position;
  /**
   * JSON syntax only: a property whose value is an object or an array of objects is either an argument
   * or nested blocks, which only the provider schema decides. These are the blocks it would be.
   */
  asBlocks?: Block[];
  /** Set on an argument an override file merged into a block of another file: the file it is written in. */
  file?: string;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  pos: Position;
  /** The line of the closing brace, to find comments written inside the block. */
  endLine: number;
  /** Set on a nested block an override file merged into a block of another file: the file it is in. */
  file?: string;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface Comment {
  /** The comment's text without its markers (`#`, `//`, `/*`, `*\/`), trimmed. */
  text: string;
  pos: Position;
  endLine: number;
}

export interface HclFile {
  /** How messages name the file. */
  file: string;
  body: Body;
  comments: Comment[];
}
