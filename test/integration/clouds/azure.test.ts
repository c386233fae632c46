import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { HttpRequest, InvocationContext } from "@azure/functions";
import { createAzureStartWorkflow, createAzureWebhook } from "../../../functions/azure/handlers.ts";
import { deliveriesIn } from "../../../src/control/github-webhook.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { PULL_REQUEST } from "../../fixtures/github.ts";
import { RecordingPublisher } from "../../helpers/events.ts";
import { RecordingStarter } from "../../helpers/recording-starter.ts";

function deps() {
  const starter = new RecordingStarter();
  const publisher = new RecordingPublisher();
  const d = {
    starter,
    publisher,
    secret: async () => "azure-secret",
    deliveries: deliveriesIn(new LocalFileStore(mkdtempSync(join(tmpdir(), "plinth-az-"))), () => new Date()),
  };
  return { d, starter, publisher };
}
const context = () => new InvocationContext({ functionName: "test", invocationId: "inv-1" });
const event = {
  version: "0",
  id: "grid-evt-1",
  source: "plinth.operator",
  "detail-type": "DestroyRequested",
  account: "000000000000",
  time: "2026-11-27T10:00:00Z",
  region: "us-east-1",
  resources: [],
  detail: { app: "shop", env: "dev", principal: "ana" },
};

describe("Azure Functions v4 entry points (HttpRequest / InvocationContext, in-process)", () => {
  test("githubWebhook: a valid signature publishes, an invalid one is 401", async () => {
    const { d, publisher } = deps();
    const handler = createAzureWebhook(() => d);
    const request = (signature: string) =>
      new HttpRequest({
        method: "POST",
        url: "https://plinth.azurewebsites.net/api/githubWebhook",
        headers: {
          "X-GitHub-Event": "pull_request",
          "X-GitHub-Delivery": "az-1",
          "X-Hub-Signature-256": signature,
        },
        body: { string: PULL_REQUEST },
      });
    assert.equal((await handler(request("sha256=00"), context())).status, 401);
    const signature = `sha256=${createHmac("sha256", "azure-secret").update(PULL_REQUEST).digest("hex")}`;
    const response = await handler(request(signature), context());
    assert.equal(response.status, 202);
    assert.equal(publisher.events.length, 1);
  });

  test("startWorkflow answers Event Grid's CloudEvents validation handshake", async () => {
    const { d } = deps();
    const response = await createAzureStartWorkflow(() => d)(
      new HttpRequest({
        method: "OPTIONS",
        url: "https://x/api/startWorkflow",
        headers: { "WebHook-Request-Origin": "eventgrid.azure.net" },
      }),
      context(),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(response.headers, { "WebHook-Allowed-Origin": "eventgrid.azure.net" });
  });

  test("startWorkflow starts a run per CloudEvent (batch), once per event id; a malformed event is dropped", async () => {
    const { d, starter } = deps();
    const handler = createAzureStartWorkflow(() => d);
    const cloudEvent = (data: unknown) => ({
      specversion: "1.0",
      type: "plinth.event",
      source: "/plinth",
      id: "ce-1",
      data,
    });
    const body = JSON.stringify([
      cloudEvent(event),
      cloudEvent(event),
      cloudEvent({ ...event, detail: { app: "../x" } }),
    ]);
    const response = await handler(
      new HttpRequest({
        method: "POST",
        url: "https://x/api/startWorkflow",
        headers: { "content-type": "application/cloudevents-batch+json" },
        body: { string: body },
      }),
      context(),
    );
    assert.equal(response.status, 200);
    assert.deepEqual(
      starter.started.map((s) => [s.workflow, s.runId]),
      [["destroy", "destroy-grid-evt-1"]],
    );
    const deliveries = (response.jsonBody as { deliveries: Array<{ started: boolean }> }).deliveries;
    assert.deepEqual(
      deliveries.map((x) => x.started),
      [true, false],
    );
  });
});
