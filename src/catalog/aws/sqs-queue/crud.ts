import {
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueueTagsCommand,
  type QueueAttributeName,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
} from "@aws-sdk/client-sqs";
import type { Observed } from "../../../engine/resource-handler.ts";
import type { JsonObject } from "../../../model/value.ts";
import { hasIdentity, tagChanges, tagList } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { requiredStr } from "../properties.ts";

/** Terraform argument → SQS attribute. */
const ATTRIBUTES: Readonly<Record<string, QueueAttributeName>> = {
  delay_seconds: "DelaySeconds",
  max_message_size: "MaximumMessageSize",
  message_retention_seconds: "MessageRetentionPeriod",
  receive_wait_time_seconds: "ReceiveMessageWaitTimeSeconds",
  visibility_timeout_seconds: "VisibilityTimeout",
  policy: "Policy",
  redrive_policy: "RedrivePolicy",
  sqs_managed_sse_enabled: "SqsManagedSseEnabled",
  kms_master_key_id: "KmsMasterKeyId",
  kms_data_key_reuse_period_seconds: "KmsDataKeyReusePeriodSeconds",
  fifo_queue: "FifoQueue",
  content_based_deduplication: "ContentBasedDeduplication",
};

/** aws_sqs_queue: its id is the queue URL, as in Terraform; CreateQueue with the same name and attributes is idempotent. */
export const sqsQueue: AwsCrud = {
  type: "aws_sqs_queue",
  forceNew: ["name", "name_prefix", "fifo_queue"],
  async create(aws, call) {
    const { QueueUrl } = await aws.clients.sqs().send(
      new CreateQueueCommand({
        QueueName: requiredStr(call.properties, "name", "aws_sqs_queue"),
        Attributes: attributesOf(call.properties),
        tags: Object.fromEntries(tagList(call.properties.tags).map((t) => [t.Key, t.Value])),
      }),
    );
    return observed(aws, QueueUrl as string);
  },
  async read(aws, call) {
    const result = await unlessNotFound(
      aws.clients.sqs().send(new GetQueueAttributesCommand({ QueueUrl: call.id, AttributeNames: ["All"] })),
    );
    if (!result?.Attributes) return undefined;
    const live: JsonObject = {};
    for (const [argument, attribute] of Object.entries(ATTRIBUTES)) {
      const value = result.Attributes[attribute];
      if (value !== undefined && argument in call.properties && typeof call.properties[argument] === "number")
        live[argument] = Number(value);
    }
    return {
      id: call.id,
      outputs: { arn: result.Attributes.QueueArn ?? null, url: call.id },
      properties: live,
    };
  },
  async update(aws, call) {
    const sqs = aws.clients.sqs();
    const attributes = attributesOf(call.properties);
    const changed = Object.fromEntries(
      Object.entries(attributes).filter(([name]) =>
        call.changed.some((argument) => ATTRIBUTES[argument] === name),
      ),
    );
    // Removing a redrive policy means setting it to an empty string.
    if (call.changed.includes("redrive_policy") && !("RedrivePolicy" in attributes))
      changed.RedrivePolicy = "";
    if (Object.keys(changed).length > 0)
      await sqs.send(new SetQueueAttributesCommand({ QueueUrl: call.id, Attributes: changed }));
    if (call.changed.includes("tags")) {
      const { set, remove } = tagChanges(call.previous.tags, call.properties.tags);
      if (set.length > 0)
        await sqs.send(
          new TagQueueCommand({
            QueueUrl: call.id,
            Tags: Object.fromEntries(set.map((t) => [t.Key, t.Value])),
          }),
        );
      if (remove.length > 0) await sqs.send(new UntagQueueCommand({ QueueUrl: call.id, TagKeys: remove }));
    }
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(aws.clients.sqs().send(new DeleteQueueCommand({ QueueUrl: call.id })));
  },
  async find(aws, call) {
    const found = await unlessNotFound(
      aws.clients
        .sqs()
        .send(new GetQueueUrlCommand({ QueueName: requiredStr(call.properties, "name", "aws_sqs_queue") })),
    );
    if (!found?.QueueUrl) return undefined;
    const { Tags } = await aws.clients.sqs().send(new ListQueueTagsCommand({ QueueUrl: found.QueueUrl }));
    return hasIdentity(Tags ?? {}, call.identity) ? observed(aws, found.QueueUrl) : undefined;
  },
};

function attributesOf(props: JsonObject): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [argument, attribute] of Object.entries(ATTRIBUTES)) {
    const value = props[argument];
    if (value === undefined || value === null || value === "") continue;
    attributes[attribute] = typeof value === "object" ? JSON.stringify(value) : String(value);
  }
  return attributes;
}

async function observed(aws: AwsContext, url: string): Promise<Observed> {
  const { Attributes } = await aws.clients
    .sqs()
    .send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn"] }));
  return { id: url, outputs: { arn: Attributes?.QueueArn ?? null, url } };
}
