import type { GraphIndex } from "./graph-index.ts";
import type { ResourceView } from "./resource-view.ts";
import type { RuleMetadata, Verdict } from "./types.ts";

/**
 * A policy rule: metadata as data and one pure decision per resource of its types. `check` reads the
 * resource (and, through the index, resources attached to it) and never guesses: an argument that is
 * not known statically gives `unknown`, never a pass or a fail.
 */
export interface Rule {
  meta: RuleMetadata;
  check: (resource: ResourceView, graph: GraphIndex) => Verdict;
}

export function pass(message: string, attribute?: string): Verdict {
  return attribute === undefined ? { status: "pass", message } : { status: "pass", message, attribute };
}

export function fail(message: string, attribute?: string): Verdict {
  return attribute === undefined ? { status: "fail", message } : { status: "fail", message, attribute };
}

export function unknown(message: string, attribute?: string): Verdict {
  return attribute === undefined ? { status: "unknown", message } : { status: "unknown", message, attribute };
}
