import * as contract from "../schemas/generated/handlers/verify.validate.js";
import type { VerifyOutput } from "../src/control/deploy/contracts.ts";
import type { EngineDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { type VerifyStepInput, verifyStep } from "../src/control/deploy/verify-step.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** Reads every applied resource back; a difference fails the deploy (VerificationFailedError). */
export function createVerifyHandler(deps: Provide<EngineDependencies>) {
  return stepHandler<VerifyStepInput, VerifyOutput>("verify", contract, async (input) =>
    verifyStep(input, await deps()),
  );
}

export const handler = createVerifyHandler(lazy(() => engineDependencies(readConfig())));
