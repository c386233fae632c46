import { bool, type CloudFormationMapping, first, json, tags } from "../type-mapping.ts";

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

export const snsSubscription: CloudFormationMapping = {
  cloudFormationType: "AWS::SNS::Subscription",
  main: {
    terraformType: "aws_sns_topic_subscription",
    rules: [
      ["TopicArn", "topic_arn"],
      ["Protocol", "protocol"],
      ["Endpoint", "endpoint"],
      ["FilterPolicy", "filter_policy", json],
      ["FilterPolicyScope", "filter_policy_scope"],
      ["RawMessageDelivery", "raw_message_delivery", bool],
      ["RedrivePolicy", "redrive_policy", json],
      ["DeliveryPolicy", "delivery_policy", json],
      ["SubscriptionRoleArn", "subscription_role_arn"],
    ],
  },
  ref: "arn",
};

/** One policy for a list of topics; Terraform sets one topic's policy, read here as the first's. */
export const snsTopicPolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::SNS::TopicPolicy",
  main: {
    terraformType: "aws_sns_topic_policy",
    rules: [
      ["Topics", "arn", first],
      ["PolicyDocument", "policy", json],
    ],
  },
};
