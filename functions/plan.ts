import * as contract from "../schemas/generated/handlers/plan.validate.js";
import { ProviderSchemas } from "../src/catalog/provider-schemas.ts";
import type { PlanOutput } from "../src/control/deploy/contracts.ts";
import { type PlanStepDependencies, type PlanStepInput, planStep } from "../src/control/deploy/plan-step.ts";
import { specSource } from "./aws/artifacts.ts";
import { engineDependencies } from "./aws/resources.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** Plans the deploy (or the destroy) against the state table, through the environment's role. */
export function createPlanHandler(deps: Provide<PlanStepDependencies>) {
  return stepHandler<PlanStepInput, PlanOutput>("plan", contract, async (input) =>
    planStep(input, await deps()),
  );
}

export const handler = createPlanHandler(
  lazy(async () => {
    const engine = await engineDependencies(readConfig());
    return { ...engine, specs: specSource(engine.artifacts), schemas: new ProviderSchemas() };
  }),
);
