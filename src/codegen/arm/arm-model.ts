import type { ArmAttribute, ArmMapping } from "../../catalog/arm-mapping.ts";
import { firstBlock } from "../../catalog/arm-mapping.ts";
import { ARM } from "../../catalog/azure/arm.ts";
import {
  dependencyOrder,
  type GraphVariable,
  type ResourceGraph,
  type ResourceNode,
} from "../../model/graph.ts";
import {
  Encoded,
  formatPath,
  isPlainObject,
  Ref,
  Template,
  Unknown,
  type Value,
  VarRef,
} from "../../model/value.ts";
import { UnsupportedByFormatError } from "../errors.ts";

/** ARM expression trees, written as `[…]` strings in JSON and as expressions in Bicep. */
export type ArmValue = null | boolean | number | string | ArmValue[] | ArmObject | ArmExpr;
export interface ArmObject {
  [key: string]: ArmValue;
}
export type ArmExpr =
  | { kind: "parameter"; name: string }
  | { kind: "id"; resource: ArmResource }
  | { kind: "name"; resource: ArmResource }
  | { kind: "reference"; resource: ArmResource; path: string }
  | { kind: "resourceGroupName" }
  | { kind: "concat"; parts: ArmValue[] }
  | { kind: "base64"; value: ArmValue };

export function isExpr(value: ArmValue): value is ArmExpr {
  return typeof value === "object" && value !== null && !Array.isArray(value) && EXPR in value;
}
const EXPR = Symbol("arm expression");
function expr<T extends ArmExpr>(value: T): T {
  return Object.assign(value, { [EXPR]: true });
}

export interface ArmResource {
  /** Bicep's symbolic name: `photosStorageAccount`. */
  symbol: string;
  type: string;
  apiVersion: string;
  /** This resource's own name segment (a child's last segment). */
  name: string;
  parent?: ArmResource;
  location?: string;
  tags?: ArmObject;
  sku?: ArmObject;
  kind?: ArmValue;
  identity?: ArmObject;
  zones?: ArmValue[];
  properties: ArmObject;
  /** Explicit dependencies beyond references (Terraform's depends_on). */
  dependsOn: ArmResource[];
  addresses: string[];
}

export interface ArmTemplate {
  resourceGroup: { name: string; location: string; tags?: ArmObject };
  parameters: GraphVariable[];
  resources: ArmResource[];
  outputs: Array<{ name: string; value: ArmValue }>;
  description: string;
}

const RESOURCE_GROUP = "azurerm_resource_group";
/** Handled for every type: naming and placement. */
const COMMON = new Set(["name", "location", "tags", "resource_group_name"]);

/**
 * A graph as one resource-group deployment and its resource group: each azurerm resource through its
 * catalog mapping (children under their parents, split resources merged), references as resource IDs,
 * names and runtime properties. Throws UnsupportedByFormatError naming any type or argument it cannot
 * express.
 */
