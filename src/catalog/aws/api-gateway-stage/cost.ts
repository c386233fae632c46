import { bool, type CostFunction, hourly, str, unknownPrice } from "../../cost-components.ts";

/** The stage cache sizes API Gateway offers, in GB, as `cache_cluster_size` spells them. */
const CACHE_SIZES = new Set(["0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237"]);

/** aws_api_gateway_stage: the stage's cache by the hour when `cache_cluster_enabled` (other stages are free). */
export const apiGatewayStageCost: CostFunction = (ctx) => {
  if (!bool(ctx, "cache_cluster_enabled")) return { components: [] };
  const size = str(ctx, "cache_cluster_size") ?? "0.5";
  return {
    components: [
      CACHE_SIZES.has(size)
        ? hourly(`Cache (${size} GB)`, { service: "AmazonApiGateway", key: `cache-${size}gb` })
        : unknownPrice("Cache", "hours", `cache_cluster_size ${size} is not a size API Gateway offers`),
    ],
  };
};
