import {
  Encoded,
  isPlainObject,
  Ref,
  setOwn,
  Template,
  Unknown,
  type Value,
  type ValueObject,
  VarRef,
} from "../../model/value.ts";
import type { Expression, Position, TemplatePart } from "./hcl/syntax.ts";
import {
  asBool,
  asNumber,
  asString,
  describeValue,
  EvaluationError,
  firstUnknown,
  isPending,
  joinParts,
  sortedEntries,
  valuesEqual,
} from "./values.ts";

/** One step of a traversal after its root name: `.name` or `[key]`. */
export interface TraversalStep {
  kind: "attr" | "index";
  key: Value;
  pos: Position;
}

/** What names mean where an expression is evaluated (a module instance, a resource instance). */
export interface Scope {
  /** The file whose expressions are evaluated, for messages. */
  file: string;
  /**
   * Resolves a root name and as many of the following steps as it understands (`var.x`,
   * `aws_s3_bucket.b`, `module.m.out`), returning how many steps it used; undefined for an unknown name.
   */
  resolve(
    root: string,
    steps: ReadonlyArray<TraversalStep>,
    pos: Position,
  ): { value: Value; used: number } | undefined;
  /** Calls a Terraform function; `args` are already evaluated. */
  call(name: string, args: Value[], pos: Position): Value;
}

/** An `EvaluationError` that knows where it happened. */
export class LocatedEvaluationError extends EvaluationError {
  readonly pos: Position;
  constructor(message: string, pos: Position) {
    super(message);
    this.pos = pos;
  }
}

interface Context {
  scope: Scope;
  /** Variables of enclosing for-expressions and template `%{for}`s. */
  bindings: ReadonlyMap<string, Value>;
  splatItem?: Value;
}

/** Functions whose arguments are expressions tried in turn, not values. */
const LAZY_FUNCTIONS = new Set(["try", "can"]);

/**
 * Evaluates an HCL expression to a plinth `Value`. References to resources become `Ref`s, text mixing
 * text and references a `Template`, and anything that cannot be known before apply an `Unknown`: never a
 * guess. Type errors throw a `LocatedEvaluationError` (the caller turns it into a warning).
 */
export function evaluate(
  expression: Expression,
  scope: Scope,
  bindings: ReadonlyMap<string, Value> = new Map(),
): Value {
  return evaluateIn(expression, { scope, bindings });
}

function evaluateIn(expression: Expression, ctx: Context): Value {
  try {
    return evaluateNode(expression, ctx);
  } catch (error) {
    if (error instanceof LocatedEvaluationError) throw error;
    if (error instanceof EvaluationError) throw new LocatedEvaluationError(error.message, expression.pos);
    if (error instanceof RangeError)
      throw new LocatedEvaluationError("The expression is too deeply nested to evaluate", expression.pos);
    throw error;
  }
}

function evaluateNode(expression: Expression, ctx: Context): Value {
  switch (expression.kind) {
    case "literal":
      return expression.value;
    case "parentheses":
      return evaluateIn(expression.expression, ctx);
    case "template":
      return evaluateTemplate(expression.parts, ctx, true);
    case "tuple":
      return expression.items.map((item) => evaluateIn(item, ctx));
    case "object": {
      const out: ValueObject = {};
      for (const item of expression.items) {
        const key = evaluateIn(item.key, ctx);
        if (isPending(key)) return unknownFrom(key, "an object key known only after apply");
        setOwn(out, asString(key, "object key"), evaluateIn(item.value, ctx));
      }
      return out;
    }
    case "variable":
    case "getattr":
    case "index":
      return evaluateTraversal(expression, ctx);
    case "splat-item":
      return ctx.splatItem ?? null;
    case "splat": {
      const source = evaluateIn(expression.source, ctx);
      if (source instanceof Unknown) return source;
      if (source === null) return [];
      const items = Array.isArray(source) ? source : [source];
      return items.map((item) => evaluateIn(expression.body, { ...ctx, splatItem: item }));
    }
    case "call":
      return evaluateCall(expression, ctx);
    case "unary": {
      const operand = evaluateIn(expression.operand, ctx);
      if (isPending(operand)) return unknownFrom(operand, "an operand known only after apply");
      return expression.operator === "!"
        ? !asBool(operand, "operand of `!`")
        : -asNumber(operand, "operand of `-`");
    }
    case "binary":
      return evaluateBinary(expression.operator, evaluateIn(expression.left, ctx), () =>
        evaluateIn(expression.right, ctx),
      );
    case "conditional": {
      const condition = evaluateIn(expression.condition, ctx);
      if (isPending(condition)) return unknownFrom(condition, "a condition known only after apply");
      return asBool(condition, "condition")
        ? evaluateIn(expression.whenTrue, ctx)
        : evaluateIn(expression.whenFalse, ctx);
    }
    case "for":
      return evaluateFor(expression, ctx);
  }
}

