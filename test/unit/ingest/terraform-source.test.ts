import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { InputError } from "../../../src/errors.ts";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { encodeValue, Ref, Unknown } from "../../../src/model/value.ts";
import { fixture, json, nodeAt, writeTree } from "../../helpers/ingest.ts";

const basic = () => readInfrastructure(fixture("terraform/basic"), { display: "basic" });

describe("a Terraform directory with modules, count, for_each and providers", () => {
  test("every resource instance is addressed exactly as Terraform addresses it", () => {
    const { kind, graphs } = basic();
    assert.equal(kind, "terraform");
    assert.equal(graphs.length, 1);
    assert.deepEqual(
      graphs[0]?.nodes.map((n) => n.address),
      [
        "aws_instance.web[0]",
        "aws_instance.web[1]",
        'aws_s3_bucket.assets["private"]',
        'aws_s3_bucket.assets["public"]',
        "aws_s3_bucket.logs",
        'aws_s3_bucket_logging.assets["private"]',
        'aws_s3_bucket_logging.assets["public"]',
        'aws_s3_bucket_versioning.assets["private"]',
        'aws_s3_bucket_versioning.assets["public"]',
        "aws_security_group.web",
        'aws_sqs_queue.q["emails"]',
        'aws_sqs_queue.q["orders"]',
        "module.net.aws_vpc.this",
        'module.net.module.subnet["a"].aws_subnet.this',
        'module.net.module.subnet["b"].aws_subnet.this',
      ],
    );
  });

  test("variables, tfvars, locals and each.value evaluate; references become Refs", () => {
    const graph = basic().graphs[0];
    const bucket = nodeAt(graph, 'aws_s3_bucket.assets["public"]');
    // env comes from terraform.tfvars (staging), app from its default.
    assert.deepEqual(json(bucket.properties), {
      bucket: "shop-staging-public",
      tags: { team: "web", Environment: "staging", Access: "public-read" },
    });
    const versioning = nodeAt(graph, 'aws_s3_bucket_versioning.assets["public"]');
    assert.deepEqual(json(versioning.properties.bucket ?? null), {
      $ref: 'aws_s3_bucket.assets["public"]',
      $path: ["id"],
    });
    assert.deepEqual(json(versioning.properties.versioning_configuration ?? null), [{ status: "Suspended" }]);
    const logging = nodeAt(graph, 'aws_s3_bucket_logging.assets["private"]');
    assert.deepEqual(json(logging.properties.target_bucket ?? null), {
      $ref: "aws_s3_bucket.logs",
      $path: ["id"],
    });
    assert.equal(logging.properties.target_prefix, "s3/private/");
  });

  test("count.index, module outputs across nested for_each modules, cidrsubnet and templatefile", () => {
    const graph = basic().graphs[0];
    const web1 = nodeAt(graph, "aws_instance.web[1]");
    assert.equal(web1.properties.instance_type, "t3.micro");
    assert.deepEqual(json(web1.properties.subnet_id ?? null), {
      $ref: 'module.net.module.subnet["b"].aws_subnet.this',
      $path: ["id"],
    });
    assert.equal(web1.properties.user_data, '#!/bin/sh\necho "shop-staging-1"\nopen 80\nopen 443\n');
    assert.deepEqual((web1.properties.tags as Record<string, unknown>).Name, "web-1");
    assert.equal(
      nodeAt(graph, 'module.net.module.subnet["b"].aws_subnet.this').properties.cidr_block,
      "10.0.1.0/24",
    );
    assert.equal(
      nodeAt(graph, 'module.net.module.subnet["a"].aws_subnet.this').properties.availability_zone,
      "us-east-1a",
    );
  });

  test("data sources are not resources; what refers to them is unknown", () => {
    const graph = basic().graphs[0];
    assert.ok(!graph?.nodes.some((n) => n.address.startsWith("data.")));
    const ami = nodeAt(graph, "aws_instance.web[0]").properties.ami;
    assert.ok(ami instanceof Unknown);
    assert.match(ami.reason, /data source data\.aws_ami\.ubuntu/);
  });

  test("dynamic blocks expand into Terraform's list-of-objects shape; depends_on names every instance", () => {
    const sg = nodeAt(basic().graphs[0], "aws_security_group.web");
    assert.deepEqual(json(sg.properties.ingress ?? null), [
      { from_port: 22, to_port: 22, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] },
      { from_port: 443, to_port: 443, protocol: "tcp", cidr_blocks: ["0.0.0.0/0"] },
    ]);
    assert.deepEqual(sg.dependsOn, ["aws_instance.web[0]", "aws_instance.web[1]"]);
    assert.equal(sg.attributeSources?.["ingress[1].from_port"]?.line, 76);
  });

  test("regions come from the resource's provider, aliases included", () => {
    const graph = basic().graphs[0];
    assert.equal(graph?.region, "us-east-1");
    assert.equal(nodeAt(graph, 'aws_sqs_queue.q["orders"]').region, "us-west-2");
    assert.equal(nodeAt(graph, "module.net.aws_vpc.this").region, "us-east-1");
  });

  test("every block and argument keeps its file:line; every node is marked as read from Terraform", () => {
    const graph = basic().graphs[0];
    const web = nodeAt(graph, "aws_instance.web[0]");
    assert.deepEqual(web.source, { file: "basic/main.tf", line: 50, col: 1 });
    assert.deepEqual(web.attributeSources?.["metadata_options[0].http_tokens"], {
      file: "basic/main.tf",
      line: 58,
      col: 5,
    });
    assert.deepEqual(web.attributeSources?.tags, { file: "basic/main.tf", line: 66, col: 3 });
    const vpc = nodeAt(graph, "module.net.aws_vpc.this");
    assert.deepEqual(vpc.source, { file: "basic/modules/net/main.tf", line: 4, col: 1 });
    assert.deepEqual(vpc.attributeSources?.["tags.Name"], {
      file: "basic/modules/net/main.tf",
      line: 6,
      col: 18,
    });
    assert.ok(graph?.nodes.every((n) => n.origin === "terraform"));
  });

  test("plinth: comments above a resource, or above its module block, are attached raw", () => {
    const graph = basic().graphs[0];
    assert.deepEqual(nodeAt(graph, "aws_s3_bucket.logs").directives, [
      {
        text: 'plinth:ignore PLINTH-AWS-004 reason="access logs of the log bucket itself" expires=2030-01-01',
        location: { file: "basic/main.tf", line: 23, col: 1 },
      },
    ]);
    assert.equal(
      nodeAt(graph, 'module.net.module.subnet["a"].aws_subnet.this').directives?.[0]?.text,
      'plinth:ignore PLINTH-AWS-020 reason="flow logs are on the transit account"',
    );
    assert.equal(nodeAt(graph, "module.net.aws_vpc.this").directives, undefined);
    assert.equal(nodeAt(graph, 'aws_s3_bucket.assets["public"]').directives, undefined);
  });

  test("outputs and primitive variables are part of the graph", () => {
    const graph = basic().graphs[0];
    assert.deepEqual(json(graph?.outputs[0]?.value ?? null), {
      $ref: "aws_s3_bucket.logs",
      $path: ["bucket"],
    });
    assert.deepEqual(
      graph?.variables.find((v) => v.name === "env"),
      { name: "env", type: "string", description: "", default: "staging" },
    );
    assert.equal(graph?.variables.find((v) => v.name === "db_password")?.default, undefined);
  });
});

