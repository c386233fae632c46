import type { EventInput } from "../events/envelope.ts";
import type { EventPublisher } from "../events/publisher.ts";
import type { JsonObject } from "../model/value.ts";
import type { AuditOutcome } from "../state/types.ts";
import { type AuditDependencies, auditStep } from "./audit-trail.ts";

/** What a Catch writes at `$.failure.<StepName>`; a rollback after it adds what it did. */
export interface StepFailure {
  Error: string;
  Cause?: string;
  /** The rollback's result (RollBack's ResultPath), when the request asked for one. */
  rollback?: { version: number };
  /** The rollback's own failure (its Catch). */
  rollbackError?: { Error: string; Cause?: string };
}

export interface FailureInput {
  workflow: string;
  runId: string;
  app?: string;
  env?: string;
  principal?: string;
  /** Exactly one step. */
  failure: Record<string, StepFailure>;
}

export interface FailureRecord {
  step: string;
  error: { name: string; message: string };
  audit: string;
  rolledBack?: boolean;
  announced?: string;
}

/** Outcome events of a failed run, by workflow; workflows without one are only audited. */
const FAILURE_EVENTS: Record<string, string> = { deploy: "DeployFailed", destroy: "DestroyFailed" };

/**
 * Where every failure ends: one audit record naming the failed step, the error and what a rollback
 * did, then the workflow's failure event (DeployFailed…). The error's cause is cut to what a person
 * reads; stack traces never leave the handler that threw.
 */
export async function recordFailure(
  input: FailureInput,
  deps: AuditDependencies & { publisher: EventPublisher },
): Promise<FailureRecord> {
  const [step, failure] = Object.entries(input.failure)[0] as [string, StepFailure];
  const error = { name: failure.Error, message: messageOf(failure.Cause) };
  const rolledBack = failure.rollback || failure.rollbackError ? failure.rollback !== undefined : undefined;
  const outcome: AuditOutcome =
    failure.Error === "ApprovalRejectedError"
      ? "rejected"
      : failure.Error === "States.Timeout" && step === "RequestApproval"
        ? "timed-out"
        : "failed";
  const rollback: JsonObject = failure.rollback
    ? { rollback: { version: failure.rollback.version } }
    : failure.rollbackError
      ? {
          rollback: {
            error: { name: failure.rollbackError.Error, message: messageOf(failure.rollbackError.Cause) },
          },
        }
      : {};
  const record = await auditStep(
    {
      workflow: input.workflow,
      runId: input.runId,
      step,
      outcome,
      ...(input.app ? { app: input.app } : {}),
      ...(input.env ? { env: input.env } : {}),
      ...(input.principal ? { principal: input.principal } : {}),
      detail: { error, ...rollback },
    },
    deps,
  );
  const result: FailureRecord = {
    step,
    error,
    audit: record.id,
    ...(rolledBack === undefined ? {} : { rolledBack }),
  };
  const type = FAILURE_EVENTS[input.workflow];
  if (type && input.app && input.env) {
    const event: EventInput = {
      source: "plinth.control",
      "detail-type": type,
      detail: {
        app: input.app,
        env: input.env,
        runId: input.runId,
        step,
        error,
        ...(rolledBack === undefined ? {} : { rolledBack }),
      },
    };
    result.announced = await deps.publisher.publish(event);
  }
  return result;
}

/**
 * A Lambda error's Cause is JSON (`{"errorType","errorMessage","trace"}`); a local one is the message.
 * Either way one line of at most 1,000 characters, no trace.
 */
export function messageOf(cause: string | undefined): string {
  if (!cause) return "no cause given";
  let message = cause;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed.errorMessage === "string") message = parsed.errorMessage;
  } catch {
    // not JSON: the cause is the message
  }
  return message.split("\n")[0]?.slice(0, 1000) ?? "";
}
