import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type ApplyResult, applyPlan } from "../../src/engine/apply.ts";
import { handlersFor } from "../../src/engine/handler-registry.ts";
import { createPlan } from "../../src/engine/plan.ts";
import type { Plan } from "../../src/engine/plan-types.ts";
import { plinthNull } from "../../src/engine/plinth-null.ts";
import type { HandlerRegistry, ResourceHandler } from "../../src/engine/resource-handler.ts";
import type { ResourceGraph, ResourceNode } from "../../src/model/graph.ts";
import type { Json, Value } from "../../src/model/value.ts";
import { AwsClients } from "../../src/providers/aws/aws-clients.ts";
import { LocalFileStore } from "../../src/state/local-file-store.ts";
import type { StateStore } from "../../src/state/store.ts";
import { loadWorkingState } from "../../src/state/working-state.ts";

export const ACTOR = { principal: "test@host", trigger: "test" };

export function tempStore(): { store: LocalFileStore; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), "plinth-state-"));
  return { store: new LocalFileStore(join(dir, ".plinth")), dir };
}

export function nullNode(name: string, properties: Record<string, Value>, extra: Partial<ResourceNode> = {}) {
  return {
    address: `plinth_null.${name}`,
    type: "plinth_null",
    name,
    properties,
    dependsOn: [],
    sensitive: [],
    ...extra,
  } satisfies ResourceNode;
}

export function graphWith(nodes: ResourceNode[], outputs: ResourceGraph["outputs"] = []): ResourceGraph {
  return {
    app: "demo",
    env: "dev",
    cloud: "aws",
    region: "us-east-1",
    nodes: [...nodes].sort((a, b) => (a.address < b.address ? -1 : 1)),
    variables: [],
    outputs,
  };
}

export function registry(...extra: ResourceHandler[]): HandlerRegistry {
  return new Map([plinthNull, ...extra].map((h) => [h.type, h]));
}

/** Plans `graph` against the store's current state and applies it. */
export async function planAndApply(
  graph: ResourceGraph,
  store: StateStore,
  handlers: HandlerRegistry = registry(),
  options: { command?: "apply" | "destroy"; parallelism?: number; variables?: Record<string, string> } = {},
): Promise<{ plan: Plan; result: ApplyResult }> {
  const working = await loadWorkingState(store, { app: graph.app, env: graph.env });
  const plan = await createPlan({
    graph,
    working,
    handlers,
    command: options.command ?? "apply",
    ...(options.variables ? { variables: options.variables } : {}),
  });
  const result = await applyPlan({
    plan,
    store,
    handlers,
    actor: ACTOR,
    parallelism: options.parallelism ?? 10,
    ...(options.variables ? { variables: options.variables } : {}),
    retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, sleep: async () => {}, random: () => 0.5 },
  });
  return { plan, result };
}

/**
 * Commits version 1 of `graph`'s environment as apply would write it (its plan holds the graph),
 * without a cloud: AWS types get handlers bound to an endpoint nobody listens on, and planning calls
 * none. For tests of what reads versions back (cost comparisons, the budget gate).
 */
export async function commitPlannedVersion(store: StateStore, graph: ResourceGraph): Promise<void> {
  const key = { app: graph.app, env: graph.env };
  const handlers = await handlersFor(
    graph.nodes.map((n) => n.type),
    () => ({
      clients: new AwsClients({ region: graph.region, endpoint: "http://127.0.0.1:9" }),
      sleep: async () => {},
    }),
  );
  const plan = await createPlan({ graph, working: await loadWorkingState(store, key), handlers });
  await store.commitCheckpoint(key, {
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    principal: ACTOR.principal,
    trigger: ACTOR.trigger,
    command: "apply",
    outcome: "succeeded",
    specHash: plan.specHash,
    resources: Object.fromEntries(
      graph.nodes.map((n) => [
        n.address,
        { address: n.address, type: n.type, id: "x", inputs: {}, outputs: {}, dependsOn: [] },
      ]),
    ),
    outputs: {},
    plan: plan as unknown as Json,
    changes: { create: graph.nodes.length, update: 0, replace: 0, delete: 0 },
  });
}
