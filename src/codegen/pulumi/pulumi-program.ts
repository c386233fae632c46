import type { ProviderSchemas, SchemaBlock } from "../../catalog/provider-schemas.ts";
import {
  type Cloud,
  dependencyOrderIndices,
  type GraphVariable,
  type ResourceGraph,
  type ResourceNode,
} from "../../model/graph.ts";
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
  camelCase,
  fieldOverrides,
  type PulumiField,
  type PulumiToken,
  pulumiField,
  pulumiToken,
} from "./pulumi-names.ts";

/** Program values: data plus references to resources and config, interpolations and encodings. */
export type PValue =
  | null
  | boolean
  | number
  | string
  | PValue[]
  | PObject
  | PRef
  | PConfig
  | PInterpolate
  | PEncode;
export interface PObject {
  [key: string]: PValue;
}

/** `netVpc.id`, `dbInstance.masterUserSecrets[0].secretArn` (path in Pulumi's names). */
export class PRef {
  readonly resource: string;
  readonly path: ReadonlyArray<string | number>;
  constructor(resource: string, path: ReadonlyArray<string | number>) {
    this.resource = resource;
    this.path = path;
  }
}

export class PConfig {
  readonly key: string;
  constructor(key: string) {
    this.key = key;
  }
}

export class PInterpolate {
  readonly parts: ReadonlyArray<string | PRef | PConfig>;
  constructor(parts: ReadonlyArray<string | PRef | PConfig>) {
    this.parts = parts;
  }
}

export class PEncode {
  readonly encoding: "json" | "base64";
  readonly value: PValue;
  constructor(encoding: "json" | "base64", value: PValue) {
    this.encoding = encoding;
    this.value = value;
  }
}

export interface PResource {
  /** Logical name, also the TypeScript variable: `assetsBucket`. */
  name: string;
  token: PulumiToken;
  properties: PObject;
  dependsOn: string[];
  /** An explicit provider (another region), by its resource name. */
  provider?: string;
  address: string;
}

/**
 * A Pulumi program. Resources and outputs are converted as a writer reads them, once and in order
 * (resources first, as every writer writes them), so a large graph's program never exists whole.
 */
export interface PulumiProgram {
  project: string;
  description: string;
  /** The provider package: `aws`, `gcp`, `azure-native`… */
  pkg: string;
  /** Provider settings for every stack (`aws:region`). */
  providerConfig: Record<string, string>;
  config: GraphVariable[];
  /** Providers for regions other than the environment's. */
  regionProviders: Array<{ name: string; region: string }>;
  resources: Iterable<PResource>;
  outputs: Iterable<{ name: string; value: PValue }>;
}

/**
 * A graph as a Pulumi program for the cloud's Terraform-bridged provider: resources in address order, or
 * with `ordered` in dependency order (TypeScript declares a resource before its use), each with its current type token and properties renamed as the
 * bridge names them; references to other resources and to config stay references.
 */
