import type { Plan } from "../../engine/plan-types.ts";
import { loadWorkingState } from "../../state/working-state.ts";
import { StoreTargetSource } from "../target-records.ts";
import { checkPlanCurrentOrLocked } from "./check-plan-current.ts";
import type { CheckpointOutput, CodegenOutput, PlanOutput, StepInput } from "./contracts.ts";
import type { StepDependencies } from "./deploy-dependencies.ts";
import { recordStep } from "./record-step.ts";
import { getJson } from "./run-artifacts.ts";

export interface CheckpointStepInput extends StepInput {
  plan: PlanOutput;
  /** The deploy's codegen output: its spec becomes the environment's scan target. */
  codegen?: CodegenOutput;
}

/**
 * The last step before anything changes. applyPlan writes the new version itself, so what is left to
 * checkpoint is the rollback point: the version the plan was made on, which must still be the
 * environment's current state (an approval may have waited a day; a plan made on older state is
 * refused here, before the apply takes the lock). It is recorded in the audit trail, and a deploy
 * registers the environment, with the spec it deploys, as a target of scheduled scans.
 */
export async function checkpointStep(
  input: CheckpointStepInput,
  deps: StepDependencies,
): Promise<CheckpointOutput> {
  const key = { app: input.app, env: input.env };
  const plan = await getJson<Plan>(deps.artifacts, input.plan.plan);
  await checkPlanCurrentOrLocked(plan, await loadWorkingState(deps.store, key), deps.store, key);
  if (input.codegen)
    await new StoreTargetSource(deps.store).register({ ...key, spec: input.codegen.spec.key });
  await recordStep(
    input,
    {
      workflow: plan.command === "destroy" ? "destroy" : "deploy",
      step: "Checkpoint",
      detail: { rollbackTo: plan.baseVersion, planHash: plan.hash },
    },
    deps,
  );
  return { version: plan.baseVersion };
}
