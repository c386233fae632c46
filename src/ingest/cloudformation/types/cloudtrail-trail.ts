import { bool, type CloudFormationMapping, tags } from "../type-mapping.ts";

export const cloudtrailTrail: CloudFormationMapping = {
  cloudFormationType: "AWS::CloudTrail::Trail",
  main: {
    terraformType: "aws_cloudtrail",
    rules: [
      ["TrailName", "name"],
      ["S3BucketName", "s3_bucket_name"],
      ["S3KeyPrefix", "s3_key_prefix"],
      ["IsLogging", "enable_logging", bool],
      ["IsMultiRegionTrail", "is_multi_region_trail", bool],
      ["IsOrganizationTrail", "is_organization_trail", bool],
      ["IncludeGlobalServiceEvents", "include_global_service_events", bool],
      ["EnableLogFileValidation", "enable_log_file_validation", bool],
      ["KMSKeyId", "kms_key_id"],
      ["CloudWatchLogsLogGroupArn", "cloud_watch_logs_group_arn"],
      ["CloudWatchLogsRoleArn", "cloud_watch_logs_role_arn"],
      ["SnsTopicName", "sns_topic_name"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn" },
};