export function armTemplate(graph: ResourceGraph): ArmTemplate {
  const groups = graph.nodes.filter((n) => n.type === RESOURCE_GROUP);
  if (groups.length !== 1)
    throw new UnsupportedByFormatError(
      `ARM and Bicep deploy one resource group per environment; this one has ${groups.length}.`,
    );
  const group = groups[0] as ResourceNode;
  // Parents before children: a child's parent (and its blob service) must exist when the child is read.
  const nodes = dependencyOrder(graph).filter((n) => n !== group);
  const ordered: ArmResource[] = [];
  const companions = new Map<string, ArmResource>();
  const byAddress = new Map(graph.nodes.map((n) => [n.address, n]));
  const resources = new Map<string, ArmResource>();
  const taken = new Set<string>();
  const symbolFor = (base: string) => {
    let symbol = base;
    for (let n = 2; taken.has(symbol); n++) symbol = `${base}${n}`;
    taken.add(symbol);
    return symbol;
  };
  const variables = new Set(graph.variables.map((v) => v.name));

  const converter = (where: string) => {
    const convert = (value: Value): ArmValue => {
      if (value === null || typeof value !== "object") {
        if (typeof value === "number" && !Number.isFinite(value))
          throw new UnsupportedByFormatError(`${where} is ${value}, which ARM cannot represent.`);
        return value;
      }
      if (value instanceof Ref) return attribute(value, where);
      if (value instanceof VarRef) {
        if (!variables.has(value.name))
          throw new UnsupportedByFormatError(
            `${where} uses input \`${value.name}\`, which the environment does not declare.`,
          );
        return expr({ kind: "parameter", name: value.name });
      }
      if (value instanceof Template)
        return simplify(value.parts.map((p) => (typeof p === "string" ? p : convert(p))));
      if (value instanceof Encoded) {
        if (value.encoding === "base64") return expr({ kind: "base64", value: convert(value.value) });
        throw new UnsupportedByFormatError(`${where}: JSON documents cannot be generated as ARM yet.`);
      }
      if (value instanceof Unknown)
        throw new UnsupportedByFormatError(
          `${where} is not known statically (${value.reason}); it cannot be generated.`,
        );
      if (Array.isArray(value)) return value.map(convert);
      const out: ArmObject = {};
      for (const [key, item] of Object.entries(value)) out[key] = convert(item);
      return out;
    };
    return convert;
  };

  const attribute = (ref: Ref, where: string): ArmValue => {
    const node = byAddress.get(ref.address);
    if (!node)
      throw new UnsupportedByFormatError(
        `${where} refers to ${ref.address}, which is not in this environment.`,
      );
    const key = formatPath(ref.path).slice(1);
    if (node.type === RESOURCE_GROUP) {
      if (key === "name") return expr({ kind: "resourceGroupName" });
      throw new UnsupportedByFormatError(
        `\`${ref.address}.${key}\` cannot be generated as ARM yet (used by ${where}).`,
      );
    }
    const resource = resources.get(ref.address);
    const target: ArmAttribute | undefined = mappingOf(node).attributes[key];
    if (!resource || !target)
      throw new UnsupportedByFormatError(
        `\`${ref.address}.${key}\` has no ARM equivalent in plinth's catalog yet (used by ${where}).`,
      );
    if ("id" in target) return expr({ kind: "id", resource });
    if ("name" in target) return expr({ kind: "name", resource });
    return expr({ kind: "reference", resource, path: target.reference });
  };

  // First every resource with its name and place, so references can point at any of them.
  const merged: ResourceNode[] = [];
  for (const node of nodes) {
    const mapping = mappingOf(node);
    if (mapping.mergeInto) {
      merged.push(node);
      continue;
    }
    const name = node.properties.name;
    if (typeof name !== "string")
      throw new UnsupportedByFormatError(`${node.address} needs a literal name to be generated as ARM.`);
    resources.set(node.address, {
      symbol: symbolFor(
        `${camel(node.name)}${mapping.type
          .split("/")
          .pop()
          ?.replace(/s$/, "")
          .replace(/^./, (c) => c.toUpperCase())}`,
      ),
      type: mapping.type,
      apiVersion: mapping.apiVersion,
      name,
      ...(typeof node.properties.location === "string" ? { location: node.properties.location } : {}),
      properties: {},
      dependsOn: [],
      addresses: [node.address],
    });
  }
  for (const node of nodes) {
    const mapping = mappingOf(node);
    if (mapping.mergeInto) continue;
    const resource = resources.get(node.address) as ArmResource;
    const read = new Set<string>(COMMON);
    const args = {
      get: (name: string) => {
        read.add(name);
        const value = node.properties[name];
        return value === null ? undefined : value;
      },
      block: (name: string) => {
        read.add(name);
        return firstBlock(node.properties[name] ?? undefined);
      },
    };
    if (mapping.parent) {
      const parentRef = args.get(mapping.parent.argument);
      const parentNode = parentRef instanceof Ref ? resources.get(parentRef.address) : undefined;
      if (!parentNode)
        throw new UnsupportedByFormatError(
          `${node.address}: its \`${mapping.parent.argument}\` must refer to a resource in this environment.`,
        );
      resource.parent = mapping.parent.via
        ? (companions.get(`${parentNode.symbol}/${mapping.parent.via}`) ?? parentNode)
        : parentNode;
    }
    const body = mapping.body(args, node);
    const convert = converter(node.address);
    resource.properties = convert(body.properties) as ArmObject;
    if (body.sku) resource.sku = convert(body.sku) as ArmObject;
    if (body.kind !== undefined) resource.kind = convert(body.kind);
    if (body.identity) resource.identity = convert(body.identity) as ArmObject;
    if (body.zones) resource.zones = body.zones.map(convert);
    if (isPlainObject(node.properties.tags)) resource.tags = convert(node.properties.tags) as ArmObject;
    for (const companion of mapping.companions?.(args, node) ?? []) {
      const child: ArmResource = {
        symbol: symbolFor(`${resource.symbol}${companion.type.replace(/^./, (c) => c.toUpperCase())}`),
        type: `${resource.type}/${companion.type}`,
        apiVersion: companion.apiVersion,
        name: companion.name,
        parent: resource,
        properties: convert(companion.properties) as ArmObject,
        dependsOn: [],
        addresses: [node.address],
      };
      companions.set(`${resource.symbol}/${companion.type}`, child);
      ordered.push(child);
    }
    const unread = Object.keys(node.properties).filter((k) => !read.has(k) && node.properties[k] !== null);
    if (unread.length > 0)
      throw new UnsupportedByFormatError(
        `${node.type} argument \`${unread[0]}\` (${node.address}) cannot be generated as ARM yet.`,
        { hint: "Generate Terraform for it, or leave the argument out." },
      );
    ordered.push(resource);
  }
  for (const node of merged) {
    const mapping = mappingOf(node);
    const target = node.properties[mapping.mergeInto as string];
    const resource = target instanceof Ref ? resources.get(target.address) : undefined;
    if (!resource)
      throw new UnsupportedByFormatError(
        `${node.address}: its \`${mapping.mergeInto}\` must refer to a resource in this environment.`,
      );
    const body = mapping.body(
      {
        get: (n) => node.properties[n] ?? undefined,
        block: (n) => firstBlock(node.properties[n] ?? undefined),
      },
      node,
    );
    Object.assign(resource.properties, converter(node.address)(body.properties) as ArmObject);
    resource.addresses.push(node.address);
  }
  for (const node of nodes) {
    const resource = resources.get(node.address);
    if (!resource) continue;
    for (const dependency of node.dependsOn) {
      const target = resources.get(dependency);
      if (target) resource.dependsOn.push(target);
    }
  }

  return {
    resourceGroup: {
      name: String(group.properties.name),
      location: String(group.properties.location ?? graph.region),
      ...(isPlainObject(group.properties.tags)
        ? { tags: converter(group.address)(group.properties.tags) as ArmObject }
        : {}),
    },
    parameters: graph.variables,
    resources: ordered,
    outputs: graph.outputs.map((o) => ({ name: o.name, value: converter(`output ${o.name}`)(o.value) })),
    description: `plinth: app ${graph.app}, environment ${graph.env} (${graph.region})`,
  };
}

function mappingOf(node: ResourceNode): ArmMapping {
  const mapping = ARM[node.type];
  if (!mapping)
    throw new UnsupportedByFormatError(
      `${node.type} cannot be generated as ARM or Bicep yet (${node.address}).`,
      {
        hint: "Generate Terraform for this environment, or ask for the type to be added to plinth's catalog.",
      },
    );
  return mapping;
}

function simplify(parts: ArmValue[]): ArmValue {
  const merged: ArmValue[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  if (merged.length === 0) return "";
  if (merged.length === 1) return merged[0] as ArmValue;
  return expr({ kind: "concat", parts: merged });
}

function camel(name: string): string {
  return name.replace(/[_-]([a-z0-9])/gi, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
}
