import assert from "node:assert/strict";
import { test } from "node:test";
import { mapAwsError } from "../../../src/providers/aws/map-aws-error.ts";

const call = { service: "EC2", operation: "CreateVpc", region: "eu-west-1" };
const sdkError = (name: string, status: number, extra: object = {}) =>
  Object.assign(new Error(`message of ${name}`), {
    name,
    $metadata: { httpStatusCode: status, requestId: "req-123" },
    ...extra,
  });

// Shapes as the AWS SDK v3 throws them (name = AWS error code, $metadata from the response).
test("AWS errors map to stable names, one sentence with the request id, and retryability", () => {
  const cases: Array<[Error | object, string, boolean, RegExp]> = [
    [
      sdkError("RequestLimitExceeded", 503),
      "AwsThrottlingError",
      true,
      /AWS throttled EC2 CreateVpc \(RequestLimitExceeded, request id req-123\)\./,
    ],
    [sdkError("ThrottlingException", 400), "AwsThrottlingError", true, /throttled/],
    [sdkError("SlowDown", 503), "AwsThrottlingError", true, /throttled/],
    [
      sdkError("InternalError", 500, { $fault: "server" }),
      "AwsServiceError",
      true,
      /failed to answer EC2 CreateVpc \(InternalError, HTTP 500/,
    ],
    [sdkError("DependencyViolation", 400), "AwsEventualConsistencyError", true, /must wait/],
    [
      sdkError("AuthFailure", 401),
      "AwsCredentialsError",
      false,
      /AWS rejected plinth's credentials for EC2 CreateVpc \(AuthFailure, request id req-123\)\./,
    ],
    [
      sdkError("UnauthorizedOperation", 403),
      "AwsAccessDeniedError",
      false,
      /may not call EC2 CreateVpc: message of UnauthorizedOperation/,
    ],
    [sdkError("InvalidVpcID.NotFound", 400), "AwsNotFoundError", false, /not found|message of/],
    [sdkError("AWS.SimpleQueueService.NonExistentQueue", 400), "AwsNotFoundError", false, /message of/],
    [sdkError("BucketAlreadyOwnedByYou", 409), "AwsConflictError", false, /message of/],
    [
      sdkError("ValidationException", 400),
      "AwsRequestError",
      false,
      /AWS refused EC2 CreateVpc: message of ValidationException/,
    ],
    [
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9"), { code: "ECONNREFUSED" }),
      "AwsEndpointError",
      false,
      /Cannot reach AWS EC2 at its eu-west-1 endpoint \(ECONNREFUSED\)\./,
    ],
    [
      sdkError("SyntaxError", 403, {
        message: "Unexpected token '<' Deserialization error: to see the raw response",
      }),
      "AwsAccessDeniedError",
      false,
      /HTTP 403 with a response plinth could not read/,
    ],
  ];
  for (const [error, name, retryable, message] of cases) {
    const mapped = mapAwsError(error, call);
    assert.equal(mapped.name, name, `${(error as Error).name}`);
    assert.equal(mapped.retryable, retryable, `${(error as Error).name} retryable`);
    assert.match(mapped.message, message);
    assert.doesNotMatch(mapped.message, /\n/);
    assert.equal(mapped.cause, error, "the SDK error is kept as the cause (--debug)");
  }
});

test("an error's message from AWS is bounded and loses its newlines", () => {
  const mapped = mapAwsError(
    sdkError("ValidationException", 400, { message: `line one\n${"x".repeat(1000)}.` }),
    call,
  );
  assert.ok(mapped.message.length < 400);
  assert.doesNotMatch(mapped.message, /\n/);
});
