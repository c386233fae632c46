import * as contract from "../schemas/generated/handlers/apply.validate.js";
import { type ApplyStepInput, applyStep } from "../src/control/deploy/apply-step.ts";
import type { ApplyOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** Applies the run's plan under the lock, through the environment's role. Never retried blindly. */
export function createApplyHandler(deps: Provide<EngineDependencies>) {
  return stepHandler<ApplyStepInput, ApplyOutput>("apply", contract, async (input) =>
    applyStep(input, await deps(), "Apply"),
  );
}

export const handler = createApplyHandler(lazy(() => engineDependencies(readConfig())));
