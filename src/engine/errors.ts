import { PlinthError } from "../errors.ts";

/** The saved plan was made on another version of state than the current one. */
export class StalePlanError extends PlinthError {
  override name = "StalePlanError";
}

/** The graph has a resource type no handler implements. */
export class UnsupportedResourceTypeError extends PlinthError {
  override name = "UnsupportedResourceTypeError";
}

/** A reference names an attribute the referenced resource does not have, or an input without a value. */
export class UnresolvedValueError extends PlinthError {
  override name = "UnresolvedValueError";
}

/** A plan file is not one plinth wrote (or was edited). */
export class InvalidPlanError extends PlinthError {
  override name = "InvalidPlanError";
}

/** Apply stopped after a resource failed; what finished is recorded in a new version. */
export class ApplyFailedError extends PlinthError {
  override name = "ApplyFailedError";
}

/** Nobody confirmed the apply (no terminal, no --auto-approve, or the answer was not `yes`). */
export class NotConfirmedError extends PlinthError {
  override name = "NotConfirmedError";
}
