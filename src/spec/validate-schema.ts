import { readFileSync } from "node:fs";
import type { ErrorObject } from "ajv";
import validateSpec from "../../schemas/generated/spec.validate.js";
import type { Diagnostic } from "./diagnostics.ts";
import { escapePointer, type SourceMap, segmentsOf } from "./source-map.ts";
import { didYouMean } from "./suggest.ts";

/** Checks a document against schemas/spec.schema.json (precompiled) and explains each violation. */
export function validateAgainstSchema(data: unknown, sources: SourceMap): Diagnostic[] {
  if (validateSpec(data)) return [];
  const errors = relevantErrors(validateSpec.errors ?? []);
  return errors.map((error) => explain(error, data, sources));
}

/** Drops errors that only restate another one (the discriminator echoing an unknown `type`). */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const badTypes = new Set(
    errors.filter((e) => e.keyword === "enum" && e.instancePath.endsWith("/type")).map((e) => e.instancePath),
  );
  return errors.filter(
    (e) =>
      !(e.keyword === "discriminator" && badTypes.has(`${e.instancePath}/type`)) &&
      e.keyword !== "oneOf" &&
      e.keyword !== "propertyNames" &&
      e.keyword !== "if",
  );
}

function explain(error: ErrorObject, data: unknown, sources: SourceMap): Diagnostic {
  const segments = segmentsOf(error.instancePath);
  const where = describePath(segments);
  const actual = valueAt(data, segments);
  const at = (pointer = error.instancePath) => sources.value(pointer);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const property = String(params.additionalProperty);
      const pointer = `${error.instancePath}/${escapePointer(property)}`;
      if (segments[0] === "components" && segments.length === 2 && property === "value") {
        return diagnostic(
          `The secret \`${segments[1]}\` has a \`value\`; secret values never go in plinth.yaml.`,
          sources.key(pointer),
          "Remove it and set the value in the cloud's secret store; other components reference the secret as `${name}`.",
        );
      }
      const known = allowedProperties(segments, data);
      return diagnostic(
        `Unknown property \`${property}\` in ${where}.${didYouMean(property, known)}`,
        sources.key(pointer),
        known.length > 0 ? `Allowed: ${known.join(", ")}.` : undefined,
      );
    }
    case "required":
      return diagnostic(
        `${capitalize(where)} is missing the required property \`${params.missingProperty}\`.`,
        sources.key(error.instancePath),
      );
    case "enum": {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (segments.at(-1) === "type" && segments[0] === "components") {
        return diagnostic(
          `Unknown component type \`${String(actual)}\` in ${describePath(segments.slice(0, -1))}.${didYouMean(String(actual), allowed)}`,
          at(),
          `Known types: ${allowed.join(", ")}.`,
        );
      }
      return diagnostic(
        `${capitalize(where)} is \`${String(actual)}\`; it must be one of ${allowed.join(", ")}.${didYouMean(String(actual), allowed)}`,
        at(),
      );
    }
    case "const":
      return diagnostic(`${capitalize(where)} must be \`${String(params.allowedValue)}\`.`, at());
    case "type":
      return diagnostic(
        `${capitalize(where)} must be ${article(String(params.type))}, not ${kindOf(actual)}.`,
        at(),
      );
    case "pattern":
      return explainPattern(error, segments, where, actual, sources);
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return diagnostic(`${capitalize(where)} is ${String(actual)}; ${error.message}.`, at());
    case "maxLength":
      return diagnostic(`${capitalize(where)} is longer than ${params.limit} characters.`, at());
    case "minLength":
      return diagnostic(`${capitalize(where)} must not be empty.`, at());
    case "maxProperties":
    case "maxItems":
      return diagnostic(`${capitalize(where)} has too many entries (at most ${params.limit}).`, at());
    case "minProperties":
    case "minItems":
      return diagnostic(
        `${capitalize(where)} must have at least ${params.limit} entr${params.limit === 1 ? "y" : "ies"}.`,
        at(),
      );
    case "uniqueItems":
      return diagnostic(`${capitalize(where)} lists the same item twice.`, at());
    case "discriminator":
      return diagnostic(`${capitalize(where)} needs a \`type\`.`, at());
    default:
      return diagnostic(`${capitalize(where)} ${error.message ?? "is invalid"}.`, at());
  }
}

