import { basename, dirname, resolve } from "node:path";
import { PROVIDERS } from "../../catalog/provider-schemas.ts";
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
import { hasTerraformFiles } from "../detect-input.ts";
import { dominantCloud, sortByAddress } from "../graph-parts.ts";
import type { ReadInfrastructureOptions } from "../read-infrastructure.ts";
import { jsonDecode } from "../terraform/functions/string-functions.ts";
import { PlanSources } from "./plan-sources.ts";

interface PlanResource {
  address: string;
  mode: string;
  type: string;
  name: string;
  index?: string | number;
  provider_name?: string;
  values?: ValueObject;
  sensitive_values?: Value;
}

interface PlanModule {
  address?: string;
  resources?: PlanResource[];
  child_modules?: PlanModule[];
}

interface ConfigExpression {
  constant_value?: Value;
  references?: string[];
}

interface ConfigModule {
  resources?: Array<{
    address: string;
    mode: string;
    provider_config_key?: string;
    expressions?: Record<string, ConfigExpression>;
    depends_on?: string[];
  }>;
  module_calls?: Record<string, { source?: string; module?: ConfigModule }>;
  variables?: Record<string, { sensitive?: boolean }>;
}

interface Plan {
  format_version?: string;
  variables?: Record<string, { value?: Value }>;
  planned_values?: {
    root_module?: PlanModule;
    outputs?: Record<string, { sensitive?: boolean; value?: Value }>;
  };
  values?: { root_module?: PlanModule; outputs?: Record<string, { sensitive?: boolean; value?: Value }> };
  resource_changes?: Array<{ address: string; change?: { after_unknown?: Value; after_sensitive?: Value } }>;
  configuration?: {
    provider_config?: Record<string, { name?: string; expressions?: Record<string, ConfigExpression> }>;
    root_module?: ConfigModule;
  };
}

/**
 * Reads `terraform show -json` output (a saved plan, or state): `planned_values` become nodes, values
 * Terraform knows only after apply (`after_unknown`) become `Ref`s where the configuration says which
 * resource they come from and `Unknown`s otherwise, and when the `.tf` files are beside the plan (or in
 * `options.source`) every node gets its block's file:line, argument lines and inline directives.
 */
export function readPlan(
  text: string,
  path: string,
  options: ReadInfrastructureOptions,
): { graphs: ResourceGraph[]; warnings: Diagnostic[] } {
  const display = options.display ?? path;
  let plan: Plan;
  try {
    plan = jsonDecode(text) as unknown as Plan;
  } catch {
    throw new InputError(`${display} is not valid JSON.`, {
      hint: "Create it with `terraform show -json plan.out > plan.json`.",
    });
  }
  const values = plan.planned_values ?? plan.values;
  if (!isPlainObject(plan as unknown as Value) || !values?.root_module) {
    throw new InputError(
      `${display} has no \`planned_values\`: it is not the output of \`terraform show -json\`.`,
    );
  }
  const warnings: Diagnostic[] = [];
  const sourceDirectory = options.source ? resolve(options.source) : dirname(path);
  const sources =
    options.source || hasTerraformFiles(sourceDirectory)
      ? new PlanSources(sourceDirectory, options.source ?? dirname(display), warnings)
      : undefined;
  const changes = new Map((plan.resource_changes ?? []).map((c) => [c.address, c.change ?? {}]));
  const config = configurationIndex(plan);
  const nodes: ResourceNode[] = [];
  const visit = (module: PlanModule) => {
    for (const resource of module.resources ?? []) {
      if (resource.mode !== "managed") continue;
      nodes.push(nodeOf(resource, changes.get(resource.address), config, sources, display));
    }
    for (const child of module.child_modules ?? []) visit(child);
  };
  visit(values.root_module);
  linkUnknownReferences(nodes, config);
  return {
    graphs: [graphOf(plan, nodes, basename(path).replace(/\.json$/i, ""), config)],
    warnings: sortDiagnostics(warnings),
  };
}

/** The configuration's resources by address without instance keys (`module.net.aws_vpc.this`). */
interface ConfigurationIndex {
  resources: Map<string, NonNullable<ConfigModule["resources"]>[number]>;
  regions: Map<string, string>;
}

function configurationIndex(plan: Plan): ConfigurationIndex {
  const regions = new Map<string, string>();
  for (const [key, provider] of Object.entries(plan.configuration?.provider_config ?? {})) {
    const region = provider.expressions?.region;
    const variable = region?.references?.find((r) => r.startsWith("var."))?.slice(4);
    const value = region?.constant_value ?? (variable ? plan.variables?.[variable]?.value : undefined);
    if (typeof value === "string") regions.set(key, value);
  }
  const resources = new Map<string, NonNullable<ConfigModule["resources"]>[number]>();
  const visit = (module: ConfigModule | undefined, prefix: string) => {
    for (const resource of module?.resources ?? []) resources.set(`${prefix}${resource.address}`, resource);
    for (const [name, call] of Object.entries(module?.module_calls ?? {}))
      visit(call.module, `${prefix}module.${name}.`);
  };
  visit(plan.configuration?.root_module, "");
  return { resources, regions };
}

