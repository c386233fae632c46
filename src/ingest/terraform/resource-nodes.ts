import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import type { ResourceNode } from "../../model/graph.ts";
import type { Value } from "../../model/value.ts";
import { evaluateBody } from "./evaluate-body.ts";
import { argument, type ResourceDeclaration } from "./load-module.ts";
import { instanceKeys, type ModuleInstance, traversalName } from "./module-instance.ts";

/**
 * Every resource instance of a module instance and of the modules it calls, as graph nodes addressed
 * exactly as Terraform addresses them (`module.net["a"].aws_subnet.private[0]`).
 */
export function resourceNodes(module: ModuleInstance, schemas: ProviderSchemas): ResourceNode[] {
  const nodes: ResourceNode[] = [];
  for (const resource of module.config.resources) nodes.push(...instancesOf(module, resource, schemas));
  for (const call of module.config.moduleCalls) {
    for (const child of module.children(call.name)) nodes.push(...resourceNodes(child.instance, schemas));
  }
  return nodes;
}

function instancesOf(
  module: ModuleInstance,
  resource: ResourceDeclaration,
  schemas: ProviderSchemas,
): ResourceNode[] {
  const base = `${module.options.prefix}${resource.type}.${resource.name}`;
  const expansion = module.expansion(
    "resource",
    `${resource.type}.${resource.name}`,
    resource.block,
    resource.file,
  );
  if (expansion.kind === "unknown") {
    module.warn(
      `The number of instances of \`${base}\` depends on values known only after apply (${expansion.reason}); it is read as one instance.`,
      resource.location,
    );
  }
  const schema = schemas.resource(resource.type);
  const directives = [...module.options.directives, ...resource.directives];
  return instanceKeys(expansion).map(({ suffix, key }) => {
    const body = evaluateBody(module, resource.block.body, resource.file, key, schema);
    const region = regionOf(module, resource, body.properties);
    const node: ResourceNode = {
      address: `${base}${suffix}`,
      type: resource.type,
      name: resource.name,
      properties: body.properties,
      dependsOn: dependsOn(module, resource),
      sensitive: body.sensitive,
      source: resource.location,
      attributeSources: body.sources,
      origin: "terraform",
      ...(region ? { region } : {}),
      ...(directives.length > 0 ? { directives } : {}),
    };
    return node;
  });
}

/**
 * The region a resource lives in: its own `region` (AWS provider 6) or `location` (Azure, Google)
 * argument when known, else its provider configuration's `region`.
 */
function regionOf(
  module: ModuleInstance,
  resource: ResourceDeclaration,
  properties: Record<string, Value>,
): string | undefined {
  for (const own of ["region", "location"]) {
    const value = properties[own];
    if (typeof value === "string" && value !== "") return value;
  }
  const explicit = argument(resource.block, "provider");
  const key = (explicit && traversalName(explicit.expression)) ?? resource.type.split("_")[0] ?? "";
  const region = module.providers.get(key)?.region;
  return typeof region === "string" && region !== "" ? region : undefined;
}

/** `depends_on` entries as addresses in this module: `aws_iam_role.r`, `module.net`. */
function dependsOn(module: ModuleInstance, resource: ResourceDeclaration): string[] {
  const list = argument(resource.block, "depends_on")?.expression;
  if (list?.kind !== "tuple") return [];
  return list.items.flatMap((item) => {
    const name = traversalName(item);
    return name ? [`${module.options.prefix}${name}`] : [];
  });
}
