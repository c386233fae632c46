import type { GraphVariable } from "../../model/graph.ts";
import {
  type ArmExpr,
  type ArmObject,
  type ArmResource,
  type ArmTemplate,
  type ArmValue,
  isExpr,
} from "./arm-model.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** API versions of the deployment-level resources (Microsoft.Resources 2025-04-01). */
export const RESOURCES_API_VERSION = "2025-04-01";
const SUBSCRIPTION_SCHEMA =
  "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#";
const GROUP_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#";
const PARAMETERS_SCHEMA = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#";

/** The name of the nested deployment holding the resource group's resources. */
export function deploymentName(template: ArmTemplate): string {
  return `${template.resourceGroup.name.replace(/^rg-/, "")}-resources`;
}

/**
 * azuredeploy.json: a subscription-scope template creating the resource group and deploying the
 * resources into it through a nested (inner-scope) deployment, so `az deployment sub create` sets up a
 * whole environment. Expressions are `[…]` strings; a literal string starting with `[` is written `[[`.
 */
export function writeArmTemplate(template: ArmTemplate): string {
  const name = deploymentName(template);
  const group = template.resourceGroup;
  const outer = {
    $schema: SUBSCRIPTION_SCHEMA,
    contentVersion: "1.0.0.0",
    metadata: { description: template.description },
    ...(template.parameters.length > 0 ? { parameters: parameterDeclarations(template.parameters) } : {}),
    resources: [
      {
        type: "Microsoft.Resources/resourceGroups",
        apiVersion: RESOURCES_API_VERSION,
        name: group.name,
        location: group.location,
        ...(group.tags ? { tags: json(group.tags) } : {}),
        properties: {},
      },
      {
        type: "Microsoft.Resources/deployments",
        apiVersion: RESOURCES_API_VERSION,
        name,
        resourceGroup: group.name,
        dependsOn: [`[resourceId('Microsoft.Resources/resourceGroups', ${quote(group.name)})]`],
        properties: {
          mode: "Incremental",
          expressionEvaluationOptions: { scope: "Inner" },
          ...(template.parameters.length > 0
            ? {
                parameters: Object.fromEntries(
                  template.parameters.map((p) => [p.name, { value: `[parameters(${quote(p.name)})]` }]),
                ),
              }
            : {}),
          template: innerTemplate(template),
        },
      },
    ],
    ...(template.outputs.length > 0
      ? {
          outputs: Object.fromEntries(
            template.outputs.map((o) => [
              o.name,
              {
                type: outputType(o.value),
                value: `[reference(extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, ${quote(group.name)}), 'Microsoft.Resources/deployments', ${quote(name)}), '${RESOURCES_API_VERSION}').outputs.${o.name}.value]`,
              },
            ]),
          ),
        }
      : {}),
  };
  return `${JSON.stringify(outer, null, 2)}\n`;
}

/** The resource-group-scope template nested in azuredeploy.json (validated on its own by the tests). */
export function innerTemplate(template: ArmTemplate): { [key: string]: Json } {
  return {
    $schema: GROUP_SCHEMA,
    contentVersion: "1.0.0.0",
    ...(template.parameters.length > 0 ? { parameters: parameterDeclarations(template.parameters) } : {}),
    resources: template.resources.map(resourceJson),
    ...(template.outputs.length > 0
      ? {
          outputs: Object.fromEntries(
            template.outputs.map((o) => [o.name, { type: outputType(o.value), value: json(o.value) }]),
          ),
        }
      : {}),
  };
}

/**
 * azuredeploy.parameters.json: a value to fill in for each input; secrets as Key Vault references,
 * never as values.
 */
export function writeArmParameters(template: ArmTemplate): string {
  const parameters: { [key: string]: Json } = {};
  for (const p of template.parameters) {
    parameters[p.name] = p.sensitive
      ? {
          reference: {
            keyVault: {
              id: "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.KeyVault/vaults/<vault>",
            },
            secretName: p.name.replaceAll("_", "-"),
          },
        }
      : { value: p.default ?? "" };
  }
  return `${JSON.stringify({ $schema: PARAMETERS_SCHEMA, contentVersion: "1.0.0.0", parameters }, null, 2)}\n`;
}

function parameterDeclarations(parameters: GraphVariable[]): { [key: string]: Json } {
  return Object.fromEntries(
    parameters.map((p) => [
      p.name,
      {
        type: p.sensitive
          ? "securestring"
          : p.type === "number"
            ? "int"
            : p.type === "bool"
              ? "bool"
              : "string",
        ...(p.default !== undefined ? { defaultValue: p.default } : {}),
        metadata: { description: p.description },
      },
    ]),
  );
}

