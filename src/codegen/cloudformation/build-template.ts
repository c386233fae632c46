import { CLOUDFORMATION } from "../../catalog/aws/cloudformation.ts";
import type { CfnAttribute, CloudFormationMapping } from "../../catalog/cloudformation-mapping.ts";
import type { ResourceGraph, ResourceNode } from "../../model/graph.ts";
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
import {
  CfnBase64,
  type CfnExpr,
  CfnGetAtt,
  type CfnObject,
  CfnRef,
  CfnSub,
  entriesBefore,
  simplifySub,
  targetsIn,
} from "./intrinsics.ts";

export interface CfnResource {
  logicalId: string;
  type: string;
  dependsOn: string[];
  retention?: "Delete" | "Retain" | "Snapshot";
  /** The plinth (Terraform) addresses this resource stands for, merged ones included. */
  addresses: string[];
  /** The plinth component it belongs to: nested stacks keep a component together. */
  component?: string;
  properties: CfnObject;
  /**
   * The logical IDs and parameters `properties` refer to (pseudo parameters aside): what `targetsIn`
   * finds, recorded as the references are made, so the steps after (DependsOn pruning, nested stacks)
   * need not search every resource's properties again.
   */
  targets: Set<string>;
}

export interface CfnParameter {
  logicalId: string;
  type: "String" | "Number";
  description: string;
  default?: string | number;
  noEcho: boolean;
}

export interface CfnOutput {
  logicalId: string;
  description?: string;
  value: CfnExpr;
}

export interface TemplateModel {
  description: string;
  parameters: CfnParameter[];
  resources: CfnResource[];
  outputs: CfnOutput[];
}

/**
 * A graph as one CloudFormation template: each Terraform resource through its catalog mapping, split
 * resources merged into the one CloudFormation resource they configure, references as `Ref`/`GetAtt`/
 * `Sub`, inputs as parameters. Throws UnsupportedByFormatError naming any type or argument without a
 * mapping; nothing is dropped silently.
 */
export function buildTemplate(graph: ResourceGraph): TemplateModel {
  if (graph.nodes.some((n) => n.region && n.region !== graph.region))
    throw new UnsupportedByFormatError(
      "A CloudFormation stack lives in one region; this environment has resources in several.",
      { hint: "Generate Terraform for multi-region environments." },
    );
  const builder = new TemplateBuilder(graph);
  return builder.build();
}

// Per node, by its index in graph.nodes: at tens of thousands of nodes, one address lookup per
// reference (into #index) and arrays for the rest cost a fraction of a map per fact.
class TemplateBuilder {
  readonly #graph: ResourceGraph;
  /** Address → index of its node. */
  readonly #index = new Map<string, number>();
  /** Logical ID of the CloudFormation resource each node became (merged nodes: their target's). */
  readonly #logicalIds: string[] = [];
  /** The node whose CloudFormation resource each node is part of: itself, or the one it merges into. */
  readonly #owners: number[] = [];
  readonly #parameters = new Map<string, CfnParameter>();
  /** Where the references made while converting are recorded: the targets of the resource being built. */
  #targets = new Set<string>();

  constructor(graph: ResourceGraph) {
    this.#graph = graph;
    for (let i = 0; i < graph.nodes.length; i++) this.#index.set((graph.nodes[i] as ResourceNode).address, i);
  }

