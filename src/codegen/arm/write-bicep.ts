import type { GraphVariable } from "../../model/graph.ts";
import { type ArmObject, type ArmResource, type ArmTemplate, type ArmValue, isExpr } from "./arm-model.ts";
import { deploymentName, outputType, RESOURCES_API_VERSION } from "./write-arm.ts";

/**
 * Bicep for the same deployment as the ARM template: main.bicep (subscription scope: the resource
 * group and a module into it) and resources.bicep (the resources, with symbolic references, so Bicep
 * derives the dependencies; only Terraform's explicit ones are written).
 */
export function writeBicep(template: ArmTemplate, comment: string): Map<string, string> {
  const header = `${comment.replace(/^/gm, "// ")}\n`;
  const main: string[] = [header, "targetScope = 'subscription'\n\n"];
  for (const p of template.parameters) main.push(parameter(p));
  const group = template.resourceGroup;
  main.push(
    `resource rg 'Microsoft.Resources/resourceGroups@${RESOURCES_API_VERSION}' = {\n  name: ${literal(group.name)}\n  location: ${literal(group.location)}\n${group.tags ? `  tags: ${value(group.tags, "  ")}\n` : ""}}\n\n`,
  );
  const params = template.parameters.map((p) => `    ${p.name}: ${p.name}\n`).join("");
  main.push(
    `module resources 'resources.bicep' = {\n  name: ${literal(deploymentName(template))}\n  scope: rg\n${params ? `  params: {\n${params}  }\n` : ""}}\n`,
  );
  if (template.outputs.length > 0) main.push("\n");
  for (const o of template.outputs)
    main.push(`output ${o.name} ${outputType(o.value)} = resources.outputs.${o.name}\n`);

  const resources: string[] = [header];
  for (const p of template.parameters) resources.push(parameter(p));
  for (const resource of template.resources) resources.push(resourceBlock(resource));
  for (const o of template.outputs)
    resources.push(`output ${o.name} ${outputType(o.value)} = ${value(o.value, "")}\n`);
  return new Map([
    ["main.bicep", main.join("")],
    ["resources.bicep", resources.join("").replace(/\n\n$/, "\n")],
  ]);
}

function parameter(p: GraphVariable): string {
  const type = p.type === "number" ? "int" : p.type === "bool" ? "bool" : "string";
  const lines = [`@description(${literal(p.description)})\n`];
  if (p.sensitive) lines.push("@secure()\n");
  lines.push(`param ${p.name} ${type}${p.default !== undefined ? ` = ${value(p.default, "")}` : ""}\n\n`);
  return lines.join("");
}

function resourceBlock(resource: ArmResource): string {
  const lines: string[] = [`// plinth: ${resource.addresses.join(", ")}\n`];
  lines.push(`resource ${resource.symbol} '${resource.type}@${resource.apiVersion}' = {\n`);
  if (resource.scope) lines.push(`  scope: ${resource.scope.symbol}\n`);
  if (resource.parent) lines.push(`  parent: ${resource.parent.symbol}\n`);
  lines.push(`  name: ${value(resource.name, "  ")}\n`);
  if (resource.location) lines.push(`  location: ${literal(resource.location)}\n`);
  if (resource.tags) lines.push(`  tags: ${value(resource.tags, "  ")}\n`);
  if (resource.sku) lines.push(`  sku: ${value(resource.sku, "  ")}\n`);
  if (resource.kind !== undefined) lines.push(`  kind: ${value(resource.kind, "  ")}\n`);
  if (resource.identity) lines.push(`  identity: ${value(resource.identity, "  ")}\n`);
  if (resource.zones) lines.push(`  zones: ${value(resource.zones, "  ")}\n`);
  lines.push(`  properties: ${value(resource.properties, "  ")}\n`);
  const implied = referenced([resource.name, resource.properties]);
  const explicit = resource.dependsOn.filter(
    (d) => !implied.has(d) && d !== resource.parent && d !== resource.scope,
  );
  if (explicit.length > 0)
    lines.push(`  dependsOn: [\n${explicit.map((d) => `    ${d.symbol}\n`).join("")}  ]\n`);
  lines.push("}\n\n");
  return lines.join("");
}

function referenced(value: ArmValue, found = new Set<ArmResource>()): Set<ArmResource> {
  if (isExpr(value)) {
    if (value.kind === "id" || value.kind === "name" || value.kind === "reference") found.add(value.resource);
    if (value.kind === "concat") for (const part of value.parts) referenced(part, found);
    if (value.kind === "call") for (const arg of value.args) referenced(arg, found);
  } else if (Array.isArray(value)) for (const item of value) referenced(item, found);
  else if (value !== null && typeof value === "object")
    for (const item of Object.values(value)) referenced(item, found);
  return found;
}

/** A value as Bicep: objects and arrays one entry per line, references symbolic, text interpolated. */
function value(v: ArmValue, indent: string): string {
  if (isExpr(v)) {
    switch (v.kind) {
      case "parameter":
        return v.name;
      case "id":
        return `${v.resource.symbol}.id`;
      case "name":
        return `${v.resource.symbol}.name`;
      case "reference":
        return `${v.resource.symbol}.${v.full ? "" : "properties."}${v.path}`;
      case "resourceGroupName":
        return "resourceGroup().name";
      case "call":
        return `${v.fn}(${v.args.map((arg) => value(arg, indent)).join(", ")})`;
      case "concat":
        return `'${v.parts.map((part) => (typeof part === "string" ? escapeBicep(part) : `\${${value(part, indent)}}`)).join("")}'`;
    }
  }
  if (typeof v === "string") return literal(v);
  if (v === null) return "null";
  if (typeof v !== "object") return String(v);
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[\n${v.map((item) => `${inner}${value(item, inner)}\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(v as ArmObject);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${inner}${objectKey(key)}: ${value(item, inner)}\n`).join("")}${indent}}`;
}

function objectKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : literal(key);
}

function literal(text: string): string {
  return `'${escapeBicep(text)}'`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it escapes
const SPECIAL = /[\\'\n\r\t]|\$\{|[\u0000-\u001f\u007f\u2028\u2029]/g;

/** Inside a Bicep string: `\\`, `\'`, `\n`, `\r`, `\t`, `\${`, other control characters as `\u{…}`. */
function escapeBicep(text: string): string {
  return text.toWellFormed().replace(SPECIAL, (match) => {
    switch (match) {
      case "\\":
        return "\\\\";
      case "'":
        return "\\'";
      case "\n":
        return "\\n";
      case "\r":
        return "\\r";
      case "\t":
        return "\\t";
      case "${":
        return "\\${";
      default:
        return `\\u{${(match.codePointAt(0) as number).toString(16)}}`;
    }
  });
}
