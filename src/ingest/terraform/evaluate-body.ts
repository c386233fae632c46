import type { SchemaBlock } from "../../catalog/provider-schemas.ts";
import type { SourceLocation } from "../../errors.ts";
import {
  type AttributePath,
  formatPath,
  isPlainObject,
  setOwn,
  type Value,
  type ValueObject,
} from "../../model/value.ts";
import type { Body, Expression } from "./hcl/syntax.ts";
import type { InstanceKey, ModuleInstance } from "./module-instance.ts";
import { isPending } from "./values.ts";

/** Arguments and blocks of a resource that configure Terraform, not the resource. */
const META_ARGUMENTS = new Set(["count", "for_each", "provider", "depends_on"]);
const META_BLOCKS = new Set(["lifecycle", "provisioner", "connection"]);

export interface EvaluatedBody {
  properties: ValueObject;
  /** By path as `formatPath` prints it without the leading dot: `versioning[0].enabled`. */
  sources: Record<string, SourceLocation>;
  sensitive: AttributePath[];
  /** Why some blocks were not read (`dynamic` blocks over values known only after apply). */
  incomplete?: string;
}

interface BodyContext {
  module: ModuleInstance;
  file: string;
  key: InstanceKey;
  bindings: ReadonlyMap<string, Value>;
  sensitiveVariables: ReadonlySet<string>;
  out: EvaluatedBody;
}

/**
 * A resource body → its properties in Terraform's JSON shape: arguments by name, nested blocks as lists
 * of objects (one object for `single` nesting per the provider schema), `dynamic` blocks expanded.
 * Records where each argument was set, and which are sensitive (by schema, or from a sensitive variable).
 */
export function evaluateBody(
  module: ModuleInstance,
  body: Body,
  file: string,
  key: InstanceKey,
  schema: SchemaBlock | undefined,
): EvaluatedBody {
  const sensitiveVariables = new Set(
    [...module.config.variables]
      .filter(([, d]) => isTrue(d.block.body.attributes.find((a) => a.name === "sensitive")?.expression))
      .map(([n]) => n),
  );
  const out: EvaluatedBody = { properties: {}, sources: {}, sensitive: [] };
  const ctx: BodyContext = { module, file, key, bindings: new Map(), sensitiveVariables, out };
  out.properties = evaluateBlockBody(ctx, body, schema, [], true);
  return out;
}

function evaluateBlockBody(
  ctx: BodyContext,
  written: Body,
  schema: SchemaBlock | undefined,
  path: AttributePath,
  top: boolean,
): ValueObject {
  const properties: ValueObject = {};
  const body = withSchemaBlocks(written, schema);
  for (const attribute of body.attributes) {
    if (top && META_ARGUMENTS.has(attribute.name)) continue;
    const attributePath = [...path, attribute.name];
    const inAttribute = writtenIn(ctx, attribute.file);
    const value = ctx.module.evaluate(attribute.expression, inAttribute.file, ctx.key, ctx.bindings);
    setOwn(properties, attribute.name, value);
    ctx.out.sources[formatPath(attributePath).slice(1)] = { file: inAttribute.file, ...attribute.pos };
    recordObjectSources(inAttribute, attribute.expression, attributePath);
    if (
      schema?.attributes?.[attribute.name]?.sensitive ||
      refersToSensitive(attribute.expression, ctx.sensitiveVariables)
    )
      ctx.out.sensitive.push(attributePath);
  }
  const lists = new Map<string, Value[]>();
  const append = (type: string, item: ValueObject) => {
    const list = lists.get(type) ?? [];
    list.push(item);
    lists.set(type, list);
  };
  for (const block of body.blocks) {
    if (top && META_BLOCKS.has(block.type)) continue;
    const inBlock = writtenIn(ctx, block.file);
    if (block.type === "dynamic") {
      const type = block.labels[0];
      if (!type) continue;
      const forEach = block.body.attributes.find((a) => a.name === "for_each");
      const iterator = block.body.attributes.find((a) => a.name === "iterator")?.expression;
      const name = iterator?.kind === "variable" ? iterator.name : type;
      const content = block.body.blocks.find((b) => b.type === "content");
      if (!forEach || !content) continue;
      const collection = ctx.module.evaluate(forEach.expression, inBlock.file, ctx.key, ctx.bindings);
      if (isPending(collection)) {
        ctx.out.incomplete ??= `the \`dynamic "${type}"\` blocks depend on values known only after apply`;
        ctx.module.warn(
          `The \`dynamic "${type}"\` blocks depend on values known only after apply; they are not read.`,
          { file: inBlock.file, ...block.pos },
        );
        continue;
      }
      const entries: Array<[Value, Value]> = Array.isArray(collection)
        ? collection.map((v, i) => [i, v])
        : isPlainObject(collection)
          ? Object.keys(collection)
              .sort()
              .map((k) => [k, collection[k] as Value])
          : [];
      for (const [k, v] of entries) {
        const index = lists.get(type)?.length ?? 0;
        const bindings = new Map(ctx.bindings).set(name, { key: k, value: v });
        const nested = blockTypeOf(schema, type)?.block;
        ctx.out.sources[formatPath([...path, type, index]).slice(1)] = { file: inBlock.file, ...content.pos };
        append(
          type,
          evaluateBlockBody({ ...inBlock, bindings }, content.body, nested, [...path, type, index], false),
        );
      }
      continue;
    }
    const index = lists.get(block.type)?.length ?? 0;
    const blockPath = [...path, block.type, index];
    ctx.out.sources[formatPath(blockPath).slice(1)] = { file: inBlock.file, ...block.pos };
    append(
      block.type,
      evaluateBlockBody(inBlock, block.body, blockTypeOf(schema, block.type)?.block, blockPath, false),
    );
  }
  for (const [type, items] of lists) {
    const nesting = blockTypeOf(schema, type)?.nesting_mode;
    const single = (nesting === "single" || nesting === "group") && items.length === 1;
    setOwn(properties, type, single ? (items[0] as Value) : items);
  }
  return properties;
}

