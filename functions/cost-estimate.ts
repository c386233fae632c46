import * as contract from "../schemas/generated/handlers/cost-estimate.validate.js";
import type { CostOutput } from "../src/control/deploy/contracts.ts";
import { type CostStepDependencies, type CostStepInput, costStep } from "../src/control/deploy/cost-step.ts";
import { SnapshotPrices } from "../src/cost/prices/snapshot.ts";
import { artifactStore } from "./aws/artifacts.ts";
import { eventPublisher } from "./aws/bus.ts";
import { now } from "./aws/clock.ts";
import { stateStore } from "./aws/state.ts";
import { readConfig } from "./config.ts";
import { lazy, stepHandler } from "./middleware.ts";

/** The budget gate's data: over budget announces BudgetExceeded; BudgetGate reads `withinBudget`. */
export function createCostEstimateHandler(deps: () => CostStepDependencies) {
  return stepHandler<CostStepInput, CostOutput>("cost-estimate", contract, (input) =>
    costStep(input, deps()),
  );
}

export const handler = createCostEstimateHandler(
  lazy(() => {
    const config = readConfig();
    return {
      store: stateStore(config),
      artifacts: artifactStore(config),
      publisher: eventPublisher(config),
      prices: SnapshotPrices.load(config.priceSnapshot),
      now,
    };
  }),
);
