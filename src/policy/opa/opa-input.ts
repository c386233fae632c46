import type { ResourceGraph, ResourceNode } from "../../model/graph.ts";
import { encodeValue } from "../../model/value.ts";
import type { PolicyInput } from "../check-policy.ts";
import { type PolicyResult, SEVERITIES, type Severity } from "../types.ts";

/**
 * The `input` document OPA policies receive: every resource with its address, type and arguments in
 * plinth's JSON form (references as {"$ref"…}, unknowns as {"$unknown": reason}).
 */
export function opaInput(inputs: ReadonlyArray<PolicyInput>): unknown {
  return {
    resources: inputs.flatMap(({ graph, env }) =>
      graph.nodes.map((n) => ({
        address: n.address,
        type: n.type,
        name: n.name,
        cloud: graph.cloud,
        ...(env === undefined ? {} : { env }),
        properties: encodeValue(n.properties),
      })),
    ),
  };
}

/**
 * Findings from a policy's result: a list (Rego set) of messages, or of objects
 * `{msg|message, address?, id|ruleId?, severity?}`. Each is a failed finding; one that names no
 * resource of the input is attached to the input as a whole (`address: "(input)"`).
 */
export function findingsFrom(
  result: unknown,
  inputs: ReadonlyArray<PolicyInput>,
  source: string,
): PolicyResult[] {
  const items = Array.isArray(result) ? result : result === undefined || result === null ? [] : [result];
  const nodes = new Map<string, { node: ResourceNode; graph: ResourceGraph; env: string | undefined }>();
  for (const { graph, env } of inputs)
    for (const node of graph.nodes) nodes.set(node.address, { node, graph, env });
  return items.map((item) => {
    const object = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    const message =
      typeof item === "string" ? item : String(object.msg ?? object.message ?? JSON.stringify(item));
    const address = typeof object.address === "string" ? object.address : "(input)";
    const severity = SEVERITIES.includes(object.severity as Severity)
      ? (object.severity as Severity)
      : "medium";
    const ruleId =
      typeof object.id === "string" ? object.id : typeof object.ruleId === "string" ? object.ruleId : "OPA";
    const found = nodes.get(address);
    return {
      ruleId,
      aliases: [],
      severity,
      title: `OPA policy (${source})`,
      address,
      resourceType: found?.node.type ?? "",
      status: "fail",
      ...(found?.node.source ? { file: found.node.source.file, line: found.node.source.line } : {}),
      message,
      ...(found?.env === undefined ? {} : { env: found.env }),
    } satisfies PolicyResult;
  });
}
