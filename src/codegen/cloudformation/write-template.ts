import { TextBuilder } from "../text-builder.ts";
import { YamlMappingWriter, type YamlValue } from "../yaml-writer.ts";
import type { CfnResource, TemplateModel } from "./build-template.ts";

/** The template as CloudFormation reads it, with intrinsics in long form (`{"Ref": …}`, their toJSON). */
export function writeTemplateJson(model: TemplateModel): string {
  return `${JSON.stringify(document(model), null, 2)}\n`;
}

/**
 * YAML with short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`, their toYaml), as people write templates.
 * Resources are written one at a time.
 */
export function writeTemplateYaml(model: TemplateModel, comment: string): string {
  const out = new TextBuilder();
  out.push(`${comment.replace(/^/gm, "# ")}\n`);
  const doc = new YamlMappingWriter(out);
  doc.entry("AWSTemplateFormatVersion", VERSION);
  doc.entry("Description", model.description);
  if (model.parameters.length > 0) doc.entry("Parameters", parametersOf(model) as YamlValue);
  doc.mapping("Resources", yamlResources(model));
  if (model.outputs.length > 0) doc.entry("Outputs", outputsOf(model) as YamlValue);
  return out.text;
}

function* yamlResources(model: TemplateModel): Generator<readonly [string, YamlValue]> {
  for (const r of model.resources) yield [r.logicalId, resourceOf(r) as YamlValue];
}

const VERSION = "2010-09-09";

function document(model: TemplateModel): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    AWSTemplateFormatVersion: VERSION,
    Description: model.description,
  };
  if (model.parameters.length > 0) doc.Parameters = parametersOf(model);
  const resources: Record<string, unknown> = {};
  for (const r of model.resources) resources[r.logicalId] = resourceOf(r);
  doc.Resources = resources;
  if (model.outputs.length > 0) doc.Outputs = outputsOf(model);
  return doc;
}

function parametersOf(model: TemplateModel): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const p of model.parameters) {
    parameters[p.logicalId] = {
      Type: p.type,
      Description: p.description,
      ...(p.default !== undefined ? { Default: p.default } : {}),
      ...(p.noEcho ? { NoEcho: true } : {}),
    };
  }
  return parameters;
}

function resourceOf(r: CfnResource): Record<string, unknown> {
  return {
    Type: r.type,
    ...(r.dependsOn.length > 0 ? { DependsOn: r.dependsOn.length === 1 ? r.dependsOn[0] : r.dependsOn } : {}),
    ...(r.retention ? { DeletionPolicy: r.retention, UpdateReplacePolicy: r.retention } : {}),
    ...(r.addresses.length > 0 ? { Metadata: { "plinth:addresses": r.addresses } } : {}),
    ...(Object.keys(r.properties).length > 0 ? { Properties: r.properties } : {}),
  };
}

function outputsOf(model: TemplateModel): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const o of model.outputs)
    outputs[o.logicalId] = {
      ...(o.description ? { Description: o.description } : {}),
      Value: o.value,
    };
  return outputs;
}
