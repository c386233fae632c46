import {
  AwsAccessDeniedError,
  AwsConflictError,
  AwsCredentialsError,
  AwsEndpointError,
  AwsError,
  type AwsErrorDetails,
  AwsEventualConsistencyError,
  AwsNotFoundError,
  AwsRequestError,
  AwsServiceError,
  AwsThrottlingError,
} from "./aws-errors.ts";

const THROTTLING = new Set([
  "Throttling",
  "ThrottlingException",
  "ThrottledException",
  "RequestLimitExceeded",
  "RequestThrottled",
  "RequestThrottledException",
  "SlowDown",
  "TooManyRequestsException",
  "ProvisionedThroughputExceededException",
  "RequestLimitExceededException",
  "BandwidthLimitExceeded",
  "PriorRequestNotComplete",
  "EC2ThrottledException",
]);
const CREDENTIALS = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "InvalidAccessKeyId",
  "AuthFailure",
  "ExpiredToken",
  "ExpiredTokenException",
  "InvalidToken",
  "CredentialsProviderError",
  "IncompleteSignature",
  "MissingAuthenticationToken",
]);
const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "Forbidden",
  "AuthorizationError",
]);
const CONSISTENCY = new Set(["DependencyViolation", "OperationAbortedException", "OperationAborted"]);
const NETWORK = new Set([
  "ENOTFOUND",
  "ECONNREFUSED",
  "ECONNRESET",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  Code?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  $retryable?: { throttling?: boolean };
}

export interface CallContext {
  service: string;
  operation: string;
  region: string;
  endpoint?: string;
}

/**
 * An AWS SDK error as a plinth error with a stable name, one clear sentence, and the request id.
 * Throttling, 5xx and eventual-consistency errors come out retryable; everything else does not.
 */
export function mapAwsError(error: unknown, call: CallContext): AwsError {
  if (error instanceof AwsError) return error;
  const e = (error ?? {}) as SdkError;
  const code = e.Code ?? (e.name && e.name !== "Error" ? e.name : undefined) ?? e.code ?? "UnknownError";
  const status = e.$metadata?.httpStatusCode;
  const requestId = e.$metadata?.requestId;
  const details: AwsErrorDetails = {
    service: call.service,
    operation: call.operation,
    code,
    ...(requestId ? { requestId } : {}),
    ...(status ? { status } : {}),
  };
  const what = `${call.service} ${call.operation}`;
  // An error body the SDK could not parse (an emulator's, a proxy's): its HTTP status is what we know.
  const unreadable = /Deserialization error/.test(e.message ?? "");
  const said = unreadable
    ? `HTTP ${status ?? "?"} with a response plinth could not read`
    : cleanMessage(e.message);
  const id = requestId ? `, request id ${requestId}` : "";
  const cause = { cause: error };

  if (NETWORK.has(e.code ?? "") || NETWORK.has(code) || code === "TimeoutError") {
    const where = call.endpoint ?? `its ${call.region} endpoint`;
    return new AwsEndpointError(`Cannot reach AWS ${call.service} at ${where} (${code}).`, details, {
      ...cause,
      hint: `Check the region (\`${call.region}\`), the network, and AWS_ENDPOINT_URL if you set one.`,
    });
  }
  if (CREDENTIALS.has(code)) {
    return new AwsCredentialsError(`AWS rejected plinth's credentials for ${what} (${code}${id}).`, details, {
      ...cause,
      hint: "Check AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or run `aws sso login`) and try again.",
    });
  }
  if (DENIED.has(code) || (status === 403 && !THROTTLING.has(code))) {
    return new AwsAccessDeniedError(
      `The AWS identity plinth runs as may not call ${what}${said ? `: ${said}` : ""} (${code}${id}).`,
      details,
      { ...cause, hint: "Grant that permission to the deploying identity (or the environment's roleArn)." },
    );
  }
  if (THROTTLING.has(code) || e.$retryable?.throttling || status === 429) {
    return new AwsThrottlingError(`AWS throttled ${what} (${code}${id}).`, details, cause);
  }
  if (e.$fault === "server" || (status !== undefined && status >= 500)) {
    return new AwsServiceError(
      `AWS failed to answer ${what} (${code}, HTTP ${status ?? "?"}${id}).`,
      details,
      cause,
    );
  }
  if (CONSISTENCY.has(code)) {
    return new AwsEventualConsistencyError(
      `${what} must wait: ${said || code} (${code}${id}).`,
      details,
      cause,
    );
  }
  if (
    /notfound|nosuch|notexist|nonexistent|^InvalidParameterException$/i.test(code) &&
    isNotFound(code, said)
  ) {
    return new AwsNotFoundError(`${what}: ${said || "not found"} (${code}${id}).`, details, cause);
  }
  if (/AlreadyExists|ResourceExists|AlreadyOwned|Duplicate|InUse|Conflict/.test(code)) {
    return new AwsConflictError(`${what}: ${said || "already exists"} (${code}${id}).`, details, cause);
  }
  return new AwsRequestError(`AWS refused ${what}: ${said || code} (${code}${id}).`, details, cause);
}

function isNotFound(code: string, message: string): boolean {
  return code !== "InvalidParameterException" || /not (be )?found|does not exist/i.test(message);
}

/** The service's message as one sentence fragment: no trailing period, no newlines, bounded. */
function cleanMessage(message: string | undefined): string {
  if (!message || message === "UnknownError") return "";
  return message.replace(/\s+/g, " ").trim().replace(/\.$/, "").slice(0, 300);
}
