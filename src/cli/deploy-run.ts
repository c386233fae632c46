import { basename, dirname, relative } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { ArtifactNotFoundError, type ArtifactStore } from "../artifacts/artifact-store.ts";
import { auditOfRun } from "../control/audit-trail.ts";
import { resultKey } from "../control/deploy/apply-step.ts";
import { runArtifact } from "../control/deploy/run-artifacts.ts";
import type { ApplyResult } from "../engine/apply.ts";
import { applyFailure } from "../engine/apply-failure.ts";
import { NotConfirmedError } from "../engine/errors.ts";
import type { Plan } from "../engine/plan-types.ts";
import { InputError, PlinthError } from "../errors.ts";
import type { RunRecord } from "../runtime/run-store.ts";
import type { AuditRecord } from "../state/types.ts";
import { controlPlaneFor, decisionCommand } from "./control-plane.ts";
import { type DeployContext, progressPrinter } from "./deploy-context.ts";
import { EXIT } from "./exit-codes.ts";
import type { CliIO } from "./io.ts";
import { renderPlan } from "./render-plan.ts";

export interface DeployRunOptions {
  autoApprove?: boolean;
  rollbackOnFailure?: boolean;
  refresh?: boolean;
  /** How long to wait for an environment's approval (`90s`, `30m`, `2h`); default: until it expires. */
  wait?: string;
  /** The --state the user gave, to repeat it in the commands we print. */
  state?: string;
}

type LocalPlane = ReturnType<typeof controlPlaneFor>;

/** How often a waiting apply looks at its run: cheap locally, one GetItem in DynamoDB. */
const POLL_MS = 500;

/**
 * `plinth apply` and `plinth destroy` as the cloud runs them: a DeployRequested (DestroyRequested)
 * event on the local bus starts the workflow embedded, through the same handlers as the Lambda
 * functions. The plan is shown as it is made; the requester's own confirmation, when asked for, is
 * the run's approval step (answered here); an environment that requires approval waits for
 * `plinth approve` from anyone, anywhere the state is (the run store is the meeting point). At a
 * terminal each finished step is shown too; in logs stderr stays for the one-sentence error.
 */
export async function runDeployWorkflow(
  io: CliIO,
  d: DeployContext,
  options: DeployRunOptions,
  command: "apply" | "destroy",
  saved?: Plan,
): Promise<number> {
  const { ctx } = d;
  const confirm = !options.autoApprove && !saved && !d.spec.approval;
  if (confirm && (!io.prompt || ctx.json))
    throw new NotConfirmedError(
      `plinth ${command} needs a confirmation and there is no terminal to ask; nothing was changed.`,
      { hint: "Review `plinth plan`, then run again with --auto-approve (or apply a saved plan file)." },
    );
  const waitMs = parseDuration(options.wait);
  const plane = controlPlaneFor(
    ctx,
    {
      ...(d.localDir ? { stateDir: d.localDir } : {}),
      store: d.store,
      artifacts: d.artifacts,
      documents: d.documents,
      targetsRoot: dirname(d.specPath),
      resources: d.resources,
      engine: {
        variables: d.variables,
        parallelism: d.parallelism,
        onPlan: (plan) => {
          if (!ctx.json) io.stdout(renderPlan(plan, ctx.style));
        },
        onEngineEvent: progressPrinter(io, ctx),
      },
    },
    io.isTTY ? "work" : "none",
  );
  const planRef = saved
    ? await d.artifacts.put(`plans/${saved.hash.replace(/^sha256:/, "")}.json`, JSON.stringify(saved))
    : undefined;
  const { deliveries } = await plane.bus.put({
    source: "plinth.operator",
    "detail-type": command === "destroy" ? "DestroyRequested" : "DeployRequested",
    detail: {
      app: d.key.app,
      env: d.key.env,
      principal: d.actor.principal,
      spec: basename(d.specPath),
      ...(confirm ? { confirm: true } : {}),
      ...(options.refresh ? { refresh: true } : {}),
      ...(options.rollbackOnFailure ? { rollbackOnFailure: true } : {}),
      ...(planRef ? { plan: planRef } : {}),
    },
  });
  const runId = deliveries[0]?.runId as string;
  let run = (await plane.runs.get(runId)) as RunRecord;
  if (run.status === "WAITING")
    run = confirm
      ? await confirmRun(io, d, plane, run, command)
      : await waitForApproval(io, d, plane, run, waitMs, options.state);
  return report(io, d, plane, run, command, options.state);
}

