// The DynamoDB price cache against moto (a real DynamoDB-compatible endpoint over HTTP).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import {
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import { CachedPrices } from "../../src/cost/prices/cache/cached-prices.ts";
import { DynamoDbPriceCache } from "../../src/cost/prices/cache/dynamodb-cache.ts";
import {
  type PriceKey,
  type PriceRecord,
  type PriceSource,
  priceKeyId,
} from "../../src/cost/prices/price.ts";
import { motoEndpoint } from "../helpers/moto.ts";

const KEY: PriceKey = { cloud: "aws", service: "AmazonEC2", region: "us-east-1", key: "m5.large" };
const RECORD: PriceRecord = {
  price: 0.096,
  unit: "Hrs",
  asOf: "2026-11-27",
  source: "AWS Price List API (AmazonEC2)",
};

/** A live source that counts its calls, so the test sees what the cache saved. */
function countingSource(): PriceSource & { calls: number } {
  return {
    name: "counting",
    asOf: "2026-11-27",
    calls: 0,
    async resolve(keys) {
      this.calls++;
      return new Map(keys.filter((k) => k.key === KEY.key).map((k) => [priceKeyId(k), RECORD]));
    },
  };
}

/** A fresh cache table in moto, named uniquely so tests running side by side never share one. */
async function priceTable(): Promise<{ client: DynamoDBClient; table: string }> {
  const client = new DynamoDBClient({
    endpoint: await motoEndpoint(),
    region: "us-east-1",
    credentials: { accessKeyId: "testing", secretAccessKey: "testing" },
    maxAttempts: 1,
  });
  const table = `plinth-prices-${randomUUID()}`;
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [{ AttributeName: "id", AttributeType: "S" }],
      KeySchema: [{ AttributeName: "id", KeyType: "HASH" }],
    }),
  );
  return { client, table };
}

test("caches prices in DynamoDB with a TTL attribute and stops answering expired ones", async () => {
  const { client, table } = await priceTable();
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: table,
      TimeToLiveSpecification: { AttributeName: "expiresAt", Enabled: true },
    }),
  );

  let now = Date.parse("2026-11-27T12:00:00Z");
  const source = countingSource();
  const cached = new CachedPrices(source, new DynamoDbPriceCache(client, table, () => now), {
    ttlMs: 60_000,
    now: () => now,
  });

  const first = await cached.resolve([KEY]);
  assert.deepEqual(first.get(priceKeyId(KEY)), RECORD);
  assert.equal(source.calls, 1);
  const item = await client.send(
    new GetItemCommand({ TableName: table, Key: { id: { S: priceKeyId(KEY) } } }),
  );
  assert.equal(item.Item?.expiresAt?.N, String(Math.floor((now + 60_000) / 1000)));

  const second = await cached.resolve([KEY]);
  assert.deepEqual(second.get(priceKeyId(KEY)), RECORD);
  assert.equal(source.calls, 1, "the second run is answered from DynamoDB");

  now += 61_000;
  await cached.resolve([KEY]);
  assert.equal(source.calls, 2, "an expired item is asked again even before DynamoDB deletes it");
});

test("reads and writes more prices than one DynamoDB batch holds", async () => {
  const { client, table } = await priceTable();
  const cache = new DynamoDbPriceCache(client, table, () => 0);
  const records = new Map(
    Array.from(
      { length: 130 },
      (_, i) => [`aws|AmazonEC2|us-east-1|type-${i}`, { ...RECORD, price: i }] as const,
    ),
  );
  await cache.putMany(records, 3_600_000);
  const found = await cache.getMany([...records.keys(), "aws|AmazonEC2|us-east-1|missing"]);
  assert.equal(found.size, 130);
  assert.equal(found.get("aws|AmazonEC2|us-east-1|type-129")?.price, 129);
});
