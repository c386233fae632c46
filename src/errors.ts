/** Where in a source file something was found. Lines and columns start at 1. */
export interface SourceLocation {
  file: string;
  line: number;
  col: number;
}

export interface PlinthErrorOptions {
  location?: SourceLocation | undefined;
  /** What the user can do next, shown after the message. */
  hint?: string | undefined;
  cause?: unknown;
}

/**
 * Base of every error plinth reports to a person or a workflow. `name` is stable: Step Functions
 * Retry/Catch and the CLI's exit-code mapping match on it, so subclasses set it as a literal.
 */
export class PlinthError extends Error {
  override name = "PlinthError";
  readonly location: SourceLocation | undefined;
  readonly hint: string | undefined;
  /** Transient errors may be retried; everything else fails the step. */
  readonly retryable: boolean = false;

  constructor(message: string, options: PlinthErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.location = options.location;
    this.hint = options.hint;
  }

  /** One line for a person: `file:line:col: message (hint)`. */
  describe(): string {
    const where = this.location ? `${formatLocation(this.location)}: ` : "";
    const hint = this.hint ? ` ${this.hint}` : "";
    return `${where}${this.message}${hint}`;
  }
}

/** The user's input (spec, flags, files) is wrong; nothing was changed. */
export class InputError extends PlinthError {
  override name = "InputError";
}

/** plinth.yaml does not satisfy the spec: syntax, schema or semantic checks. */
export class SpecError extends PlinthError {
  override name = "SpecError";
}

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.col}`;
}
