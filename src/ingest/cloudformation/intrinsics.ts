import { Encoded, isPlainObject, setOwn, Unknown, type Value, type ValueObject } from "../../model/value.ts";
import { unknownFrom } from "../terraform/evaluate-expression.ts";
import { callFunction } from "../terraform/functions/index.ts";
import { jsonEncode } from "../terraform/functions/string-functions.ts";
import { asString, isConcrete, isPending, joinParts, valuesEqual } from "../terraform/values.ts";

/** `AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol("AWS::NoValue");
export type Evaluated = Value | typeof NO_VALUE;

/** What intrinsic functions can see of the template. */
export interface TemplateScope {
  /** Parameters (with defaults and overrides) and pseudo parameters. */
  parameter(name: string): Value | undefined;
  /** `Ref` to a resource: what its physical id is, as a `Ref` to the Terraform node. */
  resourceRef(logicalId: string): Value | undefined;
  resourceAttribute(logicalId: string, attribute: string): Value | undefined;
  condition(name: string): boolean | Unknown;
  mapping(name: string): Value | undefined;
  /** Reports something not understood; `pointer` is where, in the template. */
  warn(message: string, pointer: string): void;
}

class IntrinsicError extends Error {}

const NO_FILES = {
  readFile: () => {
    throw new IntrinsicError("files are not read");
  },
  fileExists: () => false,
  renderTemplate: () => null,
};

/**
 * Resolves intrinsic functions in a template value: parameters and pseudo parameters become values,
 * resources `Ref`s, `Fn::Sub`/`Fn::Join` text or `Template`s, `Fn::If` its chosen branch (or an
 * `Unknown` when the condition cannot be decided), `Fn::ImportValue`/`Fn::GetAZs` `Unknown`s.
 * A malformed call is reported at its pointer and read as unknown.
 */
export function evaluateIntrinsics(value: unknown, pointer: string, scope: TemplateScope): Evaluated {
  return evaluateNode(value, pointer, scope);
}

function evaluateNode(value: unknown, pointer: string, scope: TemplateScope): Evaluated {
  if (Array.isArray(value)) {
    const out: Value[] = [];
    value.forEach((item, i) => {
      const v = evaluateNode(item, `${pointer}/${i}`, scope);
      if (v !== NO_VALUE) out.push(v);
    });
    return out;
  }
  if (value === null || typeof value !== "object") return value as Value;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.length === 1) {
    const key = keys[0] as string;
    if (key === "Ref" || key.startsWith("Fn::")) {
      const at = `${pointer}/${escapePointer(key)}`;
      try {
        return intrinsic(key, record[key], at, scope);
      } catch (error) {
        if (!(error instanceof IntrinsicError)) throw error;
        scope.warn(`${error.message}; the value is read as unknown.`, at);
        return new Unknown(error.message);
      }
    }
  }
  const out: ValueObject = {};
  for (const key of keys) {
    const v = evaluateNode(record[key], `${pointer}/${escapePointer(key)}`, scope);
    if (v !== NO_VALUE) setOwn(out, key, v);
  }
  return out;
}

