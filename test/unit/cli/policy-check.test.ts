import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { BUILT_IN_RULES } from "../../../src/policy/rules/index.ts";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";

const ESC = "\u001b";

const example = (name: string) => new URL(`../../../examples/${name}/plinth.yaml`, import.meta.url).pathname;
const tmp = () => mkdtempSync(join(tmpdir(), "plinth-policy-"));
const now = () => new Date("2026-11-27T12:00:00Z");

/** A spec with one public bucket (fails PLINTH-AWS-003…007 through `public: true`) in a fresh directory. */
function publicBucketSpec(dir = tmp()): string {
  writeFileSync(
    join(dir, "plinth.yaml"),
    "apiVersion: plinth/v1\napp: site\ncloud: aws\nenvironments:\n  prod: {}\ncomponents:\n  www:\n    type: bucket\n    public: true\n",
  );
  return dir;
}

describe("plinth policy check", () => {
  test("a compliant spec: exit 0 and a one-line verdict", async () => {
    const result = await runCli(["policy", "check", example("gcp-notes")]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Policy check passed: \d+ resources, \d+ rules: \d+ passed, 0 failed/m);
  });

  test("failures: exit 2 with each finding at its line; --fail-on raises the bar", async () => {
    const dir = publicBucketSpec();
    const result = await runCli(["policy", "check"], { cwd: dir });
    assert.equal(result.code, 2, result.stderr);
    assert.match(
      result.stdout,
      /✗ aws_s3_bucket_public_access_block\.www \(prod\)\n {6}\[high\] PLINTH-AWS-004 S3 public access blocks set block_public_acls {2}plinth\.yaml:7/,
    );
    assert.match(result.stdout, /fix: Set block_public_acls to true\./);
    assert.equal((await runCli(["policy", "check", "--fail-on", "critical"], { cwd: dir })).code, 0);
  });

  test("--json matches its schema, with Terraform addresses and the environment", async () => {
    const result = await runCli(["policy", "check", example("shop"), "--json"]);
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("policy-check.schema.json", json);
    const db = json.results.find(
      (r: { ruleId: string; env: string }) => r.ruleId === "PLINTH-AWS-015" && r.env === "prod",
    );
    assert.deepEqual(
      [db.address, db.resourceType, db.status, db.line, db.aliases.includes("CKV_AWS_16")],
      ["aws_db_instance.db", "aws_db_instance", "pass", 43, true],
    );
    assert.match(db.file, /examples\/shop\/plinth\.yaml$/);
    assert.equal(json.summary.failOn, "low");
  });

  test("--pack and --rule (by id or Checkov alias) choose the rules", async () => {
    const pack = JSON.parse(
      (await runCli(["policy", "check", example("shop"), "--pack", "cis-aws", "--json"])).stdout,
    );
    const cis = new Set(
      BUILT_IN_RULES.filter((r) => r.meta.frameworks.some((f) => f.framework === "cis-aws")).map(
        (r) => r.meta.id,
      ),
    );
    assert.ok(pack.results.length > 0 && pack.results.every((r: { ruleId: string }) => cis.has(r.ruleId)));
    const picked = JSON.parse(
      (await runCli(["policy", "check", example("shop"), "--rule", "CKV_AWS_16", "PLINTH-AWS-037", "--json"]))
        .stdout,
    );
    assert.deepEqual([...new Set(picked.results.map((r: { ruleId: string }) => r.ruleId))].sort(), [
      "PLINTH-AWS-015",
      "PLINTH-AWS-037",
    ]);
  });

  test("--framework adds the roll-up per control", async () => {
    const rollUp = async (path: string) => {
      const result = await runCli(["policy", "check", path, "--framework", "cis-azure", "--json"]);
      const json = JSON.parse(result.stdout);
      assertMatchesCliSchema("policy-check.schema.json", json);
      assert.equal(json.framework.name, "CIS Microsoft Azure Foundations Benchmark");
      return (control: string) =>
        json.framework.controls.find((c: { control: string }) => c.control === control)?.status;
    };
    const inventory = await rollUp(example("azure-inventory"));
    assert.equal(inventory("3.8"), "pass");
    assert.equal(inventory("8.5"), "pass");
    // The rule's fixtures hold failing storage accounts: control 3.8 fails when any of its checks does.
    const fixtures = await rollUp(
      new URL("../../fixtures/policy/plinth-azure-005/main.tf", import.meta.url).pathname.replace(
        /main\.tf$/,
        "",
      ),
    );
    assert.equal(fixtures("3.8"), "fail");
  });

  test("every --format renders", async () => {
    const sarif = JSON.parse(
      (await runCli(["policy", "check", example("shop"), "--format", "sarif"])).stdout,
    );
    assert.equal(sarif.version, "2.1.0");
    assert.equal(
      sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri,
      "examples/shop/plinth.yaml",
    );
    assert.match((await runCli(["policy", "check", example("shop"), "--format", "junit"])).stdout, /^<\?xml/);
    assert.match(
      (await runCli(["policy", "check", example("shop"), "--format", "markdown"])).stdout,
      /^### plinth policy check/,
    );
  });

  test("plinth-policy.yaml beside the input adds custom rules and suppressions", async () => {
    const dir = publicBucketSpec();
    writeFileSync(
      join(dir, "plinth-policy.yaml"),
      [
        "rules:",
        "  - id: ACME-TAG-001",
        "    title: Buckets say which team owns them",
        "    severity: low",
        "    resourceTypes: [aws_s3_bucket]",
        "    condition: '\"team\" in resource.tags'",
        "suppressions:",
        "  - rule: CKV_AWS_53",
        "    address: aws_s3_bucket_public_access_block.*",
        "    reason: the website bucket is public on purpose",
        "    expires: 2027-06-30",
        "",
      ].join("\n"),
    );
    const result = await runCli(["policy", "check", "--json"], { cwd: dir, now });
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("policy-check.schema.json", json);
    assert.equal(json.results.find((r: { ruleId: string }) => r.ruleId === "ACME-TAG-001").status, "fail");
    const acls = json.results.find(
      (r: { ruleId: string; address: string }) =>
        r.ruleId === "PLINTH-AWS-004" && !r.address.includes("_access_logs"),
    );
    assert.deepEqual(acls.suppression, {
      ruleId: "PLINTH-AWS-004",
      reason: "the website bucket is public on purpose",
      expires: "2027-06-30",
      source: "plinth-policy.yaml",
      expired: false,
    });
    const configured = json.suppressions.find((x: { source: string }) => x.source === "plinth-policy.yaml");
    assert.deepEqual([configured.line, configured.matched], [8, 1]);
  });

  test("colours only on a terminal, and never with NO_COLOR", async () => {
    const dir = publicBucketSpec();
    assert.match(
      (await runCli(["policy", "check"], { cwd: dir, isTTY: true })).stdout,
      new RegExp(`${ESC}\\[31m`),
    );
    assert.doesNotMatch(
      (await runCli(["policy", "check"], { cwd: dir, isTTY: true, env: { NO_COLOR: "1" } })).stdout,
      new RegExp(`${ESC}\\[`),
    );
    assert.doesNotMatch((await runCli(["policy", "check"], { cwd: dir })).stdout, new RegExp(`${ESC}\\[`));
  });
});

