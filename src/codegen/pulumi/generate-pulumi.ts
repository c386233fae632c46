import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import { pulumiProgram } from "./pulumi-program.ts";
import { writePulumiTypeScript } from "./write-pulumi-ts.ts";
import { writePulumiYaml } from "./write-pulumi-yaml.ts";

/** A Pulumi YAML program: one Pulumi.yaml. */
export function generatePulumiYaml(
  graph: ResourceGraph,
  schemas: ProviderSchemas,
  header: string,
): Map<string, string> {
  return new Map([["Pulumi.yaml", writePulumiYaml(pulumiProgram(graph, schemas, false), header)]]);
}

/** A Pulumi TypeScript project: Pulumi.yaml, package.json, tsconfig.json, index.ts. */
export function generatePulumiTypeScript(
  graph: ResourceGraph,
  schemas: ProviderSchemas,
  header: string,
): Map<string, string> {
  return writePulumiTypeScript(pulumiProgram(graph, schemas, true), graph.cloud, header);
}
