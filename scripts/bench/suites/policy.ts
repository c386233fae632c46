import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkPolicy } from "../../../src/policy/check-policy.ts";
import { BUILT_IN_RULES } from "../../../src/policy/rules/index.ts";
import { type BenchRow, type BenchSuite, median, percentile, timeIt } from "../measure.ts";
import { policyWorkload } from "../policy-workload.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

/** Times a command whose exit code is not 0 on findings (policy check 2, cfn-lint 2/4/6/…). */
function timeProcess(command: string, args: string[], runs: number) {
  let status: number | null = null;
  let stdout = "";
  const samples = timeIt(
    () => {
      const run = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      status = run.status;
      stdout = run.stdout;
    },
    runs,
    1,
  );
  return { samples, status: status as number | null, stdout };
}

/**
 * Policy evaluation: every built-in rule over 5,000 Terraform-shaped resources in-process (target
 * < 1 s), `plinth policy check` over a 500-resource workload as a fresh process, and cfn-lint's time on
 * the same infrastructure written as CloudFormation, for scale.
 */
export const policy: BenchSuite = {
  title: "Policy check",
  run: () => {
    const rows: BenchRow[] = [];
    const large = policyWorkload(5000);
    let findings = 0;
    const samples = timeIt(
      () => {
        findings = checkPolicy([{ graph: large.graph }], { today: "2026-01-01" }).results.length;
      },
      10,
      2,
    );
    const ms = median(samples);
    rows.push({
      name: `${large.graph.nodes.length} resources × ${BUILT_IN_RULES.length} rules → ${findings} results (in-process)`,
      ms,
      p95: percentile(samples, 95),
      note: `target < 1000 ms: ${ms < 1000 ? "met" : "MISSED"}`,
    });

    const dir = mkdtempSync(join(tmpdir(), "plinth-bench-policy-"));
    const medium = policyWorkload(500);
    writeFileSync(join(dir, "main.tf"), medium.hcl);
    writeFileSync(join(dir, "template.yaml"), medium.cfn);
    const run = timeProcess(process.execPath, [`${root}bin/plinth.js`, "policy", "check", dir, "--json"], 5);
    const cli = {
      ...run,
      resources:
        run.status === 2
          ? (JSON.parse(run.stdout) as { summary: { resources: number } }).summary.resources
          : 0,
    };
    rows.push({
      name: `plinth policy check of a ${medium.graph.nodes.length}-resource Terraform directory (fresh process)`,
      ms: median(cli.samples),
      p95: percentile(cli.samples, 95),
      note: cli.resources === medium.graph.nodes.length ? "" : `FAILED: read ${cli.resources} resources`,
    });
    const lint = timeProcess("cfn-lint", ["-f", "json", join(dir, "template.yaml")], 3);
    rows.push({
      name: `cfn-lint on the same infrastructure as CloudFormation (${medium.cfnResources} resources)`,
      ms: median(lint.samples),
      p95: percentile(lint.samples, 95),
      note: lint.status === null ? "cfn-lint is not installed" : "baseline",
    });
    return rows;
  },
};