describe("plinth policy check on existing infrastructure code", () => {
  test("a Terraform directory: modules, for_each addresses, argument lines and # plinth:ignore", async () => {
    const dir = tmp();
    mkdirSync(join(dir, "modules", "store"), { recursive: true });
    writeFileSync(
      join(dir, "main.tf"),
      [
        'module "store" {',
        '  source = "./modules/store"',
        '  names  = ["logs", "media"]',
        "}",
        "",
        '# plinth:ignore PLINTH-AWS-015 reason="restored from an unencrypted snapshot" expires=2027-01-31',
        'resource "aws_db_instance" "legacy" {',
        '  instance_class    = "db.t4g.micro"',
        "  storage_encrypted = false",
        "}",
        "",
      ].join("\n"),
    );
    writeFileSync(
      join(dir, "modules", "store", "main.tf"),
      [
        'variable "names" { type = list(string) }',
        'resource "aws_s3_bucket" "b" {',
        "  for_each = toset(var.names)",
        '  bucket   = "${each.key}-bucket"',
        "}",
        'resource "aws_s3_bucket_versioning" "b" {',
        "  for_each = aws_s3_bucket.b",
        "  bucket   = each.value.id",
        "  versioning_configuration {",
        '    status = each.key == "logs" ? "Enabled" : "Suspended"',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const result = await runCli(
      ["policy", "check", ".", "--rule", "PLINTH-AWS-002", "PLINTH-AWS-015", "--json"],
      { cwd: dir, now },
    );
    assert.equal(result.code, 2, result.stderr);
    const json = JSON.parse(result.stdout);
    assertMatchesCliSchema("policy-check.schema.json", json);
    const byAddress = Object.fromEntries(
      json.results.map((r: { address: string; ruleId: string }) => [`${r.ruleId} ${r.address}`, r]),
    );
    assert.equal(byAddress['PLINTH-AWS-002 module.store.aws_s3_bucket.b["logs"]'].status, "pass");
    const media = byAddress['PLINTH-AWS-002 module.store.aws_s3_bucket.b["media"]'];
    assert.deepEqual([media.status, media.file, media.line], ["fail", "modules/store/main.tf", 10]);
    const legacy = byAddress["PLINTH-AWS-015 aws_db_instance.legacy"];
    assert.deepEqual(
      [legacy.status, legacy.line, legacy.suppression.reason],
      ["fail", 9, "restored from an unencrypted snapshot"],
    );
    assert.equal(json.summary.blocking, 1);
  });

  for (const [syntax, name, text, line] of [
    ["HCL", "db_override.tf", 'resource "aws_db_instance" "db" {\n  storage_encrypted = false\n}\n', 2],
    [
      "JSON",
      "db_override.tf.json",
      '{\n  "resource": {\n    "aws_db_instance": {\n      "db": {\n        "storage_encrypted": false\n      }\n    }\n  }\n}\n',
      5,
    ],
  ] as const) {
    test(`a Terraform override file (${syntax}): the finding is at the override's line, which decides it`, async () => {
      const dir = tmp();
      writeFileSync(
        join(dir, "main.tf"),
        'resource "aws_db_instance" "db" {\n  instance_class    = "db.t4g.micro"\n  storage_encrypted = true\n}\n',
      );
      writeFileSync(join(dir, name), text);
      const result = await runCli(["policy", "check", ".", "--rule", "PLINTH-AWS-015", "--json"], {
        cwd: dir,
        now,
      });
      assert.equal(result.code, 2, result.stderr);
      const json = JSON.parse(result.stdout);
      assertMatchesCliSchema("policy-check.schema.json", json);
      const [finding] = json.results;
      assert.deepEqual([finding.status, finding.file, finding.line], ["fail", name, line]);
    });
  }

  test("a CloudFormation template: findings on the split Terraform resources, at the template's lines", async () => {
    const template = new URL("../../fixtures/policy/plinth-aws-004/template.yaml", import.meta.url).pathname;
    const result = await runCli(["policy", "check", template, "--rule", "CKV_AWS_53", "--json"]);
    const json = JSON.parse(result.stdout);
    assert.equal(result.code, 2, result.stderr);
    const failed = json.results.filter((r: { status: string }) => r.status === "fail");
    assert.deepEqual(failed.map((r: { address: string }) => r.address).sort(), [
      "aws_s3_bucket_public_access_block.FailAbsent",
      "aws_s3_bucket_public_access_block.FailOff",
    ]);
    assert.ok(
      failed.every((r: { file: string; line: number }) => r.file.endsWith("template.yaml") && r.line > 1),
    );
  });

  test("a plan JSON (hand-built in terraform show -json's shape): after_unknown values are unknown, not guessed", async () => {
    const plan = new URL("../../fixtures/policy-inputs/plan/plan.json", import.meta.url).pathname;
    const json = JSON.parse(
      (await runCli(["policy", "check", plan, "--rule", "PLINTH-AWS-015", "PLINTH-AWS-039", "--json"]))
        .stdout,
    );
    assert.deepEqual(
      json.results.map((r: { address: string; status: string }) => [r.address, r.status]),
      [
        ["aws_db_instance.fail_plain", "fail"],
        ['aws_sqs_queue.unknown_sse["jobs"]', "unknown"],
      ],
    );
  });

  test("--var gives a Terraform variable the value that decides a rule", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "main.tf"),
      'variable "admin_cidr" { type = string }\nresource "aws_security_group" "admin" {\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = [var.admin_cidr]\n  }\n}\n',
    );
    const status = async (...extra: string[]) =>
      JSON.parse(
        (await runCli(["policy", "check", ".", "--rule", "CKV_AWS_24", "--json", ...extra], { cwd: dir }))
          .stdout,
      ).results[0].status;
    assert.equal(await status(), "unknown");
    assert.equal(await status("--var", "admin_cidr=0.0.0.0/0"), "fail");
    assert.equal(await status("--var", "admin_cidr=10.0.0.0/8"), "pass");
  });
});

