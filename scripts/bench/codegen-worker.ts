/**
 * One tool's code generation figures for one size, measured in a process of its own (started by
 * suites/codegen.ts) so no tool pays for another's heap: `node codegen-worker.ts plinth|cdktf|cdk COUNT`
 * prints the figures as JSON. Every figure is the median of several runs after an untimed one.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProviderSchemas } from "../../src/catalog/provider-schemas.ts";
import { generate } from "../../src/codegen/generate.ts";
import { writeProject } from "../../src/codegen/output-directory.ts";
import { buildGraph } from "../../src/model/build-graph.ts";
import type { ResourceGraph } from "../../src/model/graph.ts";
import { readSpecFile } from "../../src/spec/load-spec.ts";
import { median, timeIt } from "./measure.ts";

export const ALL_FORMATS = [
  "terraform",
  "terraform-json",
  "cloudformation",
  "pulumi-yaml",
  "pulumi-ts",
] as const;
type Format = (typeof ALL_FORMATS)[number];

/** What the plinth worker reports, in milliseconds. */
export interface PlinthFigures {
  build: number;
  inMemory: Record<"terraform" | "cloudformation" | "pulumi-yaml" | "pulumi-ts", number>;
  terraformProject: number;
  cloudformationProject: number;
  allFormats: number;
}

/** CloudFormation's 500-resource limit: CDK baselines put this many buckets (2 resources each) per stack. */
const CDK_BUCKETS_PER_STACK = 200;
/** A spec holds at most 5,000 components: larger counts are several specs lowered into one graph. */
const SPEC_LIMIT = 5000;

const bench = new URL("../../bench/", import.meta.url).pathname;

