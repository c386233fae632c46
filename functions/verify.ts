import * as contract from "../schemas/generated/handlers/verify.validate.js";
import type { VerifyOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { type VerifyStepInput, verifyStep } from "../src/control/deploy/verify-step.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { lazy, stepHandler } from "./middleware.ts";

/** Reads every applied resource back; a difference fails the deploy (VerificationFailedError). */
export function createVerifyHandler(deps: () => EngineDependencies) {
  return stepHandler<VerifyStepInput, VerifyOutput>("verify", contract, (input) => verifyStep(input, deps()));
}

export const handler = createVerifyHandler(lazy(() => engineDependencies(readConfig())));