describe("plinth policy check refuses bad input in one sentence, exit 1", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "an unknown rule",
      ["--rule", "PLINTH-AWS-0O1"],
      /^error: No rule is named `PLINTH-AWS-0O1`\. Did you mean `PLINTH-AWS-001`\?/,
    ],
    [
      "an unknown format",
      ["--format", "xml"],
      /^error: --format must be one of text, json, sarif, junit, markdown, not `xml`\./,
    ],
    [
      "an unknown severity",
      ["--fail-on", "hgh"],
      /^error: --fail-on must be one of low, medium, high, critical, not `hgh`\. Did you mean `high`\?/,
    ],
    [
      "an unknown pack",
      ["--pack", "cis-aw"],
      /^error: --pack must be one of cis-aws, cis-gcp, cis-azure, soc2, not `cis-aw`\. Did you mean `cis-aws`\?/,
    ],
    ["a path that does not exist", ["nowhere.yaml"], /^error: .*nowhere\.yaml/],
    [
      "an OPA server nobody runs",
      ["--opa-url", "http://127.0.0.1:9/"],
      /^error: OPA at http:\/\/127\.0\.0\.1:9 could not be reached/,
    ],
  ];
  for (const [what, args, message] of cases) {
    test(what, async () => {
      const dir = publicBucketSpec();
      const result = await runCli(["policy", "check", ...args], { cwd: dir });
      assert.equal(result.code, 1, result.stdout);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }

  test("a broken policy config is pointed at by file:line, and nothing is reported", async () => {
    const dir = publicBucketSpec();
    mkdirSync(join(dir, "policy"));
    writeFileSync(
      join(dir, "policy", "rules.yaml"),
      "rules:\n  - id: ACME-1\n    title: t\n    severity: urgent\n    resourceTypes: [aws_s3_bucket]\n    condition: 'true'\n",
    );
    const result = await runCli(["policy", "check", "--config", "policy/rules.yaml", "--json"], { cwd: dir });
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: policy\/rules\.yaml:4:15: policy\/rules\.yaml is not a valid policy config: rules\.0\.severity must be one of low, medium, high, critical\./,
    );
    assert.deepEqual(Object.keys(JSON.parse(result.stdout)), ["error"]);
  });
});

