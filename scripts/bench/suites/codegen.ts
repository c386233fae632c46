import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ProviderSchemas } from "../../../src/catalog/provider-schemas.ts";
import { generate } from "../../../src/codegen/generate.ts";
import { writeProject } from "../../../src/codegen/output-directory.ts";
import { buildGraph } from "../../../src/model/build-graph.ts";
import type { ResourceGraph } from "../../../src/model/graph.ts";
import { readSpecFile } from "../../../src/spec/load-spec.ts";
import { type BenchRow, type BenchSuite, median, timeIt } from "../measure.ts";

const SIZES = [100, 1000, 10_000];
const ALL_FORMATS = ["terraform", "terraform-json", "cloudformation", "pulumi-yaml", "pulumi-ts"] as const;
type Format = (typeof ALL_FORMATS)[number];
/** aws-cdk-lib takes minutes at 10,000 buckets; it is measured up to this size. */
const CDK_MAX = 1000;
/** CloudFormation's 500-resource limit: CDK baselines put this many buckets (2 resources each) per stack. */
const CDK_BUCKETS_PER_STACK = 200;

const bench = new URL("../../../bench/", import.meta.url).pathname;

/**
 * Spec → files for N buckets with versioning and encryption (plinth's bucket also blocks public access,
 * refuses plain HTTP and logs access to a shared log bucket), side by side with aws-cdk-lib and cdktf
 * synthesizing the same buckets. The comparisons are like for like: each side builds everything from
 * its input (plinth reads, checks and lowers the spec file; the baselines build their construct trees)
 * and writes its project to disk (plinth as `plinth generate -o DIR` does: staged, hashed in a
 * manifest, renamed into place; the baselines as `app.synth()` does). Every tool gets one untimed run
 * first. The in-memory rows show where plinth's time goes.
 */
export const codegen: BenchSuite = {
  title: "Code generation: N buckets, spec → files (baselines: aws-cdk-lib and cdktf synth)",
  run: () => {
    const baselines = loadBaselines();
    const rows: BenchRow[] = [
      {
        name: "what is compared",
        ms: 0,
        note: "plinth: read + check + lower + render + write project; cdktf/aws-cdk-lib: construct + synth to disk",
      },
      {
        name: "resources per bucket",
        ms: 0,
        note: "Terraform: plinth 6 (+7 shared), cdktf 4; CloudFormation: plinth 2 (+2 shared), aws-cdk-lib 2",
      },
    ];
    const scratch = mkdtempSync(join(tmpdir(), "plinth-bench-codegen-"));
    for (const count of SIZES) {
      const runs = count >= 10_000 ? 3 : 5;
      const specs = specFiles(count, scratch);
      const graph = graphOf(specs, new ProviderSchemas());
      const build = median(timeIt(() => graphOf(specs, new ProviderSchemas()), runs, 1));
      const generation = (format: Format) => median(timeIt(() => generate(graph, format), runs, 1));
      const project = (format: Format) => {
        const out = join(scratch, `${count}-${format}`);
        return median(
          timeIt(
            () => generateProject(specs, format, out),
            runs,
            1,
            () => rmSync(out, { recursive: true, force: true }),
          ),
        );
      };
      const terraform = project("terraform");
      const cloudformation = project("cloudformation");
      const all = median(
        timeIt(
          () => {
            const schemas = new ProviderSchemas();
            const fresh = graphOf(specs, schemas);
            for (const format of ALL_FORMATS) generate(fresh, format, { schemas });
          },
          runs,
          1,
        ),
      );
      const cdktf = baselines
        ? median(timeIt(() => baselines.cdktf(count), count >= 10_000 ? 1 : 3, 1))
        : undefined;
      const cdk =
        baselines && count <= CDK_MAX ? median(timeIt(() => baselines.cdk(count), 3, 1)) : undefined;
      const vs = (ms: number, baseline: number | undefined, name: string, target: number) =>
        baseline === undefined
          ? ""
          : `${(baseline / ms).toFixed(1)}× faster than ${name}${count === 1000 ? ` (target ≥ ${target}×: ${baseline / ms >= target ? "met" : "MISSED"})` : ""}`;
      rows.push({ name: `${count} buckets: spec → graph (read, check, lower)`, ms: build });
      for (const format of ["terraform", "cloudformation", "pulumi-yaml", "pulumi-ts"] as const)
        rows.push({ name: `${count} buckets: graph → ${format} files, in memory`, ms: generation(format) });
      rows.push(
        {
          name: `${count} buckets: spec → terraform project on disk`,
          ms: terraform,
          note: vs(terraform, cdktf, "cdktf", 10),
        },
        {
          name: `${count} buckets: spec → cloudformation project on disk`,
          ms: cloudformation,
          note: vs(cloudformation, cdk, "aws-cdk-lib", 30),
        },
        {
          name: `${count} buckets: spec → all 5 AWS formats, in memory`,
          ms: all,
          note: count === 10_000 ? `target < 2000 ms: ${all < 2000 ? "met" : "MISSED"}` : "",
        },
      );
      if (cdktf !== undefined) rows.push({ name: `${count} buckets: cdktf app.synth()`, ms: cdktf });
      if (cdk !== undefined) rows.push({ name: `${count} buckets: aws-cdk-lib app.synth()`, ms: cdk });
      else if (baselines)
        rows.push({
          name: `${count} buckets: aws-cdk-lib app.synth()`,
          ms: Number.NaN,
          note: "not run (minutes)",
        });
    }
    rmSync(scratch, { recursive: true, force: true });
    return rows;
  },
};