  build(): TemplateModel {
    const graph = this.#graph;
    for (const variable of graph.variables) {
      this.#parameters.set(variable.name, {
        logicalId: logicalName(variable.name),
        type: variable.type === "number" ? "Number" : "String",
        description: variable.description,
        ...(variable.default !== undefined
          ? { default: typeof variable.default === "boolean" ? String(variable.default) : variable.default }
          : {}),
        noEcho: Boolean(variable.sensitive),
      });
    }
    this.#assignLogicalIds();

    /** The resource of each owner node, and all resources in template order. */
    const owned: Array<CfnResource | undefined> = [];
    const resources: CfnResource[] = [];
    /** Resources where merging replaced a converted value: their recorded targets may be too many. */
    const replaced: CfnResource[] = [];
    for (let i = 0; i < graph.nodes.length; i++) {
      const node = graph.nodes[i] as ResourceNode;
      const mapping = mappingOf(node);
      const owner = this.#owners[i] as number;
      const logicalId = this.#logicalIds[i] as string;
      let resource = owned[owner];
      if (!resource) {
        resource = {
          logicalId,
          type: mapping.type,
          dependsOn: [],
          addresses: [],
          properties: {},
          targets: new Set(),
        };
        if (node.component) resource.component = node.component;
        owned[owner] = resource;
        resources.push(resource);
      }
      resource.addresses.push(node.address);
      const retention = mapping.retention?.(node);
      if (retention) resource.retention = retention;
      this.#targets = resource.targets;
      if (deepMerge(resource.properties, this.#properties(node, mapping))) replaced.push(resource);
      for (const dependency of node.dependsOn) resource.dependsOn.push(this.#logicalIdOf(dependency, node));
      for (const wait of mapping.waitsFor?.(node) ?? [])
        resource.dependsOn.push(`${this.#logicalIdOf(wait.address, node)}${wait.suffix}`);
      for (const companion of mapping.companions?.(node) ?? []) {
        const id = `${logicalId}${companion.suffix}`;
        this.#targets = new Set();
        resources.push({
          logicalId: id,
          type: companion.type,
          dependsOn: [],
          addresses: [node.address],
          ...(node.component ? { component: node.component } : {}),
          properties: this.#convertAll(companion.properties, node.address),
          targets: this.#targets,
        });
      }
    }
    for (const resource of replaced) resource.targets = targetsIn(resource.properties);
    for (const resource of resources) {
      if (resource.dependsOn.length === 0) continue;
      // An explicit dependency that a reference already expresses is noise (cfn-lint W3005).
      const kept: string[] = [];
      for (const d of resource.dependsOn)
        if (d !== resource.logicalId && !resource.targets.has(d) && !kept.includes(d)) kept.push(d);
      resource.dependsOn = kept;
    }
    this.#targets = new Set();
    return {
      description: `plinth: app ${graph.app}, environment ${graph.env} (${graph.region})`,
      parameters: [...this.#parameters.values()],
      resources,
      outputs: graph.outputs.map((output) => ({
        // Output names are letters and digits; plinth's are camelCase already.
        logicalId: output.name.replace(/[^A-Za-z0-9]/g, "") || "Output",
        ...(output.description ? { description: output.description } : {}),
        value: this.#convert(output.value, `output ${output.name}`),
      })),
    };
  }

  /** `aws_s3_bucket.assets` → `AssetsBucket`: the local name, then the CloudFormation type's own name. */
  #assignLogicalIds(): void {
    const nodes = this.#graph.nodes;
    const taken = new Set<string>();
    const merged: number[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as ResourceNode;
      const mapping = mappingOf(node);
      if (mapping.mergeInto) {
        merged.push(i);
        continue;
      }
      const base = logicalName(node.name) + typeSuffix(mapping.type);
      let id = base;
      for (let n = 2; taken.has(id) || this.#parameters.has(id); n++) id = `${base}${n}`;
      taken.add(id);
      this.#logicalIds[i] = id;
      this.#owners[i] = i;
    }
    for (const i of merged) {
      const node = nodes[i] as ResourceNode;
      const mapping = mappingOf(node);
      const target = node.properties[mapping.mergeInto as string];
      const t = target instanceof Ref ? this.#index.get(target.address) : undefined;
      const owner = t === undefined ? undefined : this.#owners[t];
      if (owner === undefined)
        throw new UnsupportedByFormatError(
          `${node.address} cannot be generated as CloudFormation: its \`${mapping.mergeInto}\` must refer to a resource in the same environment.`,
        );
      this.#logicalIds[i] = this.#logicalIds[owner] as string;
      this.#owners[i] = owner;
    }
  }

  #logicalIdOf(address: string, from: ResourceNode): string {
    const i = this.#index.get(address);
    if (i === undefined)
      throw new UnsupportedByFormatError(
        `${from.address} refers to ${address}, which is not in this environment.`,
      );
    return this.#logicalIds[i] as string;
  }

  #properties(node: ResourceNode, mapping: CloudFormationMapping): CfnObject {
    const out: Record<string, Value> = { ...mapping.fixed };
    for (const name in node.properties) {
      const value = node.properties[name] as Value;
      if (value === null) continue;
      if (name === "tags" && node.properties.tags !== undefined) {
        const style = mapping.tags ?? "list";
        if (style === "none" || !isPlainObject(value)) continue;
        out.Tags = style === "map" ? value : Object.entries(value).map(([Key, tag]) => ({ Key, Value: tag }));
        continue;
      }
      refuseDynamicReferences(value, `${node.address}.${name}`);
      const target = mapping.properties[name];
      if (target === undefined)
        throw new UnsupportedByFormatError(
          `${node.type} argument \`${name}\` (${node.address}) cannot be generated as CloudFormation yet.`,
          { hint: "Generate Terraform for it, or leave the argument out." },
        );
      if (typeof target === "string") mergeProperty(out, target, value);
      else deepMerge(out, target(value, node));
    }
    return this.#convertAll(out, node.address);
  }

  #convertAll(properties: Record<string, Value>, where: string): CfnObject {
    const out: CfnObject = {};
    for (const key in properties) out[key] = this.#convert(properties[key] as Value, `${where}.${key}`);
    return out;
  }

  /** A graph value as a template value. */
  #convert(value: Value, where: string): CfnExpr {
    if (value === null || typeof value !== "object") {
      if (typeof value === "number" && !Number.isFinite(value))
        throw new UnsupportedByFormatError(`${where} is ${value}, which CloudFormation cannot represent.`);
      return value;
    }
    if (value instanceof Ref) return this.#attribute(value, where);
    if (value instanceof VarRef) return this.#refer(new CfnRef(this.#parameter(value, where)));
    if (value instanceof Template)
      return simplifySub(value.parts.flatMap((part) => this.#subParts(part, where)));
    if (value instanceof Encoded) {
      if (value.encoding === "base64") return new CfnBase64(this.#convert(value.value, where));
      return simplifySub(this.#jsonParts(value.value, where));
    }
    if (value instanceof Unknown)
      throw new UnsupportedByFormatError(
        `${where} is not known statically (${value.reason}); it cannot be generated.`,
      );
    // Lists and objects are copied only from their first converted item on: most hold plain data
    // (tags, encryption, access blocks), which the template then shares with the graph instead of
    // holding a second copy of every resource's properties. Neither is ever mutated.
    if (Array.isArray(value)) {
      let out: CfnExpr[] | undefined;
      for (let i = 0; i < value.length; i++) {
        const item = value[i] as Value;
        const converted = this.#convert(item, where);
        if (out === undefined && converted !== item) out = value.slice(0, i) as CfnExpr[];
        if (out !== undefined) out.push(converted);
      }
      return out ?? (value as CfnExpr[]);
    }
    let out: CfnObject | undefined;
    let count = 0;
    let first = "";
    for (const key in value) {
      if (count++ === 0) first = key;
      const item = value[key] as Value;
      const converted = this.#convert(item, where);
      if (out === undefined && converted !== item) out = entriesBefore(value, key) as CfnObject;
      if (out !== undefined) out[key] = converted;
    }
    // A one-key object named like an intrinsic function would be evaluated by CloudFormation.
    if (count === 1 && (first === "Ref" || first.startsWith("Fn::")))
      throw new UnsupportedByFormatError(
        `${where} has the key \`${first}\`, which CloudFormation would read as an intrinsic function.`,
      );
    return out ?? (value as CfnObject);
  }

  #subParts(part: string | Ref | VarRef, where: string): Array<string | CfnRef | CfnGetAtt> {
    if (typeof part === "string") return [part];
    const converted = this.#convert(part, where);
    if (converted instanceof CfnSub) return [...converted.parts];
    if (converted instanceof CfnRef || converted instanceof CfnGetAtt) return [converted];
    return [String(converted)];
  }

  /** A JSON document as `Fn::Sub` text, references spliced into its strings. */
  #jsonParts(value: Value, where: string): Array<string | CfnRef | CfnGetAtt> {
    if (value instanceof Ref || value instanceof VarRef || value instanceof Template) {
      const parts =
        value instanceof Template
          ? value.parts.flatMap((p) => this.#subParts(p, where))
          : this.#subParts(value, where);
      return ['"', ...parts.map((p) => (typeof p === "string" ? JSON.stringify(p).slice(1, -1) : p)), '"'];
    }
    if (Array.isArray(value)) {
      const parts: Array<string | CfnRef | CfnGetAtt> = ["["];
      value.forEach((item, i) => {
        parts.push(...(i > 0 ? [","] : []), ...this.#jsonParts(item, where));
      });
      return [...parts, "]"];
    }
    if (isPlainObject(value)) {
      const parts: Array<string | CfnRef | CfnGetAtt> = ["{"];
      Object.entries(value).forEach(([key, item], i) => {
        parts.push(`${i > 0 ? "," : ""}${JSON.stringify(key)}:`, ...this.#jsonParts(item, where));
      });
      return [...parts, "}"];
    }
    if (value instanceof Encoded || value instanceof Unknown)
      throw new UnsupportedByFormatError(
        `${where}: a nested encoded document cannot be generated as CloudFormation.`,
      );
    return [JSON.stringify(value)];
  }

  #parameter(ref: VarRef, where: string): string {
    const parameter = this.#parameters.get(ref.name);
    if (!parameter)
      throw new UnsupportedByFormatError(
        `${where} uses input \`${ref.name}\`, which the environment does not declare.`,
      );
    return parameter.logicalId;
  }

  #attribute(ref: Ref, where: string): CfnExpr {
    const i = this.#index.get(ref.address);
    if (i === undefined)
      throw new UnsupportedByFormatError(
        `${where} refers to ${ref.address}, which is not in this environment.`,
      );
    const node = this.#graph.nodes[i] as ResourceNode;
    const logicalId = this.#logicalIds[i] as string;
    // Most references read one attribute (`id`, `arn`): its name is the key as it is.
    const [step] = ref.path;
    const key = ref.path.length === 1 && typeof step === "string" ? step : formatPath(ref.path).slice(1);
    const attribute: CfnAttribute | undefined = mappingOf(node).attributes[key];
    if (attribute === undefined) {
      const own = node.properties[key];
      if (typeof own === "string" || typeof own === "number") return own;
      throw new UnsupportedByFormatError(
        `\`${ref.address}.${key}\` has no CloudFormation equivalent in plinth's catalog yet (used by ${where}).`,
      );
    }
    if ("ref" in attribute) return this.#refer(new CfnRef(logicalId));
    if ("getAtt" in attribute) return this.#refer(new CfnGetAtt(logicalId, attribute.getAtt));
    if ("property" in attribute) return this.#convert(node.properties[attribute.property] ?? null, where);
    return simplifySub(
      attribute.sub.split(/(\$\{[^}]+\})/).map((piece): string | CfnRef => {
        const name = /^\$\{([^}]+)\}$/.exec(piece)?.[1];
        return name === undefined ? piece : this.#refer(new CfnRef(name === "Self" ? logicalId : name));
      }),
    );
  }

  /** Records a reference among the targets of the resource being converted. */
  #refer<T extends CfnRef | CfnGetAtt>(ref: T): T {
    if (!ref.target.startsWith("AWS::")) this.#targets.add(ref.target);
    return ref;
  }
}

