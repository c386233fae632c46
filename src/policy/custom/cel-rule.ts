import { type ParseResult, parse } from "@marcbachmann/cel-js";
import { InputError, type SourceLocation } from "../../errors.ts";
import { CLOUDS, type Cloud } from "../../model/graph.ts";
import { Encoded, isPlainObject, type Value } from "../../model/value.ts";
import { describeUnresolved, isUnresolved, type ResourceView, type Unresolved } from "../resource-view.ts";
import type { Rule } from "../rule.ts";
import type { FrameworkMapping, Severity, Verdict } from "../types.ts";

/** A custom rule as written in plinth-policy.yaml (schemas/policy-rules.schema.json). */
export interface CustomRuleDefinition {
  id: string;
  title: string;
  description?: string;
  severity: Severity;
  resourceTypes: string[];
  condition: string;
  message?: string;
  remediation?: string;
  frameworks?: FrameworkMapping[];
  aliases?: string[];
}

/** Raised inside an evaluation when the condition reads a value not known statically. */
class UnresolvedRead extends Error {
  readonly path: string;
  readonly value: Unresolved;
  constructor(path: string, value: Unresolved) {
    super(`\`${path}\` is not known statically`);
    this.path = path;
    this.value = value;
  }
}

/**
 * Compiles a custom rule: its CEL condition is parsed once, then evaluated per resource with
 * `resource` (the arguments, blocks as lists), `address`, `type` and `name`. Reading a value that is
 * not known statically makes the result unknown unless CEL's `||`/`&&` decide without it.
 */
export function compileCustomRule(definition: CustomRuleDefinition, at: SourceLocation): Rule {
  let program: ParseResult;
  try {
    program = parse(definition.condition);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    throw new InputError(`The condition of rule ${definition.id} is not valid CEL: ${reason}`, {
      location: at,
      hint: "See https://github.com/google/cel-spec/blob/master/doc/langdef.md.",
    });
  }
  const cloud = cloudOf(definition.resourceTypes);
  return {
    meta: {
      id: definition.id,
      title: definition.title,
      description: definition.description ?? definition.title,
      severity: definition.severity,
      cloud,
      resourceTypes: { terraform: definition.resourceTypes, cloudformation: [] },
      remediation: {
        summary: definition.remediation ?? definition.title,
        terraform: definition.remediation ?? "",
      },
      frameworks: definition.frameworks ?? [],
      aliases: definition.aliases ?? [],
      references: [`${at.file}:${at.line}`],
    },
    check: (resource) => evaluateCondition(program, definition, resource),
  };
}

function evaluateCondition(
  program: ParseResult,
  definition: CustomRuleDefinition,
  resource: ResourceView,
): Verdict {
  let result: unknown;
  try {
    result = program({
      resource: celValue(resource.node.properties, ""),
      address: resource.address,
      type: resource.type,
      name: resource.node.name,
    });
  } catch (error) {
    if (error instanceof UnresolvedRead)
      return {
        status: "unknown",
        message: `${error.message}: ${describeUnresolved(error.value)}.`,
        attribute: error.path,
      };
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    return {
      status: "unknown",
      message: `The condition could not be evaluated: ${reason} (use has() for optional arguments).`,
    };
  }
  if (result === true) return { status: "pass", message: `${definition.title}: the condition holds.` };
  if (result === false)
    return {
      status: "fail",
      message: definition.message ?? `${definition.title}: the condition does not hold.`,
    };
  return { status: "unknown", message: `The condition returned ${typeof result}, not true or false.` };
}

/** The arguments as CEL sees them: plain maps and lists; reading an unresolved value aborts. */
function celValue(value: Value, path: string): unknown {
  if (value instanceof Encoded) return celValue(value.value, path);
  if (Array.isArray(value))
    return guard(
      value.map((v, i) => celValue(v, `${path}[${i}]`)),
      path,
      value,
    );
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = celValue(v, path ? `${path}.${k}` : k);
    return guard(out, path, value);
  }
  return value;
}

/** A proxy that throws when the condition reads an unresolved member. */
function guard<T extends object>(target: T, path: string, source: Value): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "string") {
        const original = Array.isArray(source)
          ? source[Number(key)]
          : isPlainObject(source)
            ? source[key]
            : undefined;
        if (original !== undefined && isUnresolved(original)) {
          throw new UnresolvedRead(
            Array.isArray(source) ? `${path}[${key}]` : path ? `${path}.${key}` : key,
            original,
          );
        }
      }
      return Reflect.get(object, key, receiver);
    },
  });
}

function cloudOf(types: string[]): Cloud {
  const prefix = types[0]?.split("_")[0];
  const cloud = prefix === "google" ? "gcp" : prefix === "azurerm" ? "azure" : prefix;
  return (CLOUDS as ReadonlyArray<string>).includes(cloud ?? "") ? (cloud as Cloud) : "aws";
}
