import type { SourceLocation } from "../../errors.ts";
import { Encoded, isPlainObject, setOwn, type Value, type ValueObject } from "../../model/value.ts";
import type { SourceMap } from "../../spec/source-map.ts";
import { jsonEncode } from "../terraform/functions/string-functions.ts";
import { isConcrete, isPending } from "../terraform/values.ts";

/**
 * Turns a CloudFormation value into its Terraform form; `undefined` leaves the argument out. It is
 * given the resource's properties and the object the value was read from (the item, inside `each`).
 * It sees only concrete values (references pass through unconverted) unless it is marked `pending: true`.
 */
export type Convert = ((value: Value, properties: ValueObject, owner: ValueObject) => Value | undefined) & {
  pending?: boolean;
};

/**
 * One property: `from` is a CloudFormation path (`VersioningConfiguration.Status`), `to` a Terraform
 * path (`versioning_configuration[0].status`). `each` maps a list of objects to a list of blocks.
 */
export type PropertyRule =
  | readonly [from: string, to: string, convert?: Convert]
  | {
      readonly each: string;
      readonly to: string;
      readonly rules: ReadonlyArray<PropertyRule>;
      /** Only the items this accepts (EC2's root device among its block devices). */
      readonly where?: (item: ValueObject) => boolean;
    };

/** One Terraform resource made from a CloudFormation resource. */
export interface ResourceMapping {
  terraformType: string;
  rules: ReadonlyArray<PropertyRule>;
  /** Only made when this CloudFormation property is set (how Terraform splits S3 buckets). */
  when?: string;
  /** The argument tying a split resource to the main one (`bucket`), and the attribute it refers to. */
  link?: { argument: string; attribute: string };
  /** Arguments set whatever the properties, unless a rule sets them (what a SAM transform fills in). */
  defaults?: Readonly<Record<string, Value>>;
}

/**
 * How a CloudFormation type reads as Terraform: the main resource, the resources Terraform splits off,
 * and its attributes (`Ref` and `Fn::GetAtt`) by their Terraform names.
 */
export interface CloudFormationMapping {
  cloudFormationType: string;
  main: ResourceMapping;
  /**
   * Other main resources, chosen by the first whose `when` property is set (a VPC gateway attachment
   * is an internet gateway's or a VPN gateway's, by which id it holds).
   */
  variants?: ReadonlyArray<ResourceMapping & { when: string }>;
  split?: ReadonlyArray<ResourceMapping>;
  /** The Terraform attribute `Ref` returns (default `id`). */
  ref?: string;
  /** `Fn::GetAtt` attribute → Terraform attribute (default: the name in snake_case). */
  attributes?: Readonly<Record<string, string>>;
}

/** The main resource a CloudFormation resource with these (unevaluated) properties becomes. */
export function mainMapping(mapping: CloudFormationMapping, properties: unknown): ResourceMapping {
  if (!mapping.variants || !isPlainObject((properties ?? null) as Value)) return mapping.main;
  const chosen = mapping.variants.find((v) => get(properties as ValueObject, v.when) !== undefined);
  return chosen ?? mapping.main;
}

export function each(
  from: string,
  to: string,
  rules: ReadonlyArray<PropertyRule>,
  where?: (item: ValueObject) => boolean,
): PropertyRule {
  return where ? { each: from, to, rules, where } : { each: from, to, rules };
}

export interface MappedResource {
  terraformType: string;
  properties: ValueObject;
  attributeSources: Record<string, SourceLocation>;
}

/**
 * Applies a resource mapping to evaluated properties. `pointer` is the CloudFormation `Properties`
 * pointer, so each Terraform argument records the line of the property it came from.
 */
export function applyMapping(
  mapping: ResourceMapping,
  properties: ValueObject,
  pointer: string,
  sources: SourceMap,
): MappedResource {
  const out: MappedResource = {
    terraformType: mapping.terraformType,
    properties: structuredClone({ ...mapping.defaults }) as ValueObject,
    attributeSources: {},
  };
  applyRules(
    mapping.rules,
    properties,
    properties,
    pointer,
    out.properties,
    "",
    sources,
    out.attributeSources,
  );
  return out;
}

