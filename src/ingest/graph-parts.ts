import { cloudOfType } from "../catalog/provider-schemas.ts";
import type { Cloud, ResourceNode } from "../model/graph.ts";

/** The cloud most of the nodes belong to (a configuration may mix providers); AWS when none do. */
export function dominantCloud(nodes: ReadonlyArray<ResourceNode>): Cloud {
  const counts = new Map<Cloud, number>();
  for (const node of nodes) {
    const cloud = cloudOfType(node.type);
    if (cloud) counts.set(cloud, (counts.get(cloud) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "aws";
}

/** Nodes in address order, as every graph keeps them (code-point order, not locale order). */
export function sortByAddress(nodes: ResourceNode[]): ResourceNode[] {
  return nodes.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
