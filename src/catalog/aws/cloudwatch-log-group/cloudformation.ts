import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const cloudwatchLogGroup: CloudFormationMapping = {
  type: "AWS::Logs::LogGroup",
  properties: {
    name: "LogGroupName",
    retention_in_days: "RetentionInDays",
    kms_key_id: "KmsKeyId",
    log_group_class: "LogGroupClass",
  },
  attributes: {
    id: REF,
    name: REF,
    // `GetAtt Arn` ends with `:*`; Terraform's `arn` does not, and policies append `:*` themselves.
    arn: { sub: "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Self}" },
  },
  retention: () => "Delete",
};