function applyRules(
  rules: ReadonlyArray<PropertyRule>,
  source: ValueObject,
  all: ValueObject,
  pointer: string,
  target: ValueObject,
  targetPrefix: string,
  sources: SourceMap,
  attributeSources: Record<string, SourceLocation>,
): void {
  for (const rule of rules) {
    if ("each" in rule) {
      const list = get(source, rule.each);
      if (list === undefined) continue;
      const items = Array.isArray(list) ? list : [list];
      const blocks: Value[] = [];
      items.forEach((item, i) => {
        if (!isPlainObject(item) || (rule.where && !rule.where(item))) return;
        const block: ValueObject = {};
        const blockPath = `${targetPrefix}${rule.to}[${blocks.length}]`;
        const itemPointer = `${pointer}/${toPointer(rule.each)}${Array.isArray(list) ? `/${i}` : ""}`;
        attributeSources[blockPath] = sources.value(itemPointer);
        applyRules(rule.rules, item, all, itemPointer, block, `${blockPath}.`, sources, attributeSources);
        blocks.push(block);
      });
      if (blocks.length > 0) set(target, rule.to, blocks);
      continue;
    }
    const [from, to, convert] = rule as readonly [string, string, Convert?];
    const raw = get(source, from);
    if (raw === undefined) continue;
    const value = convert && (!isPending(raw) || convert.pending) ? convert(raw, all, source) : raw;
    if (value === undefined) continue;
    set(target, to, value);
    attributeSources[`${targetPrefix}${to}`] = sources.value(`${pointer}/${toPointer(from)}`);
  }
}

/** `A.B[0].C` in a CloudFormation value. */
export function get(value: Value, path: string): Value | undefined {
  let current: Value | undefined = value;
  for (const segment of path.split(/\.|(?=\[)/)) {
    if (current === undefined || current === null) return undefined;
    const index = /^\[(\d+)\]$/.exec(segment);
    if (index) current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    else current = isPlainObject(current) && Object.hasOwn(current, segment) ? current[segment] : undefined;
  }
  return current;
}

/** Sets `a[0].b` in a Terraform value, making the lists and objects on the way. */
function set(target: ValueObject, path: string, value: Value): void {
  const segments = path.split(/\.|(?=\[)/);
  let current: ValueObject | Value[] = target;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const index = /^\[(\d+)\]$/.exec(segment);
    const nextIsIndex = /^\[\d+\]$/.test(segments[i + 1] ?? "");
    const key: string | number = index ? Number(index[1]) : segment;
    const container = current as Record<string | number, Value>;
    if (last) {
      if (typeof key === "string") setOwn(container as ValueObject, key, value);
      else container[key] = value;
      return;
    }
    if (container[key] === undefined || container[key] === null) container[key] = nextIsIndex ? [] : {};
    current = container[key] as ValueObject | Value[];
  });
}

function toPointer(path: string): string {
  return path
    .split(/\.|(?=\[)/)
    .map((s) =>
      s
        .replace(/^\[(\d+)\]$/, "$1")
        .replaceAll("~", "~0")
        .replaceAll("/", "~1"),
    )
    .join("/");
}

// Converters shared by the mapping tables.

/** `[{Key, Value}]` → `{ key: value }`. */
export const tags: Convert = (value) => {
  if (!Array.isArray(value)) return isPlainObject(value) ? value : undefined;
  const out: ValueObject = {};
  for (const tag of value) {
    if (isPlainObject(tag) && typeof tag.Key === "string") setOwn(out, tag.Key, tag.Value ?? null);
  }
  return out;
};

export const bool: Convert = (value) => (value === "true" ? true : value === "false" ? false : value);

export const number: Convert = (value) =>
  typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;

export const list: Convert = (value) => (Array.isArray(value) ? value : [value]);

/** The first item of a list (CloudFormation lists where Terraform takes one: an instance profile's role). */
export const first: Convert = (value) => (Array.isArray(value) ? value[0] : value);

export const string: Convert = (value) =>
  typeof value === "number" || typeof value === "boolean" ? String(value) : value;

/** `[{Name, Value}]` (alarm dimensions, cluster settings) → `{ name: value }`. */
export const nameValueMap: Convert = (value) => {
  if (!Array.isArray(value)) return isPlainObject(value) ? value : undefined;
  const out: ValueObject = {};
  for (const item of value) {
    if (isPlainObject(item) && typeof item.Name === "string") setOwn(out, item.Name, item.Value ?? null);
  }
  return out;
};

/** `{ name: value }` (RDS and ElastiCache parameter groups) → Terraform's `parameter` blocks. */
export const parameterBlocks: Convert = (value) =>
  isPlainObject(value)
    ? Object.entries(value).map(([name, v]) => ({ name, value: typeof v === "number" ? String(v) : v }))
    : undefined;

/** A policy document as Terraform holds it: JSON text, or an encoded document when it has references. */
export const json: Convert = (value) => {
  if (typeof value === "string") return value;
  return isConcrete(value) ? jsonEncode(value) : new Encoded("json", value);
};

/** The value of `{Key, Value}` attributes (`LoadBalancerAttributes`) under `key`. */
export function attribute(key: string, convert: Convert = (v) => v): Convert {
  return (value, all, owner) => {
    if (!Array.isArray(value)) return undefined;
    const found = value.find((a) => isPlainObject(a) && a.Key === key);
    return isPlainObject(found ?? null)
      ? convert((found as ValueObject).Value ?? null, all, owner)
      : undefined;
  };
}
