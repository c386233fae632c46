import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { before, test } from "node:test";
import { CreateBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import type { AwsClients } from "../../../src/providers/aws/aws-clients.ts";
import { createStateTable, DynamoDbStore } from "../../../src/state/dynamodb-store.ts";
import { motoClients } from "../../helpers/aws.ts";
import { checkpoint, storeContract } from "./store-contract.ts";

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

storeContract("DynamoDB store (moto)", (options = {}) => freshStore(options));

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
