import { bool, type CloudFormationMapping, first, json, number, tags } from "../type-mapping.ts";

export const sqsQueue: CloudFormationMapping = {
  cloudFormationType: "AWS::SQS::Queue",
  main: {
    terraformType: "aws_sqs_queue",
    rules: [
      ["QueueName", "name"],
      ["FifoQueue", "fifo_queue", bool],
      ["ContentBasedDeduplication", "content_based_deduplication", bool],
      ["KmsMasterKeyId", "kms_master_key_id"],
      ["KmsDataKeyReusePeriodSeconds", "kms_data_key_reuse_period_seconds", number],
      ["SqsManagedSseEnabled", "sqs_managed_sse_enabled", bool],
      ["MessageRetentionPeriod", "message_retention_seconds", number],
      ["VisibilityTimeout", "visibility_timeout_seconds", number],
      ["DelaySeconds", "delay_seconds", number],
      ["MaximumMessageSize", "max_message_size", number],
      ["ReceiveMessageWaitTimeSeconds", "receive_wait_time_seconds", number],
      ["RedrivePolicy", "redrive_policy", json],
      ["Tags", "tags", tags],
    ],
  },
  ref: "url",
  attributes: { Arn: "arn", QueueName: "name", QueueUrl: "url" },
};

/** One policy for a list of queues; Terraform sets one queue's policy, read here as the first's. */
export const sqsQueuePolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::SQS::QueuePolicy",
  main: {
    terraformType: "aws_sqs_queue_policy",
    rules: [
      ["Queues", "queue_url", first],
      ["PolicyDocument", "policy", json],
    ],
  },
};
