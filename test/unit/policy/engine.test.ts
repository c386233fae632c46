import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { Encoded, Ref, Template, Unknown } from "../../../src/model/value.ts";
import { evaluateRules } from "../../../src/policy/engine.ts";
import type { Rule } from "../../../src/policy/rule.ts";
import { BUILT_IN_RULES } from "../../../src/policy/rules/index.ts";
import { graphWith, tfNode } from "../../helpers/policy-graphs.ts";

const rule = (id: string): Rule => {
  const found = BUILT_IN_RULES.find((r) => r.meta.id === id);
  assert.ok(found, id);
  return found;
};
const statusOf = (id: string, nodes: Parameters<typeof graphWith>[0], address: string) => {
  const result = evaluateRules(graphWith(nodes), [rule(id)]).find((r) => r.address === address);
  assert.ok(result, `a result for ${address}`);
  return result;
};

describe("values not known statically are never a pass or a fail", () => {
  const unknown = new Unknown("var.encrypt has no default and no value was given");
  test("a boolean from an input without a value", () => {
    const r = statusOf(
      "PLINTH-AWS-015",
      [tfNode("aws_db_instance.db", { storage_encrypted: unknown })],
      "aws_db_instance.db",
    );
    assert.equal(r.status, "unknown");
    assert.match(r.message, /var\.encrypt has no default/);
  });

  test("an ingress CIDR list from an input, on port 22", () => {
    const sg = tfNode("aws_security_group.sg", {
      ingress: [{ from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: unknown }],
    });
    assert.equal(statusOf("PLINTH-AWS-011", [sg], "aws_security_group.sg").status, "unknown");
  });

  test("but an unknown that cannot matter does not stop a decision", () => {
    // The port is 443, so whatever the CIDRs are, SSH is not open; and one open rule fails regardless.
    const sg = tfNode("aws_security_group.sg", {
      ingress: [
        { from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: unknown },
        { from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] },
      ],
    });
    assert.equal(statusOf("PLINTH-AWS-011", [sg], "aws_security_group.sg").status, "fail");
    const https = tfNode("aws_security_group.sg", {
      ingress: [{ from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: unknown }],
    });
    assert.equal(statusOf("PLINTH-AWS-011", [https], "aws_security_group.sg").status, "pass");
  });

  test("a reference to a key is a key that is set; an input is not known", () => {
    const key = new Ref("aws_kms_key.trail", ["arn"]);
    assert.equal(
      statusOf("PLINTH-AWS-030", [tfNode("aws_cloudtrail.t", { kms_key_id: key })], "aws_cloudtrail.t")
        .status,
      "pass",
    );
    assert.equal(
      statusOf("PLINTH-AWS-030", [tfNode("aws_cloudtrail.t", { kms_key_id: unknown })], "aws_cloudtrail.t")
        .status,
      "unknown",
    );
  });

  test("a legacy inline block whose contents are not known (a dynamic block over an input)", () => {
    const legacy = (sse: unknown) =>
      tfNode("aws_s3_bucket.b", { bucket: "b", server_side_encryption_configuration: sse as never });
    assert.equal(statusOf("PLINTH-AWS-001", [legacy(unknown)], "aws_s3_bucket.b").status, "unknown");
    const literal = [{ rule: [{ apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }] }] }];
    assert.equal(statusOf("PLINTH-AWS-001", [legacy(literal)], "aws_s3_bucket.b").status, "pass");
    assert.equal(statusOf("PLINTH-AWS-001", [legacy([{ rule: [{}] }])], "aws_s3_bucket.b").status, "fail");
  });

  test("a policy document with unknown parts", () => {
    const policy = new Encoded("json", { Statement: [{ Effect: "Allow", Action: unknown, Resource: "*" }] });
    assert.equal(
      statusOf("PLINTH-AWS-031", [tfNode("aws_iam_policy.p", { policy })], "aws_iam_policy.p").status,
      "unknown",
    );
    const admin = new Encoded("json", { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });
    assert.equal(
      statusOf("PLINTH-AWS-031", [tfNode("aws_iam_policy.p", { policy: admin })], "aws_iam_policy.p").status,
      "fail",
    );
    const text = JSON.stringify({ Statement: [{ Effect: "Allow", Action: ["*"], Resource: ["*"] }] });
    assert.equal(
      statusOf("PLINTH-AWS-031", [tfNode("aws_iam_policy.p", { policy: text })], "aws_iam_policy.p").status,
      "fail",
    );
  });
});

