import { randomBytes } from "node:crypto";
import type { JsonObject } from "../model/value.ts";
import type { StateStore } from "../state/store.ts";
import type { AuditOutcome, AuditRecord, StateKey } from "../state/types.ts";

/**
 * Where runs scoped to no environment (scheduled scans) keep their audit records. App names in specs
 * never contain a dot, so this key cannot collide with an application's.
 */
export const CONTROL_PLANE_KEY: StateKey = { app: "plinth.control", env: "runs" };

/** What a workflow step records (schemas/handlers/write-audit.schema.json). */
export interface WorkflowAuditInput {
  workflow: string;
  runId: string;
  step: string;
  outcome: Exclude<AuditOutcome, "refused">;
  app?: string;
  env?: string;
  principal?: string;
  /** The id of the event that started the run. */
  trigger?: string;
  detail?: JsonObject;
}

export interface AuditDependencies {
  store: StateStore;
  now: () => Date;
}

/** Time-ordered and unique: `<ISO time>#<random>`. */
export function auditId(at: Date, random: () => string = () => randomBytes(6).toString("hex")): string {
  return `${at.toISOString()}#${random()}`;
}

/**
 * Appends one audit record for a workflow step to the state store's append-only trail of its
 * environment (the control plane's own key for scans): a conditional create, never an update.
 */
export async function auditStep(input: WorkflowAuditInput, deps: AuditDependencies): Promise<AuditRecord> {
  const at = deps.now();
  const record: AuditRecord = {
    id: auditId(at),
    at: at.toISOString(),
    principal: input.principal ?? "plinth",
    trigger: input.trigger ? `event:${input.trigger}` : `workflow:${input.workflow}`,
    action: input.workflow,
    target: input.app && input.env ? `${input.app}/${input.env}` : input.workflow,
    outcome: input.outcome,
    runId: input.runId,
    step: input.step,
    ...(input.detail ? { detail: input.detail } : {}),
  };
  await deps.store.appendAudit(auditKey(input), record);
  return record;
}

/** The records of one run, oldest first: the workflow's steps and the engine's apply records alike. */
export async function auditOfRun(
  store: StateStore,
  scope: { app?: string | undefined; env?: string | undefined },
  runId: string,
): Promise<AuditRecord[]> {
  return (await store.listAudit(auditKey(scope))).filter((r) => r.runId === runId);
}

function auditKey(scope: { app?: string | undefined; env?: string | undefined }): StateKey {
  return scope.app && scope.env ? { app: scope.app, env: scope.env } : CONTROL_PLANE_KEY;
}
