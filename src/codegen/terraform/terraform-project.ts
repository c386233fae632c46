import { PROVIDERS, type ProviderSchemas, type SchemaBlock } from "../../catalog/provider-schemas.ts";
import type { GraphOutput, GraphVariable, ResourceGraph, ResourceNode } from "../../model/graph.ts";
import { referencesIn } from "../../model/value.ts";
import { UnsupportedByFormatError } from "../errors.ts";
import { variablesIn } from "../values.ts";
import { attribute, block, type HclBodyItem, isIdentifier, literal, traversal } from "./hcl-syntax.ts";
import { hclValue, resourceBody } from "./terraform-values.ts";

/**
 * One generated Terraform file: its name without extension and its top-level blocks. The blocks come
 * one at a time as they are written, so a large graph's blocks never all exist at once.
 */
export interface TerraformFile {
  name: "versions" | "providers" | "main" | "variables" | "outputs";
  items: Iterable<HclBodyItem>;
}

/** Terraform releases plinth's output needs: 1.11 for write-only arguments (`*_wo`), else 1.5. */
const WRITE_ONLY_TERRAFORM = ">= 1.11";
const BASE_TERRAFORM = ">= 1.5";

/**
 * A graph as a Terraform root module: pinned providers, one provider configuration per region,
 * resources in address order, inputs and outputs. Both the HCL and the JSON writer print this.
 */
export function terraformProject(graph: ResourceGraph, schemas: ProviderSchemas): TerraformFile[] {
  // Looked up once per type, not per resource: environments hold thousands of resources of few types.
  const bySchema = new Map<string, SchemaBlock | undefined>();
  const schemaOf = (type: string) => {
    if (!bySchema.has(type)) bySchema.set(type, schemas.resource(type));
    return bySchema.get(type);
  };
  const variables = [...providerVariables(graph), ...graph.variables];
  const files: TerraformFile[] = [
    { name: "versions", items: [versionsBlock(graph)] },
    { name: "providers", items: providerBlocks(graph) },
    { name: "main", items: resourceBlocks(graph, schemaOf) },
  ];
  if (variables.length > 0) files.push({ name: "variables", items: variables.map(variableBlock) });
  if (graph.outputs.length > 0)
    files.push({ name: "outputs", items: graph.outputs.map((o) => outputBlock(o, graph, schemas)) });
  return files;
}

function versionsBlock(graph: ResourceGraph): HclBodyItem {
  const { name, source, version } = PROVIDERS[graph.cloud];
  const writeOnly = graph.nodes.some((node) =>
    Object.keys(node.properties).some((key) => key.endsWith("_wo")),
  );
  return block(
    "terraform",
    [],
    [
      attribute("required_version", literal(writeOnly ? WRITE_ONLY_TERRAFORM : BASE_TERRAFORM)),
      { kind: "blank" },
      block(
        "required_providers",
        [],
        [
          attribute(name, {
            kind: "object",
            entries: [
              ["source", literal(source)],
              ["version", literal(version)],
            ],
          }),
        ],
      ),
    ],
  );
}

/** The provider for the graph's region, and an aliased one for each other region a node names. */
function providerBlocks(graph: ResourceGraph): HclBodyItem[] {
  const { name } = PROVIDERS[graph.cloud];
  const regions = [
    ...new Set(graph.nodes.flatMap((n) => (n.region && n.region !== graph.region ? [n.region] : []))),
  ];
  const body = (region: string, alias?: string): HclBodyItem[] => {
    const items: HclBodyItem[] = alias ? [attribute("alias", literal(alias))] : [];
    if (graph.cloud === "azure") {
      // azurerm 4 takes the subscription from ARM_SUBSCRIPTION_ID (or the Azure CLI); regions are per resource.
      items.push(block("features", [], []));
    } else {
      if (graph.cloud === "gcp") items.push(attribute("project", traversal(`var.${GCP_PROJECT}`)));
      items.push(attribute("region", literal(region)));
    }
    return items;
  };
  return [
    block("provider", [name], body(graph.region)),
    ...regions.sort().map((region) => block("provider", [name], body(region, regionAlias(region)))),
  ];
}

