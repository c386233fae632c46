import type { ResourceGraph } from "../../model/graph.ts";
import { buildTemplate, type TemplateModel } from "./build-template.ts";
import { MAX_RESOURCES, splitIntoStacks } from "./nested-stacks.ts";
import { writeTemplateJson, writeTemplateYaml } from "./write-template.ts";

/**
 * A CloudFormation template (YAML, or JSON with `json`) for an AWS environment; beyond `maxResources`
 * resources, a root template with nested stacks under stacks/.
 */
export function generateCloudFormation(
  graph: ResourceGraph,
  header: string,
  json: boolean,
  maxResources = MAX_RESOURCES,
): Map<string, string> {
  const extension = json ? "json" : "yaml";
  const write = (model: TemplateModel, comment: string) =>
    json ? writeTemplateJson(model) : writeTemplateYaml(model, comment);
  const model = buildTemplate(graph);
  const stacks = splitIntoStacks(model, maxResources, extension);
  if (!stacks) return new Map([[`template.${extension}`, write(model, header)]]);
  const files = new Map([
    [
      `template.${extension}`,
      write(
        stacks.root,
        `${header}\nNested stacks: package with \`aws cloudformation package\` before deploying.`,
      ),
    ],
  ]);
  for (const child of stacks.children)
    files.set(`stacks/${child.name}.${extension}`, write(child.model, header));
  return files;
}
