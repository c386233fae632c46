import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InputError } from "../../../src/errors.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { HclSyntaxError, parseHcl } from "../../../src/ingest/terraform/hcl/parse-hcl.ts";
import { writeTree } from "../../helpers/ingest.ts";

describe("HCL parser", () => {
  test("blocks, labels, attributes and one-line blocks keep their positions", () => {
    const hcl = parseHcl(
      'terraform {}\n\nresource "aws_s3_bucket" "b" {\n  bucket = "x"\n  lifecycle { prevent_destroy = true }\n  tags = {\n    a = 1 // trailing\n  }\n}\n',
      "main.tf",
    );
    const [terraform, resource] = hcl.body.blocks;
    assert.deepEqual([terraform?.type, terraform?.pos], ["terraform", { line: 1, col: 1 }]);
    assert.deepEqual(resource?.labels, ["aws_s3_bucket", "b"]);
    assert.deepEqual([resource?.pos, resource?.endLine], [{ line: 3, col: 1 }, 9]);
    assert.deepEqual(
      resource?.body.attributes.map((a) => [a.name, a.pos.line, a.pos.col]),
      [
        ["bucket", 4, 3],
        ["tags", 6, 3],
      ],
    );
    assert.equal(resource?.body.blocks[0]?.body.attributes[0]?.name, "prevent_destroy");
    assert.deepEqual(hcl.comments, [{ text: "trailing", pos: { line: 7, col: 11 }, endLine: 7 }]);
  });

  test("comments of all three styles are collected once, with their extent", () => {
    const hcl = parseHcl("# one\n// two\n/* three\n   lines */\nx = [\n  1, # inside\n]\n", "c.tf");
    assert.deepEqual(
      hcl.comments.map((c) => [c.text, c.pos.line, c.endLine]),
      [
        ["one", 1, 1],
        ["two", 2, 2],
        ["three\n   lines", 3, 4],
        ["inside", 6, 6],
      ],
    );
  });

  test("expressions span lines inside brackets and parentheses", () => {
    const hcl = parseHcl(
      "x = merge(\n  { a = 1 },\n  {\n    b = 2\n  }\n)\ny = [\n  for v in [1, 2] :\n  v * 2\n]\n",
      "m.tf",
    );
    assert.deepEqual(
      hcl.body.attributes.map((a) => a.expression.kind),
      ["call", "for"],
    );
  });

  const ERRORS: Array<[string, string]> = [
    [
      'x = "abc\n',
      "e.tf:1:5: This string is not closed on its line; a quoted string cannot span lines (use a heredoc such as <<EOT for text on several lines).",
    ],
    [
      'x = "\\q"\n',
      'e.tf:1:6: The escape `\\q` is not valid; use \\n, \\r, \\t, \\", \\\\, \\uNNNN or \\UNNNNNNNN.',
    ],
    ['x = "%{ while }"\n', "e.tf:1:6: Expected `if`, `else`, `endif`, `for` or `endfor` after `%{`."],
    ['x = "%{ if a }yes"\n', "e.tf:1:6: This `%{if}` is never closed by `%{endif}`."],
    [
      "x = <<EOT\nnever closed\n",
      "e.tf:1:5: The heredoc `EOT` opened here is never closed by a line with `EOT`.",
    ],
    ["}\n", "e.tf:1:1: Unexpected `}` with no block to close."],
    ['resource "a_${x}" "b" {}\n', "e.tf:1:10: A block label must be a plain string, without `${` or `%{`."],
    ["x = [1, 2\ny = 3\n", "e.tf:2:1: Expected `,` or `]` in the list, found `y`."],
    ["x = 1 +\n", "e.tf:1:8: Expected an expression, found the end of the line."],
    [
      "x = a ? b\n",
      "e.tf:1:10: Expected `:` to separate the two results of a conditional, found the end of the line.",
    ],
    ["/* open\n", "e.tf:1:1: This comment is never closed with `*/`."],
    [
      "block {\n  x = 1\n",
      "e.tf:3:1: Expected `}` to close the block opened at line 1, found the end of the file.",
    ],
  ];
  for (const [text, message] of ERRORS) {
    test(`syntax error: ${JSON.stringify(text)}`, () => {
      assert.throws(
        () => parseHcl(text, "e.tf"),
        (e: unknown) => e instanceof HclSyntaxError && e instanceof InputError && e.describe() === message,
      );
    });
  }
});

describe("input detection", () => {
  const dir = writeTree({
    "data.json": '{"hello": "world"}',
    "main.tf.json": '{"resource": {"aws_sns_topic": {"t": {}}}}',
    "notes.yaml": "title: notes\n",
    "main.tf": 'resource "aws_sqs_queue" "q" {}\n',
  });
  test("a .tf or .tf.json file reads its directory; other documents are refused with what plinth reads", () => {
    for (const file of ["main.tf", "main.tf.json"]) {
      assert.deepEqual(
        readInfrastructure(join(dir, file)).graphs[0]?.nodes.map((n) => n.address),
        ["aws_sns_topic.t", "aws_sqs_queue.q"],
      );
    }
    assert.throws(
      () => readInfrastructure(join(dir, "data.json"), { display: "data.json" }),
      /^InputError: data\.json is JSON but neither a Terraform plan \(`terraform show -json`\) nor a CloudFormation template\.$/,
    );
    assert.throws(
      () => readInfrastructure(join(dir, "notes.yaml"), { display: "notes.yaml" }),
      /notes\.yaml is not something plinth reads/,
    );
    assert.throws(
      () => readInfrastructure(writeTree({ "README.md": "x" }), { display: "empty" }),
      /There are no Terraform files \(\.tf, \.tf\.json\) in empty/,
    );
  });

  test("an application's directory reads its plinth.yaml, one graph per environment", () => {
    const app = new URL("../../../examples/shop/", import.meta.url).pathname;
    const { kind, graphs } = readInfrastructure(app, { display: "shop" });
    assert.equal(kind, "plinth");
    assert.deepEqual(
      graphs.map((g) => g.env),
      ["dev", "prod"],
    );
    assert.deepEqual(
      readInfrastructure(app, { env: "prod" }).graphs.map((g) => g.env),
      ["prod"],
    );
  });
});
