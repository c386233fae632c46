import {
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from "@aws-sdk/client-dynamodb";
import type { ApprovalStore, PendingApproval } from "./approvals.ts";
import type { DeliveryLog } from "./github-webhook.ts";

export interface ControlTableOptions {
  client: DynamoDBClient;
  table: string;
  now: () => Date;
}

/** Delivery ids are kept a week: GitHub redelivers within days, never later. */
const DELIVERY_TTL_SECONDS = 7 * 24 * 3600;

/**
 * Approvals and webhook deliveries in the state table (pk/sk strings, TTL attribute `ttl` in epoch
 * seconds; docs/control-plane.md). The engine's DynamoDB state store owns the rest of that table.
 */
export class DynamoDbApprovalStore implements ApprovalStore {
  readonly #options: ControlTableOptions;

  constructor(options: ControlTableOptions) {
    this.#options = options;
  }

  async put(approval: PendingApproval): Promise<void> {
    await this.#options.client.send(
      new PutItemCommand({
        TableName: this.#options.table,
        Item: {
          pk: { S: `APPROVAL#${approval.runId}` },
          sk: { S: "APPROVAL" },
          approval: { S: JSON.stringify(approval) },
          ttl: { N: String(Math.ceil(Date.parse(approval.expiresAt) / 1000)) },
        },
      }),
    );
  }

  async get(runId: string): Promise<PendingApproval | undefined> {
    const { Item } = await this.#options.client.send(
      new GetItemCommand({
        TableName: this.#options.table,
        Key: { pk: { S: `APPROVAL#${runId}` }, sk: { S: "APPROVAL" } },
        ConsistentRead: true,
      }),
    );
    if (!Item?.approval?.S) return undefined;
    const approval = JSON.parse(Item.approval.S) as PendingApproval;
    // TTL deletion lags by up to days: an expired item is treated as gone.
    return Date.parse(approval.expiresAt) > this.#options.now().getTime() ? approval : undefined;
  }

  async delete(runId: string): Promise<void> {
    await this.#options.client.send(
      new DeleteItemCommand({
        TableName: this.#options.table,
        Key: { pk: { S: `APPROVAL#${runId}` }, sk: { S: "APPROVAL" } },
      }),
    );
  }
}

export class DynamoDbDeliveryLog implements DeliveryLog {
  readonly #options: ControlTableOptions;

  constructor(options: ControlTableOptions) {
    this.#options = options;
  }

  async remember(deliveryId: string): Promise<boolean> {
    try {
      await this.#options.client.send(
        new PutItemCommand({
          TableName: this.#options.table,
          Item: {
            pk: { S: `DELIVERY#${deliveryId.slice(0, 200)}` },
            sk: { S: "DELIVERY" },
            ttl: { N: String(Math.ceil(this.#options.now().getTime() / 1000) + DELIVERY_TTL_SECONDS) },
          },
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
      return true;
    } catch (error) {
      if ((error as Error).name === "ConditionalCheckFailedException") return false;
      throw error;
    }
  }
}
