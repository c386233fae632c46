import * as contract from "../schemas/generated/handlers/destroy.validate.js";
import { type ApplyStepInput, applyStep } from "../src/control/deploy/apply-step.ts";
import type { ApplyOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** The destroy workflow's apply: destroy plans only; the scan target goes once done. */
export function createDestroyHandler(deps: Provide<EngineDependencies>) {
  return stepHandler<ApplyStepInput, ApplyOutput>("destroy", contract, async (input) =>
    applyStep(input, await deps(), "Destroy"),
  );
}

export const handler = createDestroyHandler(lazy(() => engineDependencies(readConfig())));
