import type { EventPublisher } from "../events/publisher.ts";
import type { JsonObject } from "../model/value.ts";
import type { StateStore } from "../state/store.ts";

/** A pending approval: the task token that resumes the run, and until when it is valid. */
export interface PendingApproval {
  runId: string;
  app: string;
  env: string;
  /** The Step Functions task token (secret: whoever holds it can approve). */
  token: string;
  requestedAt: string;
  expiresAt: string;
  principal?: string;
  summary?: string;
}

/** Pending approvals by run. */
export interface ApprovalStore {
  put(approval: PendingApproval): Promise<void>;
  get(runId: string): Promise<PendingApproval | undefined>;
  delete(runId: string): Promise<void>;
}

const APPROVALS = "approvals";

/**
 * Pending approvals as records of the state store (collection `approvals`, by run id), expiring with
 * the approval: `.plinth/records/approvals/` (files 0600, they hold tokens) or the state table with
 * a TTL. An expired approval reads as absent before DynamoDB's TTL removes it.
 */
export function approvalsIn(store: StateStore): ApprovalStore {
  return {
    put: (approval) =>
      store.putRecord(
        { collection: APPROVALS, id: approval.runId, data: approval as unknown as JsonObject },
        { expiresAt: approval.expiresAt },
      ),
    get: async (runId) =>
      (await store.getRecord(APPROVALS, runId))?.data as unknown as PendingApproval | undefined,
    delete: (runId) => store.deleteRecord(APPROVALS, runId),
  };
}

export interface ApprovalRequest {
  token: string;
  runId: string;
  app: string;
  env: string;
  timeoutSeconds: number;
  principal?: string;
  summary?: string;
}

/**
 * The approval task of deploy/destroy: keeps the token where `approve`/`reject` find it and announces
 * ApprovalRequested (its subscribers notify people). The token never goes into the event.
 */
export async function requestApproval(
  request: ApprovalRequest,
  deps: { approvals: ApprovalStore; publisher: EventPublisher; now: () => Date },
): Promise<{ expiresAt: string; event: string }> {
  const now = deps.now();
  const expiresAt = new Date(now.getTime() + request.timeoutSeconds * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
  await deps.approvals.put({
    runId: request.runId,
    app: request.app,
    env: request.env,
    token: request.token,
    requestedAt: now.toISOString(),
    expiresAt,
    ...(request.principal ? { principal: request.principal } : {}),
    ...(request.summary ? { summary: request.summary } : {}),
  });
  const event = await deps.publisher.publish({
    source: "plinth.control",
    "detail-type": "ApprovalRequested",
    detail: {
      app: request.app,
      env: request.env,
      runId: request.runId,
      expiresAt,
      ...(request.summary ? { summary: request.summary } : {}),
      ...(request.principal ? { principal: request.principal } : {}),
    },
  });
  return { expiresAt, event };
}
