import assert from "node:assert/strict";
import { describe, test } from "node:test";
import middy from "@middy/core";
import { createApplyHandler } from "../../../functions/apply.ts";
import { createCheckpointHandler } from "../../../functions/checkpoint.ts";
import { createCodegenHandler } from "../../../functions/codegen.ts";
import { createCostEstimateHandler } from "../../../functions/cost-estimate.ts";
import { createDestroyHandler } from "../../../functions/destroy.ts";
import { lambdaContext } from "../../../functions/local.ts";
import {
  describedErrors,
  InvalidTaskInputError,
  InvalidTaskOutputError,
  validOutput,
} from "../../../functions/middleware.ts";
import { createPlanHandler } from "../../../functions/plan.ts";
import { createPolicyCheckHandler } from "../../../functions/policy-check.ts";
import { createRollbackHandler } from "../../../functions/rollback.ts";
import { createVerifyHandler } from "../../../functions/verify.ts";
import { Output as CheckpointOutput } from "../../../schemas/generated/handlers/checkpoint.validate.js";
import { InputError } from "../../../src/errors.ts";

const nothing = () => {
  throw new Error("a refused input must not reach the step");
};
const HANDLERS = {
  codegen: createCodegenHandler(nothing),
  "policy-check": createPolicyCheckHandler(nothing),
  "cost-estimate": createCostEstimateHandler(nothing),
  plan: createPlanHandler(nothing),
  checkpoint: createCheckpointHandler(nothing),
  apply: createApplyHandler(nothing),
  destroy: createDestroyHandler(nothing),
  verify: createVerifyHandler(nothing),
  rollback: createRollbackHandler(nothing),
};
const call = (handler: unknown, event: unknown) =>
  (handler as (e: unknown, c: unknown) => Promise<unknown>)(event, lambdaContext("t"));

const ref = { key: "runs/deploy-1/plan.json", bytes: 10, sha256: "a".repeat(64) };
const plan = {
  plan: ref,
  command: "apply",
  baseVersion: 0,
  planSha256: "b".repeat(64),
  changes: 1,
  summary: "1 to add, 0 to change, 0 to destroy",
  requiresApproval: false,
  region: "us-east-1",
};

describe("the deploy steps refuse input their schema does not allow, before doing anything", () => {
  for (const [name, handler] of Object.entries(HANDLERS)) {
    test(`${name}: an empty payload, and one with an extra field`, async () => {
      for (const event of [{}, { app: "shop", env: "dev", runId: "deploy-1", admin: true }])
        await assert.rejects(call(handler, event), (error: Error) => {
          assert.ok(error instanceof InvalidTaskInputError, String(error));
          assert.match(error.message, new RegExp(`^${name}: invalid input: `));
          return true;
        });
    });
  }

  const hostile: Array<[string, unknown, RegExp]> = [
    [
      "an app name with HCL interpolation",
      {
        app: '${file("/etc/passwd")}',
        env: "dev",
        runId: "r",
        principal: "p",
        plan,
        checkpoint: { version: 0 },
      },
      /app must match pattern/,
    ],
    [
      "an artifact key outside the store's characters",
      {
        app: "shop",
        env: "dev",
        runId: "deploy-1",
        principal: "p",
        plan: { ...plan, plan: { ...ref, key: "runs/x/%00plan.json" } },
        checkpoint: { version: 0 },
      },
      /key must match pattern/,
    ],
    [
      "a role that is not an IAM role ARN",
      {
        app: "shop",
        env: "dev",
        runId: "deploy-1",
        principal: "p",
        plan: { ...plan, roleArn: "arn:aws:iam::123456789012:user/admin" },
        checkpoint: { version: 0 },
      },
      /roleArn must match pattern/,
    ],
    [
      "a negative version to roll back to",
      { app: "shop", env: "dev", runId: "deploy-1", principal: "p", plan, checkpoint: { version: -1 } },
      /version must be >= 0/,
    ],
  ];
  for (const [what, event, message] of hostile)
    test(`apply: ${what}`, async () => {
      await assert.rejects(call(HANDLERS.apply, event), (error: Error) => {
        assert.ok(error instanceof InvalidTaskInputError);
        assert.match(error.message, message);
        return true;
      });
    });
});

describe("handler middleware", () => {
  test("an answer outside the step's contract is refused: the next step never reads it", async () => {
    const handler = middy()
      .use(validOutput(CheckpointOutput, "checkpoint"))
      .handler(async () => ({ version: "3" }));
    await assert.rejects(call(handler, {}), (error: Error) => {
      assert.ok(error instanceof InvalidTaskOutputError);
      assert.equal(error.name, "InvalidTaskOutputError");
      assert.match(error.message, /^checkpoint: invalid output: .*version must be integer/);
      return true;
    });
  });

  test("a plinth error leaves with its location and hint in the message (the workflow's Cause)", async () => {
    const handler = middy()
      .use(describedErrors())
      .handler(async () => {
        throw new InputError("Unknown component type `lambda`.", {
          location: { file: "plinth.yaml", line: 6, col: 11 },
          hint: "Use one of bucket, queue.",
        });
      });
    await assert.rejects(call(handler, {}), {
      name: "InputError",
      message: "plinth.yaml:6:11: Unknown component type `lambda`. Use one of bucket, queue.",
    });
  });
});
