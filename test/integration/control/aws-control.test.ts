import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { CreateStateMachineCommand, ListExecutionsCommand, SFNClient } from "@aws-sdk/client-sfn";
import { lambdaContext } from "../../../functions/local.ts";
import { createStartWorkflowHandler } from "../../../functions/start-workflow.ts";
import { approvalsIn } from "../../../src/control/approvals.ts";
import { auditOfRun, auditStep } from "../../../src/control/audit-trail.ts";
import { deliveriesIn } from "../../../src/control/github-webhook.ts";
import { StoreTargetSource } from "../../../src/control/target-records.ts";
import { StoreRunStore } from "../../../src/runtime/run-records.ts";
import { SfnWorkflowStarter } from "../../../src/runtime/sfn-starter.ts";
import { createStateTable, DynamoDbStore } from "../../../src/state/dynamodb-store.ts";
import { freshMoto, motoClients } from "../../helpers/aws.ts";

describe("start-workflow against moto's Step Functions", () => {
  test("one execution per event id: a redelivered event starts nothing new", async () => {
    const config = await freshMoto();
    const sfn = new SFNClient(config);
    // moto stores executions without running them; the definition only has to be valid ASL.
    const definition = readFileSync(
      new URL("../../../workflows/scheduled-scan.asl.json", import.meta.url),
      "utf8",
    ).replaceAll(/\$\{function:([a-z-]+)\}/g, "arn:aws:lambda:us-east-1:123456789012:function:plinth-$1");
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: "plinth-scheduled-scan",
        definition,
        roleArn: `arn:aws:iam::${config.accountId}:role/plinth-scheduled-scan`,
      }),
    );
    const handler = createStartWorkflowHandler(() => ({
      starter: new SfnWorkflowStarter({
        client: sfn,
        stateMachines: { "scheduled-scan": stateMachineArn as string },
      }),
    }));
    const event = {
      version: "0",
      id: "0f5c8a1e-redelivered",
      "detail-type": "ScanRequested",
      source: "plinth.scheduler",
      account: "123456789012",
      time: "2026-11-27T03:00:00Z",
      region: "us-east-1",
      resources: [],
      detail: { kind: "drift", schedule: "nightly-drift-scan" },
    };
    const first = await handler(event as never, lambdaContext("start-workflow"));
    const second = await handler(event as never, lambdaContext("start-workflow"));
    assert.equal(first.deliveries[0]?.runId, "scheduled-scan-0f5c8a1e-redelivered");
    assert.equal(second.deliveries[0]?.runId, first.deliveries[0]?.runId);
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    assert.deepEqual(
      executions?.map((e) => e.name),
      ["scheduled-scan-0f5c8a1e-redelivered"],
    );
  });
});

