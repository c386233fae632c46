import { Ref } from "../../../model/value.ts";
import { blocks, type CostFunction, num, usageNumber } from "../../cost-components.ts";
import { nodeLines, zonesOf } from "../container-cluster/cost.ts";

/**
 * google_container_node_pool: `node_count` (else the autoscaler's minimum, else `initial_node_count`)
 * nodes in each of the pool's zones; the usage key `nodes` gives the total instead.
 */
export const containerNodePoolCost: CostFunction = (ctx) => {
  const clusterRef = ctx.node.properties.cluster;
  const cluster = clusterRef instanceof Ref ? ctx.lookup(clusterRef.address) : undefined;
  const perZone =
    num(ctx, "node_count") ?? num(ctx, "autoscaling.min_node_count") ?? num(ctx, "initial_node_count") ?? 1;
  const nodes = usageNumber(ctx, "nodes") ?? perZone * zonesOf(ctx, cluster, ctx.node);
  return { components: nodeLines(ctx, blocks(ctx, "node_config")[0], nodes) };
};
