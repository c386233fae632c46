import type { ResourceGraph } from "./graph.ts";
import { decodeValue, encodeValue, type Json, type JsonObject, type Value } from "./value.ts";

/**
 * A graph as JSON, losslessly (values in their encodeValue form; sources, directives and sensitive
 * paths kept), so workflow steps pass it between processes through the artifact store.
 */
export function encodeGraph(graph: ResourceGraph): JsonObject {
  return {
    ...graph,
    nodes: graph.nodes.map((node) => ({
      ...node,
      properties: encodeValue(node.properties as Value),
    })),
    outputs: graph.outputs.map((output) => ({ ...output, value: encodeValue(output.value) })),
  } as unknown as JsonObject;
}

export function decodeGraph(json: Json): ResourceGraph {
  const graph = json as unknown as ResourceGraph;
  return {
    ...graph,
    nodes: graph.nodes.map((node) => ({
      ...node,
      properties: decodeValue(
        node.properties as unknown as Json,
      ) as ResourceGraph["nodes"][number]["properties"],
    })),
    outputs: graph.outputs.map((output) => ({ ...output, value: decodeValue(output.value as Json) })),
  };
}
