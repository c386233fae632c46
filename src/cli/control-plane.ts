import { type Command, Option } from "commander";
import { type LocalControlPlane, localControlPlane } from "../../functions/local.ts";
import type { ArtifactStore } from "../artifacts/artifact-store.ts";
import type { EngineDependencies, ResourceHandlersFor } from "../control/deploy/deploy-dependencies.ts";
import { InputError } from "../errors.ts";
import type { RunRecord, StepRecord } from "../runtime/run-store.ts";
import type { SpecDocuments } from "../spec/spec-documents.ts";
import type { StateStore } from "../state/store.ts";
import { awsAccess } from "./aws-resources.ts";
import type { CommandContext } from "./command-context.ts";
import { parseParallelism, progressPrinter, variablesFrom } from "./deploy-context.ts";
import { resolvePath } from "./paths.ts";
import { openStateLocation } from "./state-location.ts";

export interface ControlOptions {
  state: string;
  /** The former name of --state (a directory only). */
  stateDir?: string;
  targets: string;
  workflows?: string;
  var?: string[];
  parallelism?: string;
}

/** Options of the commands that run the embedded control plane. */
export function withControlOptions(command: Command): Command {
  return command
    .option(
      "--state <location>",
      "where runs, approvals, the audit trail and state are kept: a directory or dynamodb:TABLE[/BUCKET]",
      ".plinth",
    )
    .addOption(new Option("--state-dir <dir>").hideHelp())
    .option("--targets <dir>", "where scans look for plinth.yaml files", ".")
    .option("--workflows <dir>", "directory of *.asl.json workflows (default: plinth's own)")
    .option("--var <name=value...>", "a value for an input of a graph a run applies (also PLINTH_VAR_<name>)")
    .option("--parallelism <n>", "resources a run changes at once", "10");
}

/** The pieces of an embedded control plane a command has opened. */
export interface PlaneParts {
  stateDir?: string;
  documents?: SpecDocuments;
  store: StateStore;
  artifacts: ArtifactStore;
  targetsRoot: string;
  workflowsDir?: string;
  resources: ResourceHandlersFor;
  engine: Pick<EngineDependencies, "variables" | "parallelism" | "onPlan" | "onEngineEvent">;
}

/** Which finished steps people see on stderr: all, the ones doing the work, or none. */
export type StepOutput = "all" | "work" | "none";

/**
 * The embedded control plane over opened parts, printing finished steps on stderr as `steps` says
 * (`work`: tasks and maps, not audit writes, choices or passes); machines (--json) see only results.
 */
export function controlPlaneFor(
  ctx: CommandContext,
  parts: PlaneParts,
  steps: StepOutput = "all",
): LocalControlPlane {
  const shown = (run: RunRecord, step: StepRecord) => {
    if (steps !== "work") return steps === "all";
    const workflow = plane.runner.workflow(run.workflow);
    const binding = workflow.tasks.get(step.state);
    const type = workflow.definition.States[step.state]?.Type;
    if (binding?.kind === "function" && binding.handler === "write-audit") return false;
    return type !== "Choice" && type !== "Pass";
  };
  const plane: LocalControlPlane = localControlPlane({
    ...parts,
    ...(ctx.io.now ? { now: ctx.io.now } : {}),
    ...(ctx.json || steps === "none"
      ? {}
      : {
          onStep: (run: RunRecord, step: StepRecord) => {
            if (shown(run, step)) ctx.io.stderr(describeStep(ctx, run, step));
          },
        }),
  });
  return plane;
}

/**
 * The control plane of approve, reject, serve, `workflow run` and `events put`: the state location of
 * --state (AWS_REGION names the region of a DynamoDB one), resources through the environment's
 * credentials, --var and --parallelism for the runs it continues, and a progress line per resource.
 */
export async function openControlPlane(
  ctx: CommandContext,
  options: ControlOptions,
): Promise<{ plane: LocalControlPlane; close: () => void }> {
  const { io } = ctx;
  const debug = ctx.debug ? (line: string) => io.stderr(ctx.style.dim(`debug: ${line}\n`)) : undefined;
  const aws = awsAccess(io, debug);
  const state = options.stateDir ?? options.state;
  const region = () => {
    const named = io.env.AWS_REGION ?? io.env.AWS_DEFAULT_REGION;
    if (!named) throw new InputError(`--state ${state} is in DynamoDB: set AWS_REGION to its region.`);
    return aws.clients({ region: named });
  };
  const artifactsDir = resolvePath(io, ".plinth/artifacts").absolute;
  const location = await openStateLocation(state, io, region, artifactsDir);
  const plane = controlPlaneFor(ctx, {
    ...(location.localDir ? { stateDir: location.localDir } : {}),
    store: location.store,
    artifacts: location.artifacts,
    targetsRoot: resolvePath(io, options.targets).absolute,
    ...(options.workflows ? { workflowsDir: resolvePath(io, options.workflows).absolute } : {}),
    resources: aws.resources,
    engine: {
      variables: variablesFrom(io.env, options.var ?? []),
      parallelism: parseParallelism(options.parallelism),
      onEngineEvent: progressPrinter(io, ctx),
    },
  });
  return { plane, close: aws.close };
}

/** `plinth approve RUN` (or reject), with the state option when it is not the default. */
export function decisionCommand(
  decision: "approve" | "reject",
  runId: string,
  state: string | undefined,
): string {
  return `plinth ${decision} ${runId}${state && state !== ".plinth" ? ` --state ${state}` : ""}`;
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
export function describeRun(ctx: CommandContext, run: RunRecord, state?: string): string {
  if (run.status === "SUCCEEDED")
    return `${ctx.style.green("✓")} ${run.workflow} run ${run.runId} succeeded.\n`;
  if (run.status === "WAITING")
    return `${ctx.style.yellow("…")} ${run.workflow} run ${run.runId} waits for approval at ${run.waiting?.state} until ${run.waiting?.expiresAt}.\n  Next: ${decisionCommand("approve", run.runId, state)}  (or: ${decisionCommand("reject", run.runId, state)} --comment "why")\n`;
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
