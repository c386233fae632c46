import type { CostFunction } from "../../cost-components.ts";
import { nodePoolLines } from "../kubernetes-cluster/cost.ts";

/** azurerm_kubernetes_cluster_node_pool: its nodes and their OS disks. */
export const kubernetesClusterNodePoolCost: CostFunction = (ctx) => ({
  components: nodePoolLines(ctx, ctx.node.properties, "nodes").components,
});
