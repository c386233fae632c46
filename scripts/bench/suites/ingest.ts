import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { readInfrastructure } from "../../../src/ingest/read-infrastructure.ts";
import { parseHcl } from "../../../src/ingest/terraform/hcl/parse-hcl.ts";
import { type BenchRow, type BenchSuite, median, timeCommand, timeIt } from "../measure.ts";

/** 500 resources over 10 files and a module: buckets with their split resources, instances, security groups. */
export function terraformDirectory(): string {
  const dir = mkdtempSync(join(tmpdir(), "plinth-bench-tf-"));
  mkdirSync(join(dir, "modules", "net"), { recursive: true });
  writeFileSync(
    join(dir, "variables.tf"),
    'variable "env" {\n  default = "prod"\n}\n\nlocals {\n  tags = { env = var.env, team = "bench" }\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n',
  );
  writeFileSync(
    join(dir, "modules", "net", "main.tf"),
    'variable "cidr" {}\n\nresource "aws_vpc" "this" {\n  cidr_block = var.cidr\n}\n\nresource "aws_subnet" "this" {\n  count      = 4\n  vpc_id     = aws_vpc.this.id\n  cidr_block = cidrsubnet(var.cidr, 8, count.index)\n}\n\noutput "subnet_ids" {\n  value = aws_subnet.this[*].id\n}\n',
  );
  writeFileSync(
    join(dir, "net.tf"),
    'module "net" {\n  source = "./modules/net"\n  cidr   = "10.0.0.0/16"\n}\n',
  );
  // 5 module resources + 10 files × (12 buckets × 3 + 2 instances × 2 + 1 group) = 5 + 10 × 41 + 85 in for_each.
  for (let f = 0; f < 10; f++) {
    let text = "";
    for (let b = 0; b < 12; b++) {
      const name = `b${f}_${b}`;
      text += `resource "aws_s3_bucket" "${name}" {\n  bucket = "\${var.env}-${name}"\n  tags   = merge(local.tags, { Name = "${name}" })\n}\n\n`;
      text += `resource "aws_s3_bucket_versioning" "${name}" {\n  bucket = aws_s3_bucket.${name}.id\n  versioning_configuration {\n    status = var.env == "prod" ? "Enabled" : "Suspended"\n  }\n}\n\n`;
      text += `resource "aws_s3_bucket_server_side_encryption_configuration" "${name}" {\n  bucket = aws_s3_bucket.${name}.id\n  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n}\n\n`;
    }
    text += `resource "aws_instance" "web${f}" {\n  count         = 2\n  ami           = "ami-12345678"\n  instance_type = "t3.micro"\n  subnet_id     = module.net.subnet_ids[count.index]\n  metadata_options {\n    http_tokens = "required"\n  }\n  tags = local.tags\n}\n\n`;
    text += `resource "aws_ebs_volume" "data${f}" {\n  count             = 2\n  availability_zone = "eu-west-1a"\n  size              = 100\n  encrypted         = true\n}\n\n`;
    text += `resource "aws_security_group" "sg${f}" {\n  vpc_id = module.net.vpc_id\n  dynamic "ingress" {\n    for_each = [80, 443]\n    content {\n      from_port   = ingress.value\n      to_port     = ingress.value\n      protocol    = "tcp"\n      cidr_blocks = ["0.0.0.0/0"]\n    }\n  }\n}\n\n`;
    writeFileSync(join(dir, `main${f}.tf`), text);
  }
  const queues = Array.from({ length: 85 }, (_, i) => `"q${i}"`).join(", ");
  writeFileSync(
    join(dir, "queues.tf"),
    `resource "aws_sqs_queue" "q" {\n  for_each = toset([${queues}])\n  name     = "\${var.env}-\${each.key}"\n}\n`,
  );
  return dir;
}

/** 500 CloudFormation resources: buckets with encryption and versioning (split in two), instances, queues. */
function cloudFormationTemplate(): string {
  let yaml =
    'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env:\n    Type: String\n    Default: prod\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n';
  for (let i = 0; i < 500; i++) {
    if (i % 5 === 0) {
      yaml += `  Web${i}:\n    Type: AWS::EC2::Instance\n    Properties:\n      ImageId: ami-12345678\n      InstanceType: !If [IsProd, m5.large, t3.micro]\n      MetadataOptions:\n        HttpTokens: required\n`;
    } else if (i % 5 === 1) {
      yaml += `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: !Sub "\${Env}-q${i}"\n      SqsManagedSseEnabled: true\n`;
    } else {
      yaml += `  Bucket${i}:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "\${Env}-bucket-${i}"\n      VersioningConfiguration:\n        Status: Enabled\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n      Tags:\n        - Key: team\n          Value: bench\n`;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "plinth-bench-cfn-"));
  writeFileSync(join(dir, "template.yaml"), yaml);
  return join(dir, "template.yaml");
}