/**
 * CloudFormation resolves `{{resolve:…}}` anywhere in a template, and it has no escape for it: text from
 * the spec holding one would read a parameter or secret at deploy time, so it is refused.
 */
function refuseDynamicReferences(value: Value, where: string): void {
  if (typeof value === "string") {
    if (value.includes("{{resolve:"))
      throw new UnsupportedByFormatError(
        `${where} contains \`{{resolve:\`, which CloudFormation would resolve as a dynamic reference.`,
      );
  } else if (typeof value !== "object" || value === null || value instanceof Ref || value instanceof VarRef)
    return; // numbers, booleans and references hold no text from the spec: the common case, answered first
  else if (value instanceof Template) {
    for (const part of value.parts) refuseDynamicReferences(typeof part === "string" ? part : null, where);
  } else if (value instanceof Encoded) refuseDynamicReferences(value.value, where);
  else if (Array.isArray(value)) for (const item of value) refuseDynamicReferences(item, where);
  else if (isPlainObject(value)) for (const key in value) refuseDynamicReferences(value[key] as Value, where);
}

function mappingOf(node: ResourceNode): CloudFormationMapping {
  const mapping = CLOUDFORMATION[node.type];
  if (!mapping)
    throw new UnsupportedByFormatError(
      `${node.type} cannot be generated as CloudFormation yet (${node.address}).`,
      {
        hint: "Generate Terraform for this environment, or ask for the type to be added to plinth's catalog.",
      },
    );
  return mapping;
}

