import {
  type AttributeValue,
  type DynamoDBClient,
  PutItemCommand,
  QueryCommand,
} from "@aws-sdk/client-dynamodb";
import { isTransientAwsError } from "../aws-transient.ts";
import {
  type AuditLog,
  type AuditRecord,
  AuditRecordExistsError,
  AuditStoreUnavailableError,
} from "./audit-log.ts";

export interface DynamoDbAuditLogOptions {
  client: DynamoDBClient;
  table: string;
}

/** GSI of the audit table keyed by run (docs/control-plane.md, "Tables"). */
export const AUDIT_BY_RUN_INDEX = "byRun";

/**
 * The audit trail in the audit table: pk `<app>#<env>`, sk the record id (time-ordered), and a `byRun`
 * index. Each record is one PutItem conditioned on the key not existing; the writer's IAM policy allows
 * PutItem only, so no record can be updated or deleted through it.
 */
export class DynamoDbAuditLog implements AuditLog {
  readonly #client: DynamoDBClient;
  readonly #table: string;

  constructor(options: DynamoDbAuditLogOptions) {
    this.#client = options.client;
    this.#table = options.table;
  }

  async append(record: AuditRecord): Promise<void> {
    const item: Record<string, AttributeValue> = {
      pk: { S: `${record.app ?? "-"}#${record.env ?? "-"}` },
      sk: { S: record.id },
      runId: { S: record.runId },
      record: { S: JSON.stringify(record) },
    };
    try {
      await this.#client.send(
        new PutItemCommand({
          TableName: this.#table,
          Item: item,
          ConditionExpression: "attribute_not_exists(pk)",
        }),
      );
    } catch (error) {
      throw mapError(error, record.id);
    }
  }

  async ofRun(runId: string): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await this.#client
        .send(
          new QueryCommand({
            TableName: this.#table,
            IndexName: AUDIT_BY_RUN_INDEX,
            KeyConditionExpression: "runId = :run",
            ExpressionAttributeValues: { ":run": { S: runId } },
            ExclusiveStartKey: start,
          }),
        )
        .catch((error) => {
          throw mapError(error, runId);
        });
      for (const item of page.Items ?? []) records.push(JSON.parse(item.record?.S ?? "{}") as AuditRecord);
      start = page.LastEvaluatedKey;
    } while (start);
    return records.sort((a, b) => a.at.localeCompare(b.at));
  }
}

function mapError(error: unknown, id: string): unknown {
  const name = (error as Error).name;
  if (name === "ConditionalCheckFailedException")
    return new AuditRecordExistsError(`Audit record ${id} exists; it is never overwritten.`);
  if (isTransientAwsError(error))
    return new AuditStoreUnavailableError(
      `The audit table did not take record ${id}: ${(error as Error).message}`,
      { cause: error },
    );
  return error;
}
