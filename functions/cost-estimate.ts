import * as contract from "../schemas/generated/handlers/cost-estimate.validate.js";
import type { CostOutput } from "../src/control/deploy/contracts.ts";
import { type CostStepDependencies, type CostStepInput, costStep } from "../src/control/deploy/cost-step.ts";
import { SnapshotPrices } from "../src/cost/prices/snapshot.ts";
import { artifactStore } from "./aws/artifacts.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, type Provide, stepHandler } from "./middleware.ts";

/** The budget gate's data: over budget announces BudgetExceeded; BudgetGate reads `withinBudget`. */
export function createCostEstimateHandler(deps: Provide<CostStepDependencies>) {
  return stepHandler<CostStepInput, CostOutput>("cost-estimate", contract, async (input) =>
    costStep(input, await deps()),
  );
}

export const handler = createCostEstimateHandler(
  lazy(async () => {
    const config = readConfig();
    return {
      store: await stateStore(config),
      artifacts: await artifactStore(config),
      publisher: eventPublisher(config),
      prices: SnapshotPrices.load(config.priceSnapshot),
      now,
    };
  }),
);
