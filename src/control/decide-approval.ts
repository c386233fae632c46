import { InputError } from "../errors.ts";
import { isValidExecutionName } from "../events/execution-name.ts";
import type { ApprovalStore } from "./approvals.ts";

/** Resumes a Step Functions task by its token (SendTaskSuccess / SendTaskFailure). */
export interface TaskTokenSink {
  succeed(token: string, output: unknown): Promise<void>;
  fail(token: string, error: string, cause: string): Promise<void>;
}

export interface ApprovalDecisionInput {
  runId: string;
  approved: boolean;
  /** Who decided: the caller's authenticated identity, never a field of the request body. */
  principal: string;
  comment?: string;
}

export interface DecisionDependencies {
  approvals: ApprovalStore;
  tasks: TaskTokenSink;
  now: () => Date;
}

export class NoPendingApprovalError extends InputError {
  override name = "NoPendingApprovalError";
}

/**
 * Approves or rejects a waiting run in the cloud: the token comes from the approval store (the
 * approver never sees it), the decision goes to Step Functions, and the pending approval is removed so
 * a second decision fails clearly. A rejection fails the task with ApprovalRejectedError, which the
 * workflows catch into record-failure.
 */
export async function decideApproval(
  input: ApprovalDecisionInput,
  deps: DecisionDependencies,
): Promise<{ runId: string; decision: "approved" | "rejected" }> {
  const pending = await deps.approvals.get(input.runId);
  if (!pending)
    throw new NoPendingApprovalError(`Run ${input.runId} is not waiting for an approval (or it expired).`);
  const at = deps.now().toISOString();
  if (input.approved) {
    await deps.tasks.succeed(pending.token, {
      approved: true,
      principal: input.principal,
      comment: input.comment ?? "",
      at,
    });
  } else {
    await deps.tasks.fail(
      pending.token,
      "ApprovalRejectedError",
      `Rejected by ${input.principal}${input.comment ? `: ${input.comment}` : ""}.`.slice(0, 32000),
    );
  }
  await deps.approvals.delete(input.runId);
  return { runId: input.runId, decision: input.approved ? "approved" : "rejected" };
}

export type ApprovalRoute =
  | { ok: true; runId: string; approved: boolean; comment?: string }
  | { ok: false; status: number; message: string };

/**
 * Reads an approval request: `POST /approvals/<run id>/approve|reject` with an optional JSON body
 * `{"comment"}`. Shared by the cloud's approval URL and `plinth serve`.
 */
export function parseApprovalRoute(method: string, path: string, body: string): ApprovalRoute {
  const [, root, runId, action, ...rest] = path.split("?")[0]?.split("/") ?? [];
  if (method !== "POST" || root !== "approvals" || !runId || rest.length > 0 || !isValidExecutionName(runId))
    return { ok: false, status: 404, message: "POST /approvals/<run id>/approve or /reject." };
  if (action !== "approve" && action !== "reject")
    return { ok: false, status: 404, message: "Use /approve or /reject." };
  let comment: string | undefined;
  try {
    const parsed = body ? (JSON.parse(body) as { comment?: unknown }) : {};
    if (parsed.comment !== undefined) comment = String(parsed.comment).slice(0, 1000);
  } catch {
    return { ok: false, status: 400, message: 'The body must be JSON: {"comment": "…"}.' };
  }
  return { ok: true, runId, approved: action === "approve", ...(comment ? { comment } : {}) };
}
