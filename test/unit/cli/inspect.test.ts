import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { runCli } from "../../helpers/cli.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";
import { fixture, writeTree } from "../../helpers/ingest.ts";

const cwd = fixture("");

describe("plinth inspect", () => {
  test("prints each resource with its file:line, region when it differs, unknowns and directives", async () => {
    const result = await runCli(["inspect", "terraform/basic"], { cwd });
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split("\n");
    assert.equal(lines[0], "basic (terraform, default): 15 resources, aws us-east-1");
    assert.match(
      result.stdout,
      /\n {2}aws_instance\.web\[0\] +terraform\/basic\/main\.tf:50:1\n {6}ami \(known after apply: the data source data\.aws_ami\.ubuntu is read only when Terraform runs\)\n/,
    );
    assert.match(
      result.stdout,
      /\n {2}aws_sqs_queue\.q\["orders"\] +terraform\/basic\/main\.tf:85:1 us-west-2\n/,
    );
    assert.match(
      result.stdout,
      /\n {6}# plinth:ignore PLINTH-AWS-004 reason="access logs of the log bucket itself" expires=2030-01-01\n/,
    );
    assert.equal(result.stderr, "");
  });

  test("--json matches its schema for every kind of input, and secrets are redacted", async () => {
    for (const [path, kind] of [
      ["terraform/basic", "terraform"],
      ["plan/hand-built/plan.json", "terraform-plan"],
      ["cloudformation/app.yaml", "cloudformation"],
      ["../../../examples/shop/plinth.yaml", "plinth"],
    ]) {
      const result = await runCli(["inspect", path as string, "--json"], { cwd });
      assert.equal(result.code, 0, result.stderr);
      const json = JSON.parse(result.stdout);
      assertMatchesCliSchema("inspect.schema.json", json);
      assert.equal(json.kind, kind);
    }
    const plan = JSON.parse(
      (await runCli(["inspect", "plan/hand-built/plan.json", "--json"], { cwd })).stdout,
    );
    const db = plan.graphs[0].nodes.find((n: { address: string }) => n.address === "aws_db_instance.db");
    assert.equal(db.properties.password, "(sensitive)");
    assert.deepEqual(db.sensitive, ["password"]);
    assert.ok(!JSON.stringify(plan).includes("not-a-real-password"));
  });

  test("--var and --var-file reach the reader", async () => {
    const dir = writeTree({
      "main.tf":
        'variable "name" {}\nvariable "size" {\n  type = number\n}\nresource "aws_sqs_queue" "q" {\n  name = var.name\n  delay_seconds = var.size\n}\n',
      "prod.tfvars": "size = 7\n",
    });
    const result = await runCli(
      ["inspect", ".", "--var", "name=orders", "--var-file", "prod.tfvars", "--json"],
      { cwd: dir },
    );
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).graphs[0].nodes[0].properties, {
      name: "orders",
      delay_seconds: 7,
    });
    const cfn = await runCli(["inspect", "cloudformation/app.yaml", "--var", "Env=prod", "--json"], { cwd });
    assert.ok(
      JSON.parse(cfn.stdout).graphs[0].nodes.some(
        (n: { address: string }) => n.address === "aws_db_instance.Db",
      ),
    );
  });

  test("bad input: one sentence with file:line on stderr, exit 1, JSON error with --json", async () => {
    const dir = writeTree({ "main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "x" "y"\n}\n' });
    const text = await runCli(["inspect", "."], { cwd: dir });
    assert.equal(text.code, 1);
    assert.equal(
      text.stderr,
      'error: main.tf:2:16: Expected a newline after the argument or block, found `"`.\n',
    );
    assert.equal(text.stdout, "");
    const json = await runCli(["inspect", ".", "--json"], { cwd: dir });
    assert.equal(json.code, 1);
    const error = JSON.parse(json.stdout).error;
    assertMatchesCliSchema("error.schema.json", { error });
    assert.deepEqual([error.name, error.file, error.line], ["HclSyntaxError", "main.tf", 2]);

    const jsonSyntax = writeTree({
      "main.tf": 'resource "aws_sqs_queue" "q" {}\n',
      "queues.tf.json": '{\n  "resource": {"aws_sqs_queue": {"r": {"name": "r",}}}\n}\n',
    });
    const malformed = await runCli(["inspect", "."], { cwd: jsonSyntax });
    assert.equal(malformed.code, 1);
    assert.equal(
      malformed.stderr,
      "error: queues.tf.json:2:52: This is not valid JSON: unexpected `}` (Terraform's JSON syntax allows no comments or trailing commas).\n",
    );
    assert.equal(malformed.stdout, "");

    const missing = await runCli(["inspect", "nowhere"], { cwd: dir });
    assert.equal(missing.code, 1);
    assert.equal(
      missing.stderr,
      "error: Nothing to read at nowhere: no such file or directory. Pass a plinth.yaml, a directory of .tf files, a plan JSON or a CloudFormation template.\n",
    );
    const badVar = await runCli(["inspect", ".", "--var", "novalue"], { cwd: dir });
    assert.equal(
      badVar.stderr,
      "error: --var takes name=value, not `novalue`. For example --var region=eu-west-1.\n",
    );
  });

  test("warnings go to stderr, in yellow only on a terminal without NO_COLOR", async () => {
    const dir = writeTree({
      "main.tf": 'resource "aws_sqs_queue" "q" {}\nresource "aws_sqs_queue" "q" {}\n',
    });
    const plain = await runCli(["inspect", "."], { cwd: dir, isTTY: true, env: { NO_COLOR: "1" } });
    assert.equal(
      plain.stderr,
      "warning: main.tf:2:1: The resource `aws_sqs_queue.q` is declared twice; the first declaration is used.\n",
    );
    const coloured = await runCli(["inspect", "."], { cwd: dir, isTTY: true });
    assert.ok(coloured.stderr.startsWith("\u001b[33mwarning\u001b[39m: main.tf:2:1"), coloured.stderr);
  });
});

test("the inspect examples in README.md and docs/ run as written", async () => {
  const root = new URL("../../../", import.meta.url).pathname;
  const commands = ["README.md", "docs/cli.md", "docs/ingest.md"].flatMap((file) =>
    [...readFileSync(`${root}${file}`, "utf8").matchAll(/^npx plinth (inspect [^#\n]+?)\s*(?:#.*)?$/gm)].map(
      (m) => (m[1] as string).split(/\s+/),
    ),
  );
  assert.ok(commands.length >= 6, `found ${commands.length} examples`);
  for (const args of commands) {
    const result = await runCli(args, { cwd: root });
    assert.equal(result.code, 0, `${args.join(" ")}: ${result.stderr}`);
    assert.ok(result.stdout.length > 0);
  }
});
