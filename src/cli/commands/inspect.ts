import { resolve } from "node:path";
import type { Command } from "commander";
import { formatLocation } from "../../errors.ts";
import { readInfrastructure } from "../../ingest/read-infrastructure.ts";
import type { ResourceGraph, ResourceNode } from "../../model/graph.ts";
import {
  type AttributePath,
  encodeValue,
  formatPath,
  isPlainObject,
  Unknown,
  type Value,
  type ValueObject,
} from "../../model/value.ts";
import { type CommonOptions, contextFor, withCommonOptions } from "../command-context.ts";
import { EXIT } from "../exit-codes.ts";
import {
  type InfrastructureFlags,
  infrastructureOptions,
  withInfrastructureOptions,
} from "../infrastructure-options.ts";
import type { CliIO } from "../io.ts";
import { resolvePath } from "../paths.ts";
import { describeWarning, diagnosticJson } from "../report-error.ts";
import type { Style } from "../style.ts";

type InspectOptions = Omit<CommonOptions, "file"> & InfrastructureFlags;

/** `plinth inspect PATH`: what plinth reads from a plinth.yaml, Terraform directory, plan JSON or template. */
export function registerInspect(program: Command, io: CliIO, setExit: (code: number) => void): void {
  withInfrastructureOptions(withCommonOptions(program.command("inspect"), { spec: false }))
    .description(
      "show the resources plinth reads from a plinth.yaml, .tf directory, plan JSON or CloudFormation template",
    )
    .argument("[path]", "what to read", ".")
    .option("--env <name>", "plinth.yaml: only this environment")
    .action((path: string, options: InspectOptions) => {
      const ctx = contextFor(io, { ...options, file: path });
      const input = resolvePath(io, path);
      // Files inside the current directory are named as the user sees them: main.tf, not /abs/main.tf.
      const display = input.absolute === resolve(io.cwd) ? "." : input.display;
      const result = readInfrastructure(input.absolute, infrastructureOptions(io, options, display));
      if (ctx.json) {
        const json = {
          kind: result.kind,
          path: display,
          graphs: result.graphs.map(graphJson),
          warnings: result.warnings.map(diagnosticJson),
        };
        io.stdout(`${JSON.stringify(json, null, 2)}\n`);
      } else {
        for (const warning of result.warnings) io.stderr(describeWarning(warning, ctx.style));
        for (const graph of result.graphs) io.stdout(describeGraph(graph, result.kind, ctx.style));
      }
      setExit(EXIT.ok);
    });
}

function graphJson(graph: ResourceGraph) {
  return {
    app: graph.app,
    env: graph.env,
    cloud: graph.cloud,
    region: graph.region,
    nodes: graph.nodes.map((node) => ({
      address: node.address,
      type: node.type,
      name: node.name,
      ...(node.region ? { region: node.region } : {}),
      ...(node.origin ? { origin: node.origin } : {}),
      ...(node.source ? { source: node.source } : {}),
      properties: encodeValue(redacted(node)),
      dependsOn: node.dependsOn,
      sensitive: node.sensitive.map((p) => formatPath(p).slice(1)),
      unknowns: unknownsOf(node.properties).map(({ path, reason }) => ({
        path: formatPath(path).slice(1),
        reason,
      })),
      ...(node.directives ? { directives: node.directives } : {}),
      ...(node.attributeSources ? { attributeSources: node.attributeSources } : {}),
    })),
    variables: graph.variables.map((v) => (v.sensitive ? { ...v, default: undefined } : v)),
    outputs: graph.outputs.map((o) => ({
      name: o.name,
      value: encodeValue(o.sensitive ? "(sensitive)" : o.value),
    })),
  };
}

/** Terraform's plan style: one line per resource, unknown values listed under it. */
function describeGraph(graph: ResourceGraph, kind: string, style: Style): string {
  const lines = [
    `${style.bold(graph.app)} ${style.dim(`(${kind}, ${graph.env})`)}: ${graph.nodes.length} resource${graph.nodes.length === 1 ? "" : "s"}, ${graph.cloud} ${graph.region}`,
  ];
  const width = Math.min(70, Math.max(0, ...graph.nodes.map((n) => n.address.length)));
  for (const node of graph.nodes) {
    const where = node.source ? style.dim(formatLocation(node.source)) : "";
    const region = node.region && node.region !== graph.region ? ` ${style.cyan(node.region)}` : "";
    lines.push(`  ${node.address.padEnd(width)}  ${where}${region}`);
    for (const { path, reason } of unknownsOf(node.properties))
      lines.push(
        `      ${style.yellow(formatPath(path).slice(1))} ${style.dim(`(known after apply: ${reason})`)}`,
      );
    for (const directive of node.directives ?? []) lines.push(`      ${style.dim(`# ${directive.text}`)}`);
  }
  return `${lines.join("\n")}\n\n`;
}

function unknownsOf(
  value: Value,
  path: Array<string | number> = [],
): Array<{ path: AttributePath; reason: string }> {
  if (value instanceof Unknown) return [{ path, reason: value.reason }];
  if (Array.isArray(value)) return value.flatMap((v, i) => unknownsOf(v, [...path, i]));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => unknownsOf(v, [...path, k]));
  return [];
}

/** Properties with sensitive values replaced, so secrets never reach the terminal or a CI log. */
function redacted(node: ResourceNode): ValueObject {
  let properties: Value = node.properties;
  for (const path of node.sensitive) properties = replaceAt(properties, path, "(sensitive)");
  return properties as ValueObject;
}

/** A copy of `value` with the value at `path` replaced (references and unknowns kept as they are). */
function replaceAt(value: Value, path: AttributePath, replacement: Value): Value {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value) && typeof head === "number" && head < value.length)
    return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (isPlainObject(value) && typeof head === "string" && Object.hasOwn(value, head)) {
    const copy: ValueObject = { ...value };
    copy[head] = replaceAt(value[head] as Value, rest, replacement);
    return copy;
  }
  return value;
}
