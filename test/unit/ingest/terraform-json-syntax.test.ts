import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { HclSyntaxError } from "../../../src/ingest/terraform/hcl/parse-hcl.ts";
import { parseJsonSyntax } from "../../../src/ingest/terraform/hcl/parse-json-syntax.ts";
import type { Expression } from "../../../src/ingest/terraform/hcl/syntax.ts";
import { Unknown } from "../../../src/model/value.ts";
import { json, nodeAt, writeTree } from "../../helpers/ingest.ts";

/** Reads one `main.tf.json` (plus optional other files) as a root module and returns its graph and warnings. */
function readJson(document: unknown, files: Record<string, string> = {}) {
  const text = typeof document === "string" ? document : JSON.stringify(document, null, 2);
  const dir = writeTree({ "main.tf.json": text, ...files });
  const { graphs, warnings } = readInfrastructure(dir, { display: "." });
  return { graph: graphs[0], warnings: warnings.map((w) => w.message) };
}

function syntaxError(text: string): HclSyntaxError {
  try {
    parseJsonSyntax(text, "main.tf.json");
  } catch (error) {
    assert.ok(error instanceof HclSyntaxError, String(error));
    return error;
  }
  assert.fail("expected a syntax error");
}

describe("Terraform JSON syntax (.tf.json)", () => {
  test("blocks by label level, as objects or arrays of objects, keep their file:line:col", () => {
    const hcl = parseJsonSyntax(
      [
        "{",
        '  "resource": {',
        '    "aws_s3_bucket": {',
        '      "a": { "bucket": "a" },',
        '      "b": [{ "bucket": "b" }]',
        "    }",
        "  },",
        '  "resource": [{ "aws_sqs_queue": { "q": {} } }],',
        '  "variable": { "env": { "type": "string" } },',
        '  "locals": [{ "x": 1 }, { "y": 2 }],',
        '  "terraform": { "required_version": ">= 1.5" }',
        "}",
      ].join("\n"),
      "main.tf.json",
    );
    assert.deepEqual(
      hcl.body.blocks.map((b) => [b.type, ...b.labels]),
      [
        ["resource", "aws_s3_bucket", "a"],
        ["resource", "aws_s3_bucket", "b"],
        ["resource", "aws_sqs_queue", "q"],
        ["variable", "env"],
        ["locals"],
        ["locals"],
        ["terraform"],
      ],
    );
    const [a, b] = hcl.body.blocks;
    assert.deepEqual([a?.pos, a?.endLine], [{ line: 4, col: 7 }, 4]);
    assert.deepEqual(b?.pos, { line: 5, col: 13 });
    assert.deepEqual(a?.body.attributes[0]?.pos, { line: 4, col: 14 });
    assert.deepEqual(a?.body.attributes[0]?.expression.pos, { line: 4, col: 24 });
  });

  test("strings are templates: interpolation, %{} directives, and the $${ and %%{ escapes", () => {
    const { graph } = readJson({
      variable: { env: { default: "prod" }, zones: { default: ["a", "b"] } },
      resource: {
        aws_sqs_queue: {
          q: {
            name: "orders-${var.env}",
            tags: {
              Escaped: "$${var.env} and %%{if}",
              Listed: "%{ for z in var.zones }${z};%{ endfor }",
              Whole: "${var.zones}",
              Conditional: '%{ if var.env == "prod" }live%{ else }test%{ endif }',
            },
          },
        },
      },
    });
    assert.deepEqual(json(nodeAt(graph, "aws_sqs_queue.q").properties), {
      name: "orders-prod",
      tags: {
        Escaped: "${var.env} and %{if}",
        Listed: "a;b;",
        // A string that is one interpolation is the value itself, not text.
        Whole: ["a", "b"],
        Conditional: "live",
      },
    });
  });

  test("a variable's default is a plain value; its type, a resource's provider and depends_on are expressions", () => {
    const { graph, warnings } = readJson({
      variable: {
        pattern: { type: "string", default: "${not.a.template}" },
        sizes: { type: "list(number)", default: ["1", "2"] },
      },
      provider: { aws: [{ region: "us-east-1" }, { alias: "west", region: "us-west-2" }] },
      resource: {
        aws_iam_role: { r: { name: "r" } },
        aws_sqs_queue: {
          q: {
            provider: "aws.west",
            depends_on: ["aws_iam_role.r"],
            name: "${var.pattern}",
            delay_seconds: "${var.sizes[1] + 1}",
          },
        },
      },
    });
    assert.deepEqual(warnings, []);
    const queue = nodeAt(graph, "aws_sqs_queue.q");
    assert.deepEqual(json(queue.properties), { name: "${not.a.template}", delay_seconds: 3 });
    assert.equal(queue.region, "us-west-2");
    assert.deepEqual(queue.dependsOn, ["aws_iam_role.r"]);
  });

  test("the provider schema tells nested blocks from arguments; dynamic blocks expand", () => {
    const { graph } = readJson({
      variable: { ports: { default: [80, 443] } },
      resource: {
        aws_s3_bucket: { b: { bucket: "b", tags: { Team: "web" } } },
        aws_s3_bucket_versioning: {
          v: { bucket: "${aws_s3_bucket.b.id}", versioning_configuration: { status: "Enabled" } },
        },
        aws_security_group: {
          sg: {
            name: "web",
            dynamic: {
              ingress: {
                for_each: "${var.ports}",
                iterator: "port",
                content: { from_port: "${port.value}", to_port: "${port.value}", protocol: "tcp" },
              },
            },
          },
        },
      },
    });
    // `tags` is a map argument, `versioning_configuration` a block (a list of one object), as in HCL.
    assert.deepEqual(json(nodeAt(graph, "aws_s3_bucket.b").properties.tags ?? null), { Team: "web" });
    assert.deepEqual(
      json(nodeAt(graph, "aws_s3_bucket_versioning.v").properties.versioning_configuration ?? null),
      [{ status: "Enabled" }],
    );
    assert.deepEqual(json(nodeAt(graph, "aws_security_group.sg").properties.ingress ?? null), [
      { from_port: 80, to_port: 80, protocol: "tcp" },
      { from_port: 443, to_port: 443, protocol: "tcp" },
    ]);
  });

  test("count, for_each, modules and outputs work as in HCL, mixed freely with .tf files", () => {
    const { graph, warnings } = readJson(
      {
        resource: { aws_sqs_queue: { q: { for_each: '${toset(["a", "b"])}', name: "q-${each.key}" } } },
        module: { net: { source: "./modules/net", cidr: "10.0.0.0/16" } },
        output: { vpc: { value: "${module.net.vpc_id}" } },
      },
      {
        "instances.tf": 'resource "aws_instance" "web" {\n  count = 2\n  instance_type = "t3.micro"\n}\n',
        "modules/net/main.tf.json": JSON.stringify({
          variable: { cidr: {} },
          resource: { aws_vpc: { this: { cidr_block: "${var.cidr}" } } },
          output: { vpc_id: { value: "${aws_vpc.this.id}" } },
        }),
      },
    );
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      graph?.nodes.map((n) => n.address),
      [
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        'aws_sqs_queue.q["a"]',
        'aws_sqs_queue.q["b"]',
        "module.net.aws_vpc.this",
      ],
    );
    assert.equal(nodeAt(graph, 'aws_sqs_queue.q["b"]').properties.name, "q-b");
    assert.equal(nodeAt(graph, "module.net.aws_vpc.this").properties.cidr_block, "10.0.0.0/16");
    assert.deepEqual(json(graph?.outputs[0]?.value ?? null), {
      $ref: "module.net.aws_vpc.this",
      $path: ["id"],
    });
  });

  test('"//" properties are comments; a plinth: directive written as one applies to its block', () => {
    const { graph } = readJson(
      [
        "{",
        '  "//": "Buckets of the shop.",',
        '  "resource": { "aws_s3_bucket": { "logs": {',
        '    "//": "plinth:ignore PLINTH-AWS-004 reason=\\"the log bucket\\"",',
        '    "bucket": "logs"',
        "  } } }",
        "}",
      ].join("\n"),
    );
    const logs = nodeAt(graph, "aws_s3_bucket.logs");
    assert.deepEqual(json(logs.properties), { bucket: "logs" });
    assert.deepEqual(logs.directives, [
      {
        text: 'plinth:ignore PLINTH-AWS-004 reason="the log bucket"',
        location: { file: "main.tf.json", line: 4, col: 5 },
      },
    ]);
    assert.deepEqual(logs.attributeSources?.bucket, { file: "main.tf.json", line: 5, col: 5 });
  });

  const MALFORMED: Record<string, { text: string; message: RegExp; at: [number, number] }> = {
    "a trailing comma": {
      text: '{\n  "resource": {},\n}\n',
      message:
        /^This is not valid JSON: unexpected `}` \(Terraform's JSON syntax allows no comments or trailing commas\)\.$/,
      at: [3, 1],
    },
    "a comment": {
      text: '{\n  // a comment\n  "resource": {}\n}',
      message: /^This is not valid JSON: unexpected character '\/'/,
      at: [2, 3],
    },
    "an unclosed string": {
      text: '{"locals": {"a": "b}}',
      message: /^This is not valid JSON: unexpected end of input/,
      at: [1, 22],
    },
    "a document that is not an object": {
      text: '["resource"]',
      message: /^The file must hold one JSON object of Terraform blocks, not an array\.$/,
      at: [1, 1],
    },
    "a resource type that is not an object": {
      text: '{"resource": {"aws_s3_bucket": "b"}}',
      message: /^`resource` needs an object keyed by its name, not a string\.$/,
      at: [1, 32],
    },
    "a bad interpolation": {
      text: '{"locals": {\n  "a": "x-${var.}"\n}}',
      message: /^Expected an attribute name after `\.`/,
      at: [2, 17],
    },
    "an unclosed directive": {
      text: '{"locals": {"a": "%{ if true }yes"}}',
      message: /endif/,
      at: [1, 19],
    },
    "an expression argument that is not one": {
      text: '{"resource": {"aws_sqs_queue": {"q": {"provider": "aws west"}}}}',
      message: /^Expected the end of the expression, found `west`\.$/,
      at: [1, 56],
    },
  };
  for (const [name, { text, message, at }] of Object.entries(MALFORMED)) {
    test(`malformed input is one sentence at its file:line:col: ${name}`, () => {
      const error = syntaxError(text);
      assert.match(error.message, message);
      assert.deepEqual(
        [error.location?.file, error.location?.line, error.location?.col],
        ["main.tf.json", ...at],
      );
    });
  }

  test("hostile input: deep nesting is refused in one sentence; keys like __proto__ stay data", () => {
    const deep = `{"locals": {"a": ${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    assert.match(syntaxError(deep).message, /nested too deeply/);
    const { graph } = readJson(
      '{"resource": {"aws_sqs_queue": {"q": {"tags": {"__proto__": "x", "constructor": "${\\"y\\"}"}}}}}',
    );
    const tags = nodeAt(graph, "aws_sqs_queue.q").properties.tags;
    assert.deepEqual(Object.keys(tags as object).sort(), ["__proto__", "constructor"]);
    assert.equal(Object.getPrototypeOf(tags), Object.prototype);
    // An argument named like an Object.prototype member is no nested block of the schema.
    const bucket = readJson('{"resource": {"aws_s3_bucket": {"b": {"constructor": {"a": "b"}}}}}').graph;
    assert.deepEqual(json(nodeAt(bucket, "aws_s3_bucket.b").properties), { constructor: { a: "b" } });
  });

  test("file() from a .tf.json cannot leave the configuration", () => {
    const { graph, warnings } = readJson({
      resource: { aws_sqs_queue: { q: { name: '${file("../../etc/passwd")}' } } },
    });
    assert.ok(nodeAt(graph, "aws_sqs_queue.q").properties.name instanceof Unknown);
    assert.match(warnings[0] ?? "", /outside the module's directory, so plinth does not read it/);
  });

  test("positions inside a string point into the file", () => {
    const hcl = parseJsonSyntax('{"locals": {\n  "a": "text ${local.b}"\n}}', "main.tf.json");
    const expression = hcl.body.blocks[0]?.body.attributes[0]?.expression as Expression;
    assert.equal(expression.kind, "template");
    const part = expression.kind === "template" ? expression.parts[1] : undefined;
    assert.ok(part && typeof part !== "string" && part.kind === "interpolation");
    assert.equal(part.expression.kind, "getattr");
    const root = part.expression.kind === "getattr" ? part.expression.object : undefined;
    assert.deepEqual(
      [root?.pos, part.expression.pos],
      [
        { line: 2, col: 16 },
        { line: 2, col: 22 },
      ],
    );
  });
});

test("the .tf.json example in docs/ingest.md reads as documented", () => {
  const docs = readFileSync(new URL("../../../docs/ingest.md", import.meta.url), "utf8");
  const example = /### JSON syntax[\s\S]*?```json\n([\s\S]*?)```/.exec(docs)?.[1];
  assert.ok(example);
  const { graph, warnings } = readJson(example);
  assert.deepEqual(warnings, []);
  const logs = nodeAt(graph, "aws_s3_bucket.logs");
  assert.deepEqual(json(logs.properties), { bucket: "shop-prod-logs", tags: { Team: "web" } });
  assert.match(logs.directives?.[0]?.text ?? "", /^plinth:ignore PLINTH-AWS-008 reason=/);
  assert.deepEqual(
    json(nodeAt(graph, "aws_s3_bucket_versioning.logs").properties.versioning_configuration ?? null),
    [{ status: "Enabled" }],
  );
});
