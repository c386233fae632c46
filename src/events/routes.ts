import { type EventPattern, matchesPattern } from "./pattern-matcher.ts";

/**
 * Routing as data: which events start which workflow, and which schedules emit which events. stacks/
 * turns these into EventBridge rules (bus subscriptions to the start-workflow function) and CronV2
 * schedules; the local bus and scheduler read the same lists, so both places route identically.
 */
export interface Route {
  /** Stable rule name (kebab-case); also the EventBridge rule's name suffix. */
  name: string;
  description: string;
  pattern: EventPattern;
  /** workflows/<workflow>.asl.json; the event envelope is the execution's input. */
  workflow: string;
}

export interface Schedule {
  name: string;
  description: string;
  /** EventBridge schedule expression: `cron(min hour day-of-month month day-of-week year)` or `rate(…)`, UTC. */
  expression: string;
  /** The event the schedule puts on the bus. */
  event: { source: string; "detail-type": string; detail: Record<string, unknown> };
}

export const ROUTES: ReadonlyArray<Route> = [
  {
    name: "deploy-requested",
    description: "A deploy asked for by CI or an operator runs the deploy workflow.",
    pattern: { source: ["plinth.ci", "plinth.operator"], "detail-type": ["DeployRequested"] },
    workflow: "deploy",
  },
  {
    name: "destroy-requested",
    description: "A destroy asked for by CI or an operator runs the destroy workflow.",
    pattern: { source: ["plinth.ci", "plinth.operator"], "detail-type": ["DestroyRequested"] },
    workflow: "destroy",
  },
  {
    name: "scan-requested",
    description: "A drift or cost scan, from a schedule or an operator, runs over every target.",
    pattern: {
      source: ["plinth.scheduler", "plinth.operator"],
      "detail-type": ["ScanRequested"],
      detail: { kind: ["drift", "cost"] },
    },
    workflow: "scheduled-scan",
  },
];

export const SCHEDULES: ReadonlyArray<Schedule> = [
  {
    name: "nightly-drift-scan",
    description: "Every night at 03:00 UTC, compare every environment with what is live.",
    expression: "cron(0 3 * * ? *)",
    event: {
      source: "plinth.scheduler",
      "detail-type": "ScanRequested",
      detail: { kind: "drift", schedule: "nightly-drift-scan" },
    },
  },
  {
    name: "weekly-cost-scan",
    description: "Every Monday at 06:00 UTC, estimate every environment's monthly cost against its budget.",
    expression: "cron(0 6 ? * MON *)",
    event: {
      source: "plinth.scheduler",
      "detail-type": "ScanRequested",
      detail: { kind: "cost", schedule: "weekly-cost-scan" },
    },
  },
];

/** The routes an event takes, in declaration order. */
export function routesFor(event: unknown, routes: ReadonlyArray<Route> = ROUTES): Route[] {
  return routes.filter((route) => matchesPattern(route.pattern, event));
}