describe("the control plane's records in the one state table (DynamoDbStore on moto)", () => {
  /** A DynamoDbStore on a table of its own, with a clock the test moves. */
  async function store(start = "2026-11-27T10:00:00Z") {
    const clients = await motoClients();
    const table = `plinth-state-${randomBytes(4).toString("hex")}`;
    await createStateTable(clients, table);
    let clock = Date.parse(start);
    const now = () => new Date(clock);
    return {
      store: new DynamoDbStore(clients, { table, now }),
      clients,
      table,
      now,
      advance: (seconds: number) => {
        clock += seconds * 1000;
      },
    };
  }

  test("approvals: put, read while valid, gone once expired (before TTL removes it) or deleted", async () => {
    const { store: state, advance } = await store();
    const approvals = approvalsIn(state);
    const approval = {
      runId: "deploy-1",
      app: "shop",
      env: "prod",
      token: "t0k3n",
      requestedAt: "2026-11-27T10:00:00Z",
      expiresAt: "2026-11-27T11:00:00Z",
    };
    await approvals.put(approval);
    assert.deepEqual(await approvals.get("deploy-1"), approval);
    advance(2 * 3600);
    assert.equal(await approvals.get("deploy-1"), undefined, "expired");
    advance(-2 * 3600);
    await approvals.delete("deploy-1");
    assert.equal(await approvals.get("deploy-1"), undefined);
  });

  test("approvals carry a TTL attribute DynamoDB expires them by", async () => {
    const { store: state, clients, table } = await store();
    await approvalsIn(state).put({
      runId: "deploy-2",
      app: "shop",
      env: "prod",
      token: "t",
      requestedAt: "2026-11-27T10:00:00Z",
      expiresAt: "2026-11-27T11:00:00Z",
    });
    const { Items } = await clients.dynamodb().send(new ScanCommand({ TableName: table }));
    assert.equal(Items?.[0]?.ttl?.N, String(Date.parse("2026-11-27T11:00:00Z") / 1000));
  });

  test("deliveries: the first sighting wins, with a conditional put", async () => {
    const { store: state, now } = await store();
    const log = deliveriesIn(state, now);
    // One after another: moto does not serialise conditional writes (see store-contract.ts).
    const results = [await log.remember("d-1"), await log.remember("d-1"), await log.remember("d-2")];
    assert.deepEqual(results, [true, false, true]);
  });

  test("runs: created once per id (a redelivery loses), leased by one resumer at a time", async () => {
    const { store: state } = await store();
    const runs = new StoreRunStore(state);
    const run = {
      runId: "deploy-evt-1",
      workflow: "deploy",
      status: "WAITING" as const,
      input: { id: "evt-1" },
      startedAt: "2026-11-27T10:00:00Z",
      updatedAt: "2026-11-27T10:00:00Z",
      steps: [],
    };
    const created = [await runs.create(run), await runs.create(run), await runs.create(run)];
    assert.deepEqual(created, [true, false, false]);
    assert.equal((await runs.get("deploy-evt-1"))?.status, "WAITING");
    const claims = [await runs.claim("deploy-evt-1"), await runs.claim("deploy-evt-1")];
    assert.deepEqual(claims, [true, false]);
    await runs.release("deploy-evt-1");
    assert.equal(await runs.claim("deploy-evt-1"), true);
    await assert.rejects(runs.get("../../etc/passwd"), { name: "RunNotFoundError" });
  });

  test("targets: registered environments are listed, scoped by app and env", async () => {
    const { store: state } = await store();
    const targets = new StoreTargetSource(state);
    for (const [app, env] of [
      ["shop", "dev"],
      ["shop", "prod"],
      ["shopfront", "dev"],
      ["blog", "dev"],
    ])
      await targets.register({ app: app as string, env: env as string, spec: `specs/${app}/${env}.yaml` });
    assert.deepEqual(
      (await targets.list({})).map((t) => `${t.app}/${t.env}`),
      ["blog/dev", "shop/dev", "shop/prod", "shopfront/dev"],
    );
    assert.deepEqual(
      (await targets.list({ app: "shop" })).map((t) => `${t.app}/${t.env}`),
      ["shop/dev", "shop/prod"],
    );
    assert.deepEqual(await targets.list({ app: "shop", env: "prod" }), [
      { app: "shop", env: "prod", spec: "specs/shop/prod.yaml" },
    ]);
    await targets.unregister({ app: "shop", env: "prod" });
    assert.deepEqual(
      (await targets.list({ app: "shop" })).map((t) => t.env),
      ["dev"],
    );
  });

  test("audit: workflow steps append to the environment's trail; a throttled table is a retryable StateStoreUnavailableError", async () => {
    const { store: state, clients, table, now } = await store();
    await auditStep(
      { workflow: "deploy", runId: "deploy-9", step: "Plan", outcome: "succeeded", app: "shop", env: "dev" },
      { store: state, now },
    );
    await auditStep(
      { workflow: "scheduled-scan", runId: "scan-1", step: "Summarize", outcome: "succeeded" },
      { store: state, now },
    );
    assert.deepEqual(
      (await auditOfRun(state, { app: "shop", env: "dev" }, "deploy-9")).map((r) => [r.step, r.target]),
      [["Plan", "shop/dev"]],
    );
    assert.deepEqual(
      (await auditOfRun(state, {}, "scan-1")).map((r) => [r.step, r.target]),
      [["Summarize", "scheduled-scan"]],
    );
    clients.dynamodb().middlewareStack.add(
      () => async () => {
        throw Object.assign(new Error("Rate exceeded"), {
          name: "ProvisionedThroughputExceededException",
          $metadata: { httpStatusCode: 400 },
        });
      },
      { step: "finalizeRequest", name: "throttle" },
    );
    const throttled = new DynamoDbStore(clients, { table, now });
    await assert.rejects(
      auditStep(
        {
          workflow: "deploy",
          runId: "deploy-9",
          step: "Apply",
          outcome: "succeeded",
          app: "shop",
          env: "dev",
        },
        { store: throttled, now },
      ),
      (error: Error) => {
        assert.equal(error.name, "StateStoreUnavailableError");
        assert.equal((error as { retryable?: boolean }).retryable, true);
        return true;
      },
    );
  });
});