function intrinsic(name: string, arg: unknown, pointer: string, scope: TemplateScope): Evaluated {
  const args = (count: number): unknown[] => {
    if (!Array.isArray(arg) || arg.length < count)
      throw new IntrinsicError(`${name} needs a list of ${count} arguments`);
    return arg;
  };
  const ev = (v: unknown, i: number | string) => {
    const result = evaluateNode(v, `${pointer}/${i}`, scope);
    return result === NO_VALUE ? null : result;
  };
  switch (name) {
    case "Ref": {
      if (typeof arg !== "string") throw new IntrinsicError("Ref needs the name of a parameter or resource");
      if (arg === "AWS::NoValue") return NO_VALUE;
      const found = scope.parameter(arg) ?? scope.resourceRef(arg);
      if (found === undefined)
        throw new IntrinsicError(`Ref names \`${arg}\`, which is neither a parameter nor a resource`);
      return found;
    }
    case "Fn::GetAtt": {
      const [id, attribute] = args(2).map((a, i) => (typeof a === "string" ? a : ev(a, i)));
      if (typeof id !== "string" || typeof attribute !== "string")
        throw new IntrinsicError("Fn::GetAtt needs a resource and an attribute name");
      const found = scope.resourceAttribute(id, attribute);
      if (found === undefined)
        throw new IntrinsicError(`Fn::GetAtt names \`${id}\`, which is not a resource`);
      return found;
    }
    case "Fn::Sub":
      return substitute(arg, pointer, scope);
    case "Fn::Join": {
      const [delimiter, list] = args(2);
      const items = ev(list, 1);
      if (isPending(items)) return unknownFrom(items, "Fn::Join over a list known only at deploy time");
      if (typeof delimiter !== "string" || !Array.isArray(items))
        throw new IntrinsicError("Fn::Join needs a delimiter and a list");
      const parts: Value[] = [];
      items.forEach((item, i) => {
        if (i > 0) parts.push(delimiter);
        parts.push(item);
      });
      return joinParts(parts);
    }
    case "Fn::Select": {
      const [index, list] = args(2).map(ev);
      if (isPending(index) || isPending(list))
        return unknownFrom(isPending(index) ? (index as Value) : (list as Value), "Fn::Select");
      const i = Number(index);
      if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length)
        throw new IntrinsicError("Fn::Select's index is not in its list");
      return list[i] as Value;
    }
    case "Fn::Split": {
      const [delimiter, source] = args(2).map(ev);
      if (isPending(source))
        return unknownFrom(source as Value, "Fn::Split of text known only at deploy time");
      return asString(source as Value).split(asString(delimiter as Value));
    }
    case "Fn::If": {
      const [condition, whenTrue, whenFalse] = args(3);
      if (typeof condition !== "string") throw new IntrinsicError("Fn::If needs a condition name");
      const decided = scope.condition(condition);
      if (decided instanceof Unknown) return decided;
      return evaluateNode(decided ? whenTrue : whenFalse, `${pointer}/${decided ? 1 : 2}`, scope);
    }
    case "Fn::FindInMap": {
      const list = args(3);
      const [map, first, second] = list.slice(0, 3).map(ev);
      const fallback = isPlainObject(list[3] as Value) ? (list[3] as ValueObject).DefaultValue : undefined;
      if ([map, first, second].some((v) => isPending(v as Value)))
        return new Unknown("Fn::FindInMap with keys known only at deploy time");
      const table = scope.mapping(asString(map as Value));
      const row = isPlainObject(table ?? null) ? (table as ValueObject)[asString(first as Value)] : undefined;
      const cell = isPlainObject(row ?? null) ? (row as ValueObject)[asString(second as Value)] : undefined;
      if (cell !== undefined) return ev(cell, "cell");
      if (fallback !== undefined) return ev(fallback, 3);
      throw new IntrinsicError(
        `Fn::FindInMap finds nothing at ${String(map)}/${String(first)}/${String(second)}`,
      );
    }
    case "Fn::GetAZs":
      return new Unknown("the availability zones of the stack's region");
    case "Fn::ImportValue":
      return new Unknown("a value exported by another stack");
    case "Fn::Base64": {
      const text = ev(arg, 0);
      return new Encoded("base64", text);
    }
    case "Fn::Cidr": {
      const [block, count, bits] = args(3).map(ev);
      if ([block, count, bits].some((v) => isPending(v as Value)))
        return new Unknown("Fn::Cidr of values known only at deploy time");
      const prefixBits = 32 - Number(bits);
      const base = Number(asString(block as Value).split("/")[1]);
      try {
        return Array.from({ length: Number(count) }, (_, i) =>
          callFunction("cidrsubnet", [block as Value, prefixBits - base, i], NO_FILES),
        );
      } catch (error) {
        throw new IntrinsicError(`Fn::Cidr: ${(error as Error).message}`);
      }
    }
    case "Fn::Length": {
      const list = ev(arg, 0);
      if (isPending(list)) return unknownFrom(list, "Fn::Length");
      if (!Array.isArray(list)) throw new IntrinsicError("Fn::Length needs a list");
      return list.length;
    }
    case "Fn::ToJsonString": {
      const v = ev(arg, 0);
      return isConcrete(v) ? jsonEncode(v) : new Encoded("json", v);
    }
    case "Fn::Equals":
    case "Fn::And":
    case "Fn::Or":
    case "Fn::Not":
    case "Condition":
      return evaluateCondition({ [name]: arg }, pointer, scope);
    default:
      scope.warn(`${name} is not evaluated by plinth; the value is read as unknown.`, pointer);
      return new Unknown(`${name} is not evaluated`);
  }
}

