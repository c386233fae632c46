import { PlinthError, type PlinthErrorOptions } from "../../errors.ts";

export interface AwsErrorDetails {
  service: string;
  operation: string;
  /** The AWS error code (`AccessDenied`, `Throttling`…) or the network error code. */
  code: string;
  requestId?: string;
  status?: number;
}

/** An AWS API call failed. Subclasses say how; `requestId` is what AWS support asks for. */
export class AwsError extends PlinthError {
  override name = "AwsError";
  readonly service: string;
  readonly operation: string;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly status: number | undefined;

  constructor(message: string, details: AwsErrorDetails, options: PlinthErrorOptions = {}) {
    super(message, options);
    this.service = details.service;
    this.operation = details.operation;
    this.code = details.code;
    this.requestId = details.requestId;
    this.status = details.status;
  }
}

/** AWS asked plinth to slow down (Throttling, SlowDown, RequestLimitExceeded, HTTP 429). */
export class AwsThrottlingError extends AwsError {
  override name = "AwsThrottlingError";
  override readonly retryable = true;
}

/** AWS failed on its side (HTTP 5xx, ServiceUnavailable, InternalError). */
export class AwsServiceError extends AwsError {
  override name = "AwsServiceError";
  override readonly retryable = true;
}

/** A resource another call just changed is not visible yet (DependencyViolation, a role not yet usable). */
export class AwsEventualConsistencyError extends AwsError {
  override name = "AwsEventualConsistencyError";
  override readonly retryable = true;
}

/** The credentials are missing, wrong or expired. */
export class AwsCredentialsError extends AwsError {
  override name = "AwsCredentialsError";
}

/** The credentials are valid but not allowed to do this. */
export class AwsAccessDeniedError extends AwsError {
  override name = "AwsAccessDeniedError";
}

export class AwsNotFoundError extends AwsError {
  override name = "AwsNotFoundError";
}

export class AwsConflictError extends AwsError {
  override name = "AwsConflictError";
}

/** The request itself is wrong (validation, a bad parameter, an unsupported combination). */
export class AwsRequestError extends AwsError {
  override name = "AwsRequestError";
}

/** The endpoint could not be reached (unknown region, no network, a wrong AWS_ENDPOINT_URL). */
export class AwsEndpointError extends AwsError {
  override name = "AwsEndpointError";
}
