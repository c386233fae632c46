import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import {
  deliveriesIn,
  receiveGitHubWebhook,
  verifyGitHubSignature,
} from "../../../src/control/github-webhook.ts";
import { LocalFileStore } from "../../../src/state/local-file-store.ts";
import { PULL_REQUEST } from "../../fixtures/github.ts";
import { RecordingPublisher } from "../../helpers/events.ts";

const secret = "It's a Secret to Everybody";
const sign = (body: string, key = secret) => `sha256=${createHmac("sha256", key).update(body).digest("hex")}`;

describe("X-Hub-Signature-256", () => {
  // GitHub's documented example: secret "It's a Secret to Everybody", payload "Hello, World!".
  test("matches GitHub's documented test vector", () => {
    assert.equal(
      sign("Hello, World!"),
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
    assert.ok(verifyGitHubSignature(secret, "Hello, World!", sign("Hello, World!")));
  });

  const cases: Array<[string, string | undefined]> = [
    ["missing", undefined],
    ["empty", ""],
    ["another secret's", sign("Hello, World!", "other")],
    ["for another body", sign("Hello, World?")],
    ["too short", sign("Hello, World!").slice(0, -2)],
    ["too long", `${sign("Hello, World!")}00`],
    ["sha1 instead", `sha1=${createHmac("sha1", secret).update("Hello, World!").digest("hex")}`],
    ["upper-case hex", sign("Hello, World!").toUpperCase()],
    ["not hex", `sha256=${"z".repeat(64)}`],
  ];
  for (const [name, header] of cases) {
    test(`refuses a ${name} signature without throwing`, () => {
      assert.equal(verifyGitHubSignature(secret, "Hello, World!", header), false);
    });
  }
});

describe("receiveGitHubWebhook", () => {
  const deps = () => ({
    secret,
    deliveries: deliveriesIn(
      new LocalFileStore(mkdtempSync(join(tmpdir(), "plinth-deliveries-"))),
      () => new Date(),
    ),
    publisher: new RecordingPublisher(),
  });
  const request = (body: string, headers: Record<string, string | undefined> = {}) => ({
    body,
    headers: {
      "x-hub-signature-256": sign(body),
      "x-github-event": "pull_request",
      "x-github-delivery": "72d3162e-cc78-11e3-81ab-4c9367dc0958",
      ...headers,
    },
  });

  test("a signed pull_request becomes one PullRequestChanged event", async () => {
    const d = deps();
    const response = await receiveGitHubWebhook(request(PULL_REQUEST), d);
    assert.deepEqual(response, { status: 202, body: { message: "Accepted.", event: "event-1" } });
    assert.deepEqual(d.publisher.events[0]?.detail, {
      repo: "acme/shop",
      number: 7,
      action: "opened",
      headSha: "0123456789abcdef",
      headRef: "feature",
      baseRef: "main",
      sender: "octocat",
      deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958",
    });
  });

  test("a replayed delivery is acknowledged and publishes nothing", async () => {
    const d = deps();
    await receiveGitHubWebhook(request(PULL_REQUEST), d);
    const again = await receiveGitHubWebhook(request(PULL_REQUEST), d);
    assert.deepEqual(again, { status: 200, body: { message: "Delivery already received." } });
    assert.equal(d.publisher.events.length, 1);
  });

  test("an invalid or missing signature is 401 and nothing is read, remembered or published", async () => {
    const d = deps();
    for (const header of [undefined, sign(PULL_REQUEST, "wrong"), "sha256=00"]) {
      const response = await receiveGitHubWebhook(
        request(PULL_REQUEST, { "x-hub-signature-256": header }),
        d,
      );
      assert.equal(response.status, 401);
    }
    assert.equal(d.publisher.events.length, 0);
    assert.equal(
      (await receiveGitHubWebhook(request(PULL_REQUEST), d)).status,
      202,
      "the delivery id was not burnt",
    );
  });

  test("other events are ignored; a body that is not JSON is 400; an oversized body is 413", async () => {
    const d = deps();
    assert.equal((await receiveGitHubWebhook(request("{}", { "x-github-event": "ping" }), d)).status, 202);
    assert.equal((await receiveGitHubWebhook(request("{not json"), d)).status, 400);
    assert.equal((await receiveGitHubWebhook(request("x".repeat(1024 * 1024 + 1)), d)).status, 413);
    assert.equal(d.publisher.events.length, 0);
  });

  test("hostile field values are refused by the event schema, not published", async () => {
    const d = deps();
    const body = PULL_REQUEST.replace('"acme/shop"', '"acme/shop\\"; rm -rf /"');
    const response = await receiveGitHubWebhook(request(body), d);
    assert.equal(response.status, 400);
    assert.match(response.body.message, /detail.repo must match pattern/);
    assert.equal(d.publisher.events.length, 0);
  });
});