/** `Fn::Sub` in both forms: `"text ${Param} ${Res.Attr} ${!Literal}"` and `[text, { Var: value }]`. */
function substitute(arg: unknown, pointer: string, scope: TemplateScope): Value {
  const [text, variables] = Array.isArray(arg) ? arg : [arg, {}];
  if (typeof text !== "string") throw new IntrinsicError("Fn::Sub needs a string");
  const local = new Map<string, Value>();
  if (isPlainObject(variables as Value)) {
    for (const [name, v] of Object.entries(variables as Record<string, unknown>)) {
      const evaluated = evaluateNode(v, `${pointer}/1/${escapePointer(name)}`, scope);
      local.set(name, evaluated === NO_VALUE ? "" : evaluated);
    }
  }
  const parts: Value[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    parts.push(text.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    const name = (match[1] as string).trim();
    if (name.startsWith("!")) {
      parts.push(`\${${name.slice(1)}}`);
      continue;
    }
    const dot = name.indexOf(".");
    const found =
      local.get(name) ??
      scope.parameter(name) ??
      scope.resourceRef(name) ??
      (dot > 0 ? scope.resourceAttribute(name.slice(0, dot), name.slice(dot + 1)) : undefined);
    if (found === undefined)
      throw new IntrinsicError(`Fn::Sub refers to \`${name}\`, which is neither a parameter nor a resource`);
    parts.push(found);
  }
  parts.push(text.slice(last));
  return joinParts(parts);
}

/** A condition: `Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`, to true/false or unknown. */
export function evaluateCondition(value: unknown, pointer: string, scope: TemplateScope): boolean | Unknown {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  if (!isPlainObject(value as Value) || Object.keys(value as object).length !== 1) {
    scope.warn(
      "A condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition; it is read as unknown.",
      pointer,
    );
    return new Unknown("a malformed condition");
  }
  const [name, arg] = Object.entries(value as Record<string, unknown>)[0] as [string, unknown];
  const inner = `${pointer}/${escapePointer(name)}`;
  const list = Array.isArray(arg) ? arg : [];
  switch (name) {
    case "Condition":
      return typeof arg === "string" ? scope.condition(arg) : new Unknown("a malformed condition");
    case "Fn::Equals": {
      const [a, b] = list.map((v, i) => evaluateIntrinsics(v, `${inner}/${i}`, scope));
      if (isPending(a as Value) || isPending(b as Value))
        return unknownFrom(
          (isPending(a as Value) ? a : b) as Value,
          "a comparison known only at deploy time",
        );
      return valuesEqual(normalize(a as Value), normalize(b as Value));
    }
    case "Fn::Not": {
      const v = evaluateCondition(list[0], `${inner}/0`, scope);
      return v instanceof Unknown ? v : !v;
    }
    case "Fn::And":
    case "Fn::Or": {
      const results = list.map((v, i) => evaluateCondition(v, `${inner}/${i}`, scope));
      const decisive = name === "Fn::Or";
      if (results.some((r) => r === decisive)) return decisive;
      return results.find((r) => r instanceof Unknown) ?? !decisive;
    }
    default:
      scope.warn(`${name} cannot be used in a condition; it is read as unknown.`, pointer);
      return new Unknown(`${name} in a condition`);
  }
}

/** CloudFormation compares as strings: `!Equals [!Ref Count, 3]` holds for "3". */
function normalize(value: Value): Value {
  return typeof value === "number" || typeof value === "boolean" ? String(value) : value;
}

function escapePointer(key: string): string {
  return key.replaceAll("~", "~0").replaceAll("/", "~1");
}
