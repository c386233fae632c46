import { bool, type CloudFormationMapping, each, number, tags } from "../type-mapping.ts";

const key = (type: "HASH" | "RANGE") => (schema: unknown) =>
  Array.isArray(schema)
    ? ((
        schema.find((k) => (k as { KeyType?: unknown }).KeyType === type) as
          | { AttributeName?: string }
          | undefined
      )?.AttributeName ?? undefined)
    : undefined;

export const dynamodbTable: CloudFormationMapping = {
  cloudFormationType: "AWS::DynamoDB::Table",
  main: {
    terraformType: "aws_dynamodb_table",
    rules: [
      ["TableName", "name"],
      ["BillingMode", "billing_mode"],
      ["ProvisionedThroughput.ReadCapacityUnits", "read_capacity", number],
      ["ProvisionedThroughput.WriteCapacityUnits", "write_capacity", number],
      ["KeySchema", "hash_key", key("HASH")],
      ["KeySchema", "range_key", key("RANGE")],
      each("AttributeDefinitions", "attribute", [
        ["AttributeName", "name"],
        ["AttributeType", "type"],
      ]),
      each("GlobalSecondaryIndexes", "global_secondary_index", [
        ["IndexName", "name"],
        ["KeySchema", "hash_key", key("HASH")],
        ["KeySchema", "range_key", key("RANGE")],
        ["Projection.ProjectionType", "projection_type"],
        ["ProvisionedThroughput.ReadCapacityUnits", "read_capacity", number],
        ["ProvisionedThroughput.WriteCapacityUnits", "write_capacity", number],
      ]),
      [
        "PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled",
        "point_in_time_recovery[0].enabled",
        bool,
      ],
      ["SSESpecification.SSEEnabled", "server_side_encryption[0].enabled", bool],
      ["SSESpecification.KMSMasterKeyId", "server_side_encryption[0].kms_key_arn"],
      ["StreamSpecification.StreamViewType", "stream_view_type"],
      ["StreamSpecification.StreamViewType", "stream_enabled", () => true],
      ["TimeToLiveSpecification.AttributeName", "ttl[0].attribute_name"],
      ["TimeToLiveSpecification.Enabled", "ttl[0].enabled", bool],
      ["DeletionProtectionEnabled", "deletion_protection_enabled", bool],
      ["TableClass", "table_class"],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { Arn: "arn", StreamArn: "stream_arn" },
};
