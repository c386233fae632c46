import { InputError, PlinthError } from "../../errors.ts";

/** The deploy names a spec the spec source does not have. */
export class SpecNotFoundError extends InputError {
  override name = "SpecNotFoundError";
}

/** The spec, the event and the plan disagree on which application or environment is deployed. */
export class DeployTargetMismatchError extends InputError {
  override name = "DeployTargetMismatchError";
}

/** The policy gate found blocking failures (the workflow's PolicyBlocked state uses this name). */
export class PolicyViolationsError extends PlinthError {
  override name = "PolicyViolationsError";
}

/** The budget gate found the estimate over the environment's budget (BudgetBlocked uses this name). */
export class BudgetExceededError extends PlinthError {
  override name = "BudgetExceededError";
}

/** After an apply, the cloud does not hold what was applied. */
export class VerificationFailedError extends PlinthError {
  override name = "VerificationFailedError";
}

/** Rolling back to the checkpoint stopped; what it did is recorded in a new version. */
export class RollbackFailedError extends PlinthError {
  override name = "RollbackFailedError";
}

/**
 * In the cloud the control plane acts only through the environment's role: an environment without a
 * `roleArn` cannot be deployed there (the functions hold no permissions on resources themselves).
 */
export class DeployRoleRequiredError extends InputError {
  override name = "DeployRoleRequiredError";
}
