import { CreateTableCommand, type DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { AUDIT_BY_RUN_INDEX } from "../../src/audit/dynamodb-audit-log.ts";

/** A table keyed by `pk`/`sk` strings, as stacks/ declares both of the control plane's tables. */
async function createTable(client: DynamoDBClient, name: string, byRun = false): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: "PAY_PER_REQUEST",
      AttributeDefinitions: [
        { AttributeName: "pk", AttributeType: "S" },
        { AttributeName: "sk", AttributeType: "S" },
        ...(byRun ? [{ AttributeName: "runId", AttributeType: "S" as const }] : []),
      ],
      KeySchema: [
        { AttributeName: "pk", KeyType: "HASH" },
        { AttributeName: "sk", KeyType: "RANGE" },
      ],
      ...(byRun
        ? {
            GlobalSecondaryIndexes: [
              {
                IndexName: AUDIT_BY_RUN_INDEX,
                KeySchema: [
                  { AttributeName: "runId", KeyType: "HASH" },
                  { AttributeName: "sk", KeyType: "RANGE" },
                ],
                Projection: { ProjectionType: "ALL" },
              },
            ],
          }
        : {}),
    }),
  );
}

/** The audit table: pk/sk and the byRun index. */
export const createAuditTable = (client: DynamoDBClient, name: string) => createTable(client, name, true);

/** The state table: pk/sk (TTL on `ttl` in AWS). */
export const createStateTable = (client: DynamoDBClient, name: string) => createTable(client, name);
