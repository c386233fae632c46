import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { PlinthFigures } from "../codegen-worker.ts";
import type { BenchRow, BenchSuite } from "../measure.ts";

const SIZES = [100, 1000, 10_000];
/** aws-cdk-lib takes minutes at 10,000 buckets; it is measured up to this size. */
const CDK_MAX = 1000;

const bench = new URL("../../../bench/", import.meta.url).pathname;
const worker = new URL("../codegen-worker.ts", import.meta.url).pathname;

/**
 * Spec → files for N buckets with versioning and encryption (plinth's bucket also blocks public access,
 * refuses plain HTTP and logs access to a shared log bucket), side by side with aws-cdk-lib and cdktf
 * synthesizing the same buckets. The comparisons are like for like: each tool runs in a process of its
 * own (no tool pays for another's heap), gets an untimed run first, builds everything from its input
 * (plinth reads, checks and lowers the spec file; the baselines build their construct trees) and
 * writes its project to disk (plinth as `plinth generate -o DIR` does: staged, hashed in a manifest,
 * renamed into place; the baselines as `app.synth()` does). The in-memory rows show where plinth's time
 * goes.
 */
export const codegen: BenchSuite = {
  title: "Code generation: N buckets, spec → files (baselines: aws-cdk-lib and cdktf synth)",
  run: () => {
    const withBaselines = installBaselines();
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
    for (const count of SIZES) {
      const plinth = measure<PlinthFigures>("plinth", count);
      const cdktf = withBaselines ? measure<number>("cdktf", count) : undefined;
      const cdk = withBaselines && count <= CDK_MAX ? measure<number>("cdk", count) : undefined;
      const vs = (ms: number, baseline: number | undefined, name: string, target: number) =>
        baseline === undefined
          ? ""
          : `${(baseline / ms).toFixed(1)}× faster than ${name}${count === 1000 ? ` (target ≥ ${target}×: ${baseline / ms >= target ? "met" : "MISSED"})` : ""}`;
      rows.push({ name: `${count} buckets: spec → graph (read, check, lower)`, ms: plinth.build });
      for (const [format, ms] of Object.entries(plinth.inMemory))
        rows.push({ name: `${count} buckets: graph → ${format} files, in memory`, ms });
      rows.push(
        {
          name: `${count} buckets: spec → terraform project on disk`,
          ms: plinth.terraformProject,
          note: vs(plinth.terraformProject, cdktf, "cdktf", 10),
        },
        {
          name: `${count} buckets: spec → cloudformation project on disk`,
          ms: plinth.cloudformationProject,
          note: vs(plinth.cloudformationProject, cdk, "aws-cdk-lib", 30),
        },
        {
          name: `${count} buckets: spec → all 5 AWS formats, in memory`,
          ms: plinth.allFormats,
          note: count === 10_000 ? `target < 2000 ms: ${plinth.allFormats < 2000 ? "met" : "MISSED"}` : "",
        },
      );
      if (cdktf !== undefined) rows.push({ name: `${count} buckets: cdktf app.synth()`, ms: cdktf });
      if (cdk !== undefined) rows.push({ name: `${count} buckets: aws-cdk-lib app.synth()`, ms: cdk });
      else if (withBaselines)
        rows.push({
          name: `${count} buckets: aws-cdk-lib app.synth()`,
          ms: Number.NaN,
          note: "not run (minutes)",
        });
    }
    return rows;
  },
};

/** One tool's figures for one size, from a fresh process. */
function measure<T>(tool: "plinth" | "cdktf" | "cdk", count: number): T {
  const output = execFileSync(process.execPath, [worker, tool, String(count)], { encoding: "utf8" });
  return JSON.parse(output) as T;
}

/** aws-cdk-lib and cdktf in bench/, installed there on first use (they stay out of the main install). */
function installBaselines(): boolean {
  if (existsSync(`${bench}node_modules/aws-cdk-lib`)) return true;
  console.log("  installing the baselines (aws-cdk-lib, cdktf) once: npm ci --prefix bench");
  try {
    execFileSync("npm", ["ci", "--prefix", bench, "--no-audit", "--no-fund"], { stdio: "inherit" });
    return true;
  } catch {
    console.log(
      "  baselines unavailable: run `npm ci --prefix bench` and try again; plinth's figures follow alone.",
    );
    return false;
  }
}
