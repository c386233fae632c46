import { StalePlanError } from "../../engine/errors.ts";
import { checkPlanIsCurrent } from "../../engine/plan-file.ts";
import type { Plan } from "../../engine/plan-types.ts";
import { LockHeldError } from "../../state/errors.ts";
import type { StateStore } from "../../state/store.ts";
import type { StateKey } from "../../state/types.ts";
import type { WorkingState } from "../../state/working-state.ts";

/**
 * Refuses a plan made on other state than the environment's current one. The steps before Apply run
 * without the lock, so state can be moving under them because another run is applying; then the
 * lock, naming that run, is the useful answer rather than "your plan is stale".
 */
export async function checkPlanCurrentOrLocked(
  plan: Plan,
  working: WorkingState,
  store: StateStore,
  key: StateKey,
): Promise<void> {
  try {
    checkPlanIsCurrent(plan, working);
  } catch (error) {
    if (!(error instanceof StalePlanError)) throw error;
    const held = await store.readLock(key);
    throw held ? new LockHeldError(key.env, held) : error;
  }
}
