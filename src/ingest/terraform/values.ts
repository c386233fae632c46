import {
  Encoded,
  isPlainObject,
  Ref,
  Template,
  Unknown,
  type Value,
  type ValueObject,
  VarRef,
} from "../../model/value.ts";

/**
 * A Terraform evaluation failed (a type error, a bad function argument). The evaluator turns it into
 * an `Unknown` and a warning at the expression: Terraform would refuse the configuration, plinth reads on.
 */
export class EvaluationError extends Error {
  override name = "EvaluationError";
}

/** True for values that are not yet concrete: references, templates over them, unknowns. */
export function isPending(value: Value | undefined): value is Ref | Template | VarRef | Encoded | Unknown {
  return (
    value instanceof Ref ||
    value instanceof Template ||
    value instanceof VarRef ||
    value instanceof Encoded ||
    value instanceof Unknown
  );
}

/** Whether a value is plain data all the way down (no reference or unknown anywhere inside). */
export function isConcrete(value: Value): boolean {
  if (isPending(value)) return false;
  if (Array.isArray(value)) return value.every(isConcrete);
  if (isPlainObject(value)) return Object.values(value).every(isConcrete);
  return true;
}

/** The first `Unknown` inside a value, to carry its reason forward. */
export function firstUnknown(value: Value): Unknown | undefined {
  if (value instanceof Unknown) return value;
  if (value instanceof Encoded) return firstUnknown(value.value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  } else if (isPlainObject(value)) {
    for (const item of Object.values(value)) {
      const found = firstUnknown(item);
      if (found) return found;
    }
  }
  return undefined;
}

/** Terraform's name for a value's type, for messages. */
export function typeName(value: Value): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "list";
  if (isPlainObject(value)) return "object";
  if (isPending(value)) return "value known only after apply";
  return typeof value === "boolean" ? "bool" : typeof value;
}

/** A number as Terraform prints it: integers without a decimal point, no exponent for ordinary sizes. */
export function formatNumber(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(value);
}

/** A primitive as text, as string templates and `tostring` convert it. */
export function asString(value: Value, what = "value"): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value === null) throw new EvaluationError(`The ${what} is null, which cannot be used as text`);
  throw new EvaluationError(`The ${what} is a ${typeName(value)}, which cannot be used as text`);
}

export function asNumber(value: Value, what = "value"): number {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$/.test(value.trim()))
    return Number(value);
  throw new EvaluationError(`The ${what} must be a number, not ${describeValue(value)}`);
}

export function asBool(value: Value, what = "value"): boolean {
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  throw new EvaluationError(`The ${what} must be a bool, not ${describeValue(value)}`);
}

export function asList(value: Value, what = "value"): Value[] {
  if (Array.isArray(value)) return value;
  throw new EvaluationError(`The ${what} must be a list, not ${describeValue(value)}`);
}

export function asObject(value: Value, what = "value"): ValueObject {
  if (isPlainObject(value)) return value;
  throw new EvaluationError(`The ${what} must be a map or object, not ${describeValue(value)}`);
}

export function describeValue(value: Value): string {
  if (typeof value === "string")
    return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "number" || typeof value === "boolean") return `${typeName(value)} ${String(value)}`;
  return `a ${typeName(value)}`;
}

/** Terraform's `==`: same type and same value, deeply. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => valuesEqual(item, b[i] as Value));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((k) => k in b && valuesEqual(a[k] as Value, b[k] as Value))
    );
  }
  if (a instanceof Ref && b instanceof Ref) return a.toString() === b.toString();
  return false;
}

/** Object keys in Terraform's iteration order (lexical). */
export function sortedEntries(object: ValueObject): Array<[string, Value]> {
  return Object.keys(object)
    .sort()
    .map((key) => [key, object[key] as Value]);
}

/** A set's elements in Terraform's order: strings lexically, numbers numerically, duplicates dropped. */
export function toSet(items: Value[]): Value[] {
  const unique: Value[] = [];
  for (const item of items) if (!unique.some((u) => valuesEqual(u, item))) unique.push(item);
  if (unique.every((u) => typeof u === "string")) return (unique as string[]).sort();
  if (unique.every((u) => typeof u === "number")) return (unique as number[]).sort((x, y) => x - y);
  return unique;
}

/** Joins template parts into a string, or a `Template` when some part is a reference. */
export function joinParts(parts: ReadonlyArray<Value>): Value {
  const out: Array<string | Ref | VarRef> = [];
  for (const part of parts) {
    if (part instanceof Unknown) return part;
    if (part instanceof Ref || part instanceof VarRef) out.push(part);
    else if (part instanceof Template) out.push(...part.parts);
    else if (part instanceof Encoded) return new Unknown("an encoded document inside text");
    else out.push(asString(part, "interpolated value"));
  }
  const merged: Array<string | Ref | VarRef> = [];
  for (const part of out) {
    const last = merged[merged.length - 1];
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  if (merged.length === 0) return "";
  if (merged.length === 1 && typeof merged[0] === "string") return merged[0];
  return new Template(merged);
}
