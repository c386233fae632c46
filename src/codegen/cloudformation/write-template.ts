import { TextBuilder } from "../text-builder.ts";
import { YamlMappingWriter, YamlTagged, type YamlValue } from "../yaml-writer.ts";
import type { CfnResource, TemplateModel } from "./build-template.ts";
import { CfnBase64, type CfnExpr, CfnGetAtt, CfnRef, CfnSub, subArguments } from "./intrinsics.ts";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The template as CloudFormation reads it, with intrinsics in long form (`{"Ref": …}`). */
function templateJson(model: TemplateModel): { [key: string]: Json } {
  return document(model, longForm) as { [key: string]: Json };
}

export function writeTemplateJson(model: TemplateModel): string {
  return `${JSON.stringify(templateJson(model), null, 2)}\n`;
}

/**
 * YAML with short-form intrinsics (`!Ref`, `!GetAtt`, `!Sub`), as people write templates. Resources
 * are converted and written one at a time.
 */
export function writeTemplateYaml(model: TemplateModel, comment: string): string {
  const out = new TextBuilder();
  out.push(`${comment.replace(/^/gm, "# ")}\n`);
  const doc = new YamlMappingWriter(out);
  doc.entry("AWSTemplateFormatVersion", VERSION);
  doc.entry("Description", model.description);
  if (model.parameters.length > 0) doc.entry("Parameters", parametersOf(model) as YamlValue);
  doc.mapping("Resources", yamlResources(model));
  if (model.outputs.length > 0) doc.entry("Outputs", outputsOf(model, shortForm) as YamlValue);
  return out.text;
}

function* yamlResources(model: TemplateModel): Generator<readonly [string, YamlValue]> {
  for (const r of model.resources) yield [r.logicalId, resourceOf(r, shortForm) as YamlValue];
}

type Form = (value: CfnExpr) => unknown;

const VERSION = "2010-09-09";

function document(model: TemplateModel, form: Form): Record<string, unknown> {
  const doc: Record<string, unknown> = {
    AWSTemplateFormatVersion: VERSION,
    Description: model.description,
  };
  if (model.parameters.length > 0) doc.Parameters = parametersOf(model);
  const resources: Record<string, unknown> = {};
  for (const r of model.resources) resources[r.logicalId] = resourceOf(r, form);
  doc.Resources = resources;
  if (model.outputs.length > 0) doc.Outputs = outputsOf(model, form);
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

function resourceOf(r: CfnResource, form: Form): Record<string, unknown> {
  return {
    Type: r.type,
    ...(r.dependsOn.length > 0 ? { DependsOn: r.dependsOn.length === 1 ? r.dependsOn[0] : r.dependsOn } : {}),
    ...(r.retention ? { DeletionPolicy: r.retention, UpdateReplacePolicy: r.retention } : {}),
    ...(r.addresses.length > 0 ? { Metadata: { "plinth:addresses": r.addresses } } : {}),
    ...(Object.keys(r.properties).length > 0 ? { Properties: form(r.properties) } : {}),
  };
}

function outputsOf(model: TemplateModel, form: Form): Record<string, unknown> {
  const outputs: Record<string, unknown> = {};
  for (const o of model.outputs)
    outputs[o.logicalId] = {
      ...(o.description ? { Description: o.description } : {}),
      Value: form(o.value),
    };
  return outputs;
}

function longForm(value: CfnExpr): Json {
  if (value instanceof CfnRef) return { Ref: value.target };
  if (value instanceof CfnGetAtt) return { "Fn::GetAtt": [value.target, value.attribute] };
  if (value instanceof CfnSub) {
    const { text, variables } = subArguments(value);
    if (variables.size === 0) return { "Fn::Sub": text };
    return {
      "Fn::Sub": [text, Object.fromEntries([...variables].map(([name, att]) => [name, longForm(att)]))],
    };
  }
  if (value instanceof CfnBase64) return { "Fn::Base64": longForm(value.value) };
  if (Array.isArray(value)) return value.map(longForm);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key] = longForm(item);
    return out;
  }
  return value;
}

function shortForm(value: CfnExpr): YamlValue {
  if (value instanceof CfnRef) return new YamlTagged("!Ref", value.target);
  // `!GetAtt A.B.C` means A's attribute B.C, but some readers (moto) split at every dot: the long form
  // with a list is unambiguous everywhere.
  if (value instanceof CfnGetAtt)
    return value.attribute.includes(".")
      ? { "Fn::GetAtt": [value.target, value.attribute] }
      : new YamlTagged("!GetAtt", `${value.target}.${value.attribute}`);
  if (value instanceof CfnSub) {
    const { text, variables } = subArguments(value);
    if (variables.size === 0) return new YamlTagged("!Sub", text);
    return new YamlTagged("!Sub", [
      text,
      Object.fromEntries([...variables].map(([name, att]) => [name, shortForm(att)])),
    ]);
  }
  // YAML allows one tag per node: a tagged value inside Base64 takes the long form key.
  if (value instanceof CfnBase64) {
    const inner = shortForm(value.value);
    return inner instanceof YamlTagged ? { "Fn::Base64": inner } : new YamlTagged("!Base64", inner);
  }
  if (Array.isArray(value)) return value.map(shortForm);
  if (value !== null && typeof value === "object") {
    const out: { [key: string]: YamlValue } = {};
    for (const key in value) out[key] = shortForm(value[key] as CfnExpr);
    return out;
  }
  return value;
}
