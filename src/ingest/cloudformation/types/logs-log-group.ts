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

export const logsLogStream: CloudFormationMapping = {
  cloudFormationType: "AWS::Logs::LogStream",
  main: {
    terraformType: "aws_cloudwatch_log_stream",
    rules: [
      ["LogGroupName", "log_group_name"],
      ["LogStreamName", "name"],
    ],
  },
  ref: "name",
};

/** A saved Logs Insights query; running it is billed to the data it scans, not to the definition. */
export const logsQueryDefinition: CloudFormationMapping = {
  cloudFormationType: "AWS::Logs::QueryDefinition",
  main: {
    terraformType: "aws_cloudwatch_query_definition",
    rules: [
      ["Name", "name"],
      ["QueryString", "query_string"],
      ["LogGroupNames", "log_group_names"],
    ],
  },
  attributes: { QueryDefinitionId: "query_definition_id" },
};