describe("plinth policy check on Terraform that builds policies with aws_iam_policy_document", () => {
  const fixtureDir = (name: string) =>
    new URL(`../../fixtures/ingest/terraform/iam-policy-document/${name}`, import.meta.url).pathname;
  const wildcardRules = ["--rule", "PLINTH-AWS-031", "PLINTH-AWS-032"];

  test("a data source granting *:* fails both wildcard rules at the policy's line in its .tf.json", async () => {
    const result = await runCli(["policy", "check", fixtureDir("admin"), ...wildcardRules, "--json"]);
    assert.equal(result.code, 2, result.stderr);
    const report = JSON.parse(result.stdout);
    assertMatchesCliSchema("policy-check.schema.json", report);
    assert.deepEqual(
      report.results.map((r: { ruleId: string; address: string; status: string; line: number }) => [
        r.ruleId,
        r.address,
        r.status,
        r.line,
      ]),
      [
        ["PLINTH-AWS-031", "aws_iam_role_policy.operator", "fail", 8],
        ["PLINTH-AWS-032", "aws_iam_role_policy.operator", "fail", 8],
      ],
    );
    assert.match(report.results[0].file, /admin\/policy\.tf\.json$/);
  });

  test("a least-privilege document with references to its bucket passes them, not unknown", async () => {
    const result = await runCli(["policy", "check", fixtureDir("least-privilege"), ...wildcardRules]);
    assert.equal(result.code, 0, result.stdout);
    assert.match(
      result.stdout,
      /Policy check passed: 3 resources, 2 rules: 2 passed, 0 failed .*, 0 unknown/,
    );
  });
});
