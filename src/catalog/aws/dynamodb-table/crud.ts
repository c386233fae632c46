import {
  type AttributeDefinition,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTagsOfResourceCommand,
  type TableDescription,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateContinuousBackupsCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from "@aws-sdk/client-dynamodb";
import type { Observed } from "../../../engine/resource-handler.ts";
import type { JsonObject } from "../../../model/value.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { hasIdentity, tagChanges, tagList, tagMap } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, unlessNotFound, wait } from "../aws-crud.ts";
import { block, blocks, bool, num, requiredStr, str } from "../properties.ts";

/**
 * aws_dynamodb_table: keys, billing, streams, TTL and point-in-time recovery. Keys and index layout
 * replace the table; billing, streams, TTL, PITR, deletion protection and tags change in place.
 */
export const dynamodbTable: AwsCrud = {
  type: "aws_dynamodb_table",
  forceNew: ["name", "hash_key", "range_key", "attribute", "local_secondary_index", "global_secondary_index"],
  async create(aws, call) {
    const p = call.properties;
    const name = requiredStr(p, "name", "aws_dynamodb_table");
    const provisioned = str(p, "billing_mode") === "PROVISIONED";
    const stream = bool(p, "stream_enabled");
    try {
      await aws.clients.dynamodb().send(
        new CreateTableCommand({
          TableName: name,
          AttributeDefinitions: blocks(p, "attribute").map(
            (a) => ({ AttributeName: str(a, "name"), AttributeType: str(a, "type") }) as AttributeDefinition,
          ),
          KeySchema: [
            { AttributeName: requiredStr(p, "hash_key", "aws_dynamodb_table"), KeyType: "HASH" },
            ...(str(p, "range_key")
              ? [{ AttributeName: str(p, "range_key"), KeyType: "RANGE" as const }]
              : []),
          ],
          BillingMode: provisioned ? "PROVISIONED" : "PAY_PER_REQUEST",
          ProvisionedThroughput: provisioned
            ? {
                ReadCapacityUnits: num(p, "read_capacity") ?? 1,
                WriteCapacityUnits: num(p, "write_capacity") ?? 1,
              }
            : undefined,
          GlobalSecondaryIndexes: globalIndexes(p, provisioned),
          StreamSpecification: stream
            ? {
                StreamEnabled: true,
                StreamViewType: (str(p, "stream_view_type") ?? "NEW_AND_OLD_IMAGES") as "NEW_IMAGE",
              }
            : undefined,
          SSESpecification: block(p, "server_side_encryption")
            ? { Enabled: bool(block(p, "server_side_encryption") ?? {}, "enabled") ?? true, SSEType: "KMS" }
            : undefined,
          DeletionProtectionEnabled: bool(p, "deletion_protection_enabled"),
          Tags: tagList(p.tags),
        }),
      );
    } catch (error) {
      if (!(error instanceof AwsConflictError) || !(await this.find?.(aws, call))) throw error;
    }
    const table = await waitActive(aws, name, call.address);
    await setTtl(aws, name, p, {});
    await setPitr(aws, name, p, {});
    return observed(table);
  },
  async read(aws, call) {
    const table = await describe(aws, call.id);
    if (!table || table.TableStatus === "DELETING") return undefined;
    return {
      ...observed(table),
      properties: {
        billing_mode: table.BillingModeSummary?.BillingMode ?? "PROVISIONED",
        ...(table.DeletionProtectionEnabled !== undefined
          ? { deletion_protection_enabled: table.DeletionProtectionEnabled }
          : {}),
      },
    };
  },
  async update(aws, call) {
    const p = call.properties;
    const has = (name: string) => call.changed.includes(name);
    const client = aws.clients.dynamodb();
    if (
      has("billing_mode") ||
      has("read_capacity") ||
      has("write_capacity") ||
      has("stream_enabled") ||
      has("stream_view_type") ||
      has("deletion_protection_enabled")
    ) {
      const provisioned = str(p, "billing_mode") === "PROVISIONED";
      await client.send(
        new UpdateTableCommand({
          TableName: call.id,
          ...(has("billing_mode") || has("read_capacity") || has("write_capacity")
            ? {
                BillingMode: provisioned ? "PROVISIONED" : "PAY_PER_REQUEST",
                ...(provisioned
                  ? {
                      ProvisionedThroughput: {
                        ReadCapacityUnits: num(p, "read_capacity") ?? 1,
                        WriteCapacityUnits: num(p, "write_capacity") ?? 1,
                      },
                    }
                  : {}),
              }
            : {}),
          ...(has("stream_enabled") || has("stream_view_type")
            ? {
                StreamSpecification: bool(p, "stream_enabled")
                  ? {
                      StreamEnabled: true,
                      StreamViewType: (str(p, "stream_view_type") ?? "NEW_AND_OLD_IMAGES") as "NEW_IMAGE",
                    }
                  : { StreamEnabled: false },
              }
            : {}),
          ...(has("deletion_protection_enabled")
            ? { DeletionProtectionEnabled: bool(p, "deletion_protection_enabled") ?? false }
            : {}),
        }),
      );
      await waitActive(aws, call.id, call.address);
    }
    if (has("ttl")) await setTtl(aws, call.id, p, call.previous);
    if (has("point_in_time_recovery")) await setPitr(aws, call.id, p, call.previous);
    if (has("tags")) {
      const arn = String(call.outputs.arn);
      const { set, remove } = tagChanges(call.previous.tags, p.tags);
      if (set.length > 0) await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: set }));
      if (remove.length > 0)
        await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }));
    }
    return observed((await describe(aws, call.id)) as TableDescription);
  },
  async delete(aws, call) {
    const table = await describe(aws, call.id);
    if (!table) return;
    if (table.TableStatus !== "DELETING")
      await unlessNotFound(aws.clients.dynamodb().send(new DeleteTableCommand({ TableName: call.id })));
    await wait(aws, async () => ((await describe(aws, call.id)) ? undefined : true), {
      what: `${call.address} to be deleted`,
    });
  },
  async find(aws, call) {
    const table = await describe(aws, requiredStr(call.properties, "name", "aws_dynamodb_table"));
    if (!table?.TableArn) return undefined;
    const { Tags } = await aws.clients
      .dynamodb()
      .send(new ListTagsOfResourceCommand({ ResourceArn: table.TableArn }));
    return hasIdentity(tagMap(Tags), call.identity) ? observed(table) : undefined;
  },
};

