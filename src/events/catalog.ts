/**
 * The event catalogue: every event plinth accepts (triggers) or emits (outcomes), with the sources allowed
 * to send it. Each has a JSON Schema in schemas/events/<kebab-name>.schema.json (docs/control-plane.md).
 */
export const EVENT_TYPES = {
  DeployRequested: { kind: "trigger", sources: ["plinth.ci", "plinth.operator"] },
  DestroyRequested: { kind: "trigger", sources: ["plinth.ci", "plinth.operator"] },
  ScanRequested: { kind: "trigger", sources: ["plinth.scheduler", "plinth.operator"] },
  RollbackRequested: { kind: "trigger", sources: ["plinth.operator"] },
  DrFailoverRequested: { kind: "trigger", sources: ["plinth.operator"] },
  PullRequestChanged: { kind: "trigger", sources: ["plinth.github"] },
  DeploySucceeded: { kind: "outcome", sources: ["plinth.control"] },
  DeployFailed: { kind: "outcome", sources: ["plinth.control"] },
  DestroySucceeded: { kind: "outcome", sources: ["plinth.control"] },
  DestroyFailed: { kind: "outcome", sources: ["plinth.control"] },
  PolicyViolations: { kind: "outcome", sources: ["plinth.control"] },
  BudgetExceeded: { kind: "outcome", sources: ["plinth.control"] },
  ApprovalRequested: { kind: "outcome", sources: ["plinth.control"] },
  ScanCompleted: { kind: "outcome", sources: ["plinth.control"] },
} as const satisfies Record<string, { kind: "trigger" | "outcome"; sources: readonly string[] }>;

export type EventType = keyof typeof EVENT_TYPES;

export function isEventType(name: string): name is EventType {
  return Object.hasOwn(EVENT_TYPES, name);
}

/** The schema file of an event type: `DeployRequested` → `deploy-requested.schema.json`. */
export function schemaFileOf(type: EventType): string {
  return `${type.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase()}.schema.json`;
}
