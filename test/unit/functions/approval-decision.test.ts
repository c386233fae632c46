import assert from "node:assert/strict";
import { test } from "node:test";
import { SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient } from "@aws-sdk/client-sfn";
import { mockClient } from "aws-sdk-client-mock";
import { createApprovalDecisionHandler } from "../../../functions/approval-decision.ts";
import { lambdaContext } from "../../../functions/local.ts";
import type { ApprovalStore, PendingApproval } from "../../../src/control/approvals.ts";
import { SfnTaskTokens } from "../../../src/runtime/sfn-task-tokens.ts";

// A unit test of the thin adapter: Function URL event → approval store → SendTaskSuccess/Failure.
const sfn = mockClient(SFNClient);
const pending: PendingApproval = {
  runId: "deploy-1",
  app: "shop",
  env: "prod",
  token: "task-token-1",
  requestedAt: "2026-11-27T10:00:00Z",
  expiresAt: "2026-11-28T10:00:00Z",
};

function setup() {
  sfn.reset();
  sfn.on(SendTaskSuccessCommand).resolves({});
  sfn.on(SendTaskFailureCommand).resolves({});
  const items = new Map([[pending.runId, pending]]);
  const approvals: ApprovalStore = {
    put: async (a) => void items.set(a.runId, a),
    get: async (id) => items.get(id),
    delete: async (id) => void items.delete(id),
  };
  const handler = createApprovalDecisionHandler(() => ({
    approvals,
    tasks: new SfnTaskTokens(new SFNClient({ region: "us-east-1" })),
    now: () => new Date("2026-11-27T11:00:00Z"),
  }));
  const call = (path: string, body = "", userArn: string | null = "arn:aws:iam::111122223333:user/ana") =>
    handler(
      {
        rawPath: path,
        body,
        isBase64Encoded: false,
        requestContext: { http: { method: "POST" }, authorizer: userArn ? { iam: { userArn } } : undefined },
      } as never,
      lambdaContext("approval-decision"),
    );
  return { call, items };
}

test("approve: SendTaskSuccess with the stored token and the signed caller as approver", async () => {
  const { call, items } = setup();
  const response = await call("/approvals/deploy-1/approve", '{"comment":"ship it"}');
  assert.equal(response.statusCode, 200);
  const [success] = sfn.commandCalls(SendTaskSuccessCommand);
  assert.equal(success?.args[0].input.taskToken, "task-token-1");
  assert.deepEqual(JSON.parse(success?.args[0].input.output as string), {
    approved: true,
    principal: "arn:aws:iam::111122223333:user/ana",
    comment: "ship it",
    at: "2026-11-27T11:00:00.000Z",
  });
  assert.equal(items.has("deploy-1"), false, "a second decision finds nothing");
  assert.equal((await call("/approvals/deploy-1/approve")).statusCode, 409);
});

test("reject: SendTaskFailure with ApprovalRejectedError, which the workflows catch", async () => {
  const { call } = setup();
  assert.equal((await call("/approvals/deploy-1/reject", '{"comment":"freeze"}')).statusCode, 200);
  const [failure] = sfn.commandCalls(SendTaskFailureCommand);
  assert.equal(failure?.args[0].input.error, "ApprovalRejectedError");
  assert.equal(failure?.args[0].input.cause, "Rejected by arn:aws:iam::111122223333:user/ana: freeze.");
});

test("unauthenticated, unknown routes, bad bodies and path-like run ids are refused without a call", async () => {
  const { call } = setup();
  assert.equal((await call("/approvals/deploy-1/approve", "", null)).statusCode, 403);
  assert.equal((await call("/approvals/deploy-1/merge")).statusCode, 404);
  assert.equal((await call("/approvals/../../etc/approve")).statusCode, 404);
  assert.equal((await call("/approvals/deploy-1/approve", "{not json")).statusCode, 400);
  assert.equal(sfn.calls().length, 0);
});
