import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import {
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { S3Client } from "@aws-sdk/client-s3";
import { AwsError, AwsNotFoundError } from "../providers/aws/aws-errors.ts";
import {
  LockHeldError,
  RecordExistsError,
  StateCorruptError,
  StateStoreError,
  StateStoreUnavailableError,
  VersionConflictError,
} from "./errors.ts";
import { isStale, newLock, processIsAlive, renewedLock } from "./lock-lease.ts";
import { checkKey, checkName } from "./state-key.ts";
import type { StateStore } from "./store.ts";
import type {
  AuditRecord,
  Checkpoint,
  JournalEntry,
  LockInfo,
  LockRequest,
  PutRecordOptions,
  StateKey,
  StoredRecord,
  VersionSummary,
} from "./types.ts";
import { summaryOf } from "./version-summary.ts";

/** DynamoDB refuses items over 400 KB; bodies above this go to S3 and the item keeps a reference. */
export const OFFLOAD_BYTES = 350_000;

/**
 * The clients the store calls, with plinth's error mapping (AwsError subclasses): AwsClients, or
 * StateClients where nothing else is needed (a control-plane function). S3 is only needed for bodies
 * too large for an item, so it may be loaded when first asked for.
 */
export interface StoreClients {
  readonly region: string;
  dynamodb(): DynamoDBClient;
  s3(): S3Client | Promise<S3Client>;
}

/** The S3 client and commands, loaded with the first body too large for an item. */
async function s3Of(aws: StoreClients) {
  const [client, commands] = await Promise.all([aws.s3(), import("@aws-sdk/client-s3")]);
  return { client, ...commands };
}

export interface DynamoDbStoreOptions {
  table: string;
  /** Bucket for bodies too large for an item. Without one, such a write fails with a clear message. */
  bucket?: string;
  /** Key prefix of offloaded bodies in the bucket (default: the table name). */
  offloadPrefix?: string;
  now?: () => Date;
  host?: string;
  isAlive?: (pid: number) => boolean;
}

type Item = Record<string, AttributeValue>;

/**
 * State in one DynamoDB table (partition key `pk`, sort key `sk`, both strings; TTL on `ttl`):
 *
 * | item              | pk                      | sk                               |
 * | ----------------- | ----------------------- | -------------------------------- |
 * | version N         | `state#<app>#<env>`     | `version#<N, 8 digits>`          |
 * | journal batch     | `state#<app>#<env>`     | `journal#<base>#<time>#<random>` |
 * | lock              | `state#<app>#<env>`     | `lock`                           |
 * | audit record      | `audit#<app>#<env>`     | `<record id>`                    |
 * | record            | `record#<collection>`   | `<record id>`                    |
 *
 * Versions, audit records and `ifAbsent` records are conditional puts (`attribute_not_exists`), so
 * nothing is overwritten; the lock is a conditional put on the lease. Bodies over 350 KB are stored in
 * S3 under `<offloadPrefix>/<pk>/<sk>.json` and the item holds `bodyRef`. Throttling and AWS-side
 * failures that outlast the SDK's retries leave as StateStoreUnavailableError (retryable).
 */
export class DynamoDbStore implements StateStore {
  readonly description: string;
  readonly #aws: StoreClients;
  readonly #table: string;
  readonly #bucket: string | undefined;
  readonly #offloadPrefix: string;
  readonly #now: () => Date;
  readonly #host: string;
  readonly #isAlive: (pid: number) => boolean;

  constructor(aws: StoreClients, options: DynamoDbStoreOptions) {
    this.#aws = aws;
    this.#table = options.table;
    this.#bucket = options.bucket;
    this.#offloadPrefix = options.offloadPrefix ?? options.table;
    this.description = `dynamodb table ${options.table}`;
    this.#now = options.now ?? (() => new Date());
    this.#host = options.host ?? hostname();
    this.#isAlive = options.isAlive ?? processIsAlive;
  }

  async latestVersion(key: StateKey): Promise<number> {
    const { Items } = await this.#send(
      new QueryCommand({
        TableName: this.#table,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": { S: statePk(key) }, ":prefix": { S: "version#" } },
        ScanIndexForward: false,
        Limit: 1,
        ProjectionExpression: "sk",
      }),
    );
    const sk = Items?.[0]?.sk?.S;
    return sk ? Number(sk.slice("version#".length)) : 0;
  }

  async readCheckpoint(key: StateKey, version?: number): Promise<Checkpoint | undefined> {
    const wanted = version ?? (await this.latestVersion(key));
    if (wanted === 0) return undefined;
    const { Item } = await this.#send(
      new GetItemCommand({
        TableName: this.#table,
        Key: { pk: { S: statePk(key) }, sk: { S: versionSk(wanted) } },
        ConsistentRead: true,
      }),
    );
    return Item ? this.#body<Checkpoint>(Item) : undefined;
  }

  async listVersions(key: StateKey): Promise<VersionSummary[]> {
    const items = await this.#query({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": { S: statePk(key) }, ":prefix": { S: "version#" } },
      ProjectionExpression: "summary",
    });
    return items.map((item) => parse<VersionSummary>(item.summary?.S, "a version summary"));
  }

  async commitCheckpoint(key: StateKey, checkpoint: Checkpoint): Promise<void> {
    const latest = await this.latestVersion(key);
    if (checkpoint.version !== latest + 1) {
      throw new VersionConflictError(
        `State of \`${key.env}\` is at version ${latest}; version ${checkpoint.version} cannot follow it.`,
      );
    }
    const item = await this.#withBody(
      {
        pk: { S: statePk(key) },
        sk: { S: versionSk(checkpoint.version) },
        summary: { S: JSON.stringify(summaryOf(checkpoint)) },
      },
      checkpoint,
    );
    await this.#putOnce(
      item,
      () =>
        new VersionConflictError(
          `Version ${checkpoint.version} of \`${key.env}\` was written by another run in the meantime.`,
        ),
    );
  }

  async appendJournal(key: StateKey, entries: JournalEntry[]): Promise<void> {
    const [first] = entries;
    if (!first) return;
    const sk = `journal#${pad(first.base)}#${this.#now().toISOString()}#${randomBytes(4).toString("hex")}`;
    const item = await this.#withBody({ pk: { S: statePk(key) }, sk: { S: sk } }, entries);
    await this.#send(new PutItemCommand({ TableName: this.#table, Item: item }));
  }

  async readJournal(key: StateKey): Promise<JournalEntry[]> {
    const items = await this.#journalItems(key);
    const batches = await Promise.all(items.map((item) => this.#body<JournalEntry[]>(item)));
    return batches.flat();
  }

  async clearJournal(key: StateKey, throughVersion: number): Promise<void> {
    const items = (await this.#journalItems(key)).filter(
      (item) => Number(item.sk?.S?.split("#")[1]) <= throughVersion,
    );
    for (let i = 0; i < items.length; i += 25) {
      const batch = items.slice(i, i + 25);
      await this.#send(
        new BatchWriteItemCommand({
          RequestItems: {
            [this.#table]: batch.map((item) => ({
              DeleteRequest: { Key: { pk: item.pk as AttributeValue, sk: item.sk as AttributeValue } },
            })),
          },
        }),
      );
      await Promise.all(batch.map((item) => this.#dropOffloaded(item)));
    }
  }

  async acquireLock(key: StateKey, request: LockRequest): Promise<LockInfo> {
    const lock = newLock(request, this.#now());
    try {
      await this.#putLock(key, lock, "attribute_not_exists(pk) OR expiresAt < :now", {
        ":now": { N: String(this.#now().getTime()) },
      });
      return lock;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
    const held = await this.readLock(key);
    if (!held) return this.acquireLock(key, request);
    if (!isStale(held, this.#now(), this.#host, this.#isAlive)) throw new LockHeldError(key.env, held);
    // A lock left by a dead process on this host: take it over only if it is still that lock.
    try {
      await this.#putLock(key, lock, "lockId = :stale", { ":stale": { S: held.id } });
      return lock;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const now = await this.readLock(key);
      throw new LockHeldError(key.env, now ?? held);
    }
  }

  async renewLock(key: StateKey, lock: LockInfo): Promise<LockInfo> {
    const renewed = renewedLock(lock, this.#now(), Date.parse(lock.expiresAt) - Date.parse(lock.since));
    try {
      await this.#putLock(key, renewed, "lockId = :id", { ":id": { S: lock.id } });
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      throw new LockHeldError(key.env, (await this.readLock(key)) ?? lock);
    }
    return renewed;
  }

  async releaseLock(key: StateKey, lock: LockInfo): Promise<void> {
    try {
      await this.#send(
        new DeleteItemCommand({
          TableName: this.#table,
          Key: { pk: { S: statePk(key) }, sk: { S: "lock" } },
          ConditionExpression: "lockId = :id",
          ExpressionAttributeValues: { ":id": { S: lock.id } },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // someone took over a lock we had let expire
    }
  }

  async readLock(key: StateKey): Promise<LockInfo | undefined> {
    const { Item } = await this.#send(
      new GetItemCommand({
        TableName: this.#table,
        Key: { pk: { S: statePk(key) }, sk: { S: "lock" } },
        ConsistentRead: true,
      }),
    );
    return Item ? this.#body<LockInfo>(Item) : undefined;
  }

  async appendAudit(key: StateKey, record: AuditRecord): Promise<void> {
    const item = await this.#withBody(
      { pk: { S: auditPk(key) }, sk: { S: record.id }, at: { S: record.at } },
      record,
    );
    await this.#putOnce(
      item,
      () => new RecordExistsError(`Audit record ${record.id} exists; audit records are never rewritten.`),
    );
  }

  async listAudit(key: StateKey): Promise<AuditRecord[]> {
    const items = await this.#query({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: auditPk(key) } },
    });
    const records = await Promise.all(items.map((item) => this.#body<AuditRecord>(item)));
    return records.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  async putRecord(record: StoredRecord, options: PutRecordOptions = {}): Promise<void> {
    checkName("Collection", record.collection);
    const expiresAt = options.expiresAt ?? record.expiresAt;
    const stored: StoredRecord = { ...record, ...(expiresAt ? { expiresAt } : {}) };
    const item = await this.#withBody(
      {
        pk: { S: `record#${record.collection}` },
        sk: { S: record.id },
        ...(expiresAt ? { ttl: { N: String(Math.floor(Date.parse(expiresAt) / 1000)) } } : {}),
      },
      stored,
    );
    const condition = options.ifAbsent
      ? {
          // DynamoDB deletes expired items lazily: an expired record counts as absent.
          ConditionExpression: "attribute_not_exists(pk) OR (attribute_exists(#ttl) AND #ttl < :now)",
          ExpressionAttributeNames: { "#ttl": "ttl" },
          ExpressionAttributeValues: { ":now": { N: String(Math.floor(this.#now().getTime() / 1000)) } },
        }
      : {};
    await this.#putOnce(
      item,
      () => new RecordExistsError(`Record ${record.collection}/${record.id} exists already.`),
      condition,
    );
  }

  async getRecord(collection: string, id: string): Promise<StoredRecord | undefined> {
    checkName("Collection", collection);
    const { Item } = await this.#send(
      new GetItemCommand({
        TableName: this.#table,
        Key: { pk: { S: `record#${collection}` }, sk: { S: id } },
        ConsistentRead: true,
      }),
    );
    if (!Item) return undefined;
    const record = await this.#body<StoredRecord>(Item);
    return this.#live(record) ? record : undefined;
  }

  async listRecords(collection: string): Promise<StoredRecord[]> {
    checkName("Collection", collection);
    const items = await this.#query({
      KeyConditionExpression: "pk = :pk",
      ExpressionAttributeValues: { ":pk": { S: `record#${collection}` } },
    });
    const records = await Promise.all(items.map((item) => this.#body<StoredRecord>(item)));
    return records.filter((r) => this.#live(r));
  }

  async deleteRecord(collection: string, id: string): Promise<void> {
    checkName("Collection", collection);
    const key = { pk: { S: `record#${collection}` }, sk: { S: id } };
    const { Item } = await this.#send(new GetItemCommand({ TableName: this.#table, Key: key }));
    await this.#send(new DeleteItemCommand({ TableName: this.#table, Key: key }));
    if (Item) await this.#dropOffloaded(Item);
  }

  #live(record: StoredRecord): boolean {
    return record.expiresAt === undefined || Date.parse(record.expiresAt) > this.#now().getTime();
  }

  /**
   * Puts an item only if it does not exist (or `condition` holds); otherwise throws `conflict()`. A body
   * offloaded to S3 for a put that did not happen is removed again.
   */
  async #putOnce(
    item: Item,
    conflict: () => Error,
    condition: Partial<PutItemCommandInput> = { ConditionExpression: "attribute_not_exists(pk)" },
  ): Promise<void> {
    try {
      await this.#send(new PutItemCommand({ TableName: this.#table, Item: item, ...condition }));
    } catch (error) {
      await this.#dropOffloaded(item);
      throw isConditionFailure(error) ? conflict() : error;
    }
  }

  async #putLock(key: StateKey, lock: LockInfo, condition: string, values: Item): Promise<void> {
    await this.#send(
      new PutItemCommand({
        TableName: this.#table,
        Item: {
          pk: { S: statePk(key) },
          sk: { S: "lock" },
          lockId: { S: lock.id },
          expiresAt: { N: String(Date.parse(lock.expiresAt)) },
          body: { S: JSON.stringify(lock) },
        },
        ConditionExpression: condition,
        ExpressionAttributeValues: values,
      }),
    );
  }

  #journalItems(key: StateKey): Promise<Item[]> {
    return this.#query({
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": { S: statePk(key) }, ":prefix": { S: "journal#" } },
    });
  }

  async #query(input: Omit<QueryCommandInput, "TableName">): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.#send(
        new QueryCommand({
          TableName: this.#table,
          ConsistentRead: true,
          ...input,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /** The item with `value` as its body, or as a reference to an S3 object when too large for an item. */
  async #withBody(item: Item, value: unknown): Promise<Item> {
    const body = JSON.stringify(value);
    if (Buffer.byteLength(body) <= OFFLOAD_BYTES) return { ...item, body: { S: body } };
    if (!this.#bucket) {
      throw new StateStoreError(
        `A state item of ${Math.round(Buffer.byteLength(body) / 1024)} KB is over DynamoDB's 400 KB limit and no offload bucket is configured.`,
        { hint: "Give the DynamoDB state store a bucket (--state dynamodb:TABLE/BUCKET)." },
      );
    }
    const ref = `${this.#offloadPrefix}/${item.pk?.S}/${item.sk?.S}.json`;
    const s3 = await s3Of(this.#aws);
    await s3.client
      .send(
        new s3.PutObjectCommand({
          Bucket: this.#bucket,
          Key: ref,
          Body: body,
          ContentType: "application/json",
        }),
      )
      .catch(unavailable);
    return { ...item, bodyRef: { S: ref } };
  }

  async #body<T>(item: Item): Promise<T> {
    if (item.body?.S !== undefined) return parse<T>(item.body.S, `${item.pk?.S} ${item.sk?.S}`);
    const ref = item.bodyRef?.S;
    if (!ref || !this.#bucket)
      throw new StateCorruptError(`State item ${item.pk?.S} ${item.sk?.S} has no body; it was not changed.`);
    const s3 = await s3Of(this.#aws);
    const object = await s3.client
      .send(new s3.GetObjectCommand({ Bucket: this.#bucket, Key: ref }))
      .catch(unavailable);
    return parse<T>(await object.Body?.transformToString("utf8"), `s3://${this.#bucket}/${ref}`);
  }

  async #dropOffloaded(item: Item): Promise<void> {
    const ref = item.bodyRef?.S;
    if (!ref || !this.#bucket) return;
    const s3 = await s3Of(this.#aws);
    await s3.client
      .send(new s3.DeleteObjectCommand({ Bucket: this.#bucket, Key: ref }))
      .catch(() => undefined);
  }

  /** DynamoDB's send, with a missing table reported as what it is. */
  readonly #send: DynamoDBClient["send"] = ((command: never) =>
    this.#aws
      .dynamodb()
      .send(command)
      .catch((error: unknown) => {
        if (error instanceof AwsNotFoundError && error.code === "ResourceNotFoundException")
          throw new StateStoreError(
            `The state table \`${this.#table}\` does not exist in ${this.#aws.region}.`,
            {
              hint: "Create it (docs/state.md shows the key schema), or deploy plinth's stack, then run again.",
              cause: error,
            },
          );
        return unavailable(error);
      })) as DynamoDBClient["send"];
}

/** A transient AWS failure (after the SDK's retries) as the store's retryable error; others as they are. */
function unavailable(error: unknown): never {
  if (error instanceof AwsError && error.retryable)
    throw new StateStoreUnavailableError(`The state store is unavailable: ${error.message}`, {
      cause: error,
      hint: "It usually recovers on its own; run again in a moment.",
    });
  throw error;
}

/** Creates a table with the store's key schema and TTL (for tests, the demo and first-time setup). */
export async function createStateTable(aws: StoreClients, table: string): Promise<void> {
  const dynamodb = aws.dynamodb();
  await dynamodb.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
    }),
  );
  await dynamodb.send(
    new UpdateTimeToLiveCommand({
      TableName: table,
      TimeToLiveSpecification: { AttributeName: "ttl", Enabled: true },
    }),
  );
}

function statePk(key: StateKey): string {
  checkKey(key);
  return `state#${key.app}#${key.env}`;
}

function auditPk(key: StateKey): string {
  checkKey(key);
  return `audit#${key.app}#${key.env}`;
}

function pad(n: number): string {
  return String(n).padStart(8, "0");
}

function versionSk(version: number): string {
  return `version#${pad(version)}`;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof AwsError && error.code === "ConditionalCheckFailedException";
}

function parse<T>(text: string | undefined, what: string): T {
  try {
    return JSON.parse(text ?? "") as T;
  } catch {
    throw new StateCorruptError(`${what} is not valid plinth state; it was not changed.`);
  }
}
