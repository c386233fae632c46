import {
  type AttributePath,
  Encoded,
  formatPath,
  isPlainObject,
  Ref,
  Template,
  Unknown,
  type Value,
  VarRef,
} from "../model/value.ts";
import type { CtyType, SchemaAttribute, SchemaBlock } from "./provider-schemas.ts";

export interface PropertyProblem {
  path: AttributePath;
  message: string;
  severity: "error" | "warning";
}

/**
 * Checks resource properties against a Terraform resource schema: every attribute and block exists and
 * has the right shape, every required one is set, nothing computed-only is set. Values known only at
 * apply time (references, variables, unknowns) fit any type.
 */
export function checkProperties(properties: Record<string, Value>, block: SchemaBlock): PropertyProblem[] {
  const problems: PropertyProblem[] = [];
  checkBlock(properties, block, [], problems);
  return problems;
}

function checkBlock(
  values: Record<string, Value>,
  block: SchemaBlock,
  path: Array<string | number>,
  problems: PropertyProblem[],
): void {
  const attributes = block.attributes ?? {};
  const blocks = block.block_types ?? {};
  const problem = (at: Array<string | number>, message: string, severity: "error" | "warning" = "error") =>
    problems.push({ path: at, message, severity });

  for (const [name, value] of Object.entries(values)) {
    const at = [...path, name];
    const attribute = attributes[name];
    const nested = blocks[name];
    if (attribute) {
      if (attribute.computed && !attribute.optional && !attribute.required) {
        problem(at, `\`${formatPath(at).slice(1)}\` is computed by the provider and cannot be set`);
      } else {
        if (attribute.deprecated) problem(at, `\`${formatPath(at).slice(1)}\` is deprecated`, "warning");
        checkAttribute(value, attribute, at, problems);
      }
    } else if (nested) {
      if (isDeferred(value)) continue;
      const single = nested.nesting_mode === "single" || nested.nesting_mode === "group";
      const items: Value[] = single ? [value] : Array.isArray(value) ? value : [];
      if (!single && !Array.isArray(value)) {
        problem(at, `block \`${formatPath(at).slice(1)}\` must be a list of blocks`);
        continue;
      }
      if (nested.block.deprecated)
        problem(at, `block \`${formatPath(at).slice(1)}\` is deprecated`, "warning");
      if (nested.max_items !== undefined && items.length > nested.max_items) {
        problem(at, `block \`${formatPath(at).slice(1)}\` allows at most ${nested.max_items}`);
      }
      items.forEach((item, index) => {
        const itemPath = single ? at : [...at, index];
        if (isPlainObject(item)) checkBlock(item, nested.block, itemPath, problems);
        else if (!isDeferred(item))
          problem(itemPath, `block \`${formatPath(itemPath).slice(1)}\` must be a mapping`);
      });
    } else {
      problem(at, `\`${formatPath(at).slice(1)}\` is not an argument of this resource`);
    }
  }

  for (const [name, attribute] of Object.entries(attributes)) {
    if (attribute.required && !(name in values))
      problem([...path, name], `required argument \`${name}\` is not set`);
  }
  for (const [name, nested] of Object.entries(blocks)) {
    if ((nested.min_items ?? 0) > 0 && !(name in values))
      problem([...path, name], `required block \`${name}\` is not set`);
  }
}

function checkAttribute(
  value: Value,
  attribute: SchemaAttribute,
  path: Array<string | number>,
  problems: PropertyProblem[],
): void {
  if (attribute.nested_type) {
    const { attributes, nesting_mode } = attribute.nested_type;
    const items = nesting_mode === "single" ? [value] : Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (isPlainObject(item)) checkBlock(item, { attributes }, path, problems);
    }
    return;
  }
  if (attribute.type !== undefined) {
    const mismatch = typeMismatch(value, attribute.type);
    if (mismatch)
      problems.push({ path, message: `\`${formatPath(path).slice(1)}\` ${mismatch}`, severity: "error" });
  }
}

/** Why `value` does not fit the cty type, or undefined when it does. */
export function typeMismatch(value: Value, type: CtyType): string | undefined {
  if (isDeferred(value) || value === null) return undefined;
  if (typeof type === "string") {
    switch (type) {
      case "string":
        return typeof value === "string" || value instanceof Template || value instanceof Encoded
          ? undefined
          : "must be a string";
      case "number":
        return typeof value === "number" ? undefined : "must be a number";
      case "bool":
        return typeof value === "boolean" ? undefined : "must be true or false";
      default:
        return undefined; // dynamic
    }
  }
  const [kind, element] = type;
  switch (kind) {
    case "list":
    case "set":
      if (!Array.isArray(value)) return `must be a ${kind}`;
      return value.map((v) => typeMismatch(v, element as CtyType)).find(Boolean);
    case "map":
      if (!isPlainObject(value)) return "must be a map";
      return Object.values(value)
        .map((v) => typeMismatch(v, element as CtyType))
        .find(Boolean);
    case "object": {
      if (!isPlainObject(value)) return "must be an object";
      const fields = element as Record<string, CtyType>;
      const extra = Object.keys(value).find((k) => !(k in fields));
      return extra ? `has no field \`${extra}\`` : undefined;
    }
    default:
      return undefined;
  }
}

function isDeferred(value: Value): boolean {
  return value instanceof Ref || value instanceof VarRef || value instanceof Unknown;
}
