import {
  type ArmAttribute,
  ArmCall,
  type ArmInput,
  type ArmMapping,
  firstBlock,
} from "../../catalog/arm-mapping.ts";
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
  /** A runtime value: inside `properties` (`full: false`) or in the full representation (`identity…`). */
  | { kind: "reference"; resource: ArmResource; path: string; full: boolean }
  | { kind: "resourceGroupName" }
  | { kind: "concat"; parts: ArmValue[] }
  | { kind: "call"; fn: string; args: ArmValue[] };

const EXPR = Symbol("arm expression");

export function isExpr(value: ArmValue): value is ArmExpr {
  return typeof value === "object" && value !== null && !Array.isArray(value) && EXPR in value;
}

function expr<T extends ArmExpr>(value: T): T {
  return Object.assign(value, { [EXPR]: true });
}

export interface ArmResource {
  /** Bicep's symbolic name: `photosStorageAccount`. */
  symbol: string;
  type: string;
  apiVersion: string;
  /** The resource's own name (a child's last segment); an expression where the API names it by a value. */
  name: ArmValue;
  parent?: ArmResource;
  /** For extension resources (locks, role assignments): the resource they apply to. */
  scope?: ArmResource;
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
 * catalog mapping (children under their parents, extension resources on their scopes, split resources
 * merged), references as resource IDs, names and runtime properties. Throws UnsupportedByFormatError
 * naming any type or argument it cannot express.
 */
export function armTemplate(graph: ResourceGraph): ArmTemplate {
  return new ArmTemplateBuilder(graph).build();
}

class ArmTemplateBuilder {
  readonly #graph: ResourceGraph;
  readonly #byAddress: Map<string, ResourceNode>;
  readonly #resources = new Map<string, ArmResource>();
  readonly #companions = new Map<string, ArmResource>();
  readonly #ordered: ArmResource[] = [];
  readonly #symbols = new Set<string>();
  readonly #variables: Set<string>;

  constructor(graph: ResourceGraph) {
    this.#graph = graph;
    this.#byAddress = new Map(graph.nodes.map((n) => [n.address, n]));
    this.#variables = new Set(graph.variables.map((v) => v.name));
  }

  build(): ArmTemplate {
    const graph = this.#graph;
    const groups = graph.nodes.filter((n) => n.type === RESOURCE_GROUP);
    if (groups.length !== 1)
      throw new UnsupportedByFormatError(
        `ARM and Bicep deploy one resource group per environment; this one has ${groups.length}.`,
      );
    const group = groups[0] as ResourceNode;
    // Parents before children: a child's parent (and its blob service) must exist when the child is read.
    const nodes = dependencyOrder(graph).filter((n) => n !== group);
    const merged = nodes.filter((n) => mappingOf(n).mergeInto);
    const own = nodes.filter((n) => !mappingOf(n).mergeInto);
    for (const node of own) this.#declare(node);
    for (const node of own) this.#fill(node);
    for (const node of merged) this.#merge(node);
    for (const node of own) {
      const resource = this.#resources.get(node.address) as ArmResource;
      for (const dependency of node.dependsOn) {
        const target = this.#resources.get(dependency) ?? this.#mergedTarget(dependency);
        if (target && target !== resource && !resource.dependsOn.includes(target))
          resource.dependsOn.push(target);
      }
    }
    const convert = this.#converter(group.address);
    return {
      resourceGroup: {
        name: String(group.properties.name),
        location: String(group.properties.location ?? graph.region),
        ...(isPlainObject(group.properties.tags)
          ? { tags: convert(group.properties.tags) as ArmObject }
          : {}),
      },
      parameters: graph.variables,
      resources: this.#ordered,
      outputs: graph.outputs.map((o) => ({
        name: o.name,
        value: this.#converter(`output ${o.name}`)(o.value),
      })),
      description: `plinth: app ${graph.app}, environment ${graph.env} (${graph.region})`,
    };
  }