export function pulumiProgram(
  graph: ResourceGraph,
  schemas: ProviderSchemas,
  ordered: boolean,
): PulumiProgram {
  // What is known of each node is kept by its index in graph.nodes: at tens of thousands of nodes, one
  // address lookup per reference (into `index`) and arrays for the rest cost a fraction of a map each.
  const index = new Map<string, number>();
  const names: string[] = [];
  const tokens: PulumiToken[] = [];
  // Outputs are exported constants in TypeScript: resources take other names.
  const taken = new Set<string>(graph.outputs.map((o) => o.name));
  // A component's resources share its name (a bucket's six): each name is cased once.
  const camelNames = new Map<string, string>();
  for (let i = 0; i < graph.nodes.length; i++) {
    const node = graph.nodes[i] as ResourceNode;
    index.set(node.address, i);
    const token = pulumiToken(node.type, graph.cloud, node.address);
    tokens.push(token);
    let camel = camelNames.get(node.name);
    if (camel === undefined) {
      camel = camelCase(node.name);
      camelNames.set(node.name, camel);
    }
    const base = identifier(`${camel}${token.name}`);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    names.push(name);
  }
  const provider = tokens[0]?.pkg ?? graph.cloud;
  const otherRegions = new Set<string>();
  for (const node of graph.nodes)
    if (node.region && node.region !== graph.region) otherRegions.add(node.region);
  const regions = [...otherRegions].sort();
  const regionProviders = regions.map((region) => ({
    name: identifier(camelCase(`${provider}_${region}`)),
    region,
  }));
  const converter = new ValueConverter(
    index,
    names,
    graph.nodes,
    schemas,
    new Set(graph.variables.map((v) => v.name)),
    graph.cloud,
  );

  function dependencyName(node: ResourceNode, dependency: string): string {
    const i = index.get(dependency);
    if (i === undefined)
      throw new UnsupportedByFormatError(
        `${node.address} depends on ${dependency}, which is not in this environment.`,
      );
    return names[i] as string;
  }
  function* resources(): Generator<PResource> {
    const order = ordered ? dependencyOrderIndices(graph) : graph.nodes.map((_, i) => i);
    for (const i of order) {
      const node = graph.nodes[i] as ResourceNode;
      const resource: PResource = {
        name: names[i] as string,
        token: tokens[i] as PulumiToken,
        properties: converter.properties(node),
        dependsOn: node.dependsOn.length === 0 ? [] : node.dependsOn.map((d) => dependencyName(node, d)),
        address: node.address,
      };
      const regional =
        regionProviders.length > 0 ? regionProviders.find((p) => p.region === node.region) : undefined;
      if (regional) resource.provider = regional.name;
      yield resource;
    }
  }
  function* outputs(): Generator<{ name: string; value: PValue }> {
    for (const output of graph.outputs)
      yield { name: output.name, value: converter.raw(output.value, `output ${output.name}`) };
  }

  return {
    project: graph.app,
    description: `plinth: app ${graph.app}, environment ${graph.env} (${graph.region})`,
    pkg: provider,
    providerConfig: graph.cloud === "azure" ? {} : { [`${provider}:region`]: graph.region },
    config: graph.variables,
    regionProviders,
    resources: resources(),
    outputs: outputs(),
  };
}

type FieldOverrides = Readonly<Record<string, { name: string; flattened: boolean }>>;

class ValueConverter {
  /** Address → index in `#names` and `#nodes`. */
  readonly #index: Map<string, number>;
  readonly #names: ReadonlyArray<string>;
  readonly #nodes: ReadonlyArray<ResourceNode>;
  readonly #schemas: ProviderSchemas;
  readonly #variables: Set<string>;
  readonly #cloud: Cloud;

  constructor(
    index: Map<string, number>,
    names: ReadonlyArray<string>,
    nodes: ReadonlyArray<ResourceNode>,
    schemas: ProviderSchemas,
    variables: Set<string>,
    cloud: Cloud,
  ) {
    this.#index = index;
    this.#names = names;
    this.#nodes = nodes;
    this.#schemas = schemas;
    this.#variables = variables;
    this.#cloud = cloud;
  }

  readonly #bySchema = new Map<string, SchemaBlock | undefined>();

  /** Looked up once per type, not per resource. */
  #schema(type: string): SchemaBlock | undefined {
    if (!this.#bySchema.has(type)) this.#bySchema.set(type, this.#schemas.resource(type));
    return this.#bySchema.get(type);
  }

  properties(node: ResourceNode): PObject {
    const overrides = fieldOverrides(node.type, this.#cloud);
    return this.#block(node.properties, this.#schema(node.type), node.address, "", overrides);
  }

  /** Arguments of a resource or block, renamed through the schema (`path`: Terraform names, for overrides). */
  #block(
    values: Record<string, Value>,
    schema: SchemaBlock | undefined,
    where: string,
    path: string,
    overrides: FieldOverrides,
  ): PObject {
    const out: PObject = {};
    for (const name in values) {
      const value = values[name] as Value;
      if (value === null) continue;
      const fieldPath = path ? `${path}.${name}` : name;
      const field = pulumiField(name, schema, overrides[fieldPath]);
      out[field.name] = this.#field(value, field, `${where}.${name}`, fieldPath, overrides);
    }
    return out;
  }