function evaluateTraversal(expression: Expression, ctx: Context): Value {
  const steps: TraversalStep[] = [];
  let root: Expression = expression;
  while (root.kind === "getattr" || root.kind === "index") {
    if (root.kind === "getattr") steps.unshift({ kind: "attr", key: root.name, pos: root.pos });
    else steps.unshift({ kind: "index", key: evaluateIn(root.key, ctx), pos: root.pos });
    root = root.object;
  }
  let value: Value;
  let used = 0;
  if (root.kind === "variable" && ctx.bindings.has(root.name)) {
    value = ctx.bindings.get(root.name) as Value;
  } else if (root.kind === "variable") {
    const resolved = ctx.scope.resolve(root.name, steps, root.pos);
    if (!resolved) throw new LocatedEvaluationError(`There is no \`${root.name}\` here`, root.pos);
    value = resolved.value;
    used = resolved.used;
  } else {
    value = evaluateIn(root, ctx);
  }
  for (const step of steps.slice(used)) value = applyStep(value, step);
  return value;
}

/** `.name` or `[key]` on a value; on references they extend the path, on unknowns they stay unknown. */
export function applyStep(value: Value, step: TraversalStep): Value {
  const { key } = step;
  if (value instanceof Unknown) return value;
  if (isPending(key)) return unknownFrom(key, "an index known only after apply");
  if (value instanceof Ref) return new Ref(value.address, [...value.path, key as string | number]);
  if (isPending(value)) return new Unknown("an attribute of a value known only after apply");
  if (value === null) throw new LocatedEvaluationError(`Cannot read \`${String(key)}\` of null`, step.pos);
  if (Array.isArray(value)) {
    const index = step.kind === "index" ? asNumber(key, "list index") : Number.NaN;
    if (!Number.isInteger(index))
      throw new LocatedEvaluationError(`A list has no attribute \`${String(key)}\``, step.pos);
    if (index < 0 || index >= value.length)
      throw new LocatedEvaluationError(
        `The index ${index} is out of range for a list of ${value.length}`,
        step.pos,
      );
    return value[index] as Value;
  }
  if (isPlainObject(value)) {
    const name = asString(key, "key");
    if (!Object.hasOwn(value, name))
      throw new LocatedEvaluationError(`The object has no attribute or key \`${name}\``, step.pos);
    return value[name] as Value;
  }
  throw new LocatedEvaluationError(`Cannot read \`${String(key)}\` of ${describeValue(value)}`, step.pos);
}

function evaluateCall(expression: Extract<Expression, { kind: "call" }>, ctx: Context): Value {
  const name = expression.name;
  if (LAZY_FUNCTIONS.has(name)) return evaluateLazyCall(expression, ctx);
  const args = expression.args.map((arg) => evaluateIn(arg, ctx));
  if (expression.expandFinal) {
    const last = args.pop() as Value;
    if (isPending(last)) return unknownFrom(last, "expanded arguments known only after apply");
    if (!Array.isArray(last))
      throw new LocatedEvaluationError("Only a list can be expanded with `...`", expression.pos);
    args.push(...last);
  }
  try {
    return ctx.scope.call(name, args, expression.pos);
  } catch (error) {
    if (error instanceof EvaluationError && !(error instanceof LocatedEvaluationError))
      throw new LocatedEvaluationError(`${name}(): ${error.message}`, expression.pos);
    throw error;
  }
}

/** `try(a, b…)` returns the first argument that evaluates without error; `can(a)` whether it does. */
function evaluateLazyCall(expression: Extract<Expression, { kind: "call" }>, ctx: Context): Value {
  if (expression.args.length === 0)
    throw new LocatedEvaluationError(`${expression.name}() needs an argument`, expression.pos);
  if (expression.name === "can") {
    if (expression.args.length !== 1)
      throw new LocatedEvaluationError("can() takes one argument", expression.pos);
    try {
      const value = evaluateIn(expression.args[0] as Expression, ctx);
      return value instanceof Unknown ? value : true;
    } catch (error) {
      if (error instanceof EvaluationError) return false;
      throw error;
    }
  }
  let lastError: EvaluationError | undefined;
  for (const arg of expression.args) {
    try {
      const value = evaluateIn(arg, ctx);
      // An unknown might fail once known: like Terraform, the whole try() is then unknown.
      return value;
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      lastError = error;
    }
  }
  throw new LocatedEvaluationError(
    `No argument of try() could be evaluated; the last failed with: ${lastError?.message ?? "an error"}`,
    expression.pos,
  );
}

