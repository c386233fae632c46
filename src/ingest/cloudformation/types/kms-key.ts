import { bool, type CloudFormationMapping, json, number, tags } from "../type-mapping.ts";

export const kmsKey: CloudFormationMapping = {
  cloudFormationType: "AWS::KMS::Key",
  main: {
    terraformType: "aws_kms_key",
    rules: [
      ["Description", "description"],
      ["EnableKeyRotation", "enable_key_rotation", bool],
      ["RotationPeriodInDays", "rotation_period_in_days", number],
      ["KeyUsage", "key_usage"],
      ["KeySpec", "customer_master_key_spec"],
      ["MultiRegion", "multi_region", bool],
      ["Enabled", "is_enabled", bool],
      ["PendingWindowInDays", "deletion_window_in_days", number],
      ["KeyPolicy", "policy", json],
      ["Tags", "tags", tags],
    ],
  },
  ref: "key_id",
  attributes: { Arn: "arn", KeyId: "key_id" },
};

export const kmsAlias: CloudFormationMapping = {
  cloudFormationType: "AWS::KMS::Alias",
  main: {
    terraformType: "aws_kms_alias",
    rules: [
      ["AliasName", "name"],
      ["TargetKeyId", "target_key_id"],
    ],
  },
  ref: "name",
};
