/**
 * The vocabulary of a resource type's cost module (`src/catalog/<cloud>/<type>/cost.ts`): which priced
 * items a resource consumes and how many of each per month. Modules name prices by key; the prices
 * themselves, the lookup and the arithmetic belong to src/cost.
 */
import type { ResourceNode } from "../model/graph.ts";
import { isPlainObject, Ref, type Value, type ValueObject } from "../model/value.ts";

/** Hours in the month every estimate uses (365 × 24 / 12). */
export const HOURS_PER_MONTH = 730;

/** A price in the cloud's price list; `region` defaults to the resource's region. */
export interface PriceRef {
  service: string;
  key: string;
  region?: string;
}

/** One priced line of a resource: quantity per month × unit price. */
export interface ComponentSpec {
  name: string;
  /** Unit of `monthlyQuantity` as shown: `hours`, `GB`, `1M requests`… */
  unit: string;
  /** Price-list units per shown unit (1,000,000 when the list prices single requests). Default 1. */
  unitScale?: number;
  /** The price, or why it cannot be named (an argument only known after apply). */
  price: PriceRef | { unknown: string };
  /** null: depends on usage that no usage file gave. */
  monthlyQuantity: number | null;
  /** From usage (requests, GB stored, data processed) rather than from provisioned capacity. */
  usageBased: boolean;
  /** Multiplies the list price (sustained-use discount tiers); default 1. */
  priceFactor?: number;
  /** What was assumed, shown next to the line. */
  note?: string;
}

export interface SubresourceSpec {
  name: string;
  components: ComponentSpec[];
  subresources?: SubresourceSpec[];
}

export interface CostBreakdown {
  components: ComponentSpec[];
  subresources?: SubresourceSpec[];
}

/** Usage for one resource, from plinth.yaml's `usage:` or an Infracost-style usage file. */
export type UsageValues = Readonly<Record<string, unknown>>;

/** What a cost module sees of its resource. */
export interface CostContext {
  node: ResourceNode;
  /** The region the resource's prices are looked up in. */
  region: string;
  usage: UsageValues;
  /** Another resource of the graph by address (a NAT gateway's EIP, an ASG's launch template). */
  lookup(address: string): ResourceNode | undefined;
  /** The resources whose properties refer to `address` (the rules of a load balancer). */
  referrers(address: string): ResourceNode[];
}

/** A type's cost module: its priced lines, or why it cannot be priced. */
export type CostFunction = (ctx: CostContext) => CostBreakdown;

export interface CostRegistry {
  /** Types with cost modules. */
  priced: Readonly<Record<string, CostFunction>>;
  /** Types the cloud does not charge for (IAM, security groups, route tables…). */
  free: ReadonlySet<string>;
  /** The region of a resource of this cloud when it has none of its own. */
  defaultRegion: string;
  /** The resource's own region where the type says (Azure `location`, GCP `zone`/`region`). */
  regionOf?: (node: ResourceNode, lookup: CostContext["lookup"]) => string | undefined;
}

/**
 * A lookup table keyed by values from user code (instance families, engines): without a prototype, so
 * `constructor` or `__proto__` finds nothing instead of Object's own members.
 */
export function lookupTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

// Building lines.

export function hourly(name: string, price: PriceRef, count = 1, note?: string): ComponentSpec {
  return line(name, "hours", price, HOURS_PER_MONTH * count, false, note);
}

export function monthly(
  name: string,
  unit: string,
  price: PriceRef,
  quantity: number,
  note?: string,
): ComponentSpec {
  return line(name, unit, price, quantity, false, note);
}

/** A usage-based line: its quantity comes from usage, or it shows "depends on usage". */
export function usage(
  name: string,
  unit: string,
  price: PriceRef,
  quantity: number | undefined,
  unitScale = 1,
): ComponentSpec {
  return { ...line(name, unit, price, quantity === undefined ? null : quantity, true), unitScale };
}

/** A line whose product cannot be named statically (an unknown instance type). */
export function unknownPrice(name: string, unit: string, reason: string, usageBased = false): ComponentSpec {
  return { name, unit, price: { unknown: reason }, monthlyQuantity: null, usageBased };
}

function line(
  name: string,
  unit: string,
  price: PriceRef,
  monthlyQuantity: number | null,
  usageBased: boolean,
  note?: string,
): ComponentSpec {
  return { name, unit, price, monthlyQuantity, usageBased, ...(note ? { note } : {}) };
}

export interface Tier {
  /** Shown after the name: `first 50 TB`. */
  label: string;
  price: PriceRef;
  /** Size of this tier in the shown unit; Infinity for the last. */
  size: number;
}

