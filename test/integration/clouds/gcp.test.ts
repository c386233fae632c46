import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { registerGcpFunctions } from "../../../functions/gcp/register.ts";
import { deliveriesIn } from "../../../src/control/github-webhook.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { PULL_REQUEST } from "../../fixtures/github.ts";
import { RecordingPublisher } from "../../helpers/events.ts";
import { pubsubEmulator } from "../../helpers/pubsub.ts";
import { RecordingStarter } from "../../helpers/recording-starter.ts";

const starter = new RecordingStarter();
const publisher = new RecordingPublisher();
registerGcpFunctions(() => ({
  starter,
  publisher,
  secret: async () => "gcp-secret",
  deliveries: deliveriesIn(new LocalFileStore(mkdtempSync(join(tmpdir(), "plinth-gcp-"))), () => new Date()),
}));

const servers: Server[] = [];
async function serve(name: string): Promise<string> {
  const server = getTestServer(name);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
after(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

describe("GCP entry points (functions-framework getTestServer)", () => {
  test("githubWebhook verifies the signature over the raw body and publishes PullRequestChanged", async () => {
    const url = await serve("githubWebhook");
    const headers = {
      "content-type": "application/json",
      "x-github-event": "pull_request",
      "x-github-delivery": "gcp-1",
    };
    const signature = `sha256=${createHmac("sha256", "gcp-secret").update(PULL_REQUEST).digest("hex")}`;
    const bad = await fetch(url, {
      method: "POST",
      body: PULL_REQUEST,
      headers: { ...headers, "x-hub-signature-256": "sha256=00" },
    });
    assert.equal(bad.status, 401);
    const good = await fetch(url, {
      method: "POST",
      body: PULL_REQUEST,
      headers: { ...headers, "x-hub-signature-256": signature },
    });
    assert.equal(good.status, 202);
    assert.equal(publisher.events.at(-1)?.["detail-type"], "PullRequestChanged");
  });
});

describe("GCP startWorkflow triggered through the Pub/Sub emulator (push subscription)", () => {
  let emulator: string;
  before(async () => {
    emulator = await pubsubEmulator();
  });

  test("a plinth event published to the topic starts its workflow once, named after the event id", async () => {
    const url = await serve("startWorkflow");
    const project = "plinth-test";
    const put = (path: string, body: unknown) =>
      fetch(`${emulator}/v1/projects/${project}/${path}`, {
        method: "PUT",
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
    assert.equal((await put("topics/plinth-events", {})).status, 200);
    const subscription = await put("subscriptions/start-workflow", {
      topic: `projects/${project}/topics/plinth-events`,
      pushConfig: { pushEndpoint: `${url}/projects/${project}/topics/plinth-events` },
      ackDeadlineSeconds: 10,
    });
    assert.equal(subscription.status, 200, await subscription.text());
    const event = {
      version: "0",
      id: "pubsub-evt-1",
      source: "plinth.ci",
      "detail-type": "DeployRequested",
      account: "000000000000",
      time: "2026-11-27T10:00:00Z",
      region: "us-east-1",
      resources: [],
      detail: { app: "shop", env: "dev", principal: "ci" },
    };
    const publish = (payload: string) =>
      fetch(`${emulator}/v1/projects/${project}/topics/plinth-events:publish`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ messages: [{ data: Buffer.from(payload).toString("base64") }] }),
      });
    assert.equal((await publish("not json")).status, 200);
    assert.equal((await publish(JSON.stringify(event))).status, 200);
    assert.equal((await publish(JSON.stringify(event))).status, 200, "a second delivery of the same event");
    await starter.until(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(
      starter.started.map((s) => [s.workflow, s.runId, s.input.detail]),
      [["deploy", "deploy-pubsub-evt-1", event.detail]],
    );
  });
});