/** The requester's own `yes`, given as the run's approval (or its rejection, and nothing changes). */
async function confirmRun(
  io: CliIO,
  d: DeployContext,
  plane: LocalPlane,
  run: RunRecord,
  command: "apply" | "destroy",
): Promise<RunRecord> {
  const question =
    command === "destroy"
      ? `\nDo you really want to destroy every resource of ${d.key.app}/${d.key.env}? Only 'yes' will be accepted: `
      : `\nDo you want to perform these actions in ${d.key.app}/${d.key.env}? Only 'yes' will be accepted: `;
  const approved = (await (io.prompt as (q: string) => Promise<string>)(question)).trim() === "yes";
  const pending = await plane.approvals.get(run.runId);
  const decided = await plane.runner.resume(run.runId, {
    approved,
    principal: d.actor.principal,
    ...(approved ? {} : { comment: "the answer at the prompt was not `yes`" }),
    ...(pending ? { token: pending.token } : {}),
  });
  await plane.approvals.delete(run.runId);
  if (!approved)
    throw new NotConfirmedError(`${command} cancelled: the answer was not \`yes\`; nothing was changed.`);
  return decided;
}

/**
 * Waits while the run waits for someone's `plinth approve`: it finishes (or fails) in the approver's
 * process, and this one reports it. Past the approval's timeout the run is failed here with
 * States.Timeout; past --wait, or on Ctrl-C, this process stops waiting and the run keeps waiting.
 */
async function waitForApproval(
  io: CliIO,
  d: DeployContext,
  plane: LocalPlane,
  run: RunRecord,
  waitMs: number | undefined,
  state: string | undefined,
): Promise<RunRecord> {
  const now = () => (io.now?.() ?? new Date()).getTime();
  const expiresAt = run.waiting?.expiresAt as string;
  const stateArg = stateOption(io, d, state);
  if (d.ctx.json)
    io.stderr(
      `${JSON.stringify({ at: new Date(now()).toISOString(), type: "run.waiting", runId: run.runId, expiresAt, approve: decisionCommand("approve", run.runId, stateArg) })}\n`,
    );
  else
    io.stderr(
      `${d.ctx.style.yellow("…")} ${d.key.app}/${d.key.env} requires an approval: run ${run.runId} waits until ${expiresAt}.\n  Approve: ${decisionCommand("approve", run.runId, stateArg)}\n  Reject:  ${decisionCommand("reject", run.runId, stateArg)} --comment "why"\nWaiting for the decision (Ctrl-C stops waiting; the run keeps waiting)…\n`,
    );
  const giveUp = waitMs === undefined ? Number.POSITIVE_INFINITY : now() + waitMs;
  let current = run;
  while (current.status === "WAITING" || current.status === "RUNNING") {
    // Once approved, the approver's process applies: this one waits for it, unless stopped.
    if (io.signal?.aborted || (current.status === "WAITING" && now() >= giveUp)) return current;
    if (current.status === "WAITING" && now() >= Date.parse(expiresAt)) await plane.runner.expireApprovals();
    else await sleep(POLL_MS, undefined, { signal: io.signal }).catch(() => undefined);
    current = (await plane.runs.get(run.runId)) ?? current;
  }
  return current;
}

/** What happened, as apply and destroy have always reported it; a failed step as its recorded error. */
async function report(
  io: CliIO,
  d: DeployContext,
  plane: LocalPlane,
  run: RunRecord,
  command: "apply" | "destroy",
  state: string | undefined,
): Promise<number> {
  const { ctx } = d;
  const plan = await readJson<Plan>(plane.artifacts, runArtifact(run.runId, "plan.json"));
  const result = await readJson<ApplyResult>(plane.artifacts, resultKey(run.runId));
  if (run.status === "WAITING" || run.status === "RUNNING") {
    if (ctx.json) io.stdout(`${JSON.stringify(resultJson(d, run, plan, undefined, "waiting"), null, 2)}\n`);
    else if (run.status === "WAITING")
      io.stdout(
        `Run ${run.runId} still waits for approval; it applies when someone runs \`${decisionCommand("approve", run.runId, stateOption(io, d, state))}\`.\n`,
      );
    else io.stdout(`Run ${run.runId} was approved and is being applied by the process that approved it.\n`);
    return EXIT.attention;
  }
  if (plan && result) printApplied(io, d, run, plan, result);
  else if (ctx.json && run.status === "SUCCEEDED")
    io.stdout(`${JSON.stringify(resultJson(d, run, plan, undefined), null, 2)}\n`);
  if (run.status === "SUCCEEDED") return EXIT.ok;
  const records = await auditOfRun(d.store, d.key, run.runId);
  const failure = (plan && result && applyFailure(plan, result)) || recordedFailure(records, d, command);
  // Nothing printed yet: the failure is the command's error (with --json, its error document).
  if (!(plan && result)) throw failure;
  io.stderr(`${ctx.style.red("error")}: ${failure.describe()}\n`);
  const rollback = records.filter((r) => r.detail?.error).at(-1)?.detail?.rollback as
    | { version?: number; error?: { message: string } }
    | undefined;
  if (rollback?.version !== undefined)
    io.stderr(`Rolled back to the checkpoint as requested: state version ${rollback.version}.\n`);
  else if (rollback?.error)
    io.stderr(`${ctx.style.red("error")}: the rollback failed too: ${rollback.error.message}\n`);
  return EXIT.error;
}

