import { type CloudFormationMapping, number, tags } from "../type-mapping.ts";

export const logsLogGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::Logs::LogGroup",
  main: {
    terraformType: "aws_cloudwatch_log_group",
    rules: [
      ["LogGroupName", "name"],
      ["RetentionInDays", "retention_in_days", number],
      ["KmsKeyId", "kms_key_id"],
      ["LogGroupClass", "log_group_class"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn" },
};
