import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Unknown } from "../../../src/model/value.ts";
import { checkPolicy } from "../../../src/policy/check-policy.ts";
import { readPolicyConfig } from "../../../src/policy/policy-config.ts";
import { graphWith, tfNode } from "../../helpers/policy-graphs.ts";

const rules = (condition: string, types = "[aws_s3_bucket]") =>
  readPolicyConfig(
    `apiVersion: plinth/policy/v1\nrules:\n  - id: ACME-S3-001\n    title: Buckets carry a cost-center tag\n    severity: medium\n    resourceTypes: ${types}\n    condition: '${condition}'\n    message: Tag the bucket with its cost center.\n    frameworks:\n      - { framework: soc2, version: "2017", controls: [CC3.1] }\n`,
    "plinth-policy.yaml",
  ).rules;

const run = (condition: string, nodes = defaultNodes()) => {
  const report = checkPolicy([{ graph: graphWith(nodes) }], {
    today: "2026-11-27",
    customRules: rules(condition),
    ruleNames: ["ACME-S3-001"],
  });
  return Object.fromEntries(report.results.map((r) => [r.address, r]));
};
const defaultNodes = () => [
  tfNode("aws_s3_bucket.tagged", { bucket: "a", tags: { "cost-center": "42" } }),
  tfNode("aws_s3_bucket.untagged", { bucket: "b", tags: { team: "x" } }),
  tfNode("aws_s3_bucket.bare", { bucket: "c" }),
];

describe("custom rules with CEL conditions", () => {
  test("true complies, false fails with the rule's message", () => {
    const results = run('has(resource.tags) && "cost-center" in resource.tags');
    assert.equal(results["aws_s3_bucket.tagged"]?.status, "pass");
    assert.equal(results["aws_s3_bucket.untagged"]?.status, "fail");
    assert.equal(results["aws_s3_bucket.untagged"]?.message, "Tag the bucket with its cost center.");
    assert.equal(results["aws_s3_bucket.bare"]?.status, "fail");
    assert.equal(results["aws_s3_bucket.bare"]?.severity, "medium");
  });

  test("see address, type and name, blocks as lists, numbers as numbers", () => {
    const nodes = [
      tfNode('aws_s3_bucket.logs["eu"]', { bucket: "a", lifecycle_rule: [{ expiration: [{ days: 400 }] }] }),
      tfNode("aws_s3_bucket.tmp", { bucket: "b", lifecycle_rule: [{ expiration: [{ days: 7 }] }] }),
    ];
    const results = run(
      'name == "logs" && address.endsWith("[\\"eu\\"]") && resource.lifecycle_rule[0].expiration[0].days >= 365',
      nodes,
    );
    assert.equal(results['aws_s3_bucket.logs["eu"]']?.status, "pass");
    assert.equal(results["aws_s3_bucket.tmp"]?.status, "fail");
  });

  test("reading a value not known statically gives unknown, unless CEL can decide without it", () => {
    const nodes = [tfNode("aws_s3_bucket.x", { bucket: "x", tags: new Unknown("var.tags has no default") })];
    const undecided = run('"cost-center" in resource.tags', nodes)["aws_s3_bucket.x"];
    assert.equal(undecided?.status, "unknown");
    assert.match(undecided?.message ?? "", /`tags` is not known statically: var\.tags has no default/);
    assert.equal(
      run('resource.bucket == "x" || "cost-center" in resource.tags', nodes)["aws_s3_bucket.x"]?.status,
      "pass",
    );
  });

  test("an evaluation error is unknown with advice, not a crash", () => {
    const result = run('resource.tags.owner == "me"')["aws_s3_bucket.bare"];
    assert.equal(result?.status, "unknown");
    assert.match(result?.message ?? "", /could not be evaluated.*has\(\)/);
  });

  test("invalid CEL is refused when the config is read, at the condition's line", () => {
    assert.throws(
      () => rules("resource.tags ==="),
      (error: Error & { location?: { line: number } }) =>
        error.name === "InputError" && /not valid CEL/.test(error.message) && error.location?.line === 7,
    );
  });

  test("rule ids may not take the built-in PLINTH- prefix, nor repeat", () => {
    assert.throws(
      () =>
        readPolicyConfig(
          "rules:\n  - { id: PLINTH-AWS-001, title: t, severity: low, resourceTypes: [aws_s3_bucket], condition: 'true' }\n",
          "p.yaml",
        ),
      /not a valid policy config/,
    );
    const twice =
      "  - { id: ACME-1, title: t, severity: low, resourceTypes: [aws_s3_bucket], condition: 'true' }\n";
    assert.throws(() => readPolicyConfig(`rules:\n${twice}${twice}`, "p.yaml"), /ACME-1 is defined twice/);
  });

  test("hostile YAML is refused as YAML, not evaluated", () => {
    assert.throws(() => readPolicyConfig("rules: !!js/function 'function(){}'\n", "p.yaml"), /not allowed/);
    assert.throws(() => readPolicyConfig("a: &a [*a, *a]\nrules: *a\n", "p.yaml"));
  });
});