function evaluateBinary(operator: string, left: Value, right: () => Value): Value {
  if (operator === "&&" || operator === "||") {
    const stop = operator === "||";
    if (!isPending(left) && asBool(left, `left operand of \`${operator}\``) === stop) return stop;
    const r = right();
    if (!isPending(r) && asBool(r, `right operand of \`${operator}\``) === stop) return stop;
    if (isPending(left) || isPending(r))
      return unknownFrom(isPending(left) ? left : r, "an operand known only after apply");
    return !stop;
  }
  const r = right();
  if (isPending(left) || isPending(r))
    return unknownFrom(isPending(left) ? left : r, "an operand known only after apply");
  switch (operator) {
    case "==":
      return valuesEqual(left, r);
    case "!=":
      return !valuesEqual(left, r);
  }
  const a = asNumber(left, `left operand of \`${operator}\``);
  const b = asNumber(r, `right operand of \`${operator}\``);
  switch (operator) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      if (b === 0) throw new EvaluationError("Division by zero");
      return a / b;
    case "%":
      if (b === 0) throw new EvaluationError("Modulo by zero");
      return a % b;
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

function evaluateFor(expression: Extract<Expression, { kind: "for" }>, ctx: Context): Value {
  const collection = evaluateIn(expression.collection, ctx);
  if (isPending(collection)) return unknownFrom(collection, "a collection known only after apply");
  const pairs = iterationPairs(collection);
  const object = expression.keyExpression !== undefined;
  const list: Value[] = [];
  const map: ValueObject = {};
  const groups = new Map<string, Value[]>();
  for (const [key, value] of pairs) {
    const bindings = new Map(ctx.bindings);
    if (expression.keyVariable) bindings.set(expression.keyVariable, key);
    bindings.set(expression.valueVariable, value);
    const inner = { ...ctx, bindings };
    if (expression.condition) {
      const keep = evaluateIn(expression.condition, inner);
      if (isPending(keep)) return unknownFrom(keep, "a filter known only after apply");
      if (!asBool(keep, "for expression's `if` condition")) continue;
    }
    const item = evaluateIn(expression.valueExpression, inner);
    if (!object) {
      list.push(item);
      continue;
    }
    const k = evaluateIn(expression.keyExpression as Expression, inner);
    if (isPending(k)) return unknownFrom(k, "a key known only after apply");
    const name = asString(k, "for expression key");
    if (expression.grouping) {
      const group = groups.get(name) ?? [];
      group.push(item);
      groups.set(name, group);
    } else {
      if (Object.hasOwn(map, name))
        throw new EvaluationError(
          `The for expression produces the key \`${name}\` twice; add \`...\` to group values`,
        );
      setOwn(map, name, item);
    }
  }
  if (!object) return list;
  if (expression.grouping) for (const [name, group] of groups) setOwn(map, name, group);
  return map;
}

/** A collection's (key, value) pairs in Terraform's order: list index, or lexical map key. */
export function iterationPairs(collection: Value): Array<[Value, Value]> {
  if (Array.isArray(collection)) return collection.map((value, index) => [index, value]);
  if (isPlainObject(collection)) return sortedEntries(collection);
  throw new EvaluationError(`Cannot iterate over ${describeValue(collection)}`);
}

function evaluateTemplate(parts: ReadonlyArray<TemplatePart>, ctx: Context, unwrap: boolean): Value {
  // `"${x}"` is x itself, whatever its type.
  if (unwrap && parts.length === 1 && typeof parts[0] !== "string" && parts[0]?.kind === "interpolation")
    return evaluateIn(parts[0].expression, ctx);
  const values: Value[] = [];
  for (const part of parts) {
    if (typeof part === "string") values.push(part);
    else if (part.kind === "interpolation") values.push(evaluateIn(part.expression, ctx));
    else if (part.kind === "if") {
      const condition = evaluateIn(part.condition, ctx);
      if (isPending(condition)) return unknownFrom(condition, "a template condition known only after apply");
      values.push(
        evaluateTemplate(asBool(condition, "`%{if}` condition") ? part.whenTrue : part.whenFalse, ctx, false),
      );
    } else {
      const collection = evaluateIn(part.collection, ctx);
      if (isPending(collection)) return unknownFrom(collection, "a template loop known only after apply");
      for (const [key, value] of iterationPairs(collection)) {
        const bindings = new Map(ctx.bindings);
        if (part.key) bindings.set(part.key, key);
        bindings.set(part.value, value);
        values.push(evaluateTemplate(part.body, { ...ctx, bindings }, false));
      }
    }
  }
  return joinParts(values);
}

/** An unknown explaining itself by what made it unknown. */
export function unknownFrom(value: Value, fallback: string): Unknown {
  if (value instanceof Unknown) return value;
  const inner = firstUnknown(value);
  if (inner) return inner;
  if (value instanceof Ref) return new Unknown(`depends on ${value.toString()}, known only after apply`);
  if (value instanceof Template) {
    const ref = value.parts.find((p) => p instanceof Ref);
    if (ref) return new Unknown(`depends on ${ref.toString()}, known only after apply`);
  }
  if (value instanceof VarRef) return new Unknown(`depends on the input ${value.name}`);
  if (value instanceof Encoded) return new Unknown(fallback);
  return new Unknown(fallback);
}
