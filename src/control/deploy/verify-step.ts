import { typesOf } from "../../engine/handler-registry.ts";
import { nodesOfPlan } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { verifyApply } from "../../engine/verify.ts";
import { loadWorkingState } from "../../state/working-state.ts";
import type { ApplyOutput, PlanOutput, StepInput, VerifyOutput } from "./contracts.ts";
import type { EngineDependencies } from "./deploy-dependencies.ts";
import { VerificationFailedError } from "./errors.ts";
import { recordStep } from "./record-step.ts";
import { getJson } from "./run-artifacts.ts";

export interface VerifyStepInput extends StepInput {
  plan: PlanOutput;
  apply: ApplyOutput;
}

/**
 * Reads every resource of the plan back from the cloud and checks nothing is left to change: what was
 * applied is what is there. A difference fails the step (VerificationFailedError, naming them).
 */
export async function verifyStep(input: VerifyStepInput, deps: EngineDependencies): Promise<VerifyOutput> {
  const plan = await getJson<Plan>(deps.artifacts, input.plan.plan);
  const working = await loadWorkingState(deps.store, { app: input.app, env: input.env });
  const handlers = await deps.resources(typesOf(nodesOfPlan(plan), working), input.plan);
  const { converged, differences } = await verifyApply(plan, deps.store, handlers, deps.parallelism);
  if (!converged) {
    const named = differences.slice(0, 5).map((d) => `${d.address} (${d.action})`);
    throw new VerificationFailedError(
      `After applying version ${input.apply.version}, ${differences.length} resource${differences.length === 1 ? "" : "s"} still differ${differences.length === 1 ? "s" : ""} from the plan: ${named.join(", ")}${differences.length > 5 ? ", …" : ""}.`,
      {
        hint: "Something changed them meanwhile, or the cloud did not take a setting: run `plinth plan --refresh`.",
      },
    );
  }
  await recordStep(
    input,
    {
      workflow: plan.command === "destroy" ? "destroy" : "deploy",
      step: "Verify",
      detail: { version: input.apply.version, resources: plan.nodes.length },
    },
    deps,
  );
  return { verified: true, drifted: 0 };
}
