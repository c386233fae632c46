import { isPlainObject, setOwn, type Value, type ValueObject } from "../../model/value.ts";
import { evaluate, type Scope } from "./evaluate-expression.ts";
import type { Expression } from "./hcl/syntax.ts";
import { asBool, asNumber, asString, EvaluationError, isPending, toSet } from "./values.ts";

/** A variable's `type` constraint, read from its expression. */
export type VariableType =
  | { kind: "any" }
  | { kind: "string" | "number" | "bool" }
  | { kind: "list" | "set" | "map"; element: VariableType }
  | { kind: "tuple"; elements: VariableType[] }
  | {
      kind: "object";
      attributes: Record<string, { type: VariableType; optional: boolean; default?: Expression }>;
    };

const ANY: VariableType = { kind: "any" };

/** Reads `list(object({ a = string, b = optional(number, 1) }))` and friends; anything odd is `any`. */
export function readVariableType(expression: Expression | undefined): VariableType {
  if (!expression) return ANY;
  if (expression.kind === "variable") {
    const name = expression.name;
    return name === "string" || name === "number" || name === "bool" ? { kind: name } : ANY;
  }
  if (expression.kind !== "call") return ANY;
  const [arg] = expression.args;
  switch (expression.name) {
    case "list":
    case "set":
    case "map":
      return { kind: expression.name, element: readVariableType(arg) };
    case "tuple":
      return arg?.kind === "tuple" ? { kind: "tuple", elements: arg.items.map(readVariableType) } : ANY;
    case "object": {
      if (arg?.kind !== "object") return ANY;
      const attributes: Extract<VariableType, { kind: "object" }>["attributes"] = {};
      for (const item of arg.items) {
        if (item.key.kind !== "literal" || typeof item.key.value !== "string") continue;
        const v = item.value;
        if (v.kind === "call" && v.name === "optional") {
          setOwn(attributes, item.key.value, {
            type: readVariableType(v.args[0]),
            optional: true,
            ...(v.args[1] ? { default: v.args[1] } : {}),
          });
        } else {
          setOwn(attributes, item.key.value, { type: readVariableType(v), optional: false });
        }
      }
      return { kind: "object", attributes };
    }
    default:
      return ANY;
  }
}

/** Whether `-var` text for this type is a literal string (primitive types) or an HCL expression. */
export function takesRawText(type: VariableType): boolean {
  return type.kind === "string" || type.kind === "number" || type.kind === "bool" || type.kind === "any";
}

/**
 * Converts a value to a variable's type as Terraform does: `"5"` to 5 for a number, tuples to sets,
 * missing optional attributes filled with their defaults. Values known only after apply pass through.
 */
export function convertToType(value: Value, type: VariableType, scope: Scope): Value {
  if (value === null || isPending(value)) return value;
  switch (type.kind) {
    case "any":
      return value;
    case "string":
      return asString(value, "variable value");
    case "number":
      return asNumber(value, "variable value");
    case "bool":
      return asBool(value, "variable value");
    case "list":
    case "set": {
      if (!Array.isArray(value))
        throw new EvaluationError(`a ${type.kind} is required, not a ${typeof value}`);
      const items = value.map((v) => convertToType(v, type.element, scope));
      return type.kind === "set" ? toSet(items) : items;
    }
    case "tuple":
      if (!Array.isArray(value)) throw new EvaluationError("a tuple is required");
      return value.map((v, i) => convertToType(v, type.elements[i] ?? ANY, scope));
    case "map": {
      if (!isPlainObject(value)) throw new EvaluationError("a map is required");
      const out: ValueObject = {};
      for (const [k, v] of Object.entries(value)) setOwn(out, k, convertToType(v, type.element, scope));
      return out;
    }
    case "object": {
      if (!isPlainObject(value)) throw new EvaluationError("an object is required");
      const out: ValueObject = {};
      for (const [name, attribute] of Object.entries(type.attributes)) {
        if (Object.hasOwn(value, name) && value[name] !== null) {
          setOwn(out, name, convertToType(value[name] as Value, attribute.type, scope));
        } else if (attribute.optional) {
          const fallback = attribute.default ? evaluate(attribute.default, scope) : null;
          setOwn(out, name, convertToType(fallback, attribute.type, scope));
        } else if (Object.hasOwn(value, name)) {
          setOwn(out, name, null);
        } else {
          throw new EvaluationError(`the attribute \`${name}\` is required`);
        }
      }
      return out;
    }
  }
}