/**
 * JSON syntax leaves `"versioning": {…}` ambiguous between an argument and a nested block; the schema
 * decides, as in Terraform. Without a schema it stays an argument (the JSON reader already made
 * `dynamic`, `lifecycle` and the other meta-blocks blocks).
 */
function withSchemaBlocks(body: Body, schema: SchemaBlock | undefined): Body {
  if (!body.attributes.some((a) => a.asBlocks)) return body;
  const resolved: Body = { attributes: [], blocks: [...body.blocks] };
  for (const attribute of body.attributes) {
    const blockTypes = schema?.block_types;
    if (attribute.asBlocks && blockTypes && Object.hasOwn(blockTypes, attribute.name)) {
      const file = attribute.file;
      resolved.blocks.push(...(file ? attribute.asBlocks.map((b) => ({ ...b, file })) : attribute.asBlocks));
    } else resolved.attributes.push(attribute);
  }
  return resolved;
}

/** The context for a block or argument an override file merged in: its own file; else unchanged. */
function writtenIn(ctx: BodyContext, file: string | undefined): BodyContext {
  return file && file !== ctx.file ? { ...ctx, file } : ctx;
}

/** `tags = { Name = "x" }`: each key's line too, so a finding about one tag points at it. */
function recordObjectSources(ctx: BodyContext, expression: Expression, path: AttributePath): void {
  if (expression.kind !== "object") return;
  for (const item of expression.items) {
    if (item.key.kind !== "literal" || typeof item.key.value !== "string") continue;
    const itemPath = [...path, item.key.value];
    ctx.out.sources[formatPath(itemPath).slice(1)] = { file: ctx.file, ...item.key.pos };
    recordObjectSources(ctx, item.value, itemPath);
  }
}

/** Whether an expression mentions `var.X` for a sensitive variable X. */
function refersToSensitive(expression: Expression, sensitive: ReadonlySet<string>): boolean {
  if (sensitive.size === 0) return false;
  let found = false;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== "object") return;
    const e = node as Expression;
    if (
      e.kind === "getattr" &&
      e.object.kind === "variable" &&
      e.object.name === "var" &&
      sensitive.has(e.name)
    ) {
      found = true;
      return;
    }
    for (const child of Object.values(node)) {
      if (Array.isArray(child)) child.forEach(visit);
      else visit(child);
    }
  };
  visit(expression);
  return found;
}

function isTrue(expression: Expression | undefined): boolean {
  return expression?.kind === "literal" && expression.value === true;
}

/** A nested block type of the schema; a block named like an Object member (`constructor`) has none. */
function blockTypeOf(schema: SchemaBlock | undefined, type: string) {
  const types = schema?.block_types;
  return types && Object.hasOwn(types, type) ? types[type] : undefined;
}