/** `AWS::S3::Bucket` → `Bucket`, the last part of logical IDs. */
function typeSuffix(type: string): string {
  let suffix = typeSuffixes.get(type);
  if (suffix === undefined) {
    suffix = type.split("::")[2] ?? "";
    typeSuffixes.set(type, suffix);
  }
  return suffix;
}

// Types repeat across thousands of resources and are few: each suffix is derived once.
const typeSuffixes = new Map<string, string>();
const ALPHANUMERIC = /^[A-Za-z][A-Za-z0-9]*$/;

/** `net_private-a` → `NetPrivateA`: logical IDs are letters and digits only. */
export function logicalName(name: string): string {
  // Most names are letters and digits already (`b0`, `assets`): only their first letter changes.
  if (ALPHANUMERIC.test(name)) return name.charAt(0).toUpperCase() + name.slice(1);
  const id = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join("");
  return /^[A-Za-z]/.test(id) ? id : `R${id}`;
}

/**
 * Objects merge key by key, lists append: several Terraform resources fill one CloudFormation resource.
 * Returns whether a value already there was replaced (rather than merged or added).
 */
function deepMerge(target: Record<string, unknown>, source: Record<string, unknown>): boolean {
  let replaced = false;
  for (const key in source) if (mergeProperty(target, key, source[key])) replaced = true;
  return replaced;
}

/** `deepMerge(target, { [key]: value })`, without the object. */
function mergeProperty(target: Record<string, unknown>, key: string, value: unknown): boolean {
  const existing = target[key];
  if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value];
  else if (isMergeable(existing) && isMergeable(value)) {
    const copy = { ...existing };
    target[key] = copy;
    return deepMerge(copy, value);
  } else {
    target[key] = value;
    return existing !== undefined;
  }
  return false;
}

function isMergeable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}
