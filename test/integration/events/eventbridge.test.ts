import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import {
  CreateEventBusCommand,
  EventBridgeClient,
  PutEventsCommand,
  PutRuleCommand,
  PutTargetsCommand,
} from "@aws-sdk/client-eventbridge";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { resolveReference } from "../../../src/artifacts/offload.ts";
import { S3ArtifactStore } from "../../../src/artifacts/s3-artifact-store.ts";
import { InvalidEventError } from "../../../src/events/errors.ts";
import { EventBridgePublisher } from "../../../src/events/eventbridge-publisher.ts";
import { matchesPattern } from "../../../src/events/pattern-matcher.ts";
import { ROUTES } from "../../../src/events/routes.ts";
import { PATTERN_CASES } from "../../fixtures/pattern-cases.ts";
import { freshMoto, type MotoClientConfig, uniqueBucket } from "../../helpers/aws.ts";

let config: MotoClientConfig;
let events: EventBridgeClient;
let sqs: SQSClient;

before(async () => {
  config = await freshMoto();
  events = new EventBridgeClient(config);
  sqs = new SQSClient(config);
});

/** A queue subscribed to `pattern` on `bus`; returns its URL. */
async function queueFor(bus: string, name: string, pattern: unknown): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  await events.send(
    new PutRuleCommand({ Name: name, EventBusName: bus, EventPattern: JSON.stringify(pattern) }),
  );
  await events.send(
    new PutTargetsCommand({
      Rule: name,
      EventBusName: bus,
      Targets: [{ Id: "queue", Arn: Attributes?.QueueArn }],
    }),
  );
  return QueueUrl as string;
}

async function receive(queueUrl: string): Promise<Array<Record<string, unknown>>> {
  const { Messages } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }),
  );
  return (Messages ?? []).map((m) => JSON.parse(m.Body as string));
}

describe("the pattern matcher agrees with moto's EventBridge (rule → SQS delivery)", () => {
  test("every documented case moto implements is delivered exactly when the matcher says so", async () => {
    await events.send(new CreateEventBusCommand({ Name: "patterns" }));
    const cases = PATTERN_CASES.map((c, i) => ({ ...c, i })).filter((c) => c.moto !== false);
    // Each case's rule also requires its own case number, so one batch of events tests all rules.
    const queues = await Promise.all(
      cases.map((c) => {
        const pattern = c.pattern as Record<string, unknown>;
        const detail = { ...((pattern.detail as object) ?? {}), caseId: [c.i] };
        return queueFor("patterns", `case-${c.i}`, { ...pattern, detail });
      }),
    );
    for (let start = 0; start < cases.length; start += 10) {
      const batch = cases.slice(start, start + 10);
      const { FailedEntryCount } = await events.send(
        new PutEventsCommand({
          Entries: batch.map((c) => ({
            EventBusName: "patterns",
            Source: c.event.source as string,
            DetailType: c.event["detail-type"] as string,
            Detail: JSON.stringify({ ...(c.event.detail as object), caseId: c.i }),
          })),
        }),
      );
      assert.equal(FailedEntryCount, 0);
    }
    const disagreements: string[] = [];
    for (const [index, c] of cases.entries()) {
      const delivered = (await receive(queues[index] as string)).length > 0;
      const ours = matchesPattern(c.pattern, c.event);
      assert.equal(ours, c.matches, `the matcher on ${c.name}`);
      if (delivered !== c.matches)
        disagreements.push(`${c.name}: moto ${delivered ? "delivered" : "did not deliver"}`);
    }
    assert.deepEqual(disagreements, [], "moto and the documented semantics agree");
  });
});

describe("EventBridgePublisher against moto", () => {
  test("a DeployRequested event reaches the queue of the deploy rule, in EventBridge's envelope", async () => {
    await events.send(new CreateEventBusCommand({ Name: "plinth" }));
    const route = ROUTES.find((r) => r.workflow === "deploy");
    assert.ok(route);
    const queue = await queueFor("plinth", "deploy-requested", route.pattern);
    const other = await queueFor(
      "plinth",
      "scan-requested",
      ROUTES.find((r) => r.workflow === "scheduled-scan")?.pattern,
    );
    const s3 = new S3Client(config);
    const bucket = uniqueBucket("artifacts");
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const publisher = new EventBridgePublisher({
      client: events,
      busName: "plinth",
      artifacts: new S3ArtifactStore({ client: s3, bucket }),
    });
    const detail = {
      app: "shop",
      env: "dev",
      principal: "ci@acme.dev",
      repo: "acme/shop",
      commit: "0123abcd",
    };
    const id = await publisher.publish({ source: "plinth.ci", "detail-type": "DeployRequested", detail });
    const [message, ...more] = await receive(queue);
    assert.equal(more.length, 0);
    assert.equal(message?.id, id);
    assert.equal(message?.source, "plinth.ci");
    assert.equal(message?.["detail-type"], "DeployRequested");
    assert.deepEqual(message?.detail, detail);
    assert.deepEqual(await receive(other), [], "the scan rule does not see a deploy");
  });

  test("a detail over the threshold travels as a reference to the artifact bucket and reads back intact", async () => {
    await events.send(new CreateEventBusCommand({ Name: "big" }));
    const queue = await queueFor("big", "approvals", { "detail-type": ["ApprovalRequested"] });
    const s3 = new S3Client(config);
    const bucket = uniqueBucket("big-artifacts");
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const artifacts = new S3ArtifactStore({ client: s3, bucket });
    // Event schemas cap every field, so no valid plinth event reaches 200 KB today; a lower threshold
    // exercises the same path.
    const publisher = new EventBridgePublisher({
      client: events,
      busName: "big",
      artifacts,
      offloadThreshold: 512,
    });
    const detail = {
      app: "shop",
      env: "prod",
      runId: "deploy-1",
      expiresAt: "2026-01-01T00:00:00Z",
      summary: "x".repeat(1000),
    };
    const id = await publisher.publish({
      source: "plinth.control",
      "detail-type": "ApprovalRequested",
      detail,
    });
    const [message] = await receive(queue);
    assert.equal(message?.id, id);
    assert.match(
      JSON.stringify(message?.detail),
      /^\{"\$artifact":\{"key":"events\/ApprovalRequested\/[0-9a-f]{64}\.json"/,
    );
    assert.deepEqual(await resolveReference(message?.detail, artifacts), detail);
  });

  test("an invalid event is refused before anything is sent", async () => {
    const publisher = new EventBridgePublisher({
      client: events,
      busName: "nowhere",
      artifacts: new S3ArtifactStore({ client: new S3Client(config), bucket: "none" }),
    });
    await assert.rejects(
      publisher.publish({
        source: "plinth.ci",
        "detail-type": "DeployRequested",
        detail: { app: "Shop!", env: "dev" },
      }),
      (error: Error) => {
        assert.ok(error instanceof InvalidEventError);
        assert.match(error.message, /^The event \(DeployRequested\) is invalid: .*detail/);
        return true;
      },
    );
  });
});