function explainPattern(
  error: ErrorObject,
  segments: string[],
  where: string,
  actual: unknown,
  sources: SourceMap,
): Diagnostic {
  const pattern = String((error.params as { pattern: string }).pattern);
  const propertyName = (error as ErrorObject & { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    return diagnostic(
      `\`${propertyName}\` is not a valid name in ${where}: names are DNS-safe (lowercase letters, digits and hyphens, starting with a letter, at most 40 characters).`,
      sources.key(`${error.instancePath}/${escapePointer(propertyName)}`),
    );
  }
  if (pattern.startsWith("^\\$\\{")) {
    return diagnostic(
      `${capitalize(where)} must be a reference to another component, such as \`\${net}\`; got \`${String(actual)}\`.`,
      sources.value(error.instancePath),
    );
  }
  if (segments.at(-1) === "app" || segments.at(-1) === "subnet") {
    return diagnostic(
      `${capitalize(where)} \`${String(actual)}\` is not DNS-safe: use lowercase letters, digits and hyphens, starting with a letter (at most 40 characters).`,
      sources.value(error.instancePath),
    );
  }
  return diagnostic(
    `${capitalize(where)} \`${truncate(String(actual))}\` has the wrong format.`,
    sources.value(error.instancePath),
  );
}

function diagnostic(message: string, location: Diagnostic["location"], hint?: string): Diagnostic {
  return { severity: "error", message, location, ...(hint ? { hint } : {}) };
}

/** `components.db.size` → "`components.db.size`"; the document itself → "plinth.yaml". */
function describePath(segments: string[]): string {
  if (segments.length === 0) return "the document";
  if (segments[0] === "components" && segments.length === 2) return `component \`${segments[1]}\``;
  if (segments[0] === "environments" && segments.length === 2) return `environment \`${segments[1]}\``;
  return `\`${segments
    .map((s, i) => (/^\d+$/.test(s) && i > 0 ? `[${s}]` : s))
    .join(".")
    .replaceAll(".[", "[")}\``;
}

type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  discriminator?: { propertyName: string };
};
let specSchema: SchemaNode & { $defs: Record<string, SchemaNode> };

/**
 * Property names the schema allows for the object at `segments`. Standalone validators report schema
 * paths relative to the last `$ref`, so this walks the schema along the instance path instead, choosing
 * a component's branch by its `type`.
 */
function allowedProperties(segments: string[], data: unknown): string[] {
  specSchema ??= JSON.parse(readFileSync(new URL("../../schemas/spec.schema.json", import.meta.url), "utf8"));
  const resolve = (node: SchemaNode | undefined, value: unknown): SchemaNode | undefined => {
    let current = node;
    if (current?.$ref) current = specSchema.$defs[current.$ref.replace("#/$defs/", "")];
    if (current?.discriminator) {
      const tag = (value as Record<string, unknown> | undefined)?.[current.discriminator.propertyName];
      current = specSchema.$defs[String(tag)];
    }
    return current;
  };
  let node = resolve(specSchema, data);
  for (let i = 0; i < segments.length && node; i++) {
    const segment = segments[i] as string;
    const child =
      node.properties?.[segment] ??
      (typeof node.additionalProperties === "object" ? node.additionalProperties : undefined) ??
      node.items;
    node = resolve(child, valueAt(data, segments.slice(0, i + 1)));
  }
  return Object.keys(node?.properties ?? {}).filter((p) => p !== "type");
}

function valueAt(data: unknown, segments: string[]): unknown {
  let node = data;
  for (const s of segments) node = (node as Record<string, unknown> | undefined)?.[s];
  return node;
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${article(typeof value)} (\`${truncate(String(value))}\`)`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    boolean: "true or false",
    integer: "a whole number",
    number: "a number",
    null: "null",
  };
  return names[type] ?? type;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
