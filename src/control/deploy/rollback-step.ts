import { applyPlan } from "../../engine/apply.ts";
import { applyFailure } from "../../engine/apply-failure.ts";
import { typesOf } from "../../engine/handler-registry.ts";
import { createPlan } from "../../engine/plan.ts";
import { graphOfCheckpoint, graphOfPlan } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { withLock } from "../../engine/with-lock.ts";
import type { StateKey } from "../../state/types.ts";
import { loadWorkingState } from "../../state/working-state.ts";
import { lockRequest } from "./apply-step.ts";
import type { CheckpointOutput, PlanOutput, RollbackOutput, StepInput } from "./contracts.ts";
import type { EngineDependencies } from "./deploy-dependencies.ts";
import { RollbackFailedError } from "./errors.ts";
import { getJson, putJson, runArtifact } from "./run-artifacts.ts";

export interface RollbackStepInput extends StepInput {
  checkpoint: CheckpointOutput;
  /** The plan whose apply failed: where the environment is (region, role). */
  plan: PlanOutput;
}

/**
 * After a failed apply, when the request asked for it: plans from the environment as it is now back
 * to the checkpoint (the version the failed apply started from; before the first version, nothing)
 * and applies that plan under the lock; its per-resource result is kept beside the failed apply's.
 */
export async function rollbackStep(
  input: RollbackStepInput,
  deps: EngineDependencies,
): Promise<RollbackOutput> {
  const key: StateKey = { app: input.app, env: input.env };
  const failed = await getJson<Plan>(deps.artifacts, input.plan.plan);
  const workflow = "deploy";
  const lock = lockRequest(input.principal, "apply", input.runId);
  const { plan, result } = await withLock(deps.store, key, lock, async () => {
    const working = await loadWorkingState(deps.store, key);
    const target =
      input.checkpoint.version > 0
        ? await deps.store.readCheckpoint(key, input.checkpoint.version)
        : undefined;
    const graph = target ? graphOfCheckpoint(target) : graphOfPlan(failed);
    const handlers = await deps.resources(typesOf(graph.nodes, working), input.plan);
    const common = {
      handlers,
      ...(deps.parallelism ? { parallelism: deps.parallelism } : {}),
      ...(deps.variables ? { variables: deps.variables } : {}),
    };
    const plan = await createPlan({
      graph,
      working,
      command: target ? "apply" : "destroy",
      now: deps.now,
      ...common,
    });
    const result = await applyPlan({
      plan,
      store: deps.store,
      actor: { principal: input.principal, trigger: `workflow:${workflow}` },
      run: { runId: input.runId, step: "RollBack" },
      ...(deps.onEngineEvent ? { onEvent: deps.onEngineEvent } : {}),
      now: deps.now,
      ...common,
    });
    return { plan, result };
  });
  await putJson(deps.artifacts, runArtifact(input.runId, "rollback-result.json"), result);
  const failure = applyFailure(plan, result);
  if (failure)
    throw new RollbackFailedError(`Rolling back to version ${input.checkpoint.version}: ${failure.message}`, {
      hint: failure.hint,
    });
  return { version: result.version };
}
