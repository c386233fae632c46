import { hostname } from "node:os";
import { type ApplyResult, applyPlan } from "../../engine/apply.ts";
import { applyFailure } from "../../engine/apply-failure.ts";
import { InvalidPlanError } from "../../engine/errors.ts";
import { typesOf } from "../../engine/handler-registry.ts";
import { nodesOfPlan } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { withLock } from "../../engine/with-lock.ts";
import type { StateKey } from "../../state/types.ts";
import { loadWorkingState } from "../../state/working-state.ts";
import { StoreTargetSource } from "../target-records.ts";
import type { ApplyOutput, CheckpointOutput, PlanOutput, StepInput } from "./contracts.ts";
import type { EngineDependencies } from "./deploy-dependencies.ts";
import { getJson, putJson, runArtifact } from "./run-artifacts.ts";

export interface ApplyStepInput extends StepInput {
  plan: PlanOutput;
  checkpoint: CheckpointOutput;
}

/**
 * Applies the run's plan under the environment's lock: the engine journals each resource and writes
 * the new version (and its audit record, with the run id). The per-resource result is kept as an
 * artifact whatever happens; a failed apply throws ApplyFailedError naming the resource. Never retried
 * by the workflow: a second run of the same plan is refused as stale once anything was recorded.
 * `step` is `Apply` (deploy) or `Destroy` (destroy, which refuses anything but a destroy plan).
 */
export async function applyStep(
  input: ApplyStepInput,
  deps: EngineDependencies,
  step: "Apply" | "Destroy",
): Promise<ApplyOutput> {
  const plan = await getJson<Plan>(deps.artifacts, input.plan.plan);
  if (step === "Destroy" && plan.command !== "destroy")
    throw new InvalidPlanError("The destroy workflow applies destroy plans only; nothing was changed.");
  const key: StateKey = { app: input.app, env: input.env };
  const workflow = step === "Destroy" ? "destroy" : "deploy";
  const lock = lockRequest(input.principal, plan.command, input.runId);
  const result = await withLock(deps.store, key, lock, async () => {
    const working = await loadWorkingState(deps.store, key);
    const handlers = await deps.resources(typesOf(nodesOfPlan(plan), working), input.plan);
    return applyPlan({
      plan,
      store: deps.store,
      handlers,
      actor: { principal: input.principal, trigger: `workflow:${workflow}` },
      run: { runId: input.runId, step },
      ...(deps.parallelism ? { parallelism: deps.parallelism } : {}),
      ...(deps.variables ? { variables: deps.variables } : {}),
      ...(deps.onEngineEvent ? { onEvent: deps.onEngineEvent } : {}),
      now: deps.now,
    });
  });
  const stored = await putJson(deps.artifacts, resultKey(input.runId), result);
  const failure = applyFailure(plan, result);
  if (failure) throw failure;
  // Nothing is left to scan in a destroyed environment.
  if (step === "Destroy") await new StoreTargetSource(deps.store).unregister(key);
  return { version: result.version, ...counts(result), result: stored };
}

/** Where a run's per-resource apply result is, found by the CLI whether the run succeeded or not. */
export function resultKey(runId: string): string {
  return runArtifact(runId, "apply-result.json");
}

/** The lock a workflow step holds: who asked, and which run, so a refused apply says both. */
export function lockRequest(principal: string, command: string, runId: string) {
  return {
    holder: `${principal} (pid ${process.pid}, run ${runId})`,
    operation: command,
    host: hostname(),
    pid: process.pid,
  };
}

function counts(result: ApplyResult): { applied: number; deleted: number } {
  const done = result.results.filter((r) => r.status === "done");
  return {
    applied: done.filter((r) => r.action !== "delete").length,
    deleted: done.filter((r) => r.action === "delete" || r.action === "replace").length,
  };
}
