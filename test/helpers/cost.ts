import type { UsageValues } from "../../src/catalog/cost-components.ts";
import { estimateCost } from "../../src/cost/estimate.ts";
import { SnapshotPrices } from "../../src/cost/prices/snapshot.ts";
import type { CostComponent, CostReport, ResourceCost } from "../../src/cost/report.ts";
import { usageSet } from "../../src/cost/usage.ts";
import type { Cloud, ResourceGraph, ResourceNode } from "../../src/model/graph.ts";
import type { Value } from "../../src/model/value.ts";

const snapshot = SnapshotPrices.load();

/** A Terraform-shaped node as ingestion produces it. */
export function node(
  address: string,
  properties: Record<string, Value>,
  extra: Partial<ResourceNode> = {},
): ResourceNode {
  const [type = "", name = ""] = address.split(".");
  return { address, type, name, properties, dependsOn: [], sensitive: [], ...extra };
}

export function graph(cloud: Cloud, region: string, nodes: ResourceNode[]): ResourceGraph {
  return { app: "test", env: "test", cloud, region, nodes, variables: [], outputs: [] };
}

/** Prices nodes with the bundled snapshot and the given usage by address. */
export async function price(
  cloud: Cloud,
  region: string,
  nodes: ResourceNode[],
  usage: Record<string, UsageValues> = {},
): Promise<CostReport> {
  return estimateCost([graph(cloud, region, nodes)], {
    prices: snapshot,
    usage: usageSet({ resources: usage as Record<string, Record<string, unknown>>, types: {} }),
  });
}

export function resource(report: CostReport, address: string): ResourceCost {
  const found = report.resources.find((r) => r.address === address);
  if (!found)
    throw new Error(`${address} not in the report: ${report.resources.map((r) => r.address).join(", ")}`);
  return found;
}

/** The line whose name starts with `prefix`, in the resource or its subresources. */
export function line(r: ResourceCost, prefix: string): CostComponent {
  const all = [...r.components, ...r.subresources.flatMap((s) => s.components)];
  const found = all.find((c) => c.name.startsWith(prefix));
  if (!found) throw new Error(`no line ${prefix} in ${r.address}: ${all.map((c) => c.name).join(" | ")}`);
  return found;
}

/** Money compared to a millionth, as the report rounds it. */
export function money(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
