import * as contract from "../schemas/generated/handlers/rollback.validate.js";
import type { RollbackOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { type RollbackStepInput, rollbackStep } from "../src/control/deploy/rollback-step.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** After a failed apply, when requested: plans back to the checkpoint and applies it. */
export function createRollbackHandler(deps: Provide<EngineDependencies>) {
  return stepHandler<RollbackStepInput, RollbackOutput>("rollback", contract, async (input) =>
    rollbackStep(input, await deps()),
  );
}

export const handler = createRollbackHandler(lazy(() => engineDependencies(readConfig())));
