import * as contract from "../schemas/generated/handlers/policy-check.validate.js";
import type { PolicyOutput } from "../src/control/deploy/contracts.ts";
import type { StepDependencies } from "../src/control/deploy/deploy-dependencies.ts";
import { type PolicyStepInput, policyStep } from "../src/control/deploy/policy-step.ts";
import type { EventPublisher } from "../src/events/publisher.ts";
import { artifactStore } from "./aws/artifacts.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** The policy gate's check: blocking failures announce PolicyViolations; PolicyGate reads `passed`. */
export function createPolicyCheckHandler(deps: Provide<StepDependencies & { publisher: EventPublisher }>) {
  return stepHandler<PolicyStepInput, PolicyOutput>("policy-check", contract, async (input) =>
    policyStep(input, await deps()),
  );
}

export const handler = createPolicyCheckHandler(
  lazy(async () => {
    const config = readConfig();
    const artifacts = await artifactStore(config);
    return { store: await stateStore(config), artifacts, publisher: eventPublisher(config), now };
  }),
);
