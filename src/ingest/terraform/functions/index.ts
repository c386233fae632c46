import { Unknown, type Value } from "../../../model/value.ts";
import { unknownFrom } from "../evaluate-expression.ts";
import { EvaluationError, isConcrete, isPending } from "../values.ts";
import { collectionFunctions } from "./collection-functions.ts";
import { conversionFunctions } from "./conversion-functions.ts";
import { dateFunctions } from "./date-functions.ts";
import { fileFunctions } from "./file-functions.ts";
import type { FunctionContext, TerraformFunction } from "./function.ts";
import { numberFunctions } from "./number-functions.ts";
import { stringFunctions } from "./string-functions.ts";

export type { FunctionContext } from "./function.ts";

const FUNCTIONS: Readonly<Record<string, TerraformFunction>> = {
  ...collectionFunctions,
  ...stringFunctions,
  ...numberFunctions,
  ...conversionFunctions,
  ...fileFunctions,
  ...dateFunctions,
};

/** Functions whose result Terraform itself knows only when it runs. */
const RUN_TIME_FUNCTIONS = new Set([
  "timestamp",
  "plantimestamp",
  "uuid",
  "bcrypt",
  "uuidv5",
  "timeadd",
  "ephemeralasnull",
]);

/**
 * Calls a Terraform function by name (`provider::…` functions and the few that depend on the moment of
 * the run give an `Unknown`). Wrong argument counts and types throw an `EvaluationError`.
 */
export function callFunction(name: string, args: Value[], ctx: FunctionContext): Value {
  if (RUN_TIME_FUNCTIONS.has(name)) return new Unknown(`${name}() is known only when Terraform runs`);
  if (name.startsWith("provider::"))
    return new Unknown(`the provider function ${name}() is not evaluated by plinth`);
  const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (!fn) throw new EvaluationError(`there is no function named \`${name}\` that plinth can evaluate`);
  const [min, max] = fn.arity;
  if (args.length < min || args.length > max) {
    const expected =
      min === max ? `${min}` : max === Number.POSITIVE_INFINITY ? `at least ${min}` : `${min} to ${max}`;
    throw new EvaluationError(
      `expects ${expected} argument${min === 1 && max === 1 ? "" : "s"}, got ${args.length}`,
    );
  }
  if (fn.accepts === "concrete") {
    const pending = args.find((a) => !isConcrete(a));
    if (pending !== undefined) return unknownFrom(pending, `${name}() of a value known only after apply`);
  } else if (fn.accepts === "containers") {
    const pending = args.find((a) => isPending(a));
    if (pending !== undefined) return unknownFrom(pending, `${name}() of a value known only after apply`);
  }
  return fn.call(args, ctx);
}

/** Every function name plinth evaluates, for documentation and tests. */
export const FUNCTION_NAMES: ReadonlyArray<string> = Object.keys(FUNCTIONS).sort();
