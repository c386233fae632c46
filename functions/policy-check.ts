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
import { lazy, stepHandler } from "./middleware.ts";

/** The policy gate's check: blocking failures announce PolicyViolations; PolicyGate reads `passed`. */
export function createPolicyCheckHandler(deps: () => StepDependencies & { publisher: EventPublisher }) {
  return stepHandler<PolicyStepInput, PolicyOutput>("policy-check", contract, (input) =>
    policyStep(input, deps()),
  );
}

export const handler = createPolicyCheckHandler(
  lazy(() => {
    const config = readConfig();
    const artifacts = artifactStore(config);
    return { store: stateStore(config), artifacts, publisher: eventPublisher(config), now };
  }),
);
