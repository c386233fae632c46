import { dependencyOrder, edgesOf, type ResourceGraph } from "./graph.ts";
import { encodeValue } from "./value.ts";

export type GraphFormat = "text" | "dot" | "mermaid" | "json";
export const GRAPH_FORMATS: ReadonlyArray<GraphFormat> = ["text", "dot", "mermaid", "json"];

/** The dependency graph in a format for people (text), Graphviz (dot), Markdown (mermaid) or tools. */
export function renderGraph(graph: ResourceGraph, format: GraphFormat): string {
  switch (format) {
    case "text":
      return renderText(graph);
    case "dot":
      return renderDot(graph);
    case "mermaid":
      return renderMermaid(graph);
    case "json":
      return `${JSON.stringify(graphJson(graph), null, 2)}\n`;
  }
}

export function graphJson(graph: ResourceGraph) {
  return {
    app: graph.app,
    env: graph.env,
    cloud: graph.cloud,
    region: graph.region,
    nodes: graph.nodes.map((n) => ({
      address: n.address,
      type: n.type,
      name: n.name,
      ...(n.component ? { component: n.component } : {}),
      ...(n.source ? { source: n.source } : {}),
      properties: encodeValue(n.properties),
      dependsOn: n.dependsOn,
    })),
    edges: edgesOf(graph),
    variables: graph.variables,
    outputs: graph.outputs.map((o) => ({ name: o.name, value: encodeValue(o.value) })),
  };
}

/** Resources in apply order, each with what it waits for. */
function renderText(graph: ResourceGraph): string {
  const dependencies = new Map<string, string[]>();
  for (const edge of edgesOf(graph))
    dependencies.set(edge.from, [...(dependencies.get(edge.from) ?? []), edge.to]);
  const lines = [
    `${graph.app} (${graph.env}) on ${graph.cloud} ${graph.region}: ${graph.nodes.length} resources, in apply order`,
  ];
  for (const node of dependencyOrder(graph)) {
    const deps = dependencies.get(node.address) ?? [];
    lines.push(`  ${node.address}${deps.length > 0 ? `  ← ${deps.join(", ")}` : ""}`);
  }
  return `${lines.join("\n")}\n`;
}

function renderDot(graph: ResourceGraph): string {
  const quote = (text: string) => `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  const lines = [
    `digraph ${quote(`${graph.app}-${graph.env}`)} {`,
    "  rankdir=LR;",
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
  ];
  const byComponent = groupByComponent(graph);
  for (const [component, addresses] of byComponent) {
    if (component === undefined) {
      for (const address of addresses) lines.push(`  ${quote(address)};`);
      continue;
    }
    lines.push(`  subgraph ${quote(`cluster_${component}`)} {`, `    label=${quote(component)};`);
    for (const address of addresses) lines.push(`    ${quote(address)};`);
    lines.push("  }");
  }
  for (const edge of edgesOf(graph)) {
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)}${edge.kind === "explicit" ? " [style=dashed]" : ""};`,
    );
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

function renderMermaid(graph: ResourceGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.address, `n${i}`]));
  const label = (text: string) => `"${text.replaceAll('"', "#quot;")}"`;
  const lines = ["flowchart LR"];
  for (const [component, addresses] of groupByComponent(graph)) {
    const indent = component === undefined ? "  " : "    ";
    if (component !== undefined)
      lines.push(`  subgraph ${component.replaceAll("-", "_")}[${label(component)}]`);
    for (const address of addresses) lines.push(`${indent}${ids.get(address)}[${label(address)}]`);
    if (component !== undefined) lines.push("  end");
  }
  for (const edge of edgesOf(graph)) {
    lines.push(
      `  ${ids.get(edge.from)} ${edge.kind === "explicit" ? "-.->" : "-->"} ${ids.get(edge.to) ?? label(edge.to)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function groupByComponent(graph: ResourceGraph): Map<string | undefined, string[]> {
  const groups = new Map<string | undefined, string[]>();
  for (const node of graph.nodes)
    groups.set(node.component, [...(groups.get(node.component) ?? []), node.address]);
  return groups;
}
