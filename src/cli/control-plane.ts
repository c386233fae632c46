import type { Command } from "commander";
import { type LocalControlPlane, localControlPlane } from "../../functions/local.ts";
import type { RunRecord, StepRecord } from "../runtime/run-store.ts";
import type { CommandContext } from "./command-context.ts";
import { resolvePath } from "./paths.ts";

export interface ControlOptions {
  stateDir: string;
  targets: string;
  workflows?: string;
}

/** Options of the commands that run the embedded control plane. */
export function withControlOptions(command: Command): Command {
  return command
    .option("--state-dir <dir>", "local state: runs, approvals, audit, artifacts, events", ".plinth")
    .option("--targets <dir>", "where scans look for plinth.yaml files", ".")
    .option("--workflows <dir>", "directory of *.asl.json workflows (default: plinth's own)");
}

/** The embedded control plane over the state directory, printing each finished step as progress. */
export function openControlPlane(ctx: CommandContext, options: ControlOptions): LocalControlPlane {
  return localControlPlane({
    stateDir: resolvePath(ctx.io, options.stateDir).absolute,
    targetsRoot: resolvePath(ctx.io, options.targets).absolute,
    ...(options.workflows ? { workflowsDir: resolvePath(ctx.io, options.workflows).absolute } : {}),
    ...(ctx.json
      ? {}
      : { onStep: (run: RunRecord, step: StepRecord) => ctx.io.stderr(describeStep(ctx, run, step)) }),
  });
}

function describeStep(ctx: CommandContext, run: RunRecord, step: StepRecord): string {
  const { style } = ctx;
  const mark =
    step.status === "succeeded"
      ? style.green("✓")
      : step.status === "waiting"
        ? style.yellow("…")
        : step.status === "caught"
          ? style.yellow("!")
          : style.red("✗");
  const extra = [
    step.iterations ? `${step.iterations} items` : "",
    step.retries ? `${step.retries} retries` : "",
    step.error ? step.error : "",
  ].filter(Boolean);
  return `${mark} ${run.workflow} ${step.state} ${style.dim(`${step.ms} ms`)}${extra.length ? ` (${extra.join(", ")})` : ""}\n`;
}

/** The one-paragraph outcome of a run, for people. */
export function describeRun(ctx: CommandContext, run: RunRecord): string {
  if (run.status === "SUCCEEDED")
    return `${ctx.style.green("✓")} ${run.workflow} run ${run.runId} succeeded.\n`;
  if (run.status === "WAITING")
    return `${ctx.style.yellow("…")} ${run.workflow} run ${run.runId} waits for approval at ${run.waiting?.state} until ${run.waiting?.expiresAt}.\n  Next: plinth approve ${run.runId}  (or: plinth reject ${run.runId} --comment "why")\n`;
  return `${ctx.style.red("✗")} ${run.workflow} run ${run.runId} ${run.status === "FAILED" ? "failed" : "is still running"}${run.error ? `: ${run.error.name}: ${run.error.cause}` : ""}.\n`;
}

/** The JSON form of a run (schemas/cli/workflow-run.schema.json). */
export function runJson(run: RunRecord) {
  return {
    runId: run.runId,
    workflow: run.workflow,
    status: run.status,
    startedAt: run.startedAt,
    updatedAt: run.updatedAt,
    steps: run.steps,
    ...(run.output === undefined ? {} : { output: run.output }),
    ...(run.error ? { error: run.error } : {}),
    ...(run.waiting
      ? { waiting: { state: run.waiting.state, since: run.waiting.since, expiresAt: run.waiting.expiresAt } }
      : {}),
  };
}
