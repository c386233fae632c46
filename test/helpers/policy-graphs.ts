import type { Cloud, ResourceGraph, ResourceNode } from "../../src/model/graph.ts";
import type { Value } from "../../src/model/value.ts";

/** A Terraform-shaped node as ingestion produces it; the name is the address's local name. */
export function tfNode(
  address: string,
  properties: Record<string, Value>,
  extra: Partial<ResourceNode> = {},
): ResourceNode {
  const parts = address.replace(/\[[^\]]*\]$/, "").split(".");
  return {
    address,
    type: parts[parts.length - 2] as string,
    name: parts[parts.length - 1] as string,
    properties,
    dependsOn: [],
    sensitive: [],
    origin: "terraform",
    source: { file: "main.tf", line: 1, col: 1 },
    ...extra,
  };
}

export function graphWith(nodes: ResourceNode[], cloud: Cloud = "aws"): ResourceGraph {
  return {
    app: "test",
    env: "default",
    cloud,
    region: "us-east-1",
    nodes: [...nodes].sort((a, b) => a.address.localeCompare(b.address)),
    variables: [],
    outputs: [],
  };
}
