import { Encoded } from "../../../model/value.ts";
import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

export const sqsQueue: CloudFormationMapping = {
  type: "AWS::SQS::Queue",
  properties: {
    name: "QueueName",
    fifo_queue: "FifoQueue",
    content_based_deduplication: "ContentBasedDeduplication",
    sqs_managed_sse_enabled: "SqsManagedSseEnabled",
    kms_master_key_id: "KmsMasterKeyId",
    message_retention_seconds: "MessageRetentionPeriod",
    visibility_timeout_seconds: "VisibilityTimeout",
    delay_seconds: "DelaySeconds",
    max_message_size: "MaximumMessageSize",
    receive_wait_time_seconds: "ReceiveMessageWaitTimeSeconds",
    // CloudFormation takes the redrive policy as an object.
    redrive_policy: (value) => ({ RedrivePolicy: value instanceof Encoded ? value.value : value }),
  },
  attributes: { id: REF, url: REF, arn: getAtt("Arn"), name: getAtt("QueueName") },
};
