import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { before, test } from "node:test";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import type { AwsClients } from "../../../src/providers/aws/aws-clients.ts";
import { createStateTable, DynamoDbStore } from "../../../src/state/dynamodb-store.ts";
import { motoClients, motoEnv } from "../../helpers/aws.ts";
import { runCli } from "../../helpers/cli.ts";
import { motoAccount, motoEndpoint } from "../../helpers/moto.ts";
import { checkpoint, oneAfterAnother, storeContract } from "./store-contract.ts";

let clients: AwsClients;
const BUCKET = "plinth-state-offload";

before(async () => {
  clients = await motoClients();
  await clients
    .s3()
    .send(new CreateBucketCommand({ Bucket: BUCKET }))
    .catch(() => undefined);
});

/** Each store gets its own table on the shared moto server, so contract tests do not see each other. */
async function freshStore(
  options: ConstructorParameters<typeof DynamoDbStore>[1] extends infer O ? Partial<O> : never = {},
) {
  const table = `plinth-state-${randomBytes(4).toString("hex")}`;
  await createStateTable(clients, table);
  return new DynamoDbStore(clients, { table, bucket: BUCKET, ...options });
}

storeContract("DynamoDB store (moto)", (options = {}) => freshStore(options), oneAfterAnother);

test("DynamoDB store: items over 400 KB live in S3, referenced from the item", async () => {
  const store = await freshStore();
  await store.commitCheckpoint({ app: "big", env: "dev" }, checkpoint(1, 60, 10_000));
  const { Contents } = await clients
    .s3()
    .send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: store.description.split(" ").at(-1) }));
  assert.ok(
    Contents?.some((o) => o.Key?.endsWith("version#00000001.json")),
    "offloaded to S3",
  );
});

test("DynamoDB store: without an offload bucket a large item is refused in one sentence, state intact", async () => {
  const table = `plinth-state-${randomBytes(4).toString("hex")}`;
  await createStateTable(clients, table);
  const store = new DynamoDbStore(clients, { table });
  await assert.rejects(
    store.commitCheckpoint({ app: "big", env: "dev" }, checkpoint(1, 60, 10_000)),
    (error: Error) => {
      assert.equal(error.name, "StateStoreError");
      assert.match(error.message, /over DynamoDB's 400 KB limit and no offload bucket is configured/);
      return true;
    },
  );
  assert.equal(await store.latestVersion({ app: "big", env: "dev" }), 0);
});

test("DynamoDB store: a missing table is named, with what to do", async () => {
  const store = new DynamoDbStore(clients, { table: "no-such-table" });
  await assert.rejects(store.latestVersion({ app: "a", env: "b" }), (error: Error) => {
    assert.equal(error.name, "StateStoreError");
    assert.match(error.message, /The state table `no-such-table` does not exist in us-east-1\./);
    return true;
  });
});

test("the CLI keeps state, runs and the audit trail in DynamoDB and artifacts in S3 with --state dynamodb:TABLE/BUCKET", async () => {
  const endpoint = await motoEndpoint();
  const account = await motoAccount(endpoint);
  const own = await motoClients({ endpoint, credentials: account.credentials });
  const table = `plinth-cli-${randomBytes(4).toString("hex")}`;
  const bucket = `plinth-cli-${randomBytes(4).toString("hex")}`;
  await createStateTable(own, table);
  await own.s3().send(new CreateBucketCommand({ Bucket: bucket }));
  const cwd = mkdtempSync(join(tmpdir(), "plinth-ddb-cli-"));
  writeFileSync(
    join(cwd, "plinth.yaml"),
    "apiVersion: plinth/v1\napp: ddb\ncloud: aws\nregion: us-east-1\ncomponents:\n  marker: { type: native, resource: plinth_null, properties: { v: 1 } }\n",
  );
  const env = motoEnv(endpoint, account);
  const state = `dynamodb:${table}/${bucket}`;
  const apply = await runCli(["apply", "--auto-approve", "--state", state, "--json"], { cwd, env });
  assert.equal(apply.code, 0, apply.stderr);
  const { runId } = JSON.parse(apply.stdout);
  const history = JSON.parse((await runCli(["history", "--json", "--state", state], { cwd, env })).stdout);
  assert.deepEqual(
    history.versions.map((v: { version: number; resourceCount: number }) => [v.version, v.resourceCount]),
    [[1, 1]],
  );
  const store = new DynamoDbStore(own, { table });
  assert.equal(await store.latestVersion({ app: "ddb", env: "default" }), 1);
  assert.ok((await store.getRecord("runs", runId))?.data, "the run is recorded in the table");
  assert.ok(
    (await store.listAudit({ app: "ddb", env: "default" })).some(
      (r) => r.runId === runId && r.step === "Plan",
    ),
  );
  const { Contents } = await own
    .s3()
    .send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `artifacts/runs/${runId}/` }));
  assert.ok(
    Contents?.some((o) => o.Key?.endsWith("/plan.json")),
    "the plan is an artifact in S3",
  );
  assert.equal(existsSync(join(cwd, ".plinth")), false, "nothing written locally");
  const missing = await runCli(["plan", "--state", "dynamodb:no-such-table"], { cwd, env });
  assert.equal(missing.code, 1);
  assert.match(
    missing.stderr,
    /^error: The state table `no-such-table` does not exist in us-east-1\. Create it/,
  );
});
