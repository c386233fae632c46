import type { PlinthEvent } from "./envelope.ts";
import { executionNameFor } from "./execution-name.ts";
import { ROUTES, type Route, routesFor } from "./routes.ts";

/** Starts a workflow run under a given name; a name already used starts nothing (started: false). */
export interface WorkflowStarter {
  start(workflow: string, input: PlinthEvent, runId: string): Promise<{ runId: string; started: boolean }>;
}

export interface Delivery {
  route: string;
  workflow: string;
  runId: string;
  /** false when a run of that name already existed: a redelivered event. */
  started: boolean;
}

/**
 * Starts the workflow of every route the event matches, each run named after the event id. Shared by
 * the start-workflow function (EventBridge → Step Functions) and the local bus.
 */
export async function dispatchEvent(
  event: PlinthEvent,
  starter: WorkflowStarter,
  routes: ReadonlyArray<Route> = ROUTES,
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const route of routesFor(event, routes)) {
    const runId = executionNameFor(route.workflow, event.id);
    const { started } = await starter.start(route.workflow, event, runId);
    deliveries.push({ route: route.name, workflow: route.workflow, runId, started });
  }
  return deliveries;
}