export function outputType(value: ArmValue): string {
  if (typeof value === "number") return "int";
  if (typeof value === "boolean") return "bool";
  return "string";
}

function resourceJson(resource: ArmResource): { [key: string]: Json } {
  const dependsOn = dependenciesOf(resource).map((r) => `[${resourceId(r)}]`);
  return {
    type: resource.type,
    apiVersion: resource.apiVersion,
    ...(resource.scope ? { scope: scopePath(resource.scope) } : {}),
    name: fullName(resource),
    ...(resource.location ? { location: resource.location } : {}),
    ...(resource.tags ? { tags: json(resource.tags) } : {}),
    ...(resource.sku ? { sku: json(resource.sku) } : {}),
    ...(resource.kind !== undefined ? { kind: json(resource.kind) } : {}),
    ...(resource.identity ? { identity: json(resource.identity) } : {}),
    ...(resource.zones ? { zones: json(resource.zones) } : {}),
    ...(dependsOn.length > 0 ? { dependsOn } : {}),
    comments: `plinth: ${resource.addresses.join(", ")}`,
    properties: json(resource.properties),
  };
}

/** What a resource must wait for: its parent, what it references, and Terraform's explicit dependencies. */
export function dependenciesOf(resource: ArmResource): ArmResource[] {
  const found: ArmResource[] = [];
  const add = (r: ArmResource) => {
    if (r !== resource && !found.includes(r)) found.push(r);
  };
  if (resource.parent) add(resource.parent);
  if (resource.scope) add(resource.scope);
  const visit = (value: ArmValue): void => {
    if (isExpr(value)) {
      if (value.kind === "id" || value.kind === "reference" || value.kind === "name") add(value.resource);
      if (value.kind === "concat") value.parts.forEach(visit);
      if (value.kind === "call") value.args.forEach(visit);
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(resource.name);
  visit(resource.properties);
  for (const dependency of resource.dependsOn) add(dependency);
  return found;
}

export function segments(resource: ArmResource): ArmValue[] {
  return resource.parent ? [...segments(resource.parent), resource.name] : [resource.name];
}

/** Text joined with separators: a literal when every part is one, else `concat(…)`. */
function joined(parts: ArmValue[], separator: string): Json {
  if (parts.every((p) => typeof p === "string")) return escapeLiteral(parts.join(separator));
  return `[concat(${parts.flatMap((p, i) => (i > 0 ? [quote(separator), expression(p)] : [expression(p)])).join(", ")})]`;
}

/** A child is named by its path: `account/default/container`. */
function fullName(resource: ArmResource): Json {
  return joined(segments(resource), "/");
}

/** An extension resource's scope, in the relative form: `Microsoft.KeyVault/vaults/kv1`. */
function scopePath(resource: ArmResource): Json {
  const [namespace, ...types] = resource.type.split("/");
  const names = segments(resource);
  const parts: ArmValue[] = [namespace as string];
  types.forEach((type, i) => {
    parts.push(type, names[i] ?? "");
  });
  return joined(parts, "/");
}

function resourceId(resource: ArmResource): string {
  const own = `${quote(resource.type)}, ${segments(resource).map(expression).join(", ")}`;
  if (!resource.scope) return `resourceId(${own})`;
  return `extensionResourceId(${resourceId(resource.scope)}, ${own})`;
}

function json(value: ArmValue): Json {
  if (isExpr(value)) return `[${expression(value)}]`;
  if (typeof value === "string") return escapeLiteral(value);
  if (Array.isArray(value)) return value.map(json);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value as ArmObject)) out[key] = json(item);
    return out;
  }
  return value;
}

function expression(value: ArmValue): string {
  if (!isExpr(value)) {
    if (typeof value === "string") return quote(value);
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    return `json(${quote(JSON.stringify(value))})`;
  }
  return call(value);
}

function call(e: ArmExpr): string {
  switch (e.kind) {
    case "parameter":
      return `parameters(${quote(e.name)})`;
    case "id":
      return resourceId(e.resource);
    case "name":
      return expression(e.resource.name);
    case "reference":
      return `reference(${resourceId(e.resource)}, '${e.resource.apiVersion}'${e.full ? ", 'full'" : ""}).${e.path}`;
    case "resourceGroupName":
      return "resourceGroup().name";
    case "concat":
      return `concat(${e.parts.map(expression).join(", ")})`;
    case "call":
      return `${e.fn}(${e.args.map(expression).join(", ")})`;
  }
}

/** An ARM string literal inside an expression: single quotes, a quote written twice. */
function quote(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A JSON string ARM would read as an expression (`[…]`) is escaped with a second opening bracket. */
function escapeLiteral(text: string): string {
  return text.startsWith("[") && text.endsWith("]") ? `[${text}` : text;
}
