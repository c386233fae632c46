import middy from "@middy/core";
import * as validators from "../schemas/generated/handlers.validate.js";
import type { VerifyOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { type VerifyStepInput, verifyStep } from "../src/control/deploy/verify-step.ts";
import { engineDependencies } from "./aws-dependencies.ts";
import { readConfig } from "./config.ts";
import { describedErrors, lazy, validInput, validOutput } from "./middleware.ts";

/** Reads every applied resource back; a difference fails the deploy (VerificationFailedError). */
export function createVerifyHandler(deps: () => EngineDependencies) {
  return middy<VerifyStepInput, VerifyOutput>()
    .use(describedErrors())
    .use(validInput(validators.VerifyInput, "verify"))
    .use(validOutput(validators.VerifyOutput, "verify"))
    .handler((input) => verifyStep(input, deps()));
}

export const handler = createVerifyHandler(lazy(() => engineDependencies(readConfig())));
