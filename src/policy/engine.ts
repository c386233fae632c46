import type { ResourceGraph, ResourceNode } from "../model/graph.ts";
import { GraphIndex } from "./graph-index.ts";
import { locate } from "./locate.ts";
import { ResourceView } from "./resource-view.ts";
import type { Rule } from "./rule.ts";
import type { PolicyResult, Verdict } from "./types.ts";

/**
 * Runs every rule over the resources of its types in one graph: one result per (rule, resource).
 * A rule that throws is a bug in the rule, not a finding: its result is `unknown` and says so, and the
 * other rules still run.
 */
export function evaluateRules(
  graph: ResourceGraph,
  rules: ReadonlyArray<Rule>,
  env?: string,
): PolicyResult[] {
  const index = new GraphIndex(graph);
  const results: PolicyResult[] = [];
  for (const rule of rules) {
    for (const type of rule.meta.resourceTypes.terraform) {
      for (const node of index.ofType(type)) {
        results.push(resultOf(rule, node, decide(rule, node, index), env));
      }
    }
  }
  return results;
}

function decide(rule: Rule, node: ResourceNode, index: GraphIndex): Verdict {
  try {
    return rule.check(new ResourceView(node), index);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      status: "unknown",
      message: `Rule ${rule.meta.id} could not evaluate this resource: ${reason}.`,
    };
  }
}

export function resultOf(rule: Rule, node: ResourceNode, verdict: Verdict, env?: string): PolicyResult {
  const location = verdict.at ?? locate(node, verdict.attribute);
  return {
    ruleId: rule.meta.id,
    aliases: rule.meta.aliases,
    severity: rule.meta.severity,
    title: rule.meta.title,
    address: node.address,
    resourceType: node.type,
    status: verdict.status,
    ...(location ? { file: location.file, line: location.line } : {}),
    message: verdict.message,
    ...(env === undefined ? {} : { env }),
  };
}
