import type { ValueObject } from "../../../model/value.ts";
import {
  blocks,
  type CostContext,
  type CostFunction,
  hourly,
  num,
  type SubresourceSpec,
  str,
  unknownPrice,
  usageNumber,
} from "../../cost-components.ts";
import { managedDiskLines } from "../managed-disk/cost.ts";

/**
 * A node pool's lines: `node_count` (else the autoscaler's `min_count`, else 1) VMs of `vm_size` and
 * their managed OS disks (`os_disk_size_gb`, default 128, Premium SSD); ephemeral OS disks cost nothing.
 */
export function nodePoolLines(
  ctx: CostContext,
  pool: ValueObject | undefined,
  name: string,
): SubresourceSpec {
  const props = pool ?? {};
  const nodes =
    usageNumber(ctx, "nodes") ?? num(ctx, "node_count", props) ?? num(ctx, "min_count", props) ?? 1;
  const size = str(ctx, "vm_size", props);
  const components = size
    ? [
        hourly(
          `Nodes (×${nodes}, Linux, pay as you go, ${size})`,
          {
            service: "VirtualMachines",
            key: str(ctx, "os_type", props) === "Windows" ? `${size}/windows` : size,
          },
          nodes,
        ),
      ]
    : [unknownPrice("Nodes", "hours", "vm_size is only known after apply")];
  if (str(ctx, "os_disk_type", props) !== "Ephemeral") {
    const diskLines = managedDiskLines(
      ctx,
      "Premium_LRS",
      num(ctx, "os_disk_size_gb", props) ?? 128,
      nodes,
      `OS disks (×${nodes})`,
    );
    components.push(...diskLines);
  }
  return { name, components };
}

/**
 * azurerm_kubernetes_cluster: the Standard and Premium tiers' uptime SLA by the hour (the Free tier
 * has none) and the default node pool.
 */
export const kubernetesClusterCost: CostFunction = (ctx) => {
  const tier = str(ctx, "sku_tier") ?? "Free";
  return {
    components:
      tier === "Free"
        ? []
        : [
            hourly(`Cluster management (${tier} tier)`, {
              service: "AKS",
              key: `${tier.toLowerCase()}-cluster-hour`,
            }),
          ],
    subresources: [nodePoolLines(ctx, blocks(ctx, "default_node_pool")[0], "default_node_pool")],
  };
};
