import { randomBytes } from "node:crypto";
import { PlinthError } from "../errors.ts";

/** One entry of the audit trail: who did what to which environment, when, and how it ended. */
export interface AuditRecord {
  /** Unique and time-ordered: `<ISO time>#<random>`. */
  id: string;
  at: string;
  workflow: string;
  runId: string;
  step: string;
  outcome: "started" | "succeeded" | "failed" | "approved" | "rejected" | "timed-out" | "skipped";
  app?: string;
  env?: string;
  principal?: string;
  /** The event id that started the run. */
  trigger?: string;
  detail?: Record<string, unknown>;
}

/**
 * The append-only audit trail. Implementations only ever add records (DynamoDB: a conditional put,
 * never an update); the engine's state stores implement it too (docs/control-plane.md).
 */
export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** Records of one run, oldest first. */
  ofRun(runId: string): Promise<AuditRecord[]>;
}

/** The audit store could not be reached or throttled; the write may succeed later. */
export class AuditStoreUnavailableError extends PlinthError {
  override name = "AuditStoreUnavailableError";
  override readonly retryable = true;
}

/** A record with that id exists: the log never overwrites. */
export class AuditRecordExistsError extends PlinthError {
  override name = "AuditRecordExistsError";
}

export function auditId(at: Date, random: () => string = () => randomBytes(6).toString("hex")): string {
  return `${at.toISOString()}#${random()}`;
}