/** Per resource (--json) or the summary and the outputs (people), as apply has always reported them. */
function printApplied(io: CliIO, d: DeployContext, run: RunRecord, plan: Plan, result: ApplyResult): void {
  const { ctx } = d;
  if (ctx.json) {
    io.stdout(`${JSON.stringify(resultJson(d, run, plan, result), null, 2)}\n`);
    return;
  }
  const done = result.results.filter((r) => r.status === "done");
  const count = (action: string) => done.filter((r) => r.action === action).length;
  const summary = `${count("create") + count("replace")} added, ${count("update")} changed, ${count("delete") + count("replace")} destroyed`;
  if (result.outcome !== "failed")
    io.stdout(
      `\n${ctx.style.green(`${plan.command === "destroy" ? "Destroy" : "Apply"} complete!`)} Resources: ${summary} in ${(result.durationMs / 1000).toFixed(1)}s; state version ${result.version}.\n`,
    );
  for (const [name, value] of Object.entries(result.outputs))
    io.stdout(`${name} = ${typeof value === "string" ? value : JSON.stringify(value)}\n`);
}

/** The failure the run recorded (record-failure's audit record), as the error this command ends with. */
function recordedFailure(records: AuditRecord[], d: DeployContext, command: string): PlinthError {
  const record = records.filter((r) => r.detail?.error).at(-1);
  const error = record?.detail?.error as { name: string; message: string } | undefined;
  if (!error) return new PlinthError(`The ${command} run failed without a failure record.`);
  const file = relative(d.ctx.io.cwd, d.specPath) || "plinth.yaml";
  const hints: Record<string, string> = {
    PolicyViolationsError: `Every finding and its fix: plinth policy check ${file} --env ${d.key.env}.`,
    BudgetExceededError: `The estimate line by line: plinth cost -f ${file} --env ${d.key.env}.`,
  };
  const failed = new PlinthError(error.message, { hint: hints[error.name] });
  failed.name = error.name;
  return failed;
}

function resultJson(
  d: DeployContext,
  run: RunRecord,
  plan: Plan | undefined,
  result: ApplyResult | undefined,
  outcome?: "waiting",
) {
  return {
    command: plan?.command ?? (run.workflow === "destroy" ? "destroy" : "apply"),
    app: d.key.app,
    env: d.key.env,
    runId: run.runId,
    planHash: plan?.hash,
    baseVersion: plan?.baseVersion ?? 0,
    summary: plan?.summary ?? { create: 0, update: 0, replace: 0, delete: 0 },
    outcome: outcome ?? result?.outcome ?? "unchanged",
    version: result?.version ?? plan?.baseVersion ?? 0,
    durationMs: result?.durationMs ?? 0,
    results: result?.results ?? [],
    outputs: result?.outputs ?? {},
  };
}

async function readJson<T>(artifacts: ArtifactStore, key: string): Promise<T | undefined> {
  try {
    return JSON.parse(new TextDecoder().decode(await artifacts.get(key))) as T;
  } catch (error) {
    if (error instanceof ArtifactNotFoundError) return undefined;
    throw error;
  }
}

/** The --state to repeat in printed commands: what the user gave, or the spec's .plinth if not here. */
function stateOption(io: CliIO, d: DeployContext, state: string | undefined): string | undefined {
  if (state || !d.localDir) return state;
  const shown = relative(io.cwd, d.localDir);
  return shown === ".plinth" ? undefined : shown || d.localDir;
}

/** `90s`, `30m`, `2h` or plain seconds. */
export function parseDuration(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)(s|m|h)?$/.exec(value.trim());
  if (!match)
    throw new InputError(`--wait takes a duration like 90s, 30m or 2h, not \`${value.slice(0, 40)}\`.`);
  return Number(match[1]) * { s: 1000, m: 60_000, h: 3_600_000 }[(match[2] ?? "s") as "s" | "m" | "h"];
}
