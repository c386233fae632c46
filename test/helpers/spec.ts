import assert from "node:assert/strict";
import { buildGraph } from "../../src/model/build-graph.ts";
import type { Cloud, ResourceGraph, ResourceNode } from "../../src/model/graph.ts";
import { type Diagnostic, InvalidSpecError } from "../../src/spec/diagnostics.ts";
import { parseSpec } from "../../src/spec/load-spec.ts";

/** A minimal valid spec header; tests append `components:` and the rest. */
export const HEADER = "apiVersion: plinth/v1\napp: shop\ncloud: aws\nregion: us-east-1\n";

export function graphOf(yaml: string, options: { env?: string; cloud?: Cloud } = {}): ResourceGraph {
  return buildGraph(parseSpec(yaml, "plinth.yaml"), options).graph;
}

export function nodeOf(graph: ResourceGraph, address: string): ResourceNode {
  const node = graph.nodes.find((n) => n.address === address);
  assert.ok(node, `${address} is in the graph (has: ${graph.nodes.map((n) => n.address).join(", ")})`);
  return node;
}

/** Parses, resolves and lowers; returns the problems it must have found. */
export function problemsOf(yaml: string, options: { env?: string; cloud?: Cloud } = {}): Diagnostic[] {
  try {
    buildGraph(parseSpec(yaml, "plinth.yaml"), options);
  } catch (error) {
    if (error instanceof InvalidSpecError) return error.diagnostics;
    if (error instanceof Error && "location" in error && error.location) {
      const e = error as Error & { location: Diagnostic["location"]; hint?: string };
      return [
        { severity: "error", message: e.message, location: e.location, ...(e.hint ? { hint: e.hint } : {}) },
      ];
    }
    throw error;
  }
  assert.fail("expected the spec to be refused");
}

/** Asserts exactly one problem, whose message matches and which points at `line` (and `col`). */
export function assertProblem(
  yaml: string,
  expected: { message: RegExp; line: number; col?: number },
  options: { env?: string; cloud?: Cloud } = {},
): Diagnostic {
  const problems = problemsOf(yaml, options);
  const match = problems.find((p) => expected.message.test(p.message));
  assert.ok(
    match,
    `a problem matching ${expected.message} (got: ${problems.map((p) => p.message).join(" | ")})`,
  );
  assert.equal(match.location.line, expected.line, `line of: ${match.message}`);
  if (expected.col !== undefined)
    assert.equal(match.location.col, expected.col, `column of: ${match.message}`);
  return match;
}