describe("settings made in separate resources", () => {
  const bucket = (address: string, name: unknown = "logs-bucket") =>
    tfNode(address, { bucket: name as string });
  const versioning = (address: string, target: unknown) =>
    tfNode(address, { bucket: target as string, versioning_configuration: [{ status: "Enabled" }] });

  test("found by reference to the bucket, including for_each instances and modules", () => {
    const address = 'module.store.aws_s3_bucket.b["logs"]';
    const nodes = [
      bucket(address),
      versioning('module.store.aws_s3_bucket_versioning.b["logs"]', new Ref(address, ["id"])),
    ];
    const result = statusOf("PLINTH-AWS-002", nodes, address);
    assert.equal(result.status, "pass");
    assert.equal(result.address, 'module.store.aws_s3_bucket.b["logs"]');
  });

  test("found by the bucket's literal name, or a template that refers to it", () => {
    assert.equal(
      statusOf(
        "PLINTH-AWS-002",
        [bucket("aws_s3_bucket.b"), versioning("aws_s3_bucket_versioning.v", "logs-bucket")],
        "aws_s3_bucket.b",
      ).status,
      "pass",
    );
    const template = new Template([new Ref("aws_s3_bucket.b", ["id"])]);
    assert.equal(
      statusOf(
        "PLINTH-AWS-002",
        [bucket("aws_s3_bucket.b"), versioning("aws_s3_bucket_versioning.v", template)],
        "aws_s3_bucket.b",
      ).status,
      "pass",
    );
  });

  test("a versioning resource for another bucket does not count", () => {
    const nodes = [
      bucket("aws_s3_bucket.a", "a"),
      bucket("aws_s3_bucket.b", "b"),
      versioning("aws_s3_bucket_versioning.v", new Ref("aws_s3_bucket.a", ["id"])),
    ];
    assert.equal(statusOf("PLINTH-AWS-002", nodes, "aws_s3_bucket.b").status, "fail");
  });

  test("one whose bucket is not known statically makes the answer unknown", () => {
    const nodes = [
      bucket("aws_s3_bucket.b"),
      versioning("aws_s3_bucket_versioning.v", new Unknown("var.bucket")),
    ];
    const r = statusOf("PLINTH-AWS-002", nodes, "aws_s3_bucket.b");
    assert.equal(r.status, "unknown");
    assert.match(r.message, /aws_s3_bucket_versioning\.v may configure this/);
  });

  test("a bucket whose own name is unknown may be named by a literal elsewhere", () => {
    const nodes = [
      bucket("aws_s3_bucket.b", new Unknown("var.name")),
      versioning("aws_s3_bucket_versioning.v", "some-bucket"),
    ];
    assert.equal(statusOf("PLINTH-AWS-002", nodes, "aws_s3_bucket.b").status, "unknown");
  });

  test("security group rules in aws_security_group_rule and aws_vpc_security_group_ingress_rule", () => {
    const rule = tfNode("aws_security_group_rule.ssh", {
      type: "ingress",
      from_port: 0,
      to_port: 65535,
      protocol: "tcp",
      cidr_blocks: ["0.0.0.0/0"],
      security_group_id: "sg-1",
    });
    assert.equal(statusOf("PLINTH-AWS-011", [rule], "aws_security_group_rule.ssh").status, "fail");
    const v6 = tfNode("aws_vpc_security_group_ingress_rule.rdp", {
      ip_protocol: "-1",
      cidr_ipv6: "::/0",
      security_group_id: "sg-1",
    });
    assert.equal(statusOf("PLINTH-AWS-012", [v6], "aws_vpc_security_group_ingress_rule.rdp").status, "fail");
  });
});

describe("results", () => {
  test("point at the argument's line when ingestion recorded it", () => {
    const db = tfNode(
      "aws_db_instance.db",
      { storage_encrypted: false },
      {
        source: { file: "db.tf", line: 3, col: 1 },
        attributeSources: { storage_encrypted: { file: "db.tf", line: 9, col: 3 } },
      },
    );
    const [result] = evaluateRules(graphWith([db]), [rule("PLINTH-AWS-015")]);
    assert.deepEqual([result?.file, result?.line], ["db.tf", 9]);
    const nested = tfNode(
      "aws_instance.web",
      { metadata_options: [{ http_tokens: "optional" }] },
      {
        attributeSources: { "metadata_options[0].http_tokens": { file: "web.tf", line: 12, col: 5 } },
      },
    );
    const [imds] = evaluateRules(graphWith([nested]), [rule("PLINTH-AWS-022")]);
    assert.deepEqual([imds?.status, imds?.line], ["fail", 12]);
  });

  test("fall back to the resource's line", () => {
    const db = tfNode("aws_db_instance.db", {}, { source: { file: "db.tf", line: 3, col: 1 } });
    const [result] = evaluateRules(graphWith([db]), [rule("PLINTH-AWS-015")]);
    assert.deepEqual([result?.status, result?.line], ["fail", 3]);
  });

  test("a rule that throws is reported as unknown, and the others still run", () => {
    const broken: Rule = {
      meta: { ...rule("PLINTH-AWS-015").meta, id: "TEST-BROKEN-1" },
      check: () => {
        throw new Error("boom");
      },
    };
    const results = evaluateRules(graphWith([tfNode("aws_db_instance.db", {})]), [
      broken,
      rule("PLINTH-AWS-015"),
    ]);
    assert.deepEqual(
      results.map((r) => [r.ruleId, r.status]),
      [
        ["TEST-BROKEN-1", "unknown"],
        ["PLINTH-AWS-015", "fail"],
      ],
    );
    assert.match(results[0]?.message ?? "", /could not evaluate this resource: boom/);
  });

  test("no rule reads another type's resources", () => {
    const results = evaluateRules(
      graphWith([tfNode("aws_vpc.v", { cidr_block: "10.0.0.0/16" })]),
      BUILT_IN_RULES,
    );
    assert.ok(results.every((r) => r.resourceType === "aws_vpc"));
    assert.deepEqual(
      results.map((r) => r.ruleId),
      ["PLINTH-AWS-037"],
    );
  });
});
