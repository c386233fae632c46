/** AWS error names that mean "try again later", across the services the control plane calls. */
const TRANSIENT_NAMES = new Set([
  "ThrottlingException",
  "Throttling",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceeded",
  "SlowDown",
  "InternalException",
  "InternalFailure",
  "InternalServerError",
  "ServiceUnavailable",
  "TimeoutError",
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EAI_AGAIN"]);

/**
 * Whether an AWS SDK error is transient: throttling, a 5xx, or the network. The SDK has already
 * retried these; the caller turns them into its own retryable error so the workflow's Retry applies.
 */
export function isTransientAwsError(error: unknown): boolean {
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  return (
    TRANSIENT_NAMES.has(e.name ?? "") ||
    (e.$metadata?.httpStatusCode ?? 0) >= 500 ||
    NETWORK_CODES.has(e.code ?? "")
  );
}
