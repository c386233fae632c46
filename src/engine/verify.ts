import type { StateStore } from "../state/store.ts";
import { loadWorkingState } from "../state/working-state.ts";
import { createPlan } from "./plan.ts";
import { graphOfPlan } from "./plan-file.ts";
import type { Plan, PlannedChange } from "./plan-types.ts";
import type { HandlerRegistry } from "./resource-handler.ts";

export interface VerifyResult {
  /** Every resource of the plan exists in the cloud as applied. */
  converged: boolean;
  /** What a refreshed plan would still change (empty when converged). */
  differences: PlannedChange[];
}

/** After an apply: reads every resource from the cloud and checks nothing is left to change. */
export async function verifyApply(
  plan: Plan,
  store: StateStore,
  handlers: HandlerRegistry,
  parallelism = 10,
): Promise<VerifyResult> {
  const working = await loadWorkingState(store, { app: plan.app, env: plan.env });
  const check = await createPlan({
    graph: graphOfPlan(plan),
    working,
    handlers,
    command: plan.command,
    refresh: true,
    parallelism,
  });
  const differences = check.changes.filter((c) => c.action !== "no-op");
  return { converged: differences.length === 0, differences };
}
