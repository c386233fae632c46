import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import { buildGraph } from "../../../src/model/build-graph.ts";
import { checkPolicy } from "../../../src/policy/check-policy.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";
import { environmentNames } from "../../../src/spec/resolve-environment.ts";

/**
 * What plinth's lowering does not do yet, reported to the lead; everything else a built-in rule can
 * see in the examples must pass. Remove an entry when lowering adds the setting.
 */
const KNOWN_LOWERING_GAPS = new Set([
  "PLINTH-AWS-008 aws_s3_bucket", // no S3 server access logging (needs a log bucket per app)
  "PLINTH-AWS-040 aws_secretsmanager_secret", // no rotation schedule (needs a rotation function)
  "PLINTH-AZURE-005 azurerm_storage_account", // no network rules (default action Allow)
]);

const examples = readdirSync(new URL("../../../examples/", import.meta.url));

for (const example of examples) {
  test(`examples/${example}: every environment passes the built-in rules that apply`, () => {
    const file = new URL(`../../../examples/${example}/plinth.yaml`, import.meta.url).pathname;
    const doc = readSpecFile(file, `examples/${example}/plinth.yaml`);
    const inputs = environmentNames(doc).map((env) => ({ graph: buildGraph(doc, { env }).graph, env }));
    const report = checkPolicy(inputs, { today: "2026-11-27" });
    const failures = report.results
      .filter((r) => r.status !== "pass" && !KNOWN_LOWERING_GAPS.has(`${r.ruleId} ${r.resourceType}`))
      .map((r) => `${r.env} ${r.address} ${r.ruleId} ${r.status}: ${r.message}`);
    assert.deepEqual(failures, []);
    assert.ok(
      report.summary.pass > 20,
      `${example}: rules apply to what it expresses (${report.summary.pass} passes)`,
    );
  });
}
