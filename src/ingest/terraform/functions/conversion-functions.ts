import { isPlainObject, type Value } from "../../../model/value.ts";
import { asBool, asNumber, asString, EvaluationError, isPending, toSet } from "../values.ts";
import { fn, type TerraformFunction } from "./function.ts";

const pendingOr = (value: Value, convert: (v: Value) => Value): Value =>
  value === null || isPending(value) ? value : convert(value);

/** Type conversions; converting a reference keeps the reference (its type is checked at apply). */
export const conversionFunctions: Record<string, TerraformFunction> = {
  tostring: fn([1, 1], ([v]) => pendingOr(v as Value, (x) => asString(x)), "any"),
  tonumber: fn([1, 1], ([v]) => pendingOr(v as Value, (x) => asNumber(x)), "any"),
  tobool: fn([1, 1], ([v]) => pendingOr(v as Value, (x) => asBool(x)), "any"),
  tolist: fn(
    [1, 1],
    ([v]) => {
      if (Array.isArray(v)) return v;
      throw new EvaluationError("the argument must be a list or set");
    },
    "containers",
  ),
  toset: fn(
    [1, 1],
    ([v]) => {
      if (Array.isArray(v)) return toSet(v);
      throw new EvaluationError("the argument must be a list or set");
    },
    "containers",
  ),
  tomap: fn(
    [1, 1],
    ([v]) => {
      if (isPlainObject(v as Value)) return v as Value;
      throw new EvaluationError("the argument must be a map or object");
    },
    "containers",
  ),
  sensitive: fn([1, 1], ([v]) => v as Value, "any"),
  nonsensitive: fn([1, 1], ([v]) => v as Value, "any"),
  type: fn([1, 1], ([v]) => v as Value, "any"),
};
