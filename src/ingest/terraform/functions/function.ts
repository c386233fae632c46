import type { Value } from "../../../model/value.ts";

/** What a function may touch beyond its arguments: only files of the configuration being read. */
export interface FunctionContext {
  /** Reads a file named relative to the module, refusing paths outside it (throws EvaluationError). */
  readFile(path: string): string;
  /** Whether such a file exists (same confinement). */
  fileExists(path: string): boolean;
  /** Parses and renders a template file's text with `vars` (templatefile). */
  renderTemplate(text: string, file: string, vars: Value): Value;
}

/**
 * A Terraform function. `accepts` says what it does with values known only after apply:
 * - `concrete`: any reference or unknown in an argument makes the result unknown (most functions);
 * - `containers`: arguments may be lists and maps holding references (merge, concat, lookup…), but an
 *   argument that is itself a reference makes the result unknown;
 * - `any`: the function handles references itself (jsonencode → an encoded document, join → a template).
 */
export interface TerraformFunction {
  accepts: "concrete" | "containers" | "any";
  /** Allowed argument counts: [min, max]; max Infinity for variadic functions. */
  arity: [number, number];
  call(args: Value[], ctx: FunctionContext): Value;
}

export function fn(
  arity: [number, number],
  call: TerraformFunction["call"],
  accepts: TerraformFunction["accepts"] = "concrete",
): TerraformFunction {
  return { accepts, arity, call };
}