/** A spec holds at most 5,000 components: larger counts are several specs lowered into one graph. */
const SPEC_LIMIT = 5000;

/** plinth.yaml files of `count` buckets in all, under `dir`. */
function specFiles(count: number, dir: string): string[] {
  const files: string[] = [];
  for (let start = 0; start < count; start += SPEC_LIMIT) {
    const components = Array.from(
      { length: Math.min(SPEC_LIMIT, count - start) },
      (_, i) => `  b${start + i}:\n    type: bucket\n    versioning: true\n`,
    ).join("");
    const file = join(dir, `spec-${count}-${start}.yaml`);
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

interface Baselines {
  cdk: (count: number) => void;
  cdktf: (count: number) => void;
}

/** aws-cdk-lib and cdktf from bench/, installed there on first use (they stay out of the main install). */
function loadBaselines(): Baselines | undefined {
  if (!existsSync(`${bench}node_modules/aws-cdk-lib`)) {
    console.log("  installing the baselines (aws-cdk-lib, cdktf) once: npm ci --prefix bench");
    try {
      execFileSync("npm", ["ci", "--prefix", bench, "--no-audit", "--no-fund"], { stdio: "inherit" });
    } catch {
      console.log(
        "  baselines unavailable: run `npm ci --prefix bench` and try again; plinth's figures follow alone.",
      );
      return undefined;
    }
  }
  const require = createRequire(`${bench}package.json`);
  const cdk = require("aws-cdk-lib");
  const s3 = require("aws-cdk-lib/aws-s3");
  const cdktf = require("cdktf");
  const outdir = (name: string) => {
    const dir = `${bench}.out/${name}`;
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  return {
    cdk: (count) => {
      const app = new cdk.App({ outdir: outdir("cdk") });
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
    cdktf: (count) => {
      const app = new cdktf.App({ outdir: outdir("cdktf") });
      const stack = new cdktf.TerraformStack(app, "buckets");
      new cdktf.TerraformProvider(stack, "aws", {
        terraformResourceType: "aws",
        terraformProviderSource: "hashicorp/aws",
      });
      // The same split resources as plinth's, as generic resources (the generated provider bindings
      // would only add classes around the same synthesis).
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
