import { type CostFunction, num, str } from "../../cost-components.ts";
import { cacheNodeLines } from "../elasticache-cluster/cost.ts";

/**
 * aws_elasticache_replication_group: `num_cache_clusters` nodes, or in cluster mode `num_node_groups`
 * shards of one primary and `replicas_per_node_group` replicas each.
 */
export const elasticacheReplicationGroupCost: CostFunction = (ctx) => {
  const shards = num(ctx, "num_node_groups");
  const nodes =
    num(ctx, "num_cache_clusters") ??
    num(ctx, "number_cache_clusters") ??
    (shards !== undefined || num(ctx, "replicas_per_node_group") !== undefined
      ? (shards ?? 1) * ((num(ctx, "replicas_per_node_group") ?? 0) + 1)
      : 1);
  return { components: cacheNodeLines(ctx, str(ctx, "engine") ?? "redis", str(ctx, "node_type"), nodes) };
};
