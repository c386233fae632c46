import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { describe, test } from "node:test";
import { localControlPlane } from "../../../functions/local.ts";
import {
  ApprovalTokenMismatchError,
  RunExistsError,
  RunNotFoundError,
  RunNotWaitingError,
} from "../../../src/runtime/errors.ts";
import { auditOf, workspace } from "../../helpers/control-plane.ts";

const workflowsDir = new URL("../../fixtures/workflows/", import.meta.url).pathname;
const SHOP_PROD = { app: "shop", env: "prod" };
const input = {
  id: "evt-7",
  source: "plinth.ci",
  "detail-type": "DeployRequested",
  detail: { app: "shop", env: "prod", principal: "ci@acme.dev" },
};

/** A clock tests move by hand. */
function clock(start = "2026-11-27T10:00:00.000Z") {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (seconds: number) => (now += seconds * 1000) };
}

function setup() {
  const time = clock();
  let applied = 0;
  const handlers = {
    apply: async () => {
      applied++;
      return { version: 4 };
    },
  };
  const ws = workspace({ workflowsDir, now: time.now, handlers });
  /** Another process over the same state directory, as `plinth approve` would be. */
  const later = () =>
    localControlPlane({
      stateDir: ws.stateDir,
      targetsRoot: ws.targetsRoot,
      workflowsDir,
      now: time.now,
      handlers,
    });
  return { ws, time, later, applied: () => applied };
}