describe("variable values", () => {
  const tree = (extra: Record<string, string> = {}) =>
    writeTree({
      "main.tf":
        'variable "x" {\n  default = "default"\n}\nvariable "ports" {\n  type = list(number)\n  default = []\n}\nvariable "n" {\n  type = number\n  default = 1\n}\nresource "aws_sqs_queue" "q" {\n  name = var.x\n  delay_seconds = var.n\n  tags = { ports = join(",", var.ports) }\n}\n',
      ...extra,
    });
  const nameOf = (dir: string, options = {}) =>
    readInfrastructure(dir, options).graphs[0]?.nodes[0]?.properties.name;

  test("precedence follows Terraform: tfvars < tfvars.json < *.auto.tfvars (by name) < -var-file < -var", () => {
    assert.equal(nameOf(tree()), "default");
    assert.equal(nameOf(tree({ "terraform.tfvars": 'x = "tfvars"\n' })), "tfvars");
    assert.equal(
      nameOf(tree({ "terraform.tfvars": 'x = "tfvars"\n', "terraform.tfvars.json": '{"x": "json"}' })),
      "json",
    );
    const auto = {
      "terraform.tfvars.json": '{"x": "json"}',
      "b.auto.tfvars": 'x = "auto-b"\n',
      "a.auto.tfvars": 'x = "auto-a"\n',
    };
    assert.equal(nameOf(tree(auto)), "auto-b");
    const dir = tree({ ...auto, "custom.tfvars": 'x = "file"\n' });
    assert.equal(nameOf(dir, { varFiles: [join(dir, "custom.tfvars")] }), "file");
    assert.equal(nameOf(dir, { varFiles: [join(dir, "custom.tfvars")], vars: { x: "cli" } }), "cli");
  });

  test("-var values are read for the variable's type: numbers convert, lists are HCL", () => {
    const node = readInfrastructure(tree(), { vars: { n: "5", ports: "[80, 443]" } }).graphs[0]?.nodes[0];
    assert.equal(node?.properties.delay_seconds, 5);
    assert.deepEqual(node?.properties.tags, { ports: "80,443" });
  });

  test("a variable without a value is unknown, never guessed", () => {
    const dir = writeTree({
      "main.tf":
        'variable "bucket" {}\nresource "aws_s3_bucket" "b" {\n  bucket = var.bucket\n  tags = { Name = "${var.bucket}-x" }\n}\n',
    });
    const node = readInfrastructure(dir).graphs[0]?.nodes[0];
    assert.deepEqual(json(node?.properties ?? null), {
      bucket: { $unknown: "the variable bucket has no value" },
      tags: { Name: { $unknown: "the variable bucket has no value" } },
    });
  });

  test("a missing --var-file is one clear error", () => {
    assert.throws(
      () => readInfrastructure(tree(), { varFiles: ["/nonexistent/prod.tfvars"] }),
      (e: unknown) =>
        e instanceof InputError && e.message === "The variable file /nonexistent/prod.tfvars does not exist.",
    );
  });

  test("values for undeclared variables are warned about", () => {
    const { warnings } = readInfrastructure(tree({ "terraform.tfvars": "y = 1\n" }));
    assert.match(warnings[0]?.message ?? "", /variable `y`, which .* does not declare/);
    assert.equal(warnings[0]?.location.line, 1);
  });
});

