import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { InputError, type SourceLocation } from "../../errors.ts";
import type { Value } from "../../model/value.ts";
import { readSourceFile } from "../read-source-file.ts";
import { evaluate, LocatedEvaluationError, type Scope } from "./evaluate-expression.ts";
import { jsonDecode } from "./functions/string-functions.ts";
import { parseHcl } from "./hcl/parse-hcl.ts";
import type { Expression } from "./hcl/syntax.ts";
import { isConcrete } from "./values.ts";

/** A root variable's value and where it was set, before conversion to the variable's type. */
export type VariableInput =
  | { kind: "value"; value: Value; location: SourceLocation }
  /** `-var name=text`: a string for primitive types, an HCL expression for collections. */
  | { kind: "text"; text: string };

/** A scope with no names: tfvars hold constants only. */
const CONSTANTS: Scope = {
  file: "",
  resolve: () => undefined,
  call: () => {
    throw new LocatedEvaluationError("Functions cannot be called in variable files", { line: 1, col: 1 });
  },
};

/**
 * The root module's variable values in Terraform's order of precedence, later winning:
 * `terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in name order, then each
 * `-var-file` in order, then `-var`. (Terraform also reads `TF_VAR_*` first; plinth reads no environment.)
 */
export function rootInputs(
  directory: string,
  displayDirectory: string,
  varFiles: ReadonlyArray<{ path: string; display: string }>,
  vars: Readonly<Record<string, string>>,
): Map<string, VariableInput> {
  const inputs = new Map<string, VariableInput>();
  const names = existsSync(directory) ? readdirSync(directory).sort() : [];
  const automatic = [
    ...names.filter((n) => n === "terraform.tfvars"),
    ...names.filter((n) => n === "terraform.tfvars.json"),
    ...names.filter((n) => n.endsWith(".auto.tfvars") || n.endsWith(".auto.tfvars.json")),
  ].map((n) => ({
    path: join(directory, n),
    display: displayDirectory === "." ? n : join(displayDirectory, n),
  }));
  for (const file of [...automatic, ...varFiles]) {
    for (const [name, input] of readVariableFile(file.path, file.display)) inputs.set(name, input);
  }
  for (const [name, text] of Object.entries(vars)) inputs.set(name, { kind: "text", text });
  return inputs;
}

function readVariableFile(path: string, display: string): Map<string, VariableInput> {
  if (!existsSync(path)) {
    throw new InputError(`The variable file ${display} does not exist.`, {
      hint: "Check the --var-file path (relative to where plinth runs).",
    });
  }
  const text = readSourceFile(path, display);
  const out = new Map<string, VariableInput>();
  if (basename(path).endsWith(".json")) {
    let data: Value;
    try {
      data = jsonDecode(text);
    } catch {
      throw new InputError(`${display} is not valid JSON.`);
    }
    if (data === null || typeof data !== "object" || Array.isArray(data))
      throw new InputError(`${display} must be a JSON object of variable values.`);
    for (const [name, value] of Object.entries(data))
      out.set(name, { kind: "value", value, location: { file: display, line: 1, col: 1 } });
    return out;
  }
  const hcl = parseHcl(text, display);
  const block = hcl.body.blocks[0];
  if (block) {
    throw new InputError(
      `A variable file holds only \`name = value\` lines, not a \`${block.type}\` block.`,
      {
        location: { file: display, ...block.pos },
      },
    );
  }
  for (const attribute of hcl.body.attributes) {
    out.set(attribute.name, {
      kind: "value",
      value: constant(attribute.expression, display),
      location: { file: display, ...attribute.pos },
    });
  }
  return out;
}

/** A constant expression (a tfvars value, a `-var` collection). */
export function constant(expression: Expression, file: string): Value {
  try {
    const value = evaluate(expression, { ...CONSTANTS, file });
    if (!isConcrete(value))
      throw new LocatedEvaluationError("A variable value must be a constant", expression.pos);
    return value;
  } catch (error) {
    if (!(error instanceof LocatedEvaluationError)) throw error;
    const message = /no `/.test(error.message)
      ? "A variable value must be a constant: it cannot refer to variables, resources or other values."
      : `${error.message}.`;
    throw new InputError(message, { location: { file, ...error.pos } });
  }
}
