import { InputError } from "../errors.ts";

/** An event that is not a plinth event or does not match its schema; nothing was published or started. */
export class InvalidEventError extends InputError {
  override name = "InvalidEventError";
}

/** An EventBridge pattern plinth cannot evaluate as EventBridge would (unknown operator, wrong shape). */
export class InvalidPatternError extends InputError {
  override name = "InvalidPatternError";
}