  #field(value: Value, field: PulumiField, where: string, path: string, overrides: FieldOverrides): PValue {
    const nested =
      field.block ??
      (field.attribute?.nested_type ? { attributes: field.attribute.nested_type.attributes } : undefined);
    if (!nested) return this.raw(value, where);
    const items = Array.isArray(value) ? value : [value];
    const converted = items.map((item) =>
      isPlainObject(item) ? this.#block(item, nested, where, path, overrides) : this.raw(item, where),
    );
    if (field.block) return field.flattened ? (converted[0] ?? null) : converted;
    return Array.isArray(value) ? converted : (converted[0] ?? null);
  }

  /** A value whose keys are data (maps, documents), converted without renaming. */
  raw(value: Value, where: string): PValue {
    if (value === null || typeof value !== "object") {
      if (typeof value === "number" && !Number.isFinite(value))
        throw new UnsupportedByFormatError(`${where} is ${value}, which Pulumi cannot represent.`);
      return value;
    }
    if (value instanceof Ref) return this.#reference(value, where);
    if (value instanceof VarRef) {
      if (!this.#variables.has(value.name))
        throw new UnsupportedByFormatError(
          `${where} uses input \`${value.name}\`, which the environment does not declare.`,
        );
      return new PConfig(value.name);
    }
    if (value instanceof Template)
      return new PInterpolate(
        value.parts.map((part) =>
          typeof part === "string" ? part : (this.raw(part, where) as PRef | PConfig),
        ),
      );
    if (value instanceof Encoded) return new PEncode(value.encoding, this.raw(value.value, where));
    if (value instanceof Unknown)
      throw new UnsupportedByFormatError(
        `${where} is not known statically (${value.reason}); it cannot be generated.`,
      );
    if (Array.isArray(value)) return value.map((item) => this.raw(item, where));
    const out: PObject = {};
    let count = 0;
    let first = "";
    for (const key in value) {
      if (count++ === 0) first = key;
      out[key] = this.raw(value[key] as Value, where);
    }
    // Pulumi YAML reads a one-key object named `fn::…` as a built-in function call.
    if (count === 1 && /^fn::/i.test(first))
      throw new UnsupportedByFormatError(
        `${where} has the key \`${first}\`, which Pulumi YAML would read as a function.`,
      );
    return out;
  }

  #reference(ref: Ref, where: string): PRef {
    const i = this.#index.get(ref.address);
    if (i === undefined)
      throw new UnsupportedByFormatError(
        `${where} refers to ${ref.address}, which is not in this environment.`,
      );
    const name = this.#names[i] as string;
    const node = this.#nodes[i] as ResourceNode;
    // Most references read one attribute (`id`, `arn`) of a few types: its Pulumi name is found once.
    const [step] = ref.path;
    if (ref.path.length !== 1 || typeof step !== "string")
      return new PRef(name, pulumiPath(ref.path, this.#schema(node.type)));
    const key = `${node.type}.${step}`;
    let path = this.#attributePaths.get(key);
    if (path === undefined) {
      path = pulumiPath(ref.path, this.#schema(node.type));
      this.#attributePaths.set(key, path);
    }
    return new PRef(name, path);
  }

  /** `type.attribute` → its Pulumi path, for references of one step. */
  readonly #attributePaths = new Map<string, ReadonlyArray<string | number>>();
}

/** A Terraform attribute path in Pulumi's names: `master_user_secret[0].secret_arn` → `masterUserSecrets[0].secretArn`. */
export function pulumiPath(path: AttributePath, schema: SchemaBlock | undefined): Array<string | number> {
  const out: Array<string | number> = [];
  let block: SchemaBlock | undefined = schema;
  let skipIndex = false;
  let inData = false;
  for (const step of path) {
    if (typeof step === "number") {
      if (!skipIndex) out.push(step);
      skipIndex = false;
      continue;
    }
    skipIndex = false;
    if (inData) {
      out.push(step);
      continue;
    }
    const field = pulumiField(step, block);
    out.push(field.name);
    if (field.block) {
      block = field.block;
      skipIndex = field.flattened;
    } else inData = true;
  }
  return out;
}

/** A TypeScript identifier that is no reserved word. */
function identifier(name: string): string {
  if (IDENTIFIER.test(name) && !RESERVED.has(name)) return name;
  const clean = name.replace(/[^A-Za-z0-9_$]/g, "_");
  const safe = /^[A-Za-z_$]/.test(clean) ? clean : `_${clean}`;
  return RESERVED.has(safe) ? `${safe}Resource` : safe;
}

/** Names that need no cleaning (most): letters, digits, `_` and `$`, not starting with a digit. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const RESERVED = new Set(
  "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await config pulumi aws gcp azure".split(
    " ",
  ),
);