describe("odd and hostile configurations", () => {
  test("duplicate declarations are warnings, the first one wins", () => {
    const dir = writeTree({
      "a.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "first"\n}\nvariable "v" {\n  default = 1\n}\n',
      "b.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "second"\n}\nvariable "v" {\n  default = 2\n}\n',
    });
    const { graphs, warnings } = readInfrastructure(dir, { display: "dup" });
    assert.equal(graphs[0]?.nodes.length, 1);
    assert.equal(graphs[0]?.nodes[0]?.properties.bucket, "first");
    assert.deepEqual(
      warnings.map((w) => `${w.location.file}:${w.location.line} ${w.message}`),
      [
        "dup/b.tf:1 The resource `aws_s3_bucket.b` is declared twice; the first declaration is used.",
        "dup/b.tf:4 The variable `v` is declared twice; the first declaration is used.",
      ],
    );
  });

  test("malformed HCL is one sentence with file:line:col", () => {
    const dir = writeTree({
      "main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n  tags = {\n    a = \n  }\n}\n',
    });
    assert.throws(
      () => readInfrastructure(dir, { display: "bad" }),
      (e: unknown) =>
        e instanceof InputError &&
        e.name === "HclSyntaxError" &&
        e.describe() === "bad/main.tf:4:9: Expected an expression, found the end of the line.",
    );
  });

  test("an unclosed block names the line that opened it", () => {
    const dir = writeTree({ "main.tf": 'resource "aws_s3_bucket" "b" {\n  bucket = "x"\n' });
    assert.throws(
      () => readInfrastructure(dir, { display: "bad" }),
      (e: unknown) =>
        e instanceof InputError &&
        e.describe() ===
          "bad/main.tf:3:1: Expected `}` to close the block opened at line 1, found the end of the file.",
    );
  });

  test("file() and templatefile() refuse paths outside the module and read what is inside", () => {
    const dir = writeTree({
      "infra/main.tf":
        'resource "aws_iam_policy" "p" {\n  policy = file("${path.module}/policy.json")\n  name = file("../secret.txt")\n  description = file("/etc/hostname")\n}\n',
      "infra/policy.json": '{"Version": "2012-10-17"}',
      "secret.txt": "do not read",
    });
    const { graphs, warnings } = readInfrastructure(join(dir, "infra"), { display: "infra" });
    const node = graphs[0]?.nodes[0];
    assert.equal(node?.properties.policy, '{"Version": "2012-10-17"}');
    assert.ok(node?.properties.name instanceof Unknown);
    assert.ok(node?.properties.description instanceof Unknown);
    assert.ok(!JSON.stringify(encodeValue(node?.properties ?? null)).includes("do not read"));
    assert.deepEqual(
      warnings.map((w) => w.message),
      [
        "file(): the path `../secret.txt` is outside the module's directory, so plinth does not read it; the value is read as unknown.",
        "file(): the path `/etc/hostname` is outside the module's directory, so plinth does not read it; the value is read as unknown.",
      ],
    );
  });

  test("template syntax inside strings stays literal text; object keys cannot pollute prototypes", () => {
    const dir = writeTree({
      "main.tf":
        'resource "aws_s3_bucket" "b" {\n  bucket = "$${not_a_ref} %%{ if x }"\n  tags = { "__proto__" = "x", "a\\"b" = "q\\"uote\\n" }\n}\n',
    });
    const node = readInfrastructure(dir).graphs[0]?.nodes[0];
    assert.equal(node?.properties.bucket, "${not_a_ref} %{ if x }");
    const tags = node?.properties.tags as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(tags), Object.prototype);
    assert.deepEqual(Object.keys(tags), ["__proto__", 'a"b']);
    assert.equal(tags['a"b'], 'q"uote\n');
  });

  test("deeply nested input is refused with one sentence, not a stack overflow", () => {
    const dir = writeTree({ "main.tf": `locals {\n  x = ${"[".repeat(5000)}${"]".repeat(5000)}\n}\n` });
    assert.throws(
      () => readInfrastructure(dir, { display: "deep" }),
      (e: unknown) =>
        e instanceof InputError &&
        /^deep\/main\.tf:2:\d+: The expression is nested too deeply/.test(e.describe()),
    );
  });

  test("a local that refers to itself is unknown with a warning", () => {
    const dir = writeTree({
      "main.tf":
        'locals {\n  a = local.b\n  b = local.a\n}\nresource "aws_sqs_queue" "q" {\n  name = local.a\n}\n',
    });
    const { graphs, warnings } = readInfrastructure(dir);
    assert.ok(graphs[0]?.nodes[0]?.properties.name instanceof Unknown);
    assert.match(warnings[0]?.message ?? "", /`local\.a` refers to itself/);
  });

  test("a count known only after apply reads one instance, with a warning", () => {
    const dir = writeTree({
      "main.tf":
        'data "aws_availability_zones" "az" {}\nresource "aws_subnet" "s" {\n  count = length(data.aws_availability_zones.az.names)\n  availability_zone = count.index\n}\n',
    });
    const { graphs, warnings } = readInfrastructure(dir);
    assert.deepEqual(
      graphs[0]?.nodes.map((n) => n.address),
      ["aws_subnet.s"],
    );
    assert.ok(graphs[0]?.nodes[0]?.properties.availability_zone instanceof Unknown);
    assert.match(
      warnings[0]?.message ?? "",
      /number of instances of `aws_subnet\.s` depends on values known only after apply/,
    );
  });

  test("a module that calls itself is read once, with a warning", () => {
    const dir = writeTree({
      "main.tf": 'module "again" {\n  source = "./"\n}\nresource "aws_sqs_queue" "q" {}\n',
    });
    const { graphs, warnings } = readInfrastructure(dir);
    assert.deepEqual(
      graphs[0]?.nodes.map((n) => n.address),
      ["aws_sqs_queue.q"],
    );
    assert.match(warnings[0]?.message ?? "", /calls a module that contains it/);
  });

  test("for_each over a set holding apply-time values reads one instance", () => {
    const dir = writeTree({
      "main.tf":
        'resource "aws_sqs_queue" "a" {}\nresource "aws_sqs_queue" "b" {\n  for_each = toset([aws_sqs_queue.a.name])\n  name = each.key\n}\n',
    });
    const { graphs, warnings } = readInfrastructure(dir);
    assert.deepEqual(
      graphs[0]?.nodes.map((n) => n.address),
      ["aws_sqs_queue.a", "aws_sqs_queue.b"],
    );
    assert.ok(graphs[0]?.nodes[1]?.properties.name instanceof Unknown);
    assert.equal(warnings.length, 1);
  });

  test("modules from a registry that was never downloaded are a warning", () => {
    const dir = writeTree({ "main.tf": 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n' });
    const { graphs, warnings } = readInfrastructure(dir);
    assert.equal(graphs[0]?.nodes.length, 0);
    assert.match(warnings[0]?.message ?? "", /not a local path and was not downloaded by `terraform init`/);
  });

  test("a sensitive variable's value is marked sensitive on the argument that takes it", () => {
    const dir = writeTree({
      "main.tf":
        'variable "pw" {\n  sensitive = true\n  default = "hunter2"\n}\nresource "aws_db_instance" "db" {\n  password = var.pw\n  engine = "postgres"\n}\n',
    });
    const node = readInfrastructure(dir).graphs[0]?.nodes[0];
    assert.deepEqual(node?.sensitive, [["password"]]);
  });

  test("files that are not source are refused: binary, too large", () => {
    const binary = writeTree({ "main.tf": "resource \u0000" });
    assert.throws(() => readInfrastructure(binary, { display: "bin" }), /bin\/main\.tf is a binary file/);
    const large = writeTree({});
    writeFileSync(join(large, "main.tf"), Buffer.alloc(33 * 1024 * 1024, 0x20));
    assert.throws(
      () => readInfrastructure(large, { display: "big" }),
      /big\/main\.tf is 33\.0 MB; plinth reads input files of at most 32 MB/,
    );
  });
});

describe("module calls", () => {
  test("for_each and count on module blocks, providers passed by alias", () => {
    const dir = writeTree({
      "main.tf": `provider "aws" {\n  region = "eu-west-1"\n}\nprovider "aws" {\n  alias  = "us"\n  region = "us-east-2"\n}\nmodule "bucket" {\n  source   = "./bucket"\n  for_each = toset(["a", "b"])\n  name     = each.key\n}\nmodule "us" {\n  source    = "./bucket"\n  count     = 1\n  name      = "us-\${count.index}"\n  providers = { aws = aws.us }\n}\nresource "aws_s3_bucket_policy" "p" {\n  bucket = module.bucket["a"].id\n  policy = jsonencode({ Resource = module.us[0].arn })\n}\n`,
      "bucket/main.tf":
        'variable "name" {}\nresource "aws_s3_bucket" "this" {\n  bucket = var.name\n}\noutput "id" {\n  value = aws_s3_bucket.this.id\n}\noutput "arn" {\n  value = aws_s3_bucket.this.arn\n}\n',
    });
    const graph = readInfrastructure(dir).graphs[0];
    assert.deepEqual(
      graph?.nodes.map((n) => `${n.address} ${n.region}`),
      [
        "aws_s3_bucket_policy.p eu-west-1",
        'module.bucket["a"].aws_s3_bucket.this eu-west-1',
        'module.bucket["b"].aws_s3_bucket.this eu-west-1',
        "module.us[0].aws_s3_bucket.this us-east-2",
      ],
    );
    const policy = nodeAt(graph, "aws_s3_bucket_policy.p");
    assert.ok(policy.properties.bucket instanceof Ref);
    assert.equal(policy.properties.bucket.address, 'module.bucket["a"].aws_s3_bucket.this');
    assert.deepEqual(json(policy.properties.policy ?? null), {
      $encoded: "json",
      $value: { Resource: { $ref: "module.us[0].aws_s3_bucket.this", $path: ["arn"] } },
    });
  });

  test("a directory of several root modules gives one graph each; shared modules are not roots", () => {
    const module = 'variable "env" {}\nresource "aws_sqs_queue" "q" {\n  name = var.env\n}\n';
    const dir = writeTree({
      "envs/dev/main.tf": 'module "app" {\n  source = "../../modules/app"\n  env = "dev"\n}\n',
      "envs/prod/main.tf": 'module "app" {\n  source = "../../modules/app"\n  env = "prod"\n}\n',
      "modules/app/main.tf": module,
      ".terraform/ignored/main.tf": 'resource "aws_sqs_queue" "x" {}\n',
    });
    const { graphs } = readInfrastructure(dir, { display: "repo" });
    assert.deepEqual(
      graphs.map((g) => [g.app, g.nodes.map((n) => `${n.address}=${n.properties.name}`)]),
      [
        ["envs/dev", ["module.app.aws_sqs_queue.q=dev"]],
        ["envs/prod", ["module.app.aws_sqs_queue.q=prod"]],
      ],
    );
    assert.equal(graphs[0]?.nodes[0]?.source?.file, "repo/modules/app/main.tf");
  });
});

describe("a 500-resource directory", () => {
  test("reads every instance with its references", () => {
    const files: Record<string, string> = {};
    for (let f = 0; f < 10; f++) {
      let text = "";
      for (let r = 0; r < 25; r++) {
        const i = f * 25 + r;
        text += `resource "aws_s3_bucket" "b${i}" {\n  bucket = "bucket-${i}"\n  tags = { index = "${i}" }\n}\n\nresource "aws_s3_bucket_versioning" "b${i}" {\n  bucket = aws_s3_bucket.b${i}.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n\n`;
      }
      files[`file${f}.tf`] = text;
    }
    const dir = writeTree(files);
    const graph = readInfrastructure(dir).graphs[0];
    assert.equal(graph?.nodes.length, 500);
    const versioning = nodeAt(graph, "aws_s3_bucket_versioning.b249");
    assert.ok(
      versioning.properties.bucket instanceof Ref &&
        versioning.properties.bucket.address === "aws_s3_bucket.b249",
    );
    // file9.tf: 24 pairs of 12 lines before it, then the versioning block's first argument.
    assert.deepEqual(versioning.attributeSources?.bucket, {
      file: join(dir, "file9.tf"),
      line: 24 * 12 + 7,
      col: 3,
    });
  });
});
