import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { createControlServer } from "../../../src/runtime/control-server.ts";
import { PULL_REQUEST } from "../../fixtures/github.ts";
import { assertMatchesCliSchema } from "../../helpers/cli-schemas.ts";
import { type Workspace, workspace } from "../../helpers/control-plane.ts";

const workflowsDir = new URL("../../fixtures/workflows/", import.meta.url).pathname;
/** A control server over a workspace, on a free loopback port. */
async function serve(ws: Workspace): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createControlServer({ ...ws.plane, webhookSecret: "s3cret" });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let ws: Workspace;
let base: string;
let approvalsWs: Workspace;
let approvalsBase: string;
const closers: Array<() => Promise<void>> = [];

before(async () => {
  ws = workspace();
  approvalsWs = workspace({ workflowsDir });
  const main = await serve(ws);
  const approvals = await serve(approvalsWs);
  base = main.base;
  approvalsBase = approvals.base;
  closers.push(main.close, approvals.close);
});
after(() => Promise.all(closers.map((close) => close())));

const post = (path: string, body: string, headers: Record<string, string> = {}, at = base) =>
  fetch(`${at}${path}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", ...headers },
  });

describe("plinth serve's HTTP endpoint (in-process)", () => {
  test("POST /events routes an event and answers with its deliveries", async () => {
    const response = await post(
      "/events",
      JSON.stringify({
        id: "h-1",
        source: "plinth.operator",
        "detail-type": "ScanRequested",
        detail: { kind: "cost" },
      }),
    );
    assert.equal(response.status, 202);
    const body = (await response.json()) as { events: Array<{ deliveries: Array<{ runId: string }> }> };
    assert.equal(body.events[0]?.deliveries[0]?.runId, "scheduled-scan-h-1");
    const run = await fetch(`${base}/runs/scheduled-scan-h-1`);
    assert.equal(((await run.json()) as { status: string }).status, "SUCCEEDED");
  });

  test("bad bodies: not JSON 400, an invalid event 400 with the reason, too large 413, unknown route 404", async () => {
    assert.equal((await post("/events", "{")).status, 400);
    const invalid = await post(
      "/events",
      JSON.stringify({ source: "plinth.ci", "detail-type": "DeployRequested", detail: {} }),
    );
    assert.equal(invalid.status, 400);
    assert.match(((await invalid.json()) as { message: string }).message, /lacks the required `app`/);
    assert.equal((await post("/events", "x".repeat(2 * 1024 * 1024))).status, 413);
    assert.equal((await fetch(`${base}/nothing`)).status, 404);
    assert.equal(
      (await fetch(`${base}/runs/..%2F..%2Fetc`)).status,
      404,
      "a run id that is a path is just not a run",
    );
  });

  test("POST /webhooks/github checks the signature and publishes PullRequestChanged", async () => {
    const signature = `sha256=${createHmac("sha256", "s3cret").update(PULL_REQUEST).digest("hex")}`;
    const headers = { "x-github-event": "pull_request", "x-github-delivery": "d-http-1" };
    assert.equal(
      (await post("/webhooks/github", PULL_REQUEST, { ...headers, "x-hub-signature-256": "sha256=00" }))
        .status,
      401,
    );
    assert.equal(
      (await post("/webhooks/github", PULL_REQUEST, { ...headers, "x-hub-signature-256": signature })).status,
      202,
    );
    assert.equal(
      (await post("/webhooks/github", PULL_REQUEST, { ...headers, "x-hub-signature-256": signature })).status,
      200,
    );
    assert.equal(ws.events().filter((e) => e["detail-type"] === "PullRequestChanged").length, 1);
  });

  test("POST /approvals/<run>/approve needs the run's token; with it the run continues", async () => {
    const input = {
      id: "h-2",
      source: "plinth.ci",
      "detail-type": "DeployRequested",
      detail: { app: "shop", env: "prod", principal: "ci" },
    };
    await approvalsWs.plane.runner.run("approval-only", input, "deploy-h-2");
    const pending = await approvalsWs.plane.approvals.get("deploy-h-2");
    assert.ok(pending);
    const approve = (headers: Record<string, string>, body = "", path = "/approvals/deploy-h-2/approve") =>
      post(path, body, headers, approvalsBase);
    assert.equal((await approve({})).status, 401);
    assert.equal((await approve({ "x-plinth-approval-token": "forged" })).status, 403);
    assert.equal(
      (await approve({ "x-plinth-approval-token": pending.token }, "", "/approvals/deploy-h-2/launch"))
        .status,
      404,
    );
    const ok = await approve(
      { "x-plinth-approval-token": pending.token, "x-plinth-principal": "ana" },
      '{"comment":"lgtm"}',
    );
    assert.deepEqual(await ok.json(), { runId: "deploy-h-2", status: "SUCCEEDED" });
    assert.equal(await approvalsWs.plane.approvals.get("deploy-h-2"), undefined);
    assert.equal((await approve({ "x-plinth-approval-token": pending.token })).status, 409);
  });
});

describe("plinth serve (the real binary)", () => {
  test("listens on loopback, reports its schedules, answers /healthz, and stops on SIGTERM", async () => {
    const bin = new URL("../../../bin/plinth.js", import.meta.url).pathname;
    const child = spawn(
      process.execPath,
      [bin, "serve", "--port", "0", "--json", "--state-dir", ws.stateDir, "--targets", ws.targetsRoot],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
          if (out.includes("\n")) resolve(out.split("\n")[0] as string);
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const started = JSON.parse(line);
      assertMatchesCliSchema("serve.schema.json", started);
      assert.deepEqual(
        started.schedules.map((s: { name: string }) => s.name),
        ["nightly-drift-scan", "weekly-cost-scan"],
      );
      const health = await fetch(`${started.url}/healthz`);
      assert.equal(health.status, 200);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
    }
  });

  test("refuses to listen on a non-loopback address", async () => {
    const { runCli } = await import("../../helpers/cli.ts");
    const result = await runCli(["serve", "--host", "0.0.0.0"]);
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /^error: plinth serve listens on loopback only, not 0\.0\.0\.0\. Put a TLS reverse proxy/,
    );
  });
});
