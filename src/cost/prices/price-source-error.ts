import { PlinthError, type PlinthErrorOptions } from "../../errors.ts";

/** A price API failed: wrong credentials, throttling that outlasted the retries, an unexpected answer. */
export class PriceSourceError extends PlinthError {
  override name = "PriceSourceError";
  override readonly retryable: boolean;

  constructor(message: string, options: PlinthErrorOptions & { retryable?: boolean } = {}) {
    super(message, { hint: "Use --prices offline for the bundled snapshot.", ...options });
    this.retryable = options.retryable ?? false;
  }
}
