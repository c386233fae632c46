import * as contract from "../schemas/generated/handlers/checkpoint.validate.js";
import { type CheckpointStepInput, checkpointStep } from "../src/control/deploy/checkpoint-step.ts";
import type { CheckpointOutput } from "../src/control/deploy/contracts.ts";
import type { StepDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { artifactStore } from "./aws/artifacts.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** The rollback point, checked current and audited; the environment registered for scans. */
export function createCheckpointHandler(deps: Provide<StepDependencies>) {
  return stepHandler<CheckpointStepInput, CheckpointOutput>("checkpoint", contract, async (input) =>
    checkpointStep(input, await deps()),
  );
}

export const handler = createCheckpointHandler(
  lazy(async () => {
    const config = readConfig();
    return { store: await stateStore(config), artifacts: await artifactStore(config), now };
  }),
);
