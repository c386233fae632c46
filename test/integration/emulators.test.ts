import assert from "node:assert/strict";
import { test } from "node:test";
import { motoAccount, motoEndpoint } from "../helpers/moto.ts";

// Guards the CI wiring every AWS integration test relies on: a moto server on loopback, and an AWS
// account of its own per test file so parallel files never see each other's resources.
test("the moto AWS emulator answers on loopback and isolates accounts", async () => {
  const endpoint = await motoEndpoint();
  assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
  if (process.env.CI)
    assert.equal(process.env.AWS_ENDPOINT_URL, endpoint, ".ci/run exports the endpoint for the SDK");

  const [first, second] = [await motoAccount(), await motoAccount()];
  assert.notEqual(first.accountId, second.accountId);
  const sqs = async (account: typeof first, action: string, extra: Record<string, string> = {}) => {
    const response = await fetch(endpoint, {
      method: "POST",
      body: new URLSearchParams({ Action: action, Version: "2012-11-05", ...extra }),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authorization: `AWS4-HMAC-SHA256 Credential=${account.credentials.accessKeyId}/20260101/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0`,
        "x-amz-security-token": account.credentials.sessionToken,
      },
    });
    return response.text();
  };
  await sqs(first, "CreateQueue", { QueueName: "isolation-check" });
  assert.match(await sqs(first, "ListQueues"), new RegExp(`/${first.accountId}/isolation-check`));
  assert.doesNotMatch(await sqs(second, "ListQueues"), /isolation-check/);
});
