import {
  BatchGetItemCommand,
  type BatchGetItemCommandOutput,
  BatchWriteItemCommand,
  type DynamoDBClient,
  type KeysAndAttributes,
} from "@aws-sdk/client-dynamodb";
import type { PriceRecord } from "../price.ts";
import type { Clock, PriceCache } from "./price-cache.ts";

/** DynamoDB's limits per batch call. */
const GET_BATCH = 100;
const WRITE_BATCH = 25;

/**
 * Prices cached in a DynamoDB table (partition key `id`, string) shared by a team's runners. Each item
 * carries `expiresAt` in epoch seconds, the table's TTL attribute; DynamoDB deletes expired items
 * lazily, so reads also skip them. The table needs only GetItem/BatchGetItem/BatchWriteItem rights.
 */
export class DynamoDbPriceCache implements PriceCache {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #now: Clock;

  constructor(client: DynamoDBClient, table: string, now: Clock = Date.now) {
    this.#client = client;
    this.#table = table;
    this.#now = now;
  }

  async getMany(ids: ReadonlyArray<string>): Promise<Map<string, PriceRecord>> {
    const found = new Map<string, PriceRecord>();
    const nowSeconds = Math.floor(this.#now() / 1000);
    for (let i = 0; i < ids.length; i += GET_BATCH) {
      let request: Record<string, KeysAndAttributes> | undefined = {
        [this.#table]: { Keys: ids.slice(i, i + GET_BATCH).map((id) => ({ id: { S: id } })) },
      };
      for (let attempt = 0; request && attempt < 5; attempt++) {
        const out: BatchGetItemCommandOutput = await this.#client.send(
          new BatchGetItemCommand({ RequestItems: request }),
        );
        for (const item of out.Responses?.[this.#table] ?? []) {
          const expiresAt = Number(item.expiresAt?.N ?? 0);
          if (item.id?.S && item.record?.S && expiresAt > nowSeconds)
            found.set(item.id.S, JSON.parse(item.record.S) as PriceRecord);
        }
        const unprocessed: KeysAndAttributes | undefined = out.UnprocessedKeys?.[this.#table];
        request = unprocessed?.Keys?.length ? { [this.#table]: unprocessed } : undefined;
      }
    }
    return found;
  }

  async putMany(records: ReadonlyMap<string, PriceRecord>, expiresAt: number): Promise<void> {
    const items = [...records].map(([id, record]) => ({
      PutRequest: {
        Item: {
          id: { S: id },
          record: { S: JSON.stringify(record) },
          expiresAt: { N: String(Math.floor(expiresAt / 1000)) },
        },
      },
    }));
    for (let i = 0; i < items.length; i += WRITE_BATCH) {
      let batch = items.slice(i, i + WRITE_BATCH);
      for (let attempt = 0; batch.length > 0 && attempt < 5; attempt++) {
        const out = await this.#client.send(
          new BatchWriteItemCommand({ RequestItems: { [this.#table]: batch } }),
        );
        batch = (out.UnprocessedItems?.[this.#table] ?? []) as typeof batch;
      }
    }
  }
}
