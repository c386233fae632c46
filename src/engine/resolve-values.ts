import {
  type AttributePath,
  Encoded,
  formatPath,
  isPlainObject,
  Ref,
  setOwn,
  Template,
  Unknown,
  type Value,
  type ValueObject,
  VarRef,
} from "../model/value.ts";

/** Where references get their values; `undefined` means "known only after apply". */
export interface ValueSource {
  attribute(ref: Ref): Value | undefined;
  variable(name: string): Value | undefined;
}

/**
 * A property value with every reference replaced by its value where the value is known: a fully
 * known value is plain JSON (encoded documents become their strings); otherwise the unknown parts stay
 * as Ref/Template/VarRef/Encoded, which plans show as "(known after apply)".
 */
export function resolveValue(value: Value, source: ValueSource): Value {
  if (typeof value !== "object" || value === null) return value;
  if (value instanceof Ref) return source.attribute(value) ?? value;
  if (value instanceof VarRef) return source.variable(value.name) ?? value;
  if (value instanceof Template) {
    const parts: Array<string | Ref | VarRef> = [];
    for (const part of value.parts) {
      const resolved = typeof part === "string" ? part : resolveValue(part, source);
      const piece = resolved instanceof Ref || resolved instanceof VarRef ? resolved : textOf(resolved);
      if (typeof piece === "string" && typeof parts.at(-1) === "string") parts[parts.length - 1] += piece;
      else parts.push(piece);
    }
    return parts.every((p) => typeof p === "string") ? parts.join("") : new Template(parts);
  }
  if (value instanceof Encoded) {
    const inner = resolveValue(value.value, source);
    if (!isKnown(inner)) return new Encoded(value.encoding, inner);
    return value.encoding === "json"
      ? JSON.stringify(inner)
      : Buffer.from(typeof inner === "string" ? inner : JSON.stringify(inner)).toString("base64");
  }
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, source));
  if (isPlainObject(value)) {
    const out: ValueObject = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, k, resolveValue(v, source));
    return out;
  }
  return value;
}

/** Whether a value holds nothing left to resolve. */
export function isKnown(value: Value): boolean {
  if (typeof value !== "object" || value === null) return true;
  if (value instanceof Ref || value instanceof Template || value instanceof VarRef) return false;
  if (value instanceof Encoded || value instanceof Unknown) return false;
  if (Array.isArray(value)) return value.every(isKnown);
  if (isPlainObject(value)) return Object.values(value).every(isKnown);
  return true;
}

/** The value at `path` inside `value`, or undefined. */
export function valueAt(value: Value | undefined, path: AttributePath): Value | undefined {
  let current: Value | undefined = value;
  for (const step of path) {
    if (typeof step === "number") current = Array.isArray(current) ? current[step] : undefined;
    else current = isPlainObject(current) && Object.hasOwn(current, step) ? current[step] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

export function describeRef(ref: Ref): string {
  return `${ref.address}${formatPath(ref.path)}`;
}

function textOf(value: Value): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