/**
 * A tiered price as one line per tier the quantity reaches (all tiers while the quantity depends on
 * usage, so each tier's price is shown).
 */
export function tiered(
  name: string,
  unit: string,
  quantity: number | undefined,
  tiers: ReadonlyArray<Tier>,
  options: { usageBased?: boolean; unitScale?: number } = {},
): ComponentSpec[] {
  const usageBased = options.usageBased ?? true;
  const scale = options.unitScale ?? 1;
  const named = (label: string) =>
    name.endsWith(")") ? `${name.slice(0, -1)}, ${label})` : `${name} (${label})`;
  if (quantity === undefined) {
    return tiers.map((t) => ({
      name: named(t.label),
      unit,
      unitScale: scale,
      price: t.price,
      monthlyQuantity: null,
      usageBased,
    }));
  }
  const lines: ComponentSpec[] = [];
  let left = quantity;
  for (const tier of tiers) {
    if (left <= 0 && lines.length > 0) break;
    const used = Math.min(left, tier.size);
    lines.push({
      name: named(tier.label),
      unit,
      unitScale: scale,
      price: tier.price,
      monthlyQuantity: used,
      usageBased,
    });
    left -= used;
  }
  return lines;
}

// Reading properties. Terraform shapes: nested blocks are lists of objects (or one object).

/** A property's literal value; references resolve through `lookup` to the target's literal argument. */
export function prop(
  ctx: CostContext,
  path: string,
  from: ValueObject = ctx.node.properties,
): Value | undefined {
  let value: Value | undefined = from;
  for (const part of path.split(".")) {
    if (Array.isArray(value)) value = value[0];
    if (!isPlainObject(value)) return undefined;
    value = value[part];
  }
  return follow(ctx, value);
}

/** Follows a reference to another resource's literal argument (`aws_launch_template.x.instance_type`). */
export function follow(ctx: CostContext, value: Value | undefined, depth = 0): Value | undefined {
  if (!(value instanceof Ref) || depth > 5) return value;
  const target = ctx.lookup(value.address);
  if (!target) return value;
  let found: Value | undefined = target.properties;
  for (const part of value.path) {
    if (Array.isArray(found) && typeof part === "number") found = found[part];
    else if (Array.isArray(found)) found = isPlainObject(found[0]) ? found[0][part] : undefined;
    else if (isPlainObject(found) && typeof part === "string") found = found[part];
    else return value;
  }
  return found === undefined ? value : follow(ctx, found, depth + 1);
}

export function str(ctx: CostContext, path: string, from?: ValueObject): string | undefined {
  const value = prop(ctx, path, from);
  return typeof value === "string" ? value : undefined;
}

export function num(ctx: CostContext, path: string, from?: ValueObject): number | undefined {
  const value = prop(ctx, path, from);
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

export function bool(ctx: CostContext, path: string, from?: ValueObject): boolean | undefined {
  const value = prop(ctx, path, from);
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/** A nested block's objects (`root_block_device`, `ebs_block_device`…), in order. */
export function blocks(ctx: CostContext, path: string, from?: ValueObject): ValueObject[] {
  const value = prop(ctx, path, from);
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.filter(isPlainObject);
}

/** The resources that refer to this one. */
export function referencesTo(ctx: CostContext): ResourceNode[] {
  return ctx.referrers(ctx.node.address);
}

/** Whether a property is set to something only known after apply (a reference, an unknown). */
export function isDeferred(ctx: CostContext, path: string, from?: ValueObject): boolean {
  const value = prop(ctx, path, from);
  return (
    value !== undefined &&
    value !== null &&
    typeof value === "object" &&
    !isPlainObject(value) &&
    !Array.isArray(value)
  );
}

/** A number from usage, under its key or an older alias; negative or non-numbers are ignored. */
export function usageNumber(ctx: CostContext, ...keys: string[]): number | undefined {
  for (const key of keys) {
    const value = ctx.usage[key];
    if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value;
  }
  return undefined;
}

/** A usage quantity in another unit (`requests / 1e6` for "1M requests"), or undefined while unknown. */
export function scaleUsage(value: number | undefined, multiply: number, divide = 1): number | undefined {
  return value === undefined ? undefined : (value * multiply) / divide;
}

/** A nested usage object (`standard:` of an S3 bucket's usage). */
export function usageGroup(ctx: CostContext, key: string): CostContext {
  const value = ctx.usage[key];
  const group = value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
  return { ...ctx, usage: group as UsageValues };
}