/** `us-west-2` → `us_west_2`: provider aliases are identifiers. */
export function regionAlias(region: string): string {
  return region.replace(/[^A-Za-z0-9_]/g, "_");
}

/** The GCP project input, named as the GCP lowering names it when resources need it too. */
const GCP_PROJECT = "gcp_project";

function providerVariables(graph: ResourceGraph): GraphVariable[] {
  if (graph.cloud !== "gcp" || graph.variables.some((v) => v.name === GCP_PROJECT)) return [];
  return [{ name: GCP_PROJECT, type: "string", description: "ID of the GCP project plinth deploys to" }];
}

function* resourceBlocks(
  graph: ResourceGraph,
  schemaOf: (type: string) => SchemaBlock | undefined,
): Generator<HclBodyItem> {
  for (const node of graph.nodes) yield resourceBlock(node, graph, schemaOf);
}

function resourceBlock(
  node: ResourceNode,
  graph: ResourceGraph,
  schemaOf: (type: string) => SchemaBlock | undefined,
): HclBodyItem {
  const body = resourceBody(node.properties, schemaOf(node.type), node.address);
  const meta: HclBodyItem[] = [];
  if (node.region && node.region !== graph.region)
    meta.push(attribute("provider", traversal(`${PROVIDERS[graph.cloud].name}.${regionAlias(node.region)}`)));
  if (node.dependsOn.length > 0)
    meta.push(attribute("depends_on", { kind: "tuple", items: node.dependsOn.map((d) => traversal(d)) }));
  const items =
    meta.length > 0 && body.length > 0 ? [...body, { kind: "blank" } as const, ...meta] : [...body, ...meta];
  const resource: HclBodyItem = {
    kind: "block",
    type: "resource",
    labels: [node.type, requireIdentifier(node.name, node.address)],
    body: items,
  };
  // Suppressions travel with the code, so `plinth policy check` on the generated project agrees.
  if (node.directives && node.directives.length > 0) resource.comments = node.directives.map((d) => d.text);
  return resource;
}

function variableBlock(variable: GraphVariable): HclBodyItem {
  const items: HclBodyItem[] = [
    attribute("type", traversal(variable.type)),
    attribute("description", literal(variable.description)),
  ];
  if (variable.default !== undefined) items.push(attribute("default", literal(variable.default)));
  if (variable.sensitive) items.push(attribute("sensitive", literal(true)));
  return block("variable", [requireIdentifier(variable.name, `variable ${variable.name}`)], items);
}

function outputBlock(output: GraphOutput, graph: ResourceGraph, schemas: ProviderSchemas): HclBodyItem {
  const items: HclBodyItem[] = [];
  if (output.description) items.push(attribute("description", literal(output.description)));
  items.push(attribute("value", hclValue(output.value, `output ${output.name}`)));
  if (isSensitiveOutput(output, graph, schemas)) items.push(attribute("sensitive", literal(true)));
  return block("output", [requireIdentifier(output.name, `output ${output.name}`)], items);
}

/**
 * Terraform refuses an output that shows a sensitive value unless it is marked sensitive: a sensitive
 * input, a secret attribute of a resource, or one the graph marks.
 */
export function isSensitiveOutput(
  output: GraphOutput,
  graph: ResourceGraph,
  schemas: ProviderSchemas,
): boolean {
  if (output.sensitive) return true;
  const sensitiveVariables = new Set(graph.variables.filter((v) => v.sensitive).map((v) => v.name));
  if (variablesIn(output.value).some((name) => sensitiveVariables.has(name))) return true;
  const types = new Map(graph.nodes.map((n) => [n.address, n.type]));
  return referencesIn(output.value).some((ref) => {
    const type = types.get(ref.address);
    const name = ref.path[0];
    return (
      type !== undefined &&
      typeof name === "string" &&
      schemas.resource(type)?.attributes?.[name]?.sensitive === true
    );
  });
}

function requireIdentifier(name: string, what: string): string {
  if (!isIdentifier(name))
    throw new UnsupportedByFormatError(
      `\`${name}\` (${what}) is not a valid Terraform name; use letters, digits, _ and -.`,
    );
  return name;
}
