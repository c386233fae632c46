import { bool, type CloudFormationMapping, tags } from "../type-mapping.ts";

export const snsTopic: CloudFormationMapping = {
  cloudFormationType: "AWS::SNS::Topic",
  main: {
    terraformType: "aws_sns_topic",
    rules: [
      ["TopicName", "name"],
      ["DisplayName", "display_name"],
      ["KmsMasterKeyId", "kms_master_key_id"],
      ["FifoTopic", "fifo_topic", bool],
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
  attributes: { TopicArn: "arn", TopicName: "name" },
};
