import type { ProviderSchemas } from "../../catalog/provider-schemas.ts";
import type { ResourceGraph } from "../../model/graph.ts";
import { writeHcl } from "./hcl-writer.ts";
import { writeTerraformJson } from "./terraform-json-writer.ts";
import { terraformProject } from "./terraform-project.ts";

/** A Terraform root module in HCL: versions.tf, providers.tf, main.tf, variables.tf, outputs.tf. */
export function generateTerraform(
  graph: ResourceGraph,
  schemas: ProviderSchemas,
  header: string,
): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of terraformProject(graph, schemas)) {
    files.set(`${file.name}.tf`, `${header.replace(/^/gm, "# ")}\n\n${writeHcl(file.items)}`);
  }
  return files;
}

/** The same module in Terraform's JSON syntax (`*.tf.json`), which has no comments. */
export function generateTerraformJson(graph: ResourceGraph, schemas: ProviderSchemas): Map<string, string> {
  const files = new Map<string, string>();
  for (const file of terraformProject(graph, schemas))
    files.set(`${file.name}.tf.json`, writeTerraformJson(file.items));
  return files;
}