function nodeOf(
  resource: PlanResource,
  change: { after_unknown?: Value; after_sensitive?: Value } | undefined,
  config: ConfigurationIndex,
  sources: PlanSources | undefined,
  display: string,
): ResourceNode {
  const properties: ValueObject = structuredClone(resource.values ?? {});
  markUnknown(properties, change?.after_unknown);
  const sensitive: AttributePath[] = [];
  collectTrue(change?.after_sensitive ?? resource.sensitive_values, [], sensitive);
  const configAddress = withoutKeys(resource.address);
  const configured = config.resources.get(configAddress);
  const modulePrefix = configAddress.slice(
    0,
    configAddress.length - `${resource.type}.${resource.name}`.length,
  );
  const providerKey = configured?.provider_config_key;
  const ownRegion = [properties.region, properties.location].find((v) => typeof v === "string" && v !== "") as
    | string
    | undefined;
  const region = ownRegion ?? (providerKey ? config.regions.get(providerKey) : undefined);
  const located = sources?.locate(resource.address, resource.type, resource.name);
  return {
    address: resource.address,
    type: resource.type,
    name: resource.name,
    properties,
    dependsOn: (configured?.depends_on ?? []).map((d) => `${modulePrefix.replace(/\[[^\]]*\]/g, "")}${d}`),
    sensitive,
    source: located?.source ?? ({ file: display, line: 1, col: 1 } satisfies SourceLocation),
    ...(located ? { attributeSources: located.attributeSources } : {}),
    origin: "terraform-plan",
    ...(region ? { region } : {}),
    ...(located && located.directives.length > 0 ? { directives: located.directives } : {}),
  };
}

/** `after_unknown` mirrors the values with `true` where a value is known only after apply. */
function markUnknown(target: ValueObject | Value[], unknown: Value | undefined): void {
  if (Array.isArray(unknown) && Array.isArray(target)) {
    unknown.forEach((u, i) => {
      if (u === true) target[i] = new Unknown("known after apply");
      else if (typeof target[i] === "object" && target[i] !== null) markUnknown(target[i] as ValueObject, u);
    });
  } else if (isPlainObject(unknown ?? null) && !Array.isArray(target)) {
    for (const [key, u] of Object.entries(unknown as ValueObject)) {
      if (u === true) target[key] = new Unknown("known after apply");
      else if (typeof target[key] === "object" && target[key] !== null)
        markUnknown(target[key] as ValueObject, u);
      else if (target[key] === undefined && (isPlainObject(u) || Array.isArray(u))) {
        target[key] = Array.isArray(u) ? [] : {};
        markUnknown(target[key] as ValueObject, u);
      }
    }
  }
}

function collectTrue(mirror: Value | undefined, path: Array<string | number>, out: AttributePath[]): void {
  if (mirror === true) out.push(path);
  else if (Array.isArray(mirror)) {
    for (const [i, m] of mirror.entries()) collectTrue(m, [...path, i], out);
  } else if (isPlainObject(mirror ?? null))
    for (const [k, m] of Object.entries(mirror as ValueObject)) collectTrue(m, [...path, k], out);
}

/**
 * A top-level argument known only after apply whose configuration refers to one resource attribute
 * (`bucket = aws_s3_bucket.b.id`) becomes a `Ref` to that instance, so rules can follow it.
 */
function linkUnknownReferences(nodes: ResourceNode[], config: ConfigurationIndex): void {
  const byAddress = new Set(nodes.map((n) => n.address));
  for (const node of nodes) {
    const configAddress = withoutKeys(node.address);
    const expressions = config.resources.get(configAddress)?.expressions ?? {};
    const modulePrefix = node.address.slice(0, node.address.lastIndexOf(`${node.type}.${node.name}`));
    const key = node.address.slice(modulePrefix.length + `${node.type}.${node.name}`.length);
    for (const [argumentName, value] of Object.entries(node.properties)) {
      if (!(value instanceof Unknown)) continue;
      const reference = expressions[argumentName]?.references?.[0];
      const match = reference
        ? /^([a-z0-9_-]+\.[a-zA-Z0-9_-]+)(?:\.([a-zA-Z0-9_]+))?$/.exec(reference)
        : null;
      if (
        !match ||
        match[1]?.startsWith("data.") ||
        match[1]?.startsWith("var.") ||
        match[1]?.startsWith("local.")
      )
        continue;
      const target = [`${modulePrefix}${match[1]}`, `${modulePrefix}${match[1]}${key}`].find((a) =>
        byAddress.has(a),
      );
      if (target) node.properties[argumentName] = new Ref(target, match[2] ? [match[2]] : []);
    }
  }
}

/** `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
function withoutKeys(address: string): string {
  return address.replace(/\[(?:"(?:[^"\\]|\\.)*"|\d+)\]/g, "");
}

function graphOf(plan: Plan, nodes: ResourceNode[], app: string, config: ConfigurationIndex): ResourceGraph {
  const cloud = dominantCloud(nodes);
  const region = config.regions.get(PROVIDERS[cloud].name) ?? DEFAULT_REGION[cloud];
  const variables: GraphVariable[] = Object.entries(plan.variables ?? {}).flatMap(
    ([name, v]): GraphVariable[] => {
      const value = v.value;
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return [];
      const type = typeof value === "boolean" ? "bool" : typeof value === "number" ? "number" : "string";
      // Plan files hold sensitive variables in clear; plinth does not repeat them.
      if (plan.configuration?.root_module?.variables?.[name]?.sensitive)
        return [{ name, type, description: "", sensitive: true }];
      return [{ name, type, description: "", default: value }];
    },
  );
  const planOutputs = (plan.planned_values ?? plan.values)?.outputs ?? {};
  const outputs: GraphOutput[] = Object.entries(planOutputs).map(([name, o]) => ({
    name,
    value: o.sensitive ? "(sensitive)" : (o.value ?? new Unknown("known after apply")),
    ...(o.sensitive ? { sensitive: true } : {}),
  }));
  return { app, env: "default", cloud, region, nodes: sortByAddress(nodes), variables, outputs };
}
