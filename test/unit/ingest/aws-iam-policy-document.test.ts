import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { crc32 } from "node:zlib";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { Encoded, Unknown, type Value } from "../../../src/model/value.ts";
import { json, nodeAt, writeTree } from "../../helpers/ingest.ts";

/** Reads `main.tf` (and other files) and returns the root outputs by name, and the warnings. */
function read(files: Record<string, string>) {
  const { graphs, warnings } = readInfrastructure(writeTree(files), { display: "." });
  const outputs = new Map<string, Value>((graphs[0]?.outputs ?? []).map((o) => [o.name, o.value]));
  return { outputs, warnings: warnings.map((w) => w.message), graph: graphs[0] };
}

const output = (name: string, expression: string) => `output "${name}" {\n  value = ${expression}\n}\n`;

describe("data.aws_iam_policy_document is evaluated as the AWS provider renders it", () => {
  test("statements, principals, conditions: fields in the provider's order, sets sorted in reverse, one element collapsed", () => {
    const { outputs, warnings } = read({
      "main.tf": `
data "aws_iam_policy_document" "doc" {
  policy_id = "shop"
  statement {
    sid       = "ReadObjects"
    actions   = ["s3:GetObject", "s3:ListBucket", "s3:GetObject"]
    resources = ["arn:aws:s3:::shop/home/&{aws:username}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"]
    }
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["home/", "home/&{aws:username}/"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
  statement {
    effect        = "Deny"
    not_actions   = ["iam:*"]
    not_resources = ["arn:aws:iam::*:role/<admin>&co"]
    not_principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  statement {
    actions = ["kinesis:PutRecord"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
${output("json", "data.aws_iam_policy_document.doc.json")}
${output("minified", "data.aws_iam_policy_document.doc.minified_json")}
${output("id", "data.aws_iam_policy_document.doc.id")}`,
    });
    assert.deepEqual(warnings, []);
    const expected = `{
  "Version": "2012-10-17",
  "Id": "shop",
  "Statement": [
    {
      "Sid": "ReadObjects",
      "Effect": "Allow",
      "Action": [
        "s3:ListBucket",
        "s3:GetObject"
      ],
      "Resource": "arn:aws:s3:::shop/home/\${aws:username}/*",
      "Principal": {
        "AWS": [
          "arn:aws:iam::222222222222:root",
          "arn:aws:iam::111111111111:root"
        ],
        "Service": "ec2.amazonaws.com"
      },
      "Condition": {
        "Bool": {
          "aws:SecureTransport": "true"
        },
        "StringLike": {
          "s3:prefix": [
            "home/",
            "home/\${aws:username}/"
          ]
        }
      }
    },
    {
      "Effect": "Deny",
      "NotAction": "iam:*",
      "NotResource": "arn:aws:iam::*:role/\\u003cadmin\\u003e\\u0026co",
      "NotPrincipal": "*"
    },
    {
      "Effect": "Allow",
      "Action": "kinesis:PutRecord",
      "Principal": {
        "AWS": "*"
      }
    }
  ]
}`;
    assert.equal(outputs.get("json"), expected);
    assert.equal(
      outputs.get("minified"),
      JSON.stringify(JSON.parse(expected)).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`),
    );
    assert.equal(outputs.get("id"), String(crc32(expected)));
  });

  test("source documents merge first, then the statements, then overrides, replacing by Sid", () => {
    const { outputs, warnings } = read({
      "main.tf": `
data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Logs"
    actions   = ["logs:PutLogEvents"]
    resources = ["*"]
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [
    data.aws_iam_policy_document.base.json,
    jsonencode({ Version = "2008-10-17", Statement = [{ Sid = "Raw", Effect = "Allow", Action = ["b:Two", "a:One"], Resource = "*", Principal = { AWS = ["arn:a", "arn:b"] }, Condition = { Bool = { "aws:MultiFactorAuthPresent" = true } } }] }),
  ]
  override_policy_documents = [jsonencode({ Statement = [{ Sid = "Logs", Effect = "Deny", Action = "logs:*", Resource = "*" }] })]
  statement {
    sid       = "Queue"
    actions   = ["sqs:SendMessage"]
    resources = ["*"]
  }
}
${output("merged", "jsondecode(data.aws_iam_policy_document.merged.json)")}`,
    });
    assert.deepEqual(warnings, []);
    assert.deepEqual(json(outputs.get("merged") ?? null), {
      Version: "2012-10-17",
      Statement: [
        { Sid: "Logs", Effect: "Deny", Action: "logs:*", Resource: "*" },
        {
          Sid: "Raw",
          Effect: "Allow",
          // A source document's lists stay as written; its principals are sorted in reverse.
          Action: ["b:Two", "a:One"],
          Resource: "*",
          Principal: { AWS: ["arn:b", "arn:a"] },
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
        },
        { Sid: "Queue", Effect: "Allow", Action: "sqs:SendMessage", Resource: "*" },
      ],
    });
  });

  test("references stay references inside the document; checks still read the known fields", () => {
    const { graph } = read({
      "main.tf": `
resource "aws_s3_bucket" "b" {
  bucket = "b"
}
data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = [aws_s3_bucket.b.arn, "\${aws_s3_bucket.b.arn}/*"]
  }
}
resource "aws_iam_policy" "read" {
  policy = data.aws_iam_policy_document.read.json
}`,
    });
    const policy = nodeAt(graph, "aws_iam_policy.read").properties.policy;
    assert.ok(policy instanceof Encoded);
    assert.deepEqual(json(policy), {
      $encoded: "json",
      $value: {
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetObject"],
            Resource: [
              { $ref: "aws_s3_bucket.b", $path: ["arn"] },
              { $template: [{ $ref: "aws_s3_bucket.b", $path: ["arn"] }, "/*"] },
            ],
          },
        ],
      },
    });
  });

  test("unknown inputs keep the document unknown instead of guessing", () => {
    const { outputs } = read({
      "main.tf": `
variable "statements" {}
variable "actions" {}
data "aws_iam_policy_document" "looped" {
  dynamic "statement" {
    for_each = var.statements
    content {
      actions = statement.value
    }
  }
}
data "aws_iam_policy_document" "sourced" {
  source_policy_documents = [var.statements]
}
data "aws_iam_policy_document" "field" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}
data "aws_ami" "ubuntu" {}
${output("looped", "data.aws_iam_policy_document.looped.json")}
${output("sourced", "data.aws_iam_policy_document.sourced.minified_json")}
${output("field", "data.aws_iam_policy_document.field.json")}
${output("ami", "data.aws_ami.ubuntu.id")}`,
    });
    assert.ok(outputs.get("looped") instanceof Unknown);
    assert.match((outputs.get("looped") as Unknown).reason, /dynamic "statement"/);
    assert.ok(outputs.get("sourced") instanceof Unknown);
    // Only the one field is unknown: the statement's resources are still read.
    const field = outputs.get("field");
    assert.ok(field instanceof Encoded);
    assert.deepEqual(json(field), {
      $encoded: "json",
      $value: {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: { $unknown: "the variable actions has no value" }, Resource: "*" },
        ],
      },
    });
    // Data sources that read the cloud stay unknown.
    assert.ok(outputs.get("ami") instanceof Unknown);
  });

  test("what Terraform refuses (bad effect, duplicate Sids) is a warning at the block and an unknown", () => {
    const { outputs, warnings } = read({
      "main.tf": `
data "aws_iam_policy_document" "effect" {
  statement {
    effect  = "Maybe"
    actions = ["s3:*"]
  }
}
data "aws_iam_policy_document" "sids" {
  statement {
    sid     = "A"
    actions = ["s3:GetObject"]
  }
  statement {
    sid     = "A"
    actions = ["s3:PutObject"]
  }
}
data "aws_iam_policy_document" "source" {
  source_policy_documents = ["{not json"]
}
${output("effect", "data.aws_iam_policy_document.effect.json")}
${output("sids", "data.aws_iam_policy_document.sids.json")}
${output("source", "data.aws_iam_policy_document.source.json")}`,
    });
    for (const name of ["effect", "sids", "source"]) assert.ok(outputs.get(name) instanceof Unknown, name);
    assert.deepEqual(warnings, [
      '`data.aws_iam_policy_document.effect` cannot be evaluated: a statement\'s effect must be "Allow" or "Deny", not "Maybe".',
      '`data.aws_iam_policy_document.sids` cannot be evaluated: the Sid "A" is used by two statements; Terraform refuses that.',
      "`data.aws_iam_policy_document.source` cannot be evaluated: source_policy_documents[0] is not valid JSON.",
    ]);
  });

  test("count and for_each give one document per instance", () => {
    const { outputs } = read({
      "main.tf": `
data "aws_iam_policy_document" "per_queue" {
  for_each = toset(["orders", "emails"])
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:us-east-1:111111111111:\${each.key}"]
  }
}
data "aws_iam_policy_document" "counted" {
  count = 2
  statement {
    actions = ["s3:GetObject"]
    resources = ["arn:aws:s3:::b\${count.index}"]
  }
}
${output("orders", 'jsondecode(data.aws_iam_policy_document.per_queue["orders"].json).Statement[0].Resource')}
${output("second", "jsondecode(data.aws_iam_policy_document.counted[1].minified_json).Statement[0].Resource")}`,
    });
    assert.equal(outputs.get("orders"), "arn:aws:sqs:us-east-1:111111111111:orders");
    assert.equal(outputs.get("second"), "arn:aws:s3:::b1");
  });

  test("written in .tf.json, with statements and principals as JSON blocks, it renders the same", () => {
    const hcl = `
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com", "ec2.amazonaws.com"]
    }
  }
}
${output("doc", "data.aws_iam_policy_document.assume.json")}`;
    const jsonSyntax = JSON.stringify({
      data: {
        aws_iam_policy_document: {
          assume: {
            statement: {
              actions: ["sts:AssumeRole"],
              principals: [{ type: "Service", identifiers: ["lambda.amazonaws.com", "ec2.amazonaws.com"] }],
            },
          },
        },
      },
      output: { doc: { value: "${data.aws_iam_policy_document.assume.json}" } },
    });
    const fromHcl = read({ "main.tf": hcl }).outputs.get("doc");
    const fromJson = read({ "main.tf.json": jsonSyntax }).outputs.get("doc");
    assert.equal(typeof fromHcl, "string");
    assert.equal(fromJson, fromHcl);
    assert.match(
      fromHcl as string,
      /"Service": \[\n {10}"lambda.amazonaws.com",\n {10}"ec2.amazonaws.com"\n {8}\]/,
    );
  });
});
