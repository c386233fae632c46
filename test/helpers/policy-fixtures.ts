import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ResourceGraph } from "../../src/model/graph.ts";
import { evaluateRules } from "../../src/policy/engine.ts";
import type { Rule } from "../../src/policy/rule.ts";
import type { Status } from "../../src/policy/types.ts";

export const FIXTURES = fileURLToPath(new URL("../fixtures/policy/", import.meta.url));

export function fixtureDir(rule: Rule): string {
  return `${FIXTURES}${rule.meta.id.toLowerCase()}`;
}

export function fixtureFiles(rule: Rule): string[] {
  const dir = fixtureDir(rule);
  return existsSync(dir) ? readdirSync(dir) : [];
}

/**
 * The fixture convention: a resource of one of the rule's types whose name starts with `pass`, `fail`
 * or `unknown` (any case, `_` or `-` or CamelCase after it) must get that status. Asserts that the
 * fixture has at least one compliant and one non-compliant resource, so it can catch a broken rule.
 */
export function assertFixtureExpectations(
  rule: Rule,
  graphs: ReadonlyArray<ResourceGraph>,
  label: string,
): number {
  const seen: Record<Status, number> = { pass: 0, fail: 0, unknown: 0 };
  for (const graph of graphs) {
    for (const result of evaluateRules(graph, [rule])) {
      const node = graph.nodes.find((n) => n.address === result.address);
      const expected = /^(pass|fail|unknown)/i.exec(node?.name ?? "")?.[1]?.toLowerCase() as
        | Status
        | undefined;
      if (!expected) continue;
      seen[expected]++;
      assert.equal(
        result.status,
        expected,
        `${label}: ${result.address} should ${expected} ${rule.meta.id} but got ${result.status}: ${result.message}`,
      );
    }
  }
  assert.ok(
    seen.pass > 0,
    `${label}: no compliant (pass_*) resource of ${rule.meta.resourceTypes.terraform.join(", ")}`,
  );
  assert.ok(
    seen.fail > 0,
    `${label}: no non-compliant (fail_*) resource of ${rule.meta.resourceTypes.terraform.join(", ")}`,
  );
  return seen.pass + seen.fail + seen.unknown;
}
