import { createHash } from "node:crypto";

/** Step Functions execution names: 1–80 characters of letters, digits, `-` and `_`. */
const SAFE = /^[A-Za-z0-9_-]+$/;
const MAX = 80;

/**
 * The run (execution) name for a workflow started by an event: `<workflow>-<event id>`, or a hash of the
 * id when it would not fit or has other characters. The same event always gives the same name, so a
 * redelivered event collides with the run it already started (ExecutionAlreadyExists in AWS, an existing
 * run record locally) instead of starting another.
 */
export function executionNameFor(workflow: string, eventId: string): string {
  const plain = `${workflow}-${eventId}`;
  if (SAFE.test(plain) && plain.length <= MAX) return plain;
  const digest = createHash("sha256").update(eventId).digest("hex").slice(0, 40);
  return `${workflow.slice(0, MAX - 41)}-${digest}`;
}

export function isValidExecutionName(name: string): boolean {
  return name.length <= MAX && SAFE.test(name);
}
