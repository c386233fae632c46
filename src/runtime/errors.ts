import { InputError, PlinthError } from "../errors.ts";

/** No workflows/<name>.asl.json. */
export class WorkflowNotFoundError extends InputError {
  override name = "WorkflowNotFoundError";
}

/** A workflow definition the embedded runner cannot run as Step Functions would. */
export class InvalidWorkflowError extends InputError {
  override name = "InvalidWorkflowError";
}

/** A run of that id exists already (`workflow run --run-id` reused); nothing was started. */
export class RunExistsError extends InputError {
  override name = "RunExistsError";
}

export class RunNotFoundError extends InputError {
  override name = "RunNotFoundError";
}

/** approve/reject of a run that is not waiting for an approval (finished, running, or already decided). */
export class RunNotWaitingError extends InputError {
  override name = "RunNotWaitingError";
}

/** An approval with a token that does not match the one the run issued. */
export class ApprovalTokenMismatchError extends InputError {
  override name = "ApprovalTokenMismatchError";
}

/**
 * The error an approval task fails with when a person rejects it; the name is what the workflows'
 * Catch and the audit trail see, locally and in AWS (SendTaskFailure's `error`).
 */
export class ApprovalRejectedError extends PlinthError {
  override name = "ApprovalRejectedError";
}

/** Step Functions could not be reached or throttled StartExecution. */
export class WorkflowServiceUnavailableError extends PlinthError {
  override name = "WorkflowServiceUnavailableError";
  override readonly retryable = true;
}