function globalIndexes(p: JsonObject, provisioned: boolean) {
  const indexes = blocks(p, "global_secondary_index");
  if (indexes.length === 0) return undefined;
  return indexes.map((index) => ({
    IndexName: str(index, "name"),
    KeySchema: [
      { AttributeName: str(index, "hash_key"), KeyType: "HASH" as const },
      ...(str(index, "range_key")
        ? [{ AttributeName: str(index, "range_key"), KeyType: "RANGE" as const }]
        : []),
    ],
    Projection: { ProjectionType: (str(index, "projection_type") ?? "ALL") as "ALL" },
    ...(provisioned
      ? {
          ProvisionedThroughput: {
            ReadCapacityUnits: num(index, "read_capacity") ?? 1,
            WriteCapacityUnits: num(index, "write_capacity") ?? 1,
          },
        }
      : {}),
  }));
}

async function setTtl(aws: AwsContext, name: string, p: JsonObject, previous: JsonObject) {
  const ttl = block(p, "ttl");
  const before = block(previous, "ttl");
  const enabled = ttl ? (bool(ttl, "enabled") ?? true) : false;
  const attribute = ttl ? str(ttl, "attribute_name") : before ? str(before, "attribute_name") : undefined;
  if (!attribute) return;
  if (!enabled && !before) return;
  const { TimeToLiveDescription } = await aws.clients
    .dynamodb()
    .send(new DescribeTimeToLiveCommand({ TableName: name }));
  const live =
    TimeToLiveDescription?.TimeToLiveStatus === "ENABLED" ||
    TimeToLiveDescription?.TimeToLiveStatus === "ENABLING";
  if (live === enabled) return;
  await aws.clients.dynamodb().send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: attribute, Enabled: enabled },
    }),
  );
}

async function setPitr(aws: AwsContext, name: string, p: JsonObject, previous: JsonObject) {
  const enabled = bool(block(p, "point_in_time_recovery") ?? {}, "enabled") ?? false;
  const before = bool(block(previous, "point_in_time_recovery") ?? {}, "enabled") ?? false;
  if (enabled === before) return;
  await aws.clients.dynamodb().send(
    new UpdateContinuousBackupsCommand({
      TableName: name,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: enabled },
    }),
  );
}

async function describe(aws: AwsContext, name: string): Promise<TableDescription | undefined> {
  return (await unlessNotFound(aws.clients.dynamodb().send(new DescribeTableCommand({ TableName: name }))))
    ?.Table;
}

function waitActive(aws: AwsContext, name: string, address: string): Promise<TableDescription> {
  return wait(
    aws,
    async () => {
      const table = await describe(aws, name);
      return table?.TableStatus === "ACTIVE" ? table : undefined;
    },
    { what: `${address} to be active` },
  );
}

function observed(table: TableDescription): Observed {
  return {
    id: table.TableName as string,
    outputs: {
      arn: table.TableArn ?? null,
      stream_arn: table.LatestStreamArn ?? null,
      stream_label: table.LatestStreamLabel ?? null,
    },
  };
}
