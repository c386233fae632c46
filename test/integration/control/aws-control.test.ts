import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { CreateStateMachineCommand, ListExecutionsCommand, SFNClient } from "@aws-sdk/client-sfn";
import { lambdaContext } from "../../../functions/local.ts";
import { createStartWorkflowHandler } from "../../../functions/start-workflow.ts";
import { DynamoDbApprovalStore, DynamoDbDeliveryLog } from "../../../src/control/dynamodb-control-store.ts";
import { DynamoDbTargetSource } from "../../../src/control/dynamodb-target-source.ts";
import { SfnWorkflowStarter } from "../../../src/runtime/sfn-starter.ts";
import { freshMoto } from "../../helpers/aws.ts";
import { createStateTable } from "../../helpers/dynamodb.ts";

const now = () => new Date("2026-11-27T10:00:00Z");

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

describe("the state table's control items on moto", () => {
  test("approvals: put, read while valid, gone once expired or deleted", async () => {
    const client = new DynamoDBClient(await freshMoto());
    await createStateTable(client, "state");
    let clock = Date.parse("2026-11-27T10:00:00Z");
    const store = new DynamoDbApprovalStore({ client, table: "state", now: () => new Date(clock) });
    const approval = {
      runId: "deploy-1",
      app: "shop",
      env: "prod",
      token: "t0k3n",
      requestedAt: "2026-11-27T10:00:00Z",
      expiresAt: "2026-11-27T11:00:00Z",
    };
    await store.put(approval);
    assert.deepEqual(await store.get("deploy-1"), approval);
    clock += 2 * 3600 * 1000;
    assert.equal(await store.get("deploy-1"), undefined, "expired before TTL removed it");
    clock -= 2 * 3600 * 1000;
    await store.delete("deploy-1");
    assert.equal(await store.get("deploy-1"), undefined);
  });

  test("deliveries: the first sighting wins, with a conditional put", async () => {
    const client = new DynamoDBClient(await freshMoto());
    await createStateTable(client, "state");
    const log = new DynamoDbDeliveryLog({ client, table: "state", now });
    const results = await Promise.all([log.remember("d-1"), log.remember("d-1"), log.remember("d-2")]);
    assert.deepEqual(results.sort(), [false, true, true]);
  });

  test("targets: registered environments are listed, scoped by app and env", async () => {
    const client = new DynamoDBClient(await freshMoto());
    await createStateTable(client, "state");
    const targets = new DynamoDbTargetSource({ client, table: "state" });
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
  });
});
