import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { Baseline, PlinthFigures } from "../codegen-worker.ts";
import type { BenchRow, BenchSuite } from "../measure.ts";

const SIZES = [100, 1000, 10_000];
/** aws-cdk-lib takes minutes at 10,000 buckets, and cdktf with plinth's resources too: measured up to this size. */
const BASELINE_MAX = 1000;

const bench = new URL("../../../bench/", import.meta.url).pathname;
const worker = new URL("../codegen-worker.ts", import.meta.url).pathname;

/**
 * Spec → files for N buckets with versioning and encryption, side by side with aws-cdk-lib and cdktf
 * synthesizing the same buckets. The comparisons are like for like: each baseline builds the resources
 * plinth generates for the spec (per bucket: the bucket, tagged, versioned, encrypted, public access
 * blocked, logging to the environment's access-log bucket, and its TLS-only policy; that log bucket
 * once), each tool runs in a process of its own (no tool pays for another's heap), gets an untimed run
 * first, builds everything from its input (plinth reads, checks and lowers the spec file; the baselines
 * build their construct trees) and writes its project to disk (plinth as `plinth generate -o DIR` does:
 * staged, hashed in a manifest, renamed into place; the baselines as `app.synth()` does). The "minimal"
 * baselines are what this bench compared with before (fewer resources: cdktf without policy, logging and
 * tags; aws-cdk-lib without logging and tags), kept as a lower bound of the baselines' cost; the target's
 * verdict is shown against both. The in-memory rows show where plinth's time goes.
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
        note: "Terraform: plinth and cdktf 6 (+7 shared), cdktf minimal 4; CloudFormation: plinth and aws-cdk-lib 2 (+2 shared), aws-cdk-lib minimal 2",
      },
    ];
    for (const count of SIZES) {
      const plinth = measure<PlinthFigures>("plinth", count);
      const baseline = (tool: Baseline) =>
        withBaselines && (count <= BASELINE_MAX || tool === "cdktf-minimal")
          ? measure<number>(tool, count)
          : undefined;
      const cdktf = baseline("cdktf");
      const cdktfMinimal = baseline("cdktf-minimal");
      const cdk = baseline("cdk");
      const cdkMinimal = baseline("cdk-minimal");
      /** How many times faster than each baseline, with the target's verdict at 1,000 buckets. */
      const vs = (ms: number, baselines: Array<[string, number | undefined]>, target: number) =>
        baselines
          .filter((entry): entry is [string, number] => entry[1] !== undefined)
          .map(([name, baseline]) => {
            const verdict = baseline / ms >= target ? "met" : "MISSED";
            return `${(baseline / ms).toFixed(1)}× faster than ${name}${count === 1000 ? ` (target ≥ ${target}×: ${verdict})` : ""}`;
          })
          .join("; ");
      rows.push({ name: `${count} buckets: spec → graph (read, check, lower)`, ms: plinth.build });
      for (const [format, ms] of Object.entries(plinth.inMemory))
        rows.push({ name: `${count} buckets: graph → ${format} files, in memory`, ms });
      rows.push(
        {
          name: `${count} buckets: spec → terraform project on disk`,
          ms: plinth.terraformProject,
          note: vs(
            plinth.terraformProject,
            [
              ["cdktf", cdktf],
              ["cdktf minimal", cdktfMinimal],
            ],
            10,
          ),
        },
        {
          name: `${count} buckets: spec → cloudformation project on disk`,
          ms: plinth.cloudformationProject,
          note: vs(
            plinth.cloudformationProject,
            [
              ["aws-cdk-lib", cdk],
              ["aws-cdk-lib minimal", cdkMinimal],
            ],
            30,
          ),
        },
        {
          name: `${count} buckets: spec → all 5 AWS formats, in memory`,
          ms: plinth.allFormats,
          note: count === 10_000 ? `target < 2000 ms: ${plinth.allFormats < 2000 ? "met" : "MISSED"}` : "",
        },
      );
      if (!withBaselines) continue;
      const baselineRow = (name: string, ms: number | undefined) =>
        rows.push(
          ms === undefined
            ? { name: `${count} buckets: ${name}`, ms: Number.NaN, note: "not run (minutes)" }
            : { name: `${count} buckets: ${name}`, ms },
        );
      baselineRow("cdktf app.synth()", cdktf);
      baselineRow("cdktf app.synth(), minimal", cdktfMinimal);
      baselineRow("aws-cdk-lib app.synth()", cdk);
      baselineRow("aws-cdk-lib app.synth(), minimal", cdkMinimal);
    }
    return rows;
  },
};

/** One tool's figures for one size, from a fresh process. */
function measure<T>(tool: "plinth" | Baseline, count: number): T {
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
