import { bool, type CloudFormationMapping, each, number, tags } from "../type-mapping.ts";

export const secretsManagerSecret: CloudFormationMapping = {
  cloudFormationType: "AWS::SecretsManager::Secret",
  main: {
    terraformType: "aws_secretsmanager_secret",
    rules: [
      ["Name", "name"],
      ["Description", "description"],
      ["KmsKeyId", "kms_key_id"],
      each("ReplicaRegions", "replica", [
        ["Region", "region"],
        ["KmsKeyId", "kms_key_id"],
      ]),
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
  attributes: { Id: "id" },
};

export const secretsManagerRotationSchedule: CloudFormationMapping = {
  cloudFormationType: "AWS::SecretsManager::RotationSchedule",
  main: {
    terraformType: "aws_secretsmanager_secret_rotation",
    rules: [
      ["SecretId", "secret_id"],
      ["RotationLambdaARN", "rotation_lambda_arn"],
      ["RotateImmediatelyOnUpdate", "rotate_immediately", bool],
      ["RotationRules.AutomaticallyAfterDays", "rotation_rules[0].automatically_after_days", number],
      ["RotationRules.ScheduleExpression", "rotation_rules[0].schedule_expression"],
      ["RotationRules.Duration", "rotation_rules[0].duration"],
    ],
  },
};
