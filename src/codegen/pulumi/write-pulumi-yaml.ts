import { isIdentifier } from "../terraform/hcl-syntax.ts";
import { TextBuilder } from "../text-builder.ts";
import { type YamlMap, YamlMappingWriter, type YamlValue } from "../yaml-writer.ts";
import { PConfig, PEncode, PInterpolate, PRef, type PulumiProgram, type PValue } from "./pulumi-program.ts";

/**
 * Pulumi.yaml holding the whole program (`runtime: yaml`): config, resources with their options,
 * outputs. Literal text has every `$` doubled, Pulumi YAML's escape, so `${…}` in the spec stays text.
 * Resources are converted and written one at a time.
 */
export function writePulumiYaml(program: PulumiProgram, comment: string): string {
  const out = new TextBuilder();
  out.push(`${comment.replace(/^/gm, "# ")}\n`);
  const doc = new YamlMappingWriter(out);
  doc.entry("name", program.project);
  doc.entry("runtime", "yaml");
  doc.entry("description", program.description);
  const config = configSection(program);
  if (Object.keys(config).length > 0) doc.entry("config", config);
  doc.mapping("resources", resourceEntries(program));
  const outputs: YamlMap = {};
  let hasOutputs = false;
  for (const output of program.outputs) {
    outputs[output.name] = yamlValue(output.value);
    hasOutputs = true;
  }
  if (hasOutputs) doc.entry("outputs", outputs);
  return out.text;
}

function* resourceEntries(program: PulumiProgram): Generator<readonly [string, YamlValue]> {
  for (const provider of program.regionProviders) {
    yield [
      provider.name,
      { type: `pulumi:providers:${program.pkg}`, properties: { region: provider.region } },
    ];
  }
  for (const resource of program.resources) {
    const entry: YamlMap = { type: `${resource.token.pkg}:${resource.token.module}:${resource.token.name}` };
    if (Object.keys(resource.properties).length > 0) entry.properties = yamlValue(resource.properties);
    const options: YamlMap = {};
    if (resource.provider) options.provider = `\${${resource.provider}}`;
    if (resource.dependsOn.length > 0) options.dependsOn = resource.dependsOn.map((name) => `\${${name}}`);
    if (Object.keys(options).length > 0) entry.options = options;
    yield [resource.name, entry];
  }
}

/** Provider settings as values, the program's inputs as typed declarations. */
export function configSection(program: PulumiProgram): YamlMap {
  const config: YamlMap = { ...program.providerConfig };
  for (const variable of program.config) {
    config[variable.name] = {
      type: variable.type === "bool" ? "boolean" : variable.type === "number" ? "integer" : "string",
      description: variable.description,
      ...(variable.default !== undefined ? { default: variable.default } : {}),
      ...(variable.sensitive ? { secret: true } : {}),
    };
  }
  return config;
}

/** `$` is Pulumi YAML's interpolation sign: a literal one is written `$$`. */
function escapeDollars(text: string): string {
  return text.includes("$") ? text.replaceAll("$", () => "$$") : text;
}

function yamlValue(value: PValue): YamlValue {
  if (typeof value === "string") return escapeDollars(value);
  if (value instanceof PRef || value instanceof PConfig) return `\${${access(value)}}`;
  if (value instanceof PInterpolate)
    return value.parts
      .map((part) => (typeof part === "string" ? escapeDollars(part) : `\${${access(part)}}`))
      .join("");
  if (value instanceof PEncode)
    return { [value.encoding === "json" ? "fn::toJSON" : "fn::toBase64"]: yamlValue(value.value) };
  if (Array.isArray(value)) return value.map(yamlValue);
  if (value !== null && typeof value === "object") {
    const out: YamlMap = {};
    for (const key in value) out[key] = yamlValue(value[key] as PValue);
    return out;
  }
  return value;
}

/** `dbInstance.masterUserSecrets[0].secretArn`; keys that are not identifiers in brackets. */
function access(value: PRef | PConfig): string {
  if (value instanceof PConfig) return value.key;
  let text = value.resource;
  for (const step of value.path) {
    if (typeof step === "number") text += `[${step}]`;
    else text += isIdentifier(step) ? `.${step}` : `[${JSON.stringify(step)}]`;
  }
  return text;
}