/** 500 resources under the SAM transform: functions with Globals, and the routing a VPC needs. */
function samTemplate(): string {
  let yaml =
    'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: nodejs22.x\n    MemorySize: 512\n    Architectures: [arm64]\n    Environment:\n      Variables:\n        STAGE: prod\nResources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n';
  for (let i = 1; i < 500; i++) {
    if (i % 2 === 0) {
      yaml += `  Fn${i}:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n      CodeUri: s3://bench-code/fn.zip\n      Timeout: 30\n      Environment:\n        Variables:\n          INDEX: "${i}"\n`;
    } else if (i % 4 === 1) {
      yaml += `  Routes${i}:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc\n`;
    } else {
      yaml += `  Route${i}:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref Routes${i - 2}\n      DestinationCidrBlock: 0.0.0.0/0\n      NatGatewayId: nat-0123\n`;
    }
  }
  const dir = mkdtempSync(join(tmpdir(), "plinth-bench-sam-"));
  writeFileSync(join(dir, "template.yaml"), yaml);
  return join(dir, "template.yaml");
}

/** cfn-lint's time on a template; it exits non-zero when it finds something, so only its time counts. */
function cfnLintMs(template: string): number {
  return median(
    timeIt(
      () => {
        try {
          execFileSync("cfn-lint", ["--format", "parseable", template], { stdio: "ignore" });
        } catch {}
      },
      2,
      0,
    ),
  );
}

function available(command: string, args: string[]): boolean {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reading existing IaC, in-process, against offline baselines on the same input: `terraform fmt -check`
 * (Terraform's own HCL parser, as a process) and cfn-lint (the usual CloudFormation checker).
 */
export const ingest: BenchSuite = {
  title: "Reading existing infrastructure code (in-process; baselines as processes on the same files)",
  run: () => {
    const rows: BenchRow[] = [];
    const dir = terraformDirectory();
    let resources = 0;
    const tf = timeIt(() => {
      resources = readInfrastructure(dir).graphs[0]?.nodes.length ?? 0;
    }, 10);
    rows.push({ name: `Terraform directory, ${resources} resources: read + evaluate`, ms: median(tf) });
    const files = Array.from({ length: 10 }, (_, f) => join(dir, `main${f}.tf`));
    const texts = files.map((f) => readFileSync(f, "utf8"));
    rows.push({
      name: "  of which HCL parsing alone (10 files)",
      ms: median(
        timeIt(() => {
          for (const [i, t] of texts.entries()) parseHcl(t, `main${i}.tf`);
        }, 20),
      ),
    });
    if (available("terraform", ["version"])) {
      rows.push({
        name: "  baseline: terraform fmt -check -recursive",
        ms: median(timeCommand("terraform", ["fmt", "-check", "-recursive", dir], 5, 1)),
        note: "parse + format check only, no evaluation",
      });
    } else rows.push({ name: "  baseline: terraform fmt", ms: Number.NaN, note: "terraform not installed" });

    const template = cloudFormationTemplate();
    let nodes = 0;
    const cfn = timeIt(() => {
      nodes = readInfrastructure(template).graphs[0]?.nodes.length ?? 0;
    }, 10);
    rows.push({
      name: `CloudFormation template, 500 resources (${nodes} nodes): read + map`,
      ms: median(cfn),
    });
    const text = readFileSync(template, "utf8");
    rows.push({
      name: "  baseline: yaml parse alone (same library, no positions)",
      ms: median(timeIt(() => parse(text, { logLevel: "silent" }), 10)),
    });
    const lint = available("cfn-lint", ["--version"]);
    rows.push(
      lint
        ? {
            name: "  baseline: cfn-lint",
            ms: cfnLintMs(template),
            note: "lints the same template (exit codes ignored)",
          }
        : { name: "  baseline: cfn-lint", ms: Number.NaN, note: "cfn-lint not installed" },
    );

    const sam = samTemplate();
    let samNodes = 0;
    const samRead = timeIt(() => {
      samNodes = readInfrastructure(sam).graphs[0]?.nodes.length ?? 0;
    }, 10);
    rows.push({
      name: `SAM template, 500 resources (${samNodes} nodes): Globals + read + map`,
      ms: median(samRead),
    });
    rows.push(
      lint
        ? { name: "  baseline: cfn-lint", ms: cfnLintMs(sam), note: "runs the SAM transform, then lints" }
        : { name: "  baseline: cfn-lint", ms: Number.NaN, note: "cfn-lint not installed" },
    );
    return rows;
  },
};
