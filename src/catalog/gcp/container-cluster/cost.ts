import type { ResourceNode } from "../../../model/graph.ts";
import type { ValueObject } from "../../../model/value.ts";
import {
  blocks,
  bool,
  type CostContext,
  type CostFunction,
  hourly,
  num,
  prop,
  str,
  usage,
  usageNumber,
} from "../../cost-components.ts";
import { diskLine, machineLines } from "../compute-instance/cost.ts";

/** Zones a regional GKE cluster spreads its nodes over when `node_locations` does not say. */
const DEFAULT_REGIONAL_ZONES = 3;

/** How many zones a cluster's node pools run in: its node locations, else 1 (zonal) or 3 (regional). */
export function zonesOf(ctx: CostContext, cluster: ResourceNode | undefined, pool?: ResourceNode): number {
  for (const node of [pool, cluster]) {
    const locations = node ? prop(ctx, "node_locations", node.properties) : undefined;
    if (Array.isArray(locations) && locations.length > 0) return locations.length;
  }
  const location = cluster ? prop(ctx, "location", cluster.properties) : undefined;
  return typeof location === "string" && /-[a-z]$/.test(location) ? 1 : DEFAULT_REGIONAL_ZONES;
}

/** `count` nodes per zone × zones of a node config: machine hours (default e2-medium) and boot disks. */
export function nodeLines(ctx: CostContext, config: ValueObject | undefined, nodes: number) {
  const props = config ?? {};
  const machineType = str(ctx, "machine_type", props) ?? "e2-medium";
  const diskType = str(ctx, "disk_type", props) ?? "pd-balanced";
  return [
    ...machineLines(ctx, machineType, nodes, `Nodes (×${nodes})`),
    diskLine(`Node boot disks (×${nodes})`, diskType, num(ctx, "disk_size_gb", props) ?? 100, nodes),
  ];
}

/**
 * google_container_cluster: the cluster management fee by the hour (the free tier's one zonal cluster
 * per billing account is not subtracted), Autopilot pod resources from usage, and the default node pool
 * unless `remove_default_node_pool` is set.
 */
export const containerClusterCost: CostFunction = (ctx) => {
  const components = [hourly("Cluster management fee", { service: "GKE", key: "cluster-management-hour" })];
  if (bool(ctx, "enable_autopilot")) {
    components.push(
      usage(
        "Autopilot pod vCPU",
        "vCPU-hours",
        { service: "GKE", key: "autopilot-vcpu-hour" },
        usageNumber(ctx, "monthly_vcpu_hrs"),
      ),
    );
    components.push(
      usage(
        "Autopilot pod memory",
        "GB-hours",
        { service: "GKE", key: "autopilot-gb-hour" },
        usageNumber(ctx, "monthly_gb_hrs"),
      ),
    );
    return { components };
  }
  if (bool(ctx, "remove_default_node_pool")) return { components };
  const perZone = num(ctx, "initial_node_count") ?? 1;
  const nodes = usageNumber(ctx, "nodes") ?? perZone * zonesOf(ctx, ctx.node);
  return {
    components,
    subresources: [
      { name: "default_node_pool", components: nodeLines(ctx, blocks(ctx, "node_config")[0], nodes) },
    ],
  };
};
