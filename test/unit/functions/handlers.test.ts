import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lambdaContext } from "../../../functions/local.ts";
import { InvalidTaskInputError } from "../../../functions/middleware.ts";
import { createRecordFailureHandler } from "../../../functions/record-failure.ts";
import { createRequestApprovalHandler } from "../../../functions/request-approval.ts";
import { createWriteAuditHandler } from "../../../functions/write-audit.ts";
import type { ApprovalStore, PendingApproval } from "../../../src/control/approvals.ts";
import { CONTROL_PLANE_KEY } from "../../../src/control/audit-trail.ts";
import { tempStore } from "../../helpers/engine.ts";
import { RecordingPublisher } from "../../helpers/events.ts";

const now = () => new Date("2026-11-27T10:00:00Z");
const call = (handler: (e: never, c: never) => Promise<unknown>, event: unknown) =>
  handler(event as never, lambdaContext("t") as never);

describe("handlers refuse input their schema does not allow, before doing anything", () => {
  const { store } = tempStore();
  const writeAudit = createWriteAuditHandler(() => ({ store, now }));
  const base = { workflow: "deploy", runId: "deploy-1", step: "Plan", outcome: "succeeded" };
  const hostile: Array<[string, unknown, RegExp]> = [
    [
      "a step name with HCL interpolation",
      { ...base, step: '${file("/etc/passwd")}' },
      /step must match pattern/,
    ],
    ["an unknown outcome", { ...base, outcome: "deleted" }, /outcome must be one of/],
    ["a run id that is a path", { ...base, runId: "../../etc" }, /runId must match pattern/],
    ["an extra field", { ...base, admin: true }, /unknown property `admin`/],
    [
      "a huge principal",
      { ...base, principal: "p".repeat(1_000_000) },
      /principal must NOT have more than 256 characters/,
    ],
    ["not an object", "DROP TABLE audit", /the payload must be object/],
  ];
  for (const [name, event, message] of hostile) {
    test(`write-audit: ${name}`, async () => {
      await assert.rejects(call(writeAudit, event), (error: Error) => {
        assert.ok(error instanceof InvalidTaskInputError);
        assert.equal(error.name, "InvalidTaskInputError");
        assert.match(error.message, message);
        assert.ok(error.message.length < 400, "the payload is not echoed back");
        return true;
      });
      assert.deepEqual(await store.listAudit(CONTROL_PLANE_KEY), []);
    });
  }

  test("write-audit appends exactly one record with the clock's time", async () => {
    const result = (await call(writeAudit, { ...base, principal: "ci", detail: { changes: 3 } })) as {
      id: string;
    };
    assert.match(result.id, /^2026-11-27T10:00:00\.000Z#[0-9a-f]{12}$/);
    assert.deepEqual(
      (await store.listAudit(CONTROL_PLANE_KEY)).map((r) => [r.step, r.outcome, r.principal, r.detail]),
      [["Plan", "succeeded", "ci", { changes: 3 }]],
    );
  });

  test("record-failure: audits the failed step and announces DeployFailed with a one-line message", async () => {
    const { store } = tempStore();
    const publisher = new RecordingPublisher();
    const handler = createRecordFailureHandler(() => ({ store, publisher, now }));
    const cause = JSON.stringify({
      errorType: "StalePlanError",
      errorMessage: "The plan is stale.\nat apply (x.ts:1)",
      trace: ["at x"],
    });
    const result = (await call(handler, {
      workflow: "deploy",
      runId: "deploy-1",
      app: "shop",
      env: "dev",
      principal: "ci",
      failure: { Apply: { Error: "StalePlanError", Cause: cause } },
    })) as { step: string };
    assert.equal(result.step, "Apply");
    assert.deepEqual((await store.listAudit({ app: "shop", env: "dev" }))[0]?.detail, {
      error: { name: "StalePlanError", message: "The plan is stale." },
    });
    assert.deepEqual(publisher.events[0]?.detail, {
      app: "shop",
      env: "dev",
      runId: "deploy-1",
      step: "Apply",
      error: { name: "StalePlanError", message: "The plan is stale." },
    });
    await assert.rejects(
      call(handler, { workflow: "deploy", runId: "deploy-1", failure: {} }),
      InvalidTaskInputError,
    );
    await assert.rejects(
      call(handler, {
        workflow: "deploy",
        runId: "deploy-1",
        failure: { A: { Error: "x" }, B: { Error: "y" } },
      }),
      InvalidTaskInputError,
    );
  });

  test("request-approval: keeps the token in the store only, announces the expiry", async () => {
    const stored: PendingApproval[] = [];
    const approvals: ApprovalStore = {
      put: async (a) => void stored.push(a),
      get: async () => undefined,
      delete: async () => undefined,
    };
    const publisher = new RecordingPublisher();
    const handler = createRequestApprovalHandler(() => ({ approvals, publisher, now }));
    const token = "AAAAKgAAAAIAAAAAAAAAAR".repeat(10);
    await call(handler, {
      token,
      runId: "deploy-1",
      app: "shop",
      env: "prod",
      timeoutSeconds: 3600,
      summary: "3 to add",
    });
    assert.equal(stored[0]?.token, token);
    assert.equal(stored[0]?.expiresAt, "2026-11-27T11:00:00Z");
    assert.ok(!JSON.stringify(publisher.events).includes(token));
    await assert.rejects(
      call(handler, { token, runId: "deploy-1", app: "shop", env: "prod", timeoutSeconds: 10 }),
      /timeoutSeconds must be >= 60/,
    );
  });
});
