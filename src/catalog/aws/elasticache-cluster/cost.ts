import {
  type ComponentSpec,
  type CostContext,
  type CostFunction,
  hourly,
  num,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/** Cache nodes by the hour at the engine's price for the node type; snapshots beyond one free from usage. */
export function cacheNodeLines(
  ctx: CostContext,
  engine: string,
  nodeType: string | undefined,
  nodes: number,
): ComponentSpec[] {
  const lines: ComponentSpec[] = [
    nodeType
      ? hourly(
          `Cache nodes (${engine}, on-demand, ${nodeType})`,
          { service: "AmazonElastiCache", key: `${engine}/${nodeType}` },
          nodes,
        )
      : unknownPrice(`Cache nodes (${engine})`, "hours", "node_type is only known after apply"),
  ];
  if ((num(ctx, "snapshot_retention_limit") ?? 0) > 0 && engine !== "memcached") {
    lines.push(
      usage(
        "Backup storage",
        "GB",
        { service: "AmazonElastiCache", key: "backup-storage" },
        usageNumber(ctx, "snapshot_storage_size_gb"),
      ),
    );
  }
  return lines;
}

/**
 * aws_elasticache_cluster: `num_cache_nodes` nodes (default 1) of `node_type`. A cluster that belongs to
 * a replication group is priced on the group.
 */
export const elasticacheClusterCost: CostFunction = (ctx) => {
  if (str(ctx, "replication_group_id") !== undefined || ctx.node.properties.replication_group_id) {
    return { components: [] };
  }
  return {
    components: cacheNodeLines(
      ctx,
      str(ctx, "engine") ?? "redis",
      str(ctx, "node_type"),
      num(ctx, "num_cache_nodes") ?? 1,
    ),
  };
};
