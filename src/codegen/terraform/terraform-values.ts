import type { SchemaBlock, SchemaBlockType } from "../../catalog/provider-schemas.ts";
import {
  type AttributePath,
  Encoded,
  isPlainObject,
  Ref,
  Template,
  Unknown,
  type Value,
  VarRef,
} from "../../model/value.ts";
import { UnsupportedByFormatError } from "../errors.ts";
import {
  attribute,
  block,
  type HclBodyItem,
  type HclExpr,
  isIdentifier,
  literal,
  traversal,
} from "./hcl-syntax.ts";
import { quoteHcl } from "./hcl-writer.ts";

/**
 * A resource's properties as HCL body items, in Terraform's canonical layout: arguments in the graph's
 * order, then nested blocks (one per element of a block list). With a schema, blocks are told from map
 * arguments by it; without one (native types outside plinth's bundled schemas), a list of objects is
 * taken for a block, as Terraform's JSON shape says.
 */
export function resourceBody(
  properties: Record<string, Value>,
  schema: SchemaBlock | undefined,
  where: string,
): HclBodyItem[] {
  const attributes: HclBodyItem[] = [];
  const blocks: HclBodyItem[] = [];
  const blockTypes = schema ? blockTypesOf(schema) : undefined;
  for (const name in properties) {
    const value = properties[name] as Value;
    if (value === null) continue;
    const nested = blockTypes?.get(name);
    const isBlock = blockTypes ? nested !== undefined : isBlockList(value);
    if (!isBlock) {
      attributes.push(attribute(name, hclValue(value, where, name)));
      continue;
    }
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      if (!isPlainObject(item))
        throw new UnsupportedByFormatError(
          `${where}.${name}[${index}] is not known statically; Terraform needs a block there.`,
        );
      blocks.push(block(name, [], resourceBody(item, nested?.block, `${where}.${name}[${index}]`)));
    });
  }
  if (blocks.length === 0) return attributes;
  if (attributes.length > 0) attributes.push({ kind: "blank" });
  for (const item of blocks) attributes.push(item);
  return attributes;
}

// A schema's nested block types, as a Map: looked up for every argument of thousands of resources.
const blockTypes = new WeakMap<SchemaBlock, Map<string, SchemaBlockType>>();

function blockTypesOf(schema: SchemaBlock): Map<string, SchemaBlockType> {
  let types = blockTypes.get(schema);
  if (!types) {
    types = new Map(Object.entries(schema.block_types ?? {}));
    blockTypes.set(schema, types);
  }
  return types;
}

function isBlockList(value: Value): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isPlainObject(item));
}

/**
 * A graph value as an HCL expression: references as traversals, documents as `jsonencode`/`base64encode`.
 * Errors name the value as `where.name` (built only then: this runs for every argument).
 */
export function hclValue(value: Value, where: string, name?: string): HclExpr {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value))
      throw new UnsupportedByFormatError(`${at(where, name)} is ${value}, which Terraform cannot represent.`);
    return literal(value);
  }
  if (value instanceof Ref) return traversal(referenceText(value));
  if (value instanceof VarRef) return traversal(`var.${value.name}`);
  if (value instanceof Template)
    return {
      kind: "template",
      parts: value.parts.map((part) => (typeof part === "string" ? part : hclValue(part, where, name))),
    };
  if (value instanceof Encoded)
    return {
      kind: "call",
      name: value.encoding === "json" ? "jsonencode" : "base64encode",
      args: [hclValue(value.value, where, name)],
    };
  if (value instanceof Unknown)
    throw new UnsupportedByFormatError(
      `${at(where, name)} is not known statically (${value.reason}); it cannot be generated.`,
    );
  if (Array.isArray(value)) return { kind: "tuple", items: value.map((item) => hclValue(item, where, name)) };
  const entries: Array<readonly [string, HclExpr]> = [];
  for (const key in value) entries.push([key, hclValue(value[key] as Value, where, name)]);
  return { kind: "object", entries };
}

function at(where: string, name: string | undefined): string {
  return name === undefined ? where : `${where}.${name}`;
}

/** `aws_db_instance.db.master_user_secret[0].secret_arn`; map keys that are not identifiers as `["key"]`. */
export function referenceText(ref: Ref): string {
  return `${ref.address}${pathText(ref.path)}`;
}

function pathText(path: AttributePath): string {
  let text = "";
  for (const step of path) {
    if (typeof step === "number") text += `[${step}]`;
    else text += isIdentifier(step) ? `.${step}` : `[${quoteHcl(step)}]`;
  }
  return text;
}