describe("approvals with .waitForTaskToken, across processes", () => {
  test("a run waits at the approval, keeps its token secret, and an approve from another process finishes it", async () => {
    const { ws, later, applied } = setup();
    const run = await ws.plane.runner.run("approval", input, "deploy-evt-7");
    assert.equal(run.status, "WAITING");
    assert.equal(run.waiting?.state, "RequestApproval");
    assert.equal(run.waiting?.expiresAt, "2026-11-27T11:00:00.000Z");
    assert.equal(applied(), 0, "nothing after the approval ran");
    assert.deepEqual(run.steps.at(-1)?.state, "RequestApproval");
    assert.equal(run.steps.at(-1)?.status, "waiting");
    const pending = await ws.plane.approvals.get("deploy-evt-7");
    assert.ok(pending && pending.token.length >= 40);
    assert.ok(!JSON.stringify(run).includes(pending.token), "the run record holds only the token's hash");
    const requested = ws.events().filter((e) => e["detail-type"] === "ApprovalRequested");
    assert.equal(requested.length, 1);
    assert.ok(!JSON.stringify(requested).includes(pending.token), "the event does not carry the token");

    const other = later();
    const done = await other.runner.resume("deploy-evt-7", {
      approved: true,
      principal: "ana@acme.dev",
      token: pending.token,
    });
    assert.equal(done.status, "SUCCEEDED", JSON.stringify(done.error));
    assert.equal(applied(), 1);
    assert.deepEqual(
      (await auditOf(other, "deploy-evt-7", SHOP_PROD)).map((r) => [r.step, r.outcome, r.principal]),
      [
        ["Deploy", "started", "ci@acme.dev"],
        ["RequestApproval", "approved", "ana@acme.dev"],
        ["Deploy", "succeeded", "ci@acme.dev"],
      ],
    );
    const approval = (done.output as { approval: { approved: boolean; principal: string } }).approval;
    assert.deepEqual([approval.approved, approval.principal], [true, "ana@acme.dev"]);
    assert.deepEqual(ws.events().at(-1)?.detail, {
      app: "shop",
      env: "prod",
      runId: "deploy-evt-7",
      version: 4,
    });
    await assert.rejects(
      other.runner.resume("deploy-evt-7", { approved: true, principal: "x" }),
      RunNotWaitingError,
    );
  });

  test("a rejection ends in the failure path with a clear record; nothing is applied", async () => {
    const { ws, later, applied } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-8");
    const done = await later().runner.resume("deploy-evt-8", {
      approved: false,
      principal: "bo@acme.dev",
      comment: "not on a Friday",
    });
    assert.equal(done.status, "FAILED");
    assert.equal(applied(), 0);
    const records = await auditOf(ws.plane, "deploy-evt-8", SHOP_PROD);
    assert.deepEqual(records.at(-1)?.detail, {
      error: { name: "ApprovalRejectedError", message: "Rejected by bo@acme.dev: not on a Friday." },
    });
    assert.equal(records.at(-1)?.outcome, "rejected");
    const failed = ws.events().find((e) => e["detail-type"] === "DeployFailed");
    assert.equal(failed?.detail.step, "RequestApproval");
  });

  test("past its timeout the approval fails with States.Timeout, recorded as timed out", async () => {
    const { ws, time, later, applied } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-9");
    time.advance(3599);
    assert.deepEqual(await later().runner.expireApprovals(), [], "not yet");
    time.advance(2);
    const [expired] = await later().runner.expireApprovals();
    assert.equal(expired?.status, "FAILED");
    assert.equal(applied(), 0);
    const last = (await auditOf(ws.plane, "deploy-evt-9", SHOP_PROD)).at(-1);
    assert.deepEqual([last?.step, last?.outcome], ["RequestApproval", "timed-out"]);
  });

  test("an approve after the timeout, before any sweep, also times out instead of applying", async () => {
    const { ws, time, later, applied } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-10");
    time.advance(7200);
    const done = await later().runner.resume("deploy-evt-10", { approved: true, principal: "ana" });
    assert.equal(done.status, "FAILED");
    assert.equal(applied(), 0);
  });

  test("a wrong token, an unknown run and a run id that is a path are refused; the run still waits", async () => {
    const { ws } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-11");
    await assert.rejects(
      ws.plane.runner.resume("deploy-evt-11", { approved: true, principal: "m", token: "forged" }),
      ApprovalTokenMismatchError,
    );
    await assert.rejects(
      ws.plane.runner.resume("deploy-nope", { approved: true, principal: "m" }),
      RunNotFoundError,
    );
    await assert.rejects(
      ws.plane.runner.resume("../../etc/passwd", { approved: true, principal: "m" }),
      RunNotFoundError,
    );
    assert.equal((await ws.plane.runs.get("deploy-evt-11"))?.status, "WAITING");
  });

  test("two approvals racing: exactly one continues the run", async () => {
    const { ws, later, applied } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-12");
    const results = await Promise.allSettled([
      later().runner.resume("deploy-evt-12", { approved: true, principal: "a" }),
      later().runner.resume("deploy-evt-12", { approved: true, principal: "b" }),
    ]);
    assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
    assert.ok(results.some((r) => r.status === "rejected" && r.reason instanceof RunNotWaitingError));
    assert.equal(applied(), 1);
  });

  test("a lease left by a process that died does not block the run; a live one does", async () => {
    const { ws, applied } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-13");
    const lease = (pid: number, runId: string) =>
      ws.plane.store.putRecord({ collection: "run-leases", id: runId, data: { host: hostname(), pid } });
    await lease(spawnSync(process.execPath, ["-e", "0"]).pid as number, "deploy-evt-13");
    const done = await ws.plane.runner.resume("deploy-evt-13", { approved: true, principal: "ana" });
    assert.equal(done.status, "SUCCEEDED");
    assert.equal(applied(), 1);
    await ws.plane.runner.run("approval", { ...input, id: "evt-14" }, "deploy-evt-14");
    await lease(process.ppid, "deploy-evt-14");
    await assert.rejects(
      ws.plane.runner.resume("deploy-evt-14", { approved: true, principal: "ana" }),
      /already being resumed/,
    );
  });

  test("starting a run under a name in use is refused, the existing run untouched", async () => {
    const { ws } = setup();
    await ws.plane.runner.run("approval", input, "deploy-evt-15");
    await assert.rejects(ws.plane.runner.run("approval", input, "deploy-evt-15"), RunExistsError);
    assert.equal((await ws.plane.runs.get("deploy-evt-15"))?.status, "WAITING");
  });
});