function plinth(count: number): PlinthFigures {
  const runs = count >= 10_000 ? 3 : 5;
  const scratch = mkdtempSync(join(tmpdir(), "plinth-bench-codegen-"));
  try {
    const specs = specFiles(count, scratch);
    const graph = graphOf(specs, new ProviderSchemas());
    const project = (format: Format) => {
      const out = join(scratch, format);
      const clear = () => rmSync(out, { recursive: true, force: true });
      return median(timeIt(() => generateProject(specs, format, out), runs, 1, clear));
    };
    const inMemory = (format: Format) => median(timeIt(() => generate(graph, format), runs, 1));
    return {
      build: median(timeIt(() => graphOf(specs, new ProviderSchemas()), runs, 1)),
      inMemory: {
        terraform: inMemory("terraform"),
        cloudformation: inMemory("cloudformation"),
        "pulumi-yaml": inMemory("pulumi-yaml"),
        "pulumi-ts": inMemory("pulumi-ts"),
      },
      terraformProject: project("terraform"),
      cloudformationProject: project("cloudformation"),
      allFormats: median(
        timeIt(
          () => {
            const schemas = new ProviderSchemas();
            const fresh = graphOf(specs, schemas);
            for (const format of ALL_FORMATS) generate(fresh, format, { schemas });
          },
          runs,
          1,
        ),
      ),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** plinth.yaml files of `count` buckets in all, under `dir`. */
function specFiles(count: number, dir: string): string[] {
  const files: string[] = [];
  for (let start = 0; start < count; start += SPEC_LIMIT) {
    const components = Array.from(
      { length: Math.min(SPEC_LIMIT, count - start) },
      (_, i) => `  b${start + i}:\n    type: bucket\n    versioning: true\n`,
    ).join("");
    const file = join(dir, `spec-${start}.yaml`);
    writeFileSync(
      file,
      `apiVersion: plinth/v1\napp: bench\ncloud: aws\nregion: us-east-1\ncomponents:\n${components}`,
    );
    files.push(file);
  }
  return files;
}

function graphOf(specs: string[], schemas: ProviderSchemas): ResourceGraph {
  const graphs = specs.map((file) => buildGraph(readSpecFile(file), { schemas }).graph);
  const [first, ...rest] = graphs as [ResourceGraph, ...ResourceGraph[]];
  return rest.length === 0
    ? first
    : { ...first, nodes: graphs.flatMap((g) => g.nodes).sort((a, b) => (a.address < b.address ? -1 : 1)) };
}

/** What `plinth generate -f SPEC --format FORMAT -o OUT` does, without the process around it. */
function generateProject(specs: string[], format: Format, out: string): void {
  const schemas = new ProviderSchemas();
  writeProject(out, format, generate(graphOf(specs, schemas), format, { schemas }), false);
}

/** aws-cdk-lib and cdktf from bench/ (the suite installs them there). */
function baselines() {
  const require = createRequire(`${bench}package.json`);
  const cdk = require("aws-cdk-lib");
  const s3 = require("aws-cdk-lib/aws-s3");
  const iam = require("aws-cdk-lib/aws-iam");
  const cdktf = require("cdktf");
  const outdir = (name: string) => {
    const dir = `${bench}.out/${name}`;
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  return {
    cdk: (count: number) => {
      // The resources plinth generates for the same spec: per bucket the bucket (versioned, encrypted,
      // public access blocked, logging to the shared bucket, tagged) and its TLS-only policy, and the
      // environment's shared access-log bucket with its expiry rule and policy.
      const app = new cdk.App({ outdir: outdir("cdk") });
      cdk.Tags.of(app).add("plinth:app", "bench");
      cdk.Tags.of(app).add("plinth:env", "default");
      const secure = {
        versioned: true,
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        enforceSSL: true,
      };
      let stack = new cdk.Stack(app, "Buckets0");
      const logs = new s3.Bucket(stack, "AccessLogs", {
        ...secure,
        bucketName: "bench-default-access-logs-7b1884",
        lifecycleRules: [
          {
            id: "expire-access-logs",
            expiration: cdk.Duration.days(365),
            noncurrentVersionExpiration: cdk.Duration.days(30),
          },
        ],
      });
      logs.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: "S3ServerAccessLogs",
          principals: [new iam.ServicePrincipal("logging.s3.amazonaws.com")],
          actions: ["s3:PutObject"],
          resources: [logs.arnForObjects("*")],
          conditions: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::bench-default-*" } },
        }),
      );
      cdk.Tags.of(logs).add("plinth:address", "aws_s3_bucket._access_logs");
      for (let i = 0; i < count; i++) {
        if (i > 0 && i % CDK_BUCKETS_PER_STACK === 0)
          stack = new cdk.Stack(app, `Buckets${i / CDK_BUCKETS_PER_STACK}`);
        const bucket = new s3.Bucket(stack, `B${i}`, {
          ...secure,
          bucketName: `bench-default-b${i}`,
          bucketKeyEnabled: true,
        });
        // As plinth writes it: one wildcard grant on the log bucket, not a statement per bucket (which
        // `serverAccessLogsBucket` would add).
        bucket.node.defaultChild.loggingConfiguration = {
          destinationBucketName: logs.bucketName,
          logFilePrefix: `b${i}/`,
        };
        cdk.Tags.of(bucket).add("plinth:address", `aws_s3_bucket.b${i}`);
      }
      app.synth();
    },
    cdktf: (count: number) => {
      const app = new cdktf.App({ outdir: outdir("cdktf") });
      const stack = new cdktf.TerraformStack(app, "buckets");
      new cdktf.TerraformProvider(stack, "aws", {
        terraformResourceType: "aws",
        terraformProviderSource: "hashicorp/aws",
      });
      // The resources plinth generates for the same spec, argument for argument, as generic resources
      // (the generated provider bindings would only add classes around the same synthesis): per bucket
      // the bucket, its logging, versioning, encryption, public access block and TLS-only policy, and
      // the environment's shared access-log bucket.
      const resource = (type: string, id: string, config: Record<string, unknown>, dependsOn?: unknown[]) => {
        const r = new cdktf.TerraformResource(stack, id, { terraformResourceType: type, dependsOn });
        for (const [key, value] of Object.entries(config)) r.addOverride(key, value);
        return r;
      };
      const denyInsecureTransport = (arn: string) => ({
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "s3:*",
        Resource: [arn, `${arn}/*`],
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
      const bucket = (name: string, physical: string) => {
        const b = resource("aws_s3_bucket", name, {
          bucket: physical,
          force_destroy: false,
          tags: {
            "plinth:app": "bench",
            "plinth:env": "default",
            "plinth:address": `aws_s3_bucket.${name}`,
          },
        });
        const id = b.getStringAttribute("id");
        resource("aws_s3_bucket_versioning", `${name}_versioning`, {
          bucket: id,
          versioning_configuration: [{ status: "Enabled" }],
        });
        resource("aws_s3_bucket_server_side_encryption_configuration", `${name}_sse`, {
          bucket: id,
          rule: [
            {
              apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }],
              bucket_key_enabled: name !== "access_logs",
            },
          ],
        });
        const pab = resource("aws_s3_bucket_public_access_block", `${name}_pab`, {
          bucket: id,
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        });
        return { id, arn: b.getStringAttribute("arn"), pab };
      };
      const logs = bucket("access_logs", "bench-default-access-logs-7b1884");
      resource("aws_s3_bucket_lifecycle_configuration", "access_logs_lifecycle", {
        bucket: logs.id,
        rule: [
          {
            id: "expire-access-logs",
            status: "Enabled",
            filter: [{}],
            expiration: [{ days: 365 }],
            noncurrent_version_expiration: [{ noncurrent_days: 30 }],
          },
        ],
      });
      resource(
        "aws_s3_bucket_policy",
        "access_logs_policy",
        {
          bucket: logs.id,
          policy: JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "S3ServerAccessLogs",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${logs.arn}/*`,
                Condition: { ArnLike: { "aws:SourceArn": "arn:aws:s3:::bench-default-*" } },
              },
              denyInsecureTransport(logs.arn),
            ],
          }),
        },
        [logs.pab],
      );
      for (let i = 0; i < count; i++) {
        const b = bucket(`b${i}`, `bench-default-b${i}`);
        resource("aws_s3_bucket_logging", `b${i}_logging`, {
          bucket: b.id,
          target_bucket: logs.id,
          target_prefix: `b${i}/`,
        });
        resource(
          "aws_s3_bucket_policy",
          `b${i}_policy`,
          {
            bucket: b.id,
            policy: JSON.stringify({ Version: "2012-10-17", Statement: [denyInsecureTransport(b.arn)] }),
          },
          [b.pab],
        );
      }
      app.synth();
    },
    /** What these baselines measured before they did what plinth does: fewer resources, no tags, no logging. */
    "cdk-minimal": (count: number) => {
      const app = new cdk.App({ outdir: outdir("cdk-minimal") });
      let stack: unknown;
      for (let i = 0; i < count; i++) {
        if (i % CDK_BUCKETS_PER_STACK === 0)
          stack = new cdk.Stack(app, `Buckets${i / CDK_BUCKETS_PER_STACK}`);
        new s3.Bucket(stack, `B${i}`, {
          bucketName: `bench-default-b${i}`,
          versioned: true,
          encryption: s3.BucketEncryption.S3_MANAGED,
          bucketKeyEnabled: true,
          blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
          enforceSSL: true,
        });
      }
      app.synth();
    },
    "cdktf-minimal": (count: number) => {
      const app = new cdktf.App({ outdir: outdir("cdktf-minimal") });
      const stack = new cdktf.TerraformStack(app, "buckets");
      new cdktf.TerraformProvider(stack, "aws", {
        terraformResourceType: "aws",
        terraformProviderSource: "hashicorp/aws",
      });
      // The bucket's versioning, encryption and public access block only.
      const resource = (type: string, id: string, config: Record<string, unknown>) => {
        const r = new cdktf.TerraformResource(stack, id, { terraformResourceType: type });
        for (const [key, value] of Object.entries(config)) r.addOverride(key, value);
        return r;
      };
      for (let i = 0; i < count; i++) {
        const bucket = resource("aws_s3_bucket", `b${i}`, { bucket: `bench-default-b${i}` });
        const id = `\${${bucket.fqn}.id}`;
        resource("aws_s3_bucket_versioning", `b${i}_versioning`, {
          bucket: id,
          versioning_configuration: [{ status: "Enabled" }],
        });
        resource("aws_s3_bucket_server_side_encryption_configuration", `b${i}_sse`, {
          bucket: id,
          rule: [
            {
              apply_server_side_encryption_by_default: [{ sse_algorithm: "AES256" }],
              bucket_key_enabled: true,
            },
          ],
        });
        resource("aws_s3_bucket_public_access_block", `b${i}_pab`, {
          bucket: id,
          block_public_acls: true,
          block_public_policy: true,
          ignore_public_acls: true,
          restrict_public_buckets: true,
        });
      }
      app.synth();
    },
  };
}

const BASELINES = ["cdk", "cdktf", "cdk-minimal", "cdktf-minimal"] as const;
export type Baseline = (typeof BASELINES)[number];

const [tool, size] = process.argv.slice(2);
const count = Number(size);
if (tool === "plinth") console.log(JSON.stringify(plinth(count)));
else if (BASELINES.includes(tool as Baseline)) {
  const synth = baselines()[tool as Baseline];
  const runs = tool === "cdktf-minimal" && count >= 10_000 ? 1 : 3;
  console.log(JSON.stringify(median(timeIt(() => synth(count), runs, 1))));
} else if (tool !== undefined) throw new Error(`unknown tool ${tool}`);
