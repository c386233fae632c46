import { basename, extname } from "node:path";
import { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import { DEFAULT_REGION } from "../../catalog/regions.ts";
import { InputError, type SourceLocation } from "../../errors.ts";
import type { GraphOutput, GraphVariable, ResourceGraph, ResourceNode } from "../../model/graph.ts";
import {
  type AttributePath,
  isPlainObject,
  Ref,
  Unknown,
  type Value,
  type ValueObject,
} from "../../model/value.ts";
import { type Diagnostic, sortDiagnostics } from "../../spec/diagnostics.ts";
import { pointerOf, type SourceMap } from "../../spec/source-map.ts";
import { sortByAddress } from "../graph-parts.ts";
import type { ReadInfrastructureOptions } from "../read-infrastructure.ts";
import { evaluateCondition, evaluateIntrinsics, NO_VALUE, type TemplateScope } from "./intrinsics.ts";
import { parseTemplate } from "./parse-template.ts";
import { expandsServerless, withGlobals } from "./sam-globals.ts";
import { applyMapping, type CloudFormationMapping, get, mainMapping } from "./type-mapping.ts";
import { CLOUDFORMATION_MAPPINGS } from "./types/index.ts";

type Template = {
  Parameters?: Record<string, { Type?: string; Default?: unknown; NoEcho?: unknown; Description?: string }>;
  Mappings?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources?: Record<
    string,
    { Type?: unknown; Properties?: unknown; Condition?: unknown; DependsOn?: unknown }
  >;
  Outputs?: Record<string, { Value?: unknown; Description?: string }>;
  Transform?: unknown;
  Globals?: unknown;
};

/**
 * Reads a CloudFormation template (YAML or JSON): parameters (defaults, overrides from `options.vars`,
 * pseudo parameters), conditions, mappings and intrinsic functions are resolved; resources whose
 * condition is false are left out; the types policy and cost know become their Terraform resources
 * (split as Terraform splits them, linked by `Ref`s), the others keep their CloudFormation type.
 */
export function readTemplate(
  text: string,
  options: ReadInfrastructureOptions,
): { graphs: ResourceGraph[]; warnings: Diagnostic[] } {
  const display = options.display ?? "template";
  const { data, sources } = parseTemplate(text, display);
  if (!isPlainObject(data as Value) || !isPlainObject(((data as Template).Resources ?? null) as Value)) {
    throw new InputError(`${display} has no \`Resources\` mapping, so it is not a CloudFormation template.`, {
      location: sources.value(""),
    });
  }
  const reader = new TemplateReader(data as Template, sources, options, display);
  const graph = reader.graph();
  return { graphs: [graph], warnings: sortDiagnostics(reader.warnings) };
}

const PSEUDO_PARAMETERS: Readonly<Record<string, (vars: Readonly<Record<string, string>>) => Value>> = {
  "AWS::Region": (vars) => vars["AWS::Region"] ?? new Unknown("the stack's region"),
  "AWS::AccountId": (vars) => vars["AWS::AccountId"] ?? new Unknown("the stack's account"),
  "AWS::StackName": (vars) => vars["AWS::StackName"] ?? new Unknown("the stack's name"),
  "AWS::StackId": () => new Unknown("the stack's id"),
  "AWS::NotificationARNs": () => new Unknown("the stack's notification topics"),
  "AWS::Partition": (vars) =>
    vars["AWS::Region"]?.startsWith("cn-")
      ? "aws-cn"
      : vars["AWS::Region"]?.startsWith("us-gov-")
        ? "aws-us-gov"
        : "aws",
  "AWS::URLSuffix": (vars) => (vars["AWS::Region"]?.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com"),
};

class TemplateReader {
  readonly warnings: Diagnostic[] = [];
  readonly #template: Template;
  readonly #sources: SourceMap;
  readonly #vars: Readonly<Record<string, string>>;
  readonly #display: string;
  readonly #schemas: ProviderSchemas;
  readonly #parameters = new Map<string, Value>();
  readonly #conditions = new Map<string, boolean | Unknown>();
  readonly #evaluatingConditions = new Set<string>();
  readonly #scope: TemplateScope;

  constructor(template: Template, sources: SourceMap, options: ReadInfrastructureOptions, display: string) {
    this.#template = template;
    this.#sources = sources;
    this.#vars = options.vars ?? {};
    this.#display = display;
    this.#schemas = options.schemas ?? new ProviderSchemas();
    if (template.Transform !== undefined && !expandsServerless(template.Transform)) {
      this.#warn(
        "The template uses a Transform; plinth reads it as written, without expanding it.",
        "/Transform",
      );
    }
    for (const [name, parameter] of Object.entries(template.Parameters ?? {}))
      this.#parameters.set(name, this.#parameterValue(name, parameter));
    for (const name of Object.keys(this.#vars)) {
      if (!this.#parameters.has(name) && !(name in PSEUDO_PARAMETERS)) {
        this.warnings.push({
          severity: "warning",
          message: `A value is given for \`${name}\`, which the template does not declare as a parameter.`,
          location: { file: display, line: 1, col: 1 },
        });
      }
    }
    const resources = template.Resources ?? {};
    this.#scope = {
      parameter: (name) => this.#parameters.get(name) ?? PSEUDO_PARAMETERS[name]?.(this.#vars),
      resourceRef: (id) => {
        const resource = resources[id];
        if (!resource) return undefined;
        return new Ref(this.#address(id), [mappingOf(resource.Type)?.ref ?? "id"]);
      },
      resourceAttribute: (id, attribute) => {
        const resource = resources[id];
        if (!resource) return undefined;
        const mapping = mappingOf(resource.Type);
        return new Ref(this.#address(id), [mapping?.attributes?.[attribute] ?? snakeCase(attribute)]);
      },
      condition: (name) => this.#condition(name),
      mapping: (name) => (this.#template.Mappings?.[name] as Value | undefined) ?? undefined,
      warn: (message, pointer) => this.#warn(message, pointer),
    };
  }

  graph(): ResourceGraph {
    const nodes: ResourceNode[] = [];
    for (const [id, resource] of Object.entries(this.#template.Resources ?? {}))
      nodes.push(...this.#nodes(id, resource));
    const region = this.#vars["AWS::Region"] ?? DEFAULT_REGION.aws;
    const variables: GraphVariable[] = Object.entries(this.#template.Parameters ?? {}).map(([name, p]) => {
      const value = this.#parameters.get(name);
      const secret = p.NoEcho === true || p.NoEcho === "true";
      return {
        name,
        type: p.Type === "Number" ? "number" : "string",
        description: typeof p.Description === "string" ? p.Description : "",
        ...(secret ? { sensitive: true } : {}),
        ...(!secret && (typeof value === "string" || typeof value === "number") ? { default: value } : {}),
      };
    });
    const outputs: GraphOutput[] = Object.entries(this.#template.Outputs ?? {}).flatMap(([name, output]) => {
      const value = evaluateIntrinsics(output?.Value, pointerOf(["Outputs", name, "Value"]), this.#scope);
      if (value === NO_VALUE) return [];
      return [
        {
          name,
          value,
          ...(typeof output?.Description === "string" ? { description: output.Description } : {}),
        },
      ];
    });
    const app = basename(this.#display, extname(this.#display)) || "template";
    return { app, env: "default", cloud: "aws", region, nodes: sortByAddress(nodes), variables, outputs };
  }

  #nodes(id: string, resource: NonNullable<Template["Resources"]>[string]): ResourceNode[] {
    const pointer = pointerOf(["Resources", id]);
    const location = this.#sources.key(pointer);
    if (!isPlainObject((resource ?? null) as Value) || typeof resource.Type !== "string") {
      this.#warn(`The resource \`${id}\` has no \`Type\`; it is ignored.`, pointer);
      return [];
    }
    if (resource.Condition !== undefined) {
      const decided =
        typeof resource.Condition === "string"
          ? this.#condition(resource.Condition)
          : new Unknown("malformed");
      if (decided === false) return [];
      if (decided instanceof Unknown) {
        this.#warn(
          `Whether \`${id}\` is created depends on the condition \`${String(resource.Condition)}\`, which cannot be decided before deploy; it is read as created.`,
          `${pointer}/Condition`,
        );
      }
    }
    const written = expandsServerless(this.#template.Transform)
      ? withGlobals(resource.Type, resource.Properties, this.#template.Globals)
      : resource.Properties;
    const evaluated = evaluateIntrinsics(written ?? {}, `${pointer}/Properties`, this.#scope);
    const properties: ValueObject = isPlainObject(evaluated === NO_VALUE ? {} : evaluated)
      ? (evaluated as ValueObject)
      : {};
    const dependsOn = (
      Array.isArray(resource.DependsOn)
        ? resource.DependsOn
        : resource.DependsOn === undefined
          ? []
          : [resource.DependsOn]
    )
      .filter((d): d is string => typeof d === "string" && Object.hasOwn(this.#template.Resources ?? {}, d))
      .map((d) => this.#address(d));
    const region = this.#vars["AWS::Region"];
    const common = {
      name: id,
      source: location,
      origin: "cloudformation" as const,
      ...(region ? { region } : {}),
    };
    const mapping = mappingOf(resource.Type);
    if (!mapping) {
      this.#warn(
        `${resource.Type} is not mapped to a Terraform type; \`${id}\` keeps its CloudFormation type and properties.`,
        `${pointer}/Type`,
      );
      return [
        {
          ...common,
          address: this.#address(id),
          type: resource.Type,
          properties,
          dependsOn,
          sensitive: [],
          attributeSources: this.#rawSources(properties, `${pointer}/Properties`, []),
        },
      ];
    }
    const main = applyMapping(
      mainMapping(mapping, resource.Properties),
      properties,
      `${pointer}/Properties`,
      this.#sources,
    );
    const mainAddress = this.#address(id);
    const nodes: ResourceNode[] = [
      {
        ...common,
        address: mainAddress,
        type: main.terraformType,
        properties: main.properties,
        dependsOn,
        sensitive: this.#sensitive(main.terraformType, main.properties),
        attributeSources: main.attributeSources,
      },
    ];
    for (const split of mapping.split ?? []) {
      if (split.when && get(properties, split.when) === undefined) continue;
      const mapped = applyMapping(split, properties, `${pointer}/Properties`, this.#sources);
      if (split.link) {
        mapped.properties = {
          [split.link.argument]: new Ref(mainAddress, [split.link.attribute]),
          ...mapped.properties,
        };
        mapped.attributeSources[split.link.argument] = location;
      }
      nodes.push({
        ...common,
        address: `${split.terraformType}.${id}`,
        type: split.terraformType,
        properties: mapped.properties,
        dependsOn,
        sensitive: this.#sensitive(split.terraformType, mapped.properties),
        attributeSources: mapped.attributeSources,
        source: split.when
          ? this.#sources.key(`${pointer}/Properties/${split.when.split(".")[0]}`)
          : location,
      });
    }
    return nodes;
  }

  /** The address of a resource's main node: `aws_s3_bucket.Logs`, or `AWS::X::Y.Id` when unmapped. */
  #address(id: string): string {
    const resource = this.#template.Resources?.[id];
    const mapping = mappingOf(resource?.Type);
    return `${mapping ? mainMapping(mapping, resource?.Properties).terraformType : String(resource?.Type)}.${id}`;
  }

  #parameterValue(name: string, parameter: NonNullable<Template["Parameters"]>[string]): Value {
    const type = typeof parameter?.Type === "string" ? parameter.Type : "String";
    if (parameter?.NoEcho === true || parameter?.NoEcho === "true")
      return new Unknown(`the secret parameter ${name}`);
    const given = Object.hasOwn(this.#vars, name) ? this.#vars[name] : parameter?.Default;
    if (given === undefined || given === null) return new Unknown(`the parameter ${name} has no value`);
    if (type.startsWith("AWS::SSM::Parameter::Value"))
      return new Unknown(`the SSM parameter ${String(given)}, read at deploy time`);
    if (type.startsWith("List<") || type === "CommaDelimitedList") {
      const items = Array.isArray(given)
        ? given.map(String)
        : String(given)
            .split(",")
            .map((s) => s.trim());
      return type === "List<Number>" ? items.map(Number) : items;
    }
    if (type === "Number") {
      const n = Number(given);
      if (Number.isNaN(n)) {
        this.#warn(
          `The parameter \`${name}\` is a Number, but its value \`${String(given)}\` is not.`,
          pointerOf(["Parameters", name]),
        );
        return new Unknown(`the parameter ${name} is not a number`);
      }
      return n;
    }
    return String(given);
  }

  #condition(name: string): boolean | Unknown {
    const cached = this.#conditions.get(name);
    if (cached !== undefined) return cached;
    const definition = this.#template.Conditions?.[name];
    const pointer = pointerOf(["Conditions", name]);
    if (definition === undefined || this.#evaluatingConditions.has(name)) {
      this.#warn(
        `The condition \`${name}\` is ${definition === undefined ? "not defined" : "defined in terms of itself"}; it is read as unknown.`,
        pointer,
      );
      return new Unknown(`the condition ${name}`);
    }
    this.#evaluatingConditions.add(name);
    const result = evaluateCondition(definition, pointer, this.#scope);
    this.#evaluatingConditions.delete(name);
    this.#conditions.set(name, result);
    return result;
  }

  /** Arguments the provider schema marks sensitive (passwords, auth tokens). */
  #sensitive(type: string, properties: ValueObject): AttributePath[] {
    const attributes = this.#schemas.resource(type)?.attributes ?? {};
    return Object.keys(properties)
      .filter((k) => attributes[k]?.sensitive)
      .map((k) => [k]);
  }

  #rawSources(value: Value, pointer: string, path: Array<string | number>): Record<string, SourceLocation> {
    const out: Record<string, SourceLocation> = {};
    if (!isPlainObject(value)) return out;
    for (const [key, child] of Object.entries(value)) {
      const childPointer = `${pointer}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`;
      const childPath = [...path, key];
      out[childPath.join(".")] = this.#sources.key(childPointer);
      if (isPlainObject(child)) Object.assign(out, this.#rawSources(child, childPointer, childPath));
    }
    return out;
  }

  #warn(message: string, pointer: string): void {
    this.warnings.push({ severity: "warning", message, location: this.#sources.value(pointer) });
  }
}

function mappingOf(type: unknown): CloudFormationMapping | undefined {
  return typeof type === "string" ? CLOUDFORMATION_MAPPINGS.get(type) : undefined;
}

/** `DomainName` → `domain_name`, `Endpoint.Address` → `endpoint_address`. */
function snakeCase(name: string): string {
  return name
    .replace(/\./g, "_")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
