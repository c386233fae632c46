import type { AuditLog, AuditRecord } from "../audit/audit-log.ts";
import type { EventInput } from "../events/envelope.ts";
import type { EventPublisher } from "../events/publisher.ts";
import { auditStep } from "./audit-step.ts";

export interface FailureInput {
  workflow: string;
  runId: string;
  app?: string;
  env?: string;
  principal?: string;
  /** What a Catch wrote at `$.failure.<StepName>`: exactly one step. */
  failure: Record<string, { Error: string; Cause?: string }>;
}

export interface FailureRecord {
  step: string;
  error: { name: string; message: string };
  audit: string;
  announced?: string;
}

/** Outcome events of a failed run, by workflow; workflows without one are only audited. */
const FAILURE_EVENTS: Record<string, string> = { deploy: "DeployFailed", destroy: "DestroyFailed" };

/**
 * Where every Catch ends: one audit record naming the failed step and the error, then the workflow's
 * failure event (DeployFailed…). The error's cause is cut to what a person reads; stack traces never
 * leave the handler that threw.
 */
export async function recordFailure(
  input: FailureInput,
  deps: { audit: AuditLog; publisher: EventPublisher; now: () => Date },
): Promise<FailureRecord> {
  const [step, failure] = Object.entries(input.failure)[0] as [string, { Error: string; Cause?: string }];
  const error = { name: failure.Error, message: messageOf(failure.Cause) };
  const outcome: AuditRecord["outcome"] =
    failure.Error === "ApprovalRejectedError"
      ? "rejected"
      : failure.Error === "States.Timeout" && step === "RequestApproval"
        ? "timed-out"
        : "failed";
  const record = await auditStep(
    {
      workflow: input.workflow,
      runId: input.runId,
      step,
      outcome,
      ...(input.app ? { app: input.app } : {}),
      ...(input.env ? { env: input.env } : {}),
      ...(input.principal ? { principal: input.principal } : {}),
      detail: { error },
    },
    deps,
  );
  const result: FailureRecord = { step, error, audit: record.id };
  const type = FAILURE_EVENTS[input.workflow];
  if (type && input.app && input.env) {
    const event: EventInput = {
      source: "plinth.control",
      "detail-type": type,
      detail: { app: input.app, env: input.env, runId: input.runId, step, error },
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
