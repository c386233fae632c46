import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import type { SourceLocation } from "../../errors.ts";
import type { DiagnosticBag } from "../../spec/diagnostics.ts";
import { ComponentRef, SpecTemplate, type SpecValue } from "../../spec/expressions.ts";
import type {
  BucketComponent,
  Component,
  DatabaseComponent,
  NetworkComponent,
  QueueComponent,
  ResolvedSpec,
  SecretComponent,
  VmComponent,
} from "../../spec/types.ts";
import type { Cloud, GraphVariable, ResourceNode } from "../graph.ts";
import { localName, type NameRules, physicalName } from "../naming.ts";
import { type AttributePath, Ref, Template, type Value, VarRef } from "../value.ts";

export interface SubnetInfo {
  name: string;
  id: Value;
  cidr: string;
  public: boolean;
  zone: "a" | "b" | "c";
}

/** What a lowered network offers the components placed in it. */
export interface NetworkInfo {
  component: string;
  id: Value;
  cidr: string;
  subnets: SubnetInfo[];
  /** Cloud-specific handles (e.g. Azure's network security group), by name. */
  handles: Record<string, Value>;
}

/** The subnet a VM goes in: the one it names, else the network's first private one, else its first. */
export function subnetFor(network: NetworkInfo, name: string | undefined): SubnetInfo | undefined {
  return (
    network.subnets.find((s) => s.name === name) ??
    network.subnets.find((s) => !s.public) ??
    network.subnets[0]
  );
}

/** A subnet's zone letter when the spec gives none: subnets alternate between zones a and b. */
export function defaultZone(index: number): "a" | "b" {
  return index % 2 === 0 ? "a" : "b";
}

/** The result of lowering one component: the values its `${name.attribute}` references resolve to. */
export interface LoweredComponent {
  attributes: Record<string, Value>;
  /** For native components: any attribute of this resource may be referenced. */
  resource?: string;
  network?: NetworkInfo;
}

/** One cloud's lowering of each portable component type. */
export interface ComponentLowerings {
  network: (component: NetworkComponent, ctx: LoweringContext) => LoweredComponent;
  bucket: (component: BucketComponent, ctx: LoweringContext) => LoweredComponent;
  database: (component: DatabaseComponent, ctx: LoweringContext) => LoweredComponent;
  vm: (component: VmComponent, ctx: LoweringContext) => LoweredComponent;
  queue: (component: QueueComponent, ctx: LoweringContext) => LoweredComponent;
  secret: (component: SecretComponent, ctx: LoweringContext) => LoweredComponent;
}

export interface AddOptions {
  dependsOn?: string[];
  sensitive?: AttributePath[];
}

/**
 * Everything a component's lowering needs: the resolved spec, how to add native resources (tagged,
 * addressed, deterministic), and the results of the components lowered before it.
 */
export class LoweringContext {
  readonly spec: ResolvedSpec;
  readonly cloud: Cloud;
  readonly region: string;
  readonly schemas: ProviderSchemas;
  readonly bag: DiagnosticBag;
  readonly nodes = new Map<string, ResourceNode>();
  readonly variables = new Map<string, GraphVariable>();
  readonly lowered = new Map<string, LoweredComponent>();
  readonly #byComponent = new Map<string, string[]>();
  readonly #components: ReadonlyMap<string, Component>;
  /** Whether each type takes tags (labels), looked up once per type: graphs hold many of each. */
  readonly #taggable = new Map<string, boolean>();

  constructor(spec: ResolvedSpec, schemas: ProviderSchemas, bag: DiagnosticBag) {
    this.spec = spec;
    this.cloud = spec.cloud;
    this.region = spec.region;
    this.schemas = schemas;
    this.bag = bag;
    this.#components = new Map(spec.components.map((c) => [c.name, c]));
  }

  /** The spec's component of that name. */
  component(name: string): Component | undefined {
    return this.#components.get(name);
  }

  /**
   * Adds a native resource for `component` and returns its address. Tags (labels on GCP) are added to
   * every type that takes them: the app's, the environment's, the component's, then plinth's own.
   */
  add(
    component: Component | undefined,
    type: string,
    name: string,
    properties: Record<string, Value>,
    options: AddOptions = {},
  ): string {
    const address = `${type}.${name}`;
    if (this.nodes.has(address)) throw new Error(`lowering produced ${address} twice`);
    const node: ResourceNode = {
      address,
      type,
      name,
      properties: this.#withTags(type, address, component, properties),
      dependsOn: options.dependsOn ?? [],
      sensitive: options.sensitive ?? [],
    };
    if (component) {
      node.component = component.name;
      node.source = component.location;
    }
    this.nodes.set(address, node);
    if (component) {
      const own = this.#byComponent.get(component.name);
      if (own) own.push(address);
      else this.#byComponent.set(component.name, [address]);
    }
    return address;
  }

  /** The addresses a component's lowering added, in order. */
  addressesOf(component: string): string[] {
    return this.#byComponent.get(component) ?? [];
  }

