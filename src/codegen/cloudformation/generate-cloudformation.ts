import type { ResourceGraph } from "../../model/graph.ts";
import { buildTemplate } from "./build-template.ts";
import { writeTemplateJson, writeTemplateYaml } from "./write-template.ts";

/** A CloudFormation template (YAML, or JSON with `json`) for an AWS environment. */
export function generateCloudFormation(
  graph: ResourceGraph,
  header: string,
  json: boolean,
): Map<string, string> {
  const model = buildTemplate(graph);
  return new Map([
    json ? ["template.json", writeTemplateJson(model)] : ["template.yaml", writeTemplateYaml(model, header)],
  ]);
}