  /** Every resource with its symbol first, so references can point at any of them. */
  #declare(node: ResourceNode): void {
    const mapping = mappingOf(node);
    const kind = (mapping.type.split("/").pop() as string).replace(/s$/, "");
    this.#resources.set(node.address, {
      symbol: this.#symbol(`${camel(node.name)}${kind.charAt(0).toUpperCase()}${kind.slice(1)}`),
      type: mapping.type,
      apiVersion: mapping.apiVersion,
      name: "",
      ...(typeof node.properties.location === "string" ? { location: node.properties.location } : {}),
      properties: {},
      dependsOn: [],
      addresses: [node.address],
    });
  }

  #fill(node: ResourceNode): void {
    const mapping = mappingOf(node);
    const resource = this.#resources.get(node.address) as ArmResource;
    const convert = this.#converter(node.address);
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
    const name = mapping.name ? mapping.name(args, node) : node.properties.name;
    if (name === undefined || name === null)
      throw new UnsupportedByFormatError(`${node.address} needs a name to be generated as ARM.`);
    resource.name = convert(name);
    if (mapping.parent) {
      const parent = this.#target(args.get(mapping.parent.argument), node, mapping.parent.argument);
      resource.parent = mapping.parent.via
        ? (this.#companions.get(`${parent.symbol}/${mapping.parent.via}`) ?? parent)
        : parent;
    }
    if (mapping.scope) resource.scope = this.#target(args.get(mapping.scope), node, mapping.scope);
    const body = mapping.body(args, node);
    resource.properties = convert(body.properties) as ArmObject;
    if (body.sku) resource.sku = convert(body.sku) as ArmObject;
    if (body.kind !== undefined) resource.kind = convert(body.kind);
    if (body.identity) resource.identity = convert(body.identity) as ArmObject;
    if (body.zones) resource.zones = body.zones.map(convert);
    if (body.location) resource.location = body.location;
    if (isPlainObject(node.properties.tags)) resource.tags = convert(node.properties.tags) as ArmObject;
    const companions = mapping.companions?.(args, node) ?? [];
    const unread = Object.keys(node.properties).filter((k) => !read.has(k) && node.properties[k] !== null);
    if (unread.length > 0)
      throw new UnsupportedByFormatError(
        `${node.type} argument \`${unread[0]}\` (${node.address}) cannot be generated as ARM yet.`,
        { hint: "Generate Terraform for it, or leave the argument out." },
      );
    this.#ordered.push(resource);
    for (const companion of companions) {
      const child: ArmResource = {
        symbol: this.#symbol(
          `${resource.symbol}${companion.type.charAt(0).toUpperCase()}${companion.type.slice(1).replace(/s$/, "")}`,
        ),
        type: `${resource.type}/${companion.type}`,
        apiVersion: companion.apiVersion,
        name: companion.name,
        parent: resource,
        ...(companion.location ? { location: companion.location } : {}),
        properties: convert(companion.properties) as ArmObject,
        dependsOn: [],
        addresses: [node.address],
      };
      this.#companions.set(`${resource.symbol}/${companion.type}`, child);
      this.#ordered.push(child);
    }
  }

  /** A split resource's arguments, added to the resource it configures (lists appended). */
  #merge(node: ResourceNode): void {
    const mapping = mappingOf(node);
    const resource = this.#target(
      node.properties[mapping.mergeInto as string],
      node,
      mapping.mergeInto as string,
    );
    const args = {
      get: (n: string) => node.properties[n] ?? undefined,
      block: (n: string) => firstBlock(node.properties[n] ?? undefined),
    };
    deepMerge(
      resource.properties,
      this.#converter(node.address)(mapping.body(args, node).properties) as ArmObject,
    );
    resource.addresses.push(node.address);
  }

  #mergedTarget(address: string): ArmResource | undefined {
    const node = this.#byAddress.get(address);
    const via = node ? mappingOf(node).mergeInto : undefined;
    const target = node && via ? node.properties[via] : undefined;
    return target instanceof Ref ? this.#resources.get(target.address) : undefined;
  }

  #target(value: Value | undefined, node: ResourceNode, argument: string): ArmResource {
    const target = value instanceof Ref ? this.#resources.get(value.address) : undefined;
    if (!target)
      throw new UnsupportedByFormatError(
        `${node.address}: its \`${argument}\` must refer to a resource in this environment.`,
      );
    return target;
  }

  #symbol(base: string): string {
    let symbol = base;
    for (let n = 2; this.#symbols.has(symbol); n++) symbol = `${base}${n}`;
    this.#symbols.add(symbol);
    return symbol;
  }

  #converter(where: string): (value: ArmInput) => ArmValue {
    const convert = (value: ArmInput): ArmValue => {
      if (value === null || typeof value !== "object") {
        if (typeof value === "number" && !Number.isFinite(value))
          throw new UnsupportedByFormatError(`${where} is ${value}, which ARM cannot represent.`);
        return value;
      }
      if (value instanceof ArmCall)
        return expr({ kind: "call", fn: value.fn, args: value.args.map(convert) });
      if (value instanceof Ref) return this.#attribute(value, where);
      if (value instanceof VarRef) {
        if (!this.#variables.has(value.name))
          throw new UnsupportedByFormatError(
            `${where} uses input \`${value.name}\`, which the environment does not declare.`,
          );
        return expr({ kind: "parameter", name: value.name });
      }
      if (value instanceof Template)
        return simplify(value.parts.map((p) => (typeof p === "string" ? p : convert(p))));
      if (value instanceof Encoded) {
        if (value.encoding === "base64")
          return expr({ kind: "call", fn: "base64", args: [convert(value.value)] });
        throw new UnsupportedByFormatError(`${where}: JSON documents cannot be generated as ARM yet.`);
      }
      if (value instanceof Unknown)
        throw new UnsupportedByFormatError(
          `${where} is not known statically (${value.reason}); it cannot be generated.`,
        );
      if (Array.isArray(value)) return value.map(convert);
      const out: ArmObject = {};
      for (const [key, item] of Object.entries(value)) out[key] = convert(item as ArmInput);
      return out;
    };
    return convert;
  }

  #attribute(ref: Ref, where: string): ArmValue {
    const node = this.#byAddress.get(ref.address);
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
    const resource = this.#resources.get(ref.address);
    const target: ArmAttribute | undefined = mappingOf(node).attributes[key];
    if (!resource || !target)
      throw new UnsupportedByFormatError(
        `\`${ref.address}.${key}\` has no ARM equivalent in plinth's catalog yet (used by ${where}).`,
      );
    if ("id" in target) return expr({ kind: "id", resource });
    if ("name" in target) return expr({ kind: "name", resource });
    if ("full" in target) return expr({ kind: "reference", resource, path: target.full, full: true });
    return expr({ kind: "reference", resource, path: target.reference, full: false });
  }
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

/** Objects merge key by key, lists append. */
function deepMerge(target: ArmObject, source: ArmObject): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value];
    else if (isMergeable(existing) && isMergeable(value)) deepMerge(existing, value);
    else target[key] = value;
  }
}

function isMergeable(value: ArmValue | undefined): value is ArmObject {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !isExpr(value);
}

function camel(name: string): string {
  return name.replace(/[_-]([a-z0-9])/gi, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, "");
}