  /** Adds a resource shared by several components (e.g. GCP's private services connection) once. */
  addOnce(
    type: string,
    name: string,
    properties: () => Record<string, Value>,
    options: AddOptions = {},
  ): string {
    const address = `${type}.${name}`;
    return this.nodes.has(address) ? address : this.add(undefined, type, name, properties(), options);
  }

  ref(address: string, ...path: Array<string | number>): Ref {
    return new Ref(address, path);
  }

  /** Declares an input of the generated program (once) and returns a reference to it. */
  variable(definition: GraphVariable): VarRef {
    if (!this.variables.has(definition.name)) this.variables.set(definition.name, definition);
    return new VarRef(definition.name);
  }

  /** A spec value with every `${component.attribute}` replaced by what that attribute lowered to. */
  value(value: SpecValue): Value {
    if (value instanceof ComponentRef) return this.attribute(value);
    if (value instanceof SpecTemplate) {
      const parts: Array<string | Ref | VarRef> = [];
      for (const part of value.parts) {
        const resolved = typeof part === "string" ? part : this.attribute(part);
        if (resolved instanceof Template) parts.push(...resolved.parts);
        else if (resolved instanceof Ref || resolved instanceof VarRef) parts.push(resolved);
        else parts.push(String(resolved));
      }
      return new Template(mergeText(parts));
    }
    if (Array.isArray(value)) return value.map((v) => this.value(v));
    if (value !== null && typeof value === "object") {
      const out: Record<string, Value> = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.value(v);
      return out;
    }
    return value;
  }

  attribute(ref: ComponentRef): Value {
    const lowered = this.lowered.get(ref.component);
    if (lowered?.resource && ref.attribute) return this.ref(lowered.resource, ref.attribute);
    const value = ref.attribute ? lowered?.attributes[ref.attribute] : undefined;
    if (value === undefined) throw new Error(`${ref} was not lowered before its use`);
    return value;
  }

  network(ref: ComponentRef): NetworkInfo {
    const network = this.lowered.get(ref.component)?.network;
    if (!network) throw new Error(`${ref} is not a lowered network`);
    return network;
  }

  /** `shop-prod-assets`, within the cloud's rules for this kind of name. */
  physicalName(component: Component, rules: NameRules, suffix?: string): string {
    return physicalName([this.spec.app, this.spec.env, component.name, ...(suffix ? [suffix] : [])], rules);
  }

  localName(component: Component, suffix?: string): string {
    return suffix ? localName(component.name, suffix) : localName(component.name);
  }

  error(message: string, location: SourceLocation, hint?: string): void {
    this.bag.error(message, location, hint);
  }

  /**
   * The tags of the resource at `address` (labels on GCP, sanitised to GCP's rules): the app's and the
   * environment's, the component's, the resource's own, then plinth's, which nothing overrides. `add`
   * applies them to every type with top-level tags; lowerings call this for the places it cannot reach,
   * such as Cloud SQL's `settings.user_labels` or a boot disk's labels.
   */
  tagsFor(
    address: string,
    component: Component | undefined,
    own: Record<string, string> = {},
  ): Record<string, string> {
    const tags: Record<string, string> = {
      ...this.spec.tags,
      ...component?.tags,
      ...own,
      "plinth:app": this.spec.app,
      "plinth:env": this.spec.env,
      "plinth:address": address,
    };
    return this.cloud === "gcp" ? toLabels(tags) : tags;
  }

  #withTags(
    type: string,
    address: string,
    component: Component | undefined,
    properties: Record<string, Value>,
  ): Record<string, Value> {
    const key = this.cloud === "gcp" ? "labels" : "tags";
    let taggable = this.#taggable.get(type);
    if (taggable === undefined) {
      taggable = key in (this.schemas.resource(type)?.attributes ?? {});
      this.#taggable.set(type, taggable);
    }
    if (!taggable) return properties;
    const own = properties[key];
    const ownTags =
      own && typeof own === "object" && !Array.isArray(own) ? (own as Record<string, string>) : {};
    return { ...properties, [key]: this.tagsFor(address, component, ownTags) };
  }
}

/** GCP labels: lowercase keys and values of letters, digits, `_` and `-`, at most 63 characters. */
function toLabels(tags: Record<string, string>): Record<string, string> {
  const clean = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{Ll}\p{Lo}\p{N}_-]/gu, "_")
      .slice(0, 63);
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    const labelKey = clean(key.replace(/^plinth:/, "plinth-"));
    labels[/^\p{Ll}/u.test(labelKey) ? labelKey : `x${labelKey}`.slice(0, 63)] = clean(value);
  }
  return labels;
}

function mergeText(parts: Array<string | Ref | VarRef>): Array<string | Ref | VarRef> {
  const merged: Array<string | Ref | VarRef> = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (typeof part === "string" && typeof last === "string") merged[merged.length - 1] = last + part;
    else if (part !== "") merged.push(part);
  }
  return merged;
}
