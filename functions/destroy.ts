import middy from "@middy/core";
import { Input, Output } from "../schemas/generated/handlers/destroy.validate.js";
import { type ApplyStepInput, applyStep } from "../src/control/deploy/apply-step.ts";
import type { ApplyOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { describedErrors, lazy, validInput, validOutput } from "./middleware.ts";

/** The destroy workflow's apply: destroy plans only; the scan target goes once done. */
export function createDestroyHandler(deps: () => EngineDependencies) {
  return middy<ApplyStepInput, ApplyOutput>()
    .use(describedErrors())
    .use(validInput(Input, "destroy"))
    .use(validOutput(Output, "destroy"))
    .handler((input) => applyStep(input, deps(), "Destroy"));
}

export const handler = createDestroyHandler(lazy(() => engineDependencies(readConfig())));
