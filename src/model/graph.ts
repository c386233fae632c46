import type { SourceLocation } from "../errors.ts";
import { type AttributePath, referencesIn, type Value } from "./value.ts";

export type Cloud = "aws" | "gcp" | "azure";
export const CLOUDS: ReadonlyArray<Cloud> = ["aws", "gcp", "azure"];

/** One native resource, named and shaped as Terraform names and shapes it. */
export interface ResourceNode {
  /** Terraform address: `aws_s3_bucket.assets`, `module.x.aws_s3_bucket.y["k"]`. Unique in a graph. */
  address: string;
  /** Terraform resource type of the node's cloud: `aws_s3_bucket`, `google_storage_bucket`… */
  type: string;
  /** The local name in the address (`assets`). */
  name: string;
  properties: Record<string, Value>;
  /** Dependencies that no reference in `properties` expresses. */
  dependsOn: string[];
  /** Attribute paths whose values are secret: shown as (sensitive), never written in clear. */
  sensitive: AttributePath[];
  /** The plinth component that produced it, if any. */
  component?: string;
  /** Where it was declared (plinth.yaml component, .tf block, template resource). */
  source?: SourceLocation;
  /**
   * Where each argument was set, keyed by its path as `formatPath` prints it without the leading dot
   * (`versioning_configuration[0].status`); filled by ingestion so findings point at the line.
   */
  attributeSources?: Record<string, SourceLocation>;
  /** The node's region when it differs from the graph's (a provider alias, a DR-region resource). */
  region?: string;
  /** What the node was read from; absent for plinth specs. */
  origin?: "terraform" | "terraform-plan" | "cloudformation";
  /**
   * Inline directives found in or directly above the node's block (or its module block), raw:
   * `plinth:ignore RULE_ID reason="…" expires=YYYY-MM-DD` without the comment markers. The policy
   * engine parses them; ingestion only collects them with their location.
   */
  directives?: Directive[];
}

/** A `plinth:` comment attached to a resource, as written (comment markers removed). */
export interface Directive {
  text: string;
  location: SourceLocation;
}

export interface GraphVariable {
  name: string;
  type: "string" | "number" | "bool";
  description: string;
  default?: string | number | boolean;
  sensitive?: boolean;
}

export interface GraphOutput {
  name: string;
  value: Value;
  description?: string;
  sensitive?: boolean;
}

/** The resources of one app in one environment on one cloud. */
export interface ResourceGraph {
  app: string;
  env: string;
  cloud: Cloud;
  region: string;
  /** Sorted by address, so every rendering of a graph is deterministic. */
  nodes: ResourceNode[];
  variables: GraphVariable[];
  outputs: GraphOutput[];
}

export interface Edge {
  from: string;
  to: string;
  /** `reference` when a property refers to `to`, `explicit` for dependsOn. */
  kind: "reference" | "explicit";
}

/** Edges point from a resource to what it depends on. */
export function edgesOf(graph: ResourceGraph): Edge[] {
  const edges: Edge[] = [];
  for (const node of graph.nodes) {
    const seen = new Set<string>();
    for (const ref of referencesIn(node.properties)) {
      if (ref.address !== node.address && !seen.has(ref.address)) {
        seen.add(ref.address);
        edges.push({ from: node.address, to: ref.address, kind: "reference" });
      }
    }
    for (const dep of node.dependsOn) {
      if (!seen.has(dep)) {
        seen.add(dep);
        edges.push({ from: node.address, to: dep, kind: "explicit" });
      }
    }
  }
  return edges;
}

/**
 * Resources in an order where every resource comes after what it depends on (Kahn's algorithm; ties
 * keep address order, so the order is deterministic). Throws on a cycle, naming it.
 */
export function dependencyOrder(graph: ResourceGraph): ResourceNode[] {
  return dependencyOrderIndices(graph).map((i) => graph.nodes[i] as ResourceNode);
}

/** `dependencyOrder` as indices into graph.nodes. */
export function dependencyOrderIndices(graph: ResourceGraph): number[] {
  const { nodes } = graph;
  const indexOf = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) indexOf.set((nodes[i] as ResourceNode).address, i);
  // Edges in edgesOf's order, as indices: what each node waits for, and who waits for it.
  const waiting = new Array<number>(nodes.length).fill(0);
  const dependents: number[][] = nodes.map(() => []);
  for (let i = 0; i < nodes.length; i++) {
    for (const address of dependenciesOf(nodes[i] as ResourceNode)) {
      const j = indexOf.get(address);
      if (j === undefined) continue;
      waiting[i] = (waiting[i] as number) + 1;
      (dependents[j] as number[]).push(i);
    }
  }
  const ready: number[] = [];
  for (let i = 0; i < nodes.length; i++) if (waiting[i] === 0) ready.push(i);
  for (let k = 0; k < ready.length; k++) {
    for (const dependent of dependents[ready[k] as number] as number[]) {
      const left = (waiting[dependent] as number) - 1;
      waiting[dependent] = left;
      if (left === 0) ready.push(dependent);
    }
  }
  if (ready.length < nodes.length) {
    const dependencies = new Map<string, string[]>(nodes.map((n) => [n.address, []]));
    for (const edge of edgesOf(graph)) if (indexOf.has(edge.to)) dependencies.get(edge.from)?.push(edge.to);
    throw new Error(`dependency cycle: ${(findCycle(dependencies) ?? []).join(" → ")}`);
  }
  return ready;
}

/** The addresses a node depends on, each once, in edgesOf's order: references first, then dependsOn. */
function dependenciesOf(node: ResourceNode): Set<string> {
  const found = new Set<string>();
  for (const ref of referencesIn(node.properties)) if (ref.address !== node.address) found.add(ref.address);
  for (const dependency of node.dependsOn) found.add(dependency);
  return found;
}

/** A cycle in a dependency map as `[a, b, c, a]`, or undefined. Iterative: deep chains are fine. */
export function findCycle(dependencies: ReadonlyMap<string, ReadonlyArray<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  for (const start of dependencies.keys()) {
    if (state.has(start)) continue;
    const stack: Array<{ key: string; next: number }> = [{ key: start, next: 0 }];
    state.set(start, "open");
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { key: string; next: number };
      const deps = dependencies.get(top.key) ?? [];
      if (top.next >= deps.length) {
        state.set(top.key, "done");
        stack.pop();
        continue;
      }
      const dep = deps[top.next++] as string;
      const seen = state.get(dep);
      if (seen === "open") {
        const from = stack.findIndex((frame) => frame.key === dep);
        return [...stack.slice(from).map((frame) => frame.key), dep];
      }
      if (seen === undefined && dependencies.has(dep)) {
        state.set(dep, "open");
        stack.push({ key: dep, next: 0 });
      }
    }
  }
  return undefined;
}
