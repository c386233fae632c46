import assert from "node:assert/strict";
import { test } from "node:test";
import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { GetQueueUrlCommand } from "@aws-sdk/client-sqs";
import { applyStack, destroyStack, planStack } from "../../../src/engine/cloudformation/stack-deployer.ts";
import type { EngineEvent } from "../../../src/engine/engine-events.ts";
import { motoClients } from "../../helpers/aws.ts";

const template = (bucket: string) =>
  JSON.stringify({
    AWSTemplateFormatVersion: "2010-09-09",
    Resources: {
      Jobs: { Type: "AWS::SQS::Queue", Properties: { QueueName: "cfn-jobs" } },
      Assets: { Type: "AWS::S3::Bucket", Properties: { BucketName: bucket } },
    },
  });

// CloudFormation mode's deployer on moto: a change set describes the plan, executing it creates the
// stack's resources (visible through the services' APIs), deleting the stack removes them. moto's
// change-set updates are unreliable (resources replaced or lost), so updates are not asserted here.
test("a stack is planned as a change set, created, and deleted on moto", async () => {
  const clients = await motoClients();
  const options = { clients, sleep: async () => {} };
  const bucket = `cfn-assets-${Date.now()}`;
  const plan = await planStack(options, "plinth-cfn-dev", template(bucket), { "plinth:app": "cfn" });
  assert.equal(plan.stackExists, false);
  assert.deepEqual(plan.changes.map((c) => `${c.action} ${c.type} ${c.logicalId}`).sort(), [
    "create AWS::S3::Bucket Assets",
    "create AWS::SQS::Queue Jobs",
  ]);
  const events: EngineEvent[] = [];
  const outcome = await applyStack({ ...options, onEvent: (e) => events.push(e) }, plan);
  assert.equal(outcome.status, "CREATE_COMPLETE");
  assert.equal(outcome.resources.Assets, bucket);
  assert.ok(
    events.some((e) => e.type === "resource.finished"),
    "stack events became progress events",
  );
  await clients.s3().send(new HeadBucketCommand({ Bucket: bucket }));
  assert.match(
    (await clients.sqs().send(new GetQueueUrlCommand({ QueueName: "cfn-jobs" }))).QueueUrl ?? "",
    /cfn-jobs$/,
  );

  await destroyStack(options, "plinth-cfn-dev");
  await assert.rejects(clients.sqs().send(new GetQueueUrlCommand({ QueueName: "cfn-jobs" })), {
    name: "AwsNotFoundError",
  });
  await destroyStack(options, "plinth-cfn-dev");
});

test("a template over CloudFormation's inline limit is refused in one sentence before any call", async () => {
  const clients = await motoClients();
  const huge = JSON.stringify({ Resources: {}, Description: "x".repeat(60_000) });
  await assert.rejects(
    planStack({ clients, sleep: async () => {} }, "plinth-big-dev", huge),
    (error: Error) => {
      assert.equal(error.name, "StackFailedError");
      assert.match(error.message, /takes at most 50 KB inline/);
      return true;
    },
  );
  assert.equal(clients.calls, 0);
});
