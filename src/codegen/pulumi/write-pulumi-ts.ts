import type { Cloud } from "../../model/graph.ts";
import { isIdentifier } from "../terraform/hcl-syntax.ts";
import { TextBuilder } from "../text-builder.ts";
import { writeYaml } from "../yaml-writer.ts";
import { PULUMI_PACKAGES, PULUMI_SDK_VERSION } from "./pulumi-names.ts";
import { PConfig, PEncode, PInterpolate, PRef, type PulumiProgram, type PValue } from "./pulumi-program.ts";
import { configSection } from "./write-pulumi-yaml.ts";

/** A Pulumi TypeScript project: Pulumi.yaml, package.json, tsconfig.json and index.ts. */
export function writePulumiTypeScript(
  program: PulumiProgram,
  cloud: Cloud,
  comment: string,
): Map<string, string> {
  const { npm, version, name: pkg } = PULUMI_PACKAGES[cloud];
  const project = {
    name: program.project,
    runtime: { name: "nodejs", options: { typescript: true } },
    description: program.description,
    config: configSection(program),
  };
  if (Object.keys(project.config).length === 0) delete (project as { config?: unknown }).config;
  const packageJson = {
    name: program.project,
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": PULUMI_SDK_VERSION, [npm]: version },
    devDependencies: { "@types/node": "^24", typescript: "^5" },
  };
  const tsconfig = {
    compilerOptions: {
      strict: true,
      outDir: "bin",
      target: "es2022",
      module: "commonjs",
      moduleResolution: "node",
      sourceMap: true,
      skipLibCheck: true,
      forceConsistentCasingInFileNames: true,
    },
    files: ["index.ts"],
  };
  return new Map([
    ["Pulumi.yaml", `${comment.replace(/^/gm, "# ")}\n${writeYaml(project)}`],
    ["package.json", `${JSON.stringify(packageJson, null, 2)}\n`],
    ["tsconfig.json", `${JSON.stringify(tsconfig, null, 2)}\n`],
    ["index.ts", indexTs(program, pkg, comment)],
  ]);
}

function indexTs(program: PulumiProgram, pkg: string, comment: string): string {
  const out = new TextBuilder();
  out.push(`${comment.replace(/^/gm, "// ")}\n`);
  out.push(`import * as pulumi from "@pulumi/pulumi";\nimport * as ${pkg} from "@pulumi/${pkg}";\n\n`);
  if (program.config.length > 0) {
    out.push("const config = new pulumi.Config();\n");
    for (const variable of program.config)
      out.push(`const ${configVariable(variable.name)} = ${configRead(variable)};\n`);
    out.push("\n");
  }
  for (const provider of program.regionProviders)
    out.push(
      `const ${provider.name} = new ${pkg}.Provider(${JSON.stringify(provider.name)}, { region: ${JSON.stringify(provider.region)} });\n\n`,
    );
  for (const resource of program.resources) {
    const { module, name } = resource.token;
    const options: string[] = [];
    if (resource.provider) options.push(`provider: ${resource.provider}`);
    if (resource.dependsOn.length > 0) options.push(`dependsOn: [${resource.dependsOn.join(", ")}]`);
    const args = [JSON.stringify(resource.name), tsValue(resource.properties, "")];
    if (options.length > 0) args.push(`{ ${options.join(", ")} }`);
    out.push(`const ${resource.name} = new ${pkg}.${module}.${name}(${args.join(", ")});\n`);
  }
  let first = true;
  for (const output of program.outputs) {
    if (first) out.push("\n");
    first = false;
    out.push(`export const ${output.name} = ${tsValue(output.value, "")};\n`);
  }
  return out.text;
}

function configVariable(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function configRead(variable: PulumiProgram["config"][number]): string {
  const suffix = variable.type === "number" ? "Number" : variable.type === "bool" ? "Boolean" : "";
  const key = JSON.stringify(variable.name);
  if (variable.default !== undefined) {
    const read = variable.sensitive ? `config.getSecret${suffix}(${key})` : `config.get${suffix}(${key})`;
    return `${read} ?? ${JSON.stringify(variable.default)}`;
  }
  return variable.sensitive ? `config.requireSecret${suffix}(${key})` : `config.require${suffix}(${key})`;
}

/** A value as TypeScript: objects over lines, strings as JSON literals, text with references as `pulumi.interpolate`. */
function tsValue(value: PValue, indent: string): string {
  if (value === null) return "undefined";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof PRef || value instanceof PConfig) return access(value);
  if (value instanceof PInterpolate) return interpolate(value);
  if (value instanceof PEncode) {
    if (value.encoding === "json") return `pulumi.jsonStringify(${tsValue(value.value, indent)})`;
    return `pulumi.output(${tsValue(value.value, indent)}).apply((text) => Buffer.from(text).toString("base64"))`;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => tsValue(item, inner));
    const oneLine = `[${items.join(", ")}]`;
    if (oneLine.length <= 80 && !oneLine.includes("\n")) return oneLine;
    return `[\n${items.map((item) => `${inner}${item},\n`).join("")}${indent}]`;
  }
  let text = "{\n";
  for (const key in value) text += `${inner}${propertyKey(key)}: ${tsValue(value[key] as PValue, inner)},\n`;
  return text === "{\n" ? "{}" : `${text}${indent}}`;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

/**
 * `netVpc.id`; deeper paths through the first output's value, since a nested object may be absent in
 * the provider's types: `webVm.identity.apply((value) => value!.principalId)`.
 */
function access(value: PRef | PConfig): string {
  if (value instanceof PConfig) return configVariable(value.key);
  const [first, ...rest] = value.path;
  if (first === undefined) return value.resource;
  const head = `${value.resource}${step(first)}`;
  if (rest.length === 0) return head;
  return `${head}.apply((value) => value${rest.map((s) => `!${step(s)}`).join("")})`;
}

function step(s: string | number): string {
  if (typeof s === "number") return `[${s}]`;
  return isIdentifier(s) && !s.includes("-") ? `.${s}` : `[${JSON.stringify(s)}]`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
const TEMPLATE_SPECIAL = /[\\`]|\$\{|[\u0000-\u0009\u000b-\u001f\u007f\u2028\u2029]/g;

/**
 * `pulumi.interpolate` template: backslashes, backticks and `${` escaped, carriage returns and other
 * control characters (which a template literal would normalize or hide) as escapes, newlines kept.
 */
function interpolate(value: PInterpolate): string {
  let text = "pulumi.interpolate`";
  for (const part of value.parts) {
    if (typeof part !== "string") {
      text += `\${${access(part)}}`;
      continue;
    }
    text += part.toWellFormed().replace(TEMPLATE_SPECIAL, (match) => {
      if (match === "${") return "\\${";
      if (match === "\\" || match === "`") return `\\${match}`;
      if (match === "\t") return "\\t";
      return `\\u${match.charCodeAt(0).toString(16).padStart(4, "0")}`;
    });
  }
  return `${text}\``;
}
