import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ResourceNode } from "../../../src/model/graph.ts";
import { checkPolicy } from "../../../src/policy/check-policy.ts";
import { readPolicyConfig } from "../../../src/policy/policy-config.ts";
import { graphWith, tfNode } from "../../helpers/policy-graphs.ts";

const TODAY = "2026-11-27";
const withDirective = (node: ResourceNode, text: string, line = 2): ResourceNode =>
  ({ ...node, directives: [{ text, location: { file: "main.tf", line, col: 1 } }] }) as ResourceNode;
const unencrypted = (address = "aws_db_instance.db") => tfNode(address, { storage_encrypted: false });
const check = (nodes: ResourceNode[], config = "") =>
  checkPolicy([{ graph: graphWith(nodes) }], {
    today: TODAY,
    ruleNames: ["PLINTH-AWS-015"],
    suppressions: config ? readPolicyConfig(config, "plinth-policy.yaml").suppressions : [],
  });

describe("inline # plinth:ignore directives", () => {
  test("accept a finding with a reason: it stays a fail, carries the suppression and does not block", () => {
    const report = check([
      withDirective(
        unencrypted(),
        'plinth:ignore PLINTH-AWS-015 reason="legacy snapshot, migrating in Q1" expires=2027-03-31',
      ),
    ]);
    const [result] = report.results;
    assert.equal(result?.status, "fail");
    assert.deepEqual(result?.suppression, {
      ruleId: "PLINTH-AWS-015",
      reason: "legacy snapshot, migrating in Q1",
      expires: "2027-03-31",
      source: "inline",
      expired: false,
    });
    assert.deepEqual([report.summary.fail, report.summary.suppressed, report.summary.blocking], [0, 1, 0]);
    assert.equal(report.suppressions[0]?.matched, 1);
  });

  test("name the rule by a Checkov alias too", () => {
    const report = check([withDirective(unencrypted(), 'plinth:ignore CKV_AWS_16 reason="test data only"')]);
    assert.equal(report.summary.suppressed, 1);
  });

  test("without a reason are not applied, and say so", () => {
    const report = check([withDirective(unencrypted(), "plinth:ignore PLINTH-AWS-015", 7)]);
    assert.equal(report.summary.blocking, 1);
    assert.deepEqual(
      report.warnings.map((w) => [w.at.line, w.message]),
      [[7, 'plinth:ignore PLINTH-AWS-015 has no reason="…"; the finding is not suppressed.']],
    );
  });

  test("that expired fail again and say when", () => {
    const report = check([
      withDirective(unencrypted(), 'plinth:ignore PLINTH-AWS-015 reason="temporary" expires=2026-11-27'),
    ]);
    const [result] = report.results;
    assert.equal(report.summary.blocking, 1);
    assert.equal(result?.suppression?.expired, true);
    assert.match(result?.message ?? "", /suppression expired on 2026-11-27: temporary/);
  });

  test("with an impossible date are refused", () => {
    const report = check([
      withDirective(unencrypted(), 'plinth:ignore PLINTH-AWS-015 reason="x y z" expires=2027-02-30'),
    ]);
    assert.equal(report.summary.blocking, 1);
    assert.match(report.warnings[0]?.message ?? "", /not a YYYY-MM-DD date/);
  });

  test("apply within their own graph: another Terraform root with the same address is not suppressed", () => {
    const dev = graphWith([
      withDirective(unencrypted(), 'plinth:ignore PLINTH-AWS-015 reason="dev data only"'),
    ]);
    const prod = graphWith([unencrypted()]);
    const report = checkPolicy([{ graph: dev }, { graph: prod }], {
      today: TODAY,
      ruleNames: ["PLINTH-AWS-015"],
    });
    assert.deepEqual(report.results.map((r) => Boolean(r.suppression)).sort(), [false, true]);
    assert.equal(report.summary.blocking, 1);
  });

  test("apply only to the resource they are on, and only to their rule", () => {
    const report = check([
      withDirective(unencrypted("aws_db_instance.a"), 'plinth:ignore PLINTH-AWS-017 reason="other rule"'),
      unencrypted("aws_db_instance.b"),
    ]);
    assert.equal(report.summary.blocking, 2);
  });
});

describe("suppressions in plinth-policy.yaml", () => {
  const config = (address: string, extra = "") =>
    `suppressions:\n  - rule: PLINTH-AWS-015\n    address: '${address}'\n    reason: reporting replicas hold public data\n${extra}`;

  test("match addresses by glob, including for_each keys and modules", () => {
    const nodes = [
      unencrypted('module.reports.aws_db_instance.replica["eu"]'),
      unencrypted('module.reports.aws_db_instance.replica["us"]'),
      unencrypted("aws_db_instance.main"),
    ];
    const report = check(nodes, config("module.reports.aws_db_instance.replica[*]"));
    assert.deepEqual(
      report.results.map((r) => [r.address, Boolean(r.suppression)]),
      [
        ["aws_db_instance.main", false],
        ['module.reports.aws_db_instance.replica["eu"]', true],
        ['module.reports.aws_db_instance.replica["us"]', true],
      ],
    );
    assert.equal(report.suppressions[0]?.matched, 2);
    assert.equal(report.suppressions[0]?.at.line, 2);
  });

  test("treat glob metacharacters other than * literally", () => {
    const report = check([unencrypted("aws_db_instance.dbx")], config("aws_db_instance.d.x"));
    assert.equal(report.summary.suppressed, 0);
  });

  test("expire like inline ones", () => {
    const report = check([unencrypted()], config("aws_db_instance.db", "    expires: 2026-01-01\n"));
    assert.equal(report.summary.blocking, 1);
    assert.equal(report.results[0]?.suppression?.expired, true);
  });

  test("require a reason", () => {
    assert.throws(
      () =>
        readPolicyConfig("suppressions:\n  - rule: PLINTH-AWS-015\n    address: '*'\n", "plinth-policy.yaml"),
      (error: Error & { location?: { line: number } }) =>
        /needs `reason`/.test(error.message) && error.name === "InputError" && error.location?.line === 2,
    );
  });

  test("refuse dates that do not exist, at their line", () => {
    assert.throws(
      () => readPolicyConfig(config("*", "    expires: 2027-02-30\n"), "plinth-policy.yaml"),
      (error: Error & { location?: { line: number } }) =>
        /2027-02-30 does not exist/.test(error.message) && error.location?.line === 5,
    );
  });
});
