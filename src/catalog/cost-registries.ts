import type { Cloud } from "../model/graph.ts";
import { AWS_COSTS } from "./aws/cost.ts";
import { AZURE_COSTS } from "./azure/cost.ts";
import type { CostRegistry } from "./cost-components.ts";
import { GCP_COSTS } from "./gcp/cost.ts";

/** Every cloud's cost modules. */
export const COST_REGISTRIES: Readonly<Record<Cloud, CostRegistry>> = {
  aws: AWS_COSTS,
  gcp: GCP_COSTS,
  azure: AZURE_COSTS,
};
