import type { QueueComponent } from "../../../spec/types.ts";
import { Template, type Value } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";
import { enableApi, projectNumber } from "./project.ts";

const FOURTEEN_DAYS = 14 * 24 * 3600;
const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * Pub/Sub topic with one pull subscription, which is what makes it a queue: messages wait there until
 * acknowledged. FIFO becomes ordered delivery (per ordering key); a dead-letter topic, with its own
 * subscription so dead messages are kept, takes messages after 5 failed deliveries.
 *
 * Pub/Sub forwards dead letters as its own service agent, which must be allowed to publish to the
 * dead-letter topic and to acknowledge on the source subscription: without both grants messages are
 * redelivered for ever instead. The agent is named by the project number (`gcp_project_number` input).
 */
export function lowerGcpQueue(queue: QueueComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(queue);
  // Letters, digits and `-_.~+%`, starting with a letter; plinth's names already are.
  const queueName = (suffix?: string) => ctx.physicalName(queue, { max: 255 }, suffix);
  const api = { dependsOn: [enableApi(ctx, "pubsub")] };

  let deadLetterTopic: string | undefined;
  if (queue.props.deadLetter) {
    const dlqName = ctx.localName(queue, "dlq");
    deadLetterTopic = ctx.add(queue, "google_pubsub_topic", dlqName, { name: queueName("dlq") }, api);
    ctx.add(queue, "google_pubsub_subscription", dlqName, {
      ...subscription(ctx.ref(deadLetterTopic, "id"), queueName("dlq"), FOURTEEN_DAYS),
      ack_deadline_seconds: 600,
    });
  }

  const topic = ctx.add(queue, "google_pubsub_topic", name, { name: queueName() }, api);
  const source = ctx.add(queue, "google_pubsub_subscription", name, {
    ...subscription(ctx.ref(topic, "id"), queueName(), (queue.props.retentionDays ?? 4) * 24 * 3600),
    ack_deadline_seconds: ackDeadline(queue.props.visibilityTimeoutSeconds ?? 30),
    ...(queue.props.fifo ? { enable_message_ordering: true } : {}),
    ...(deadLetterTopic
      ? {
          dead_letter_policy: [
            {
              dead_letter_topic: ctx.ref(deadLetterTopic, "id"),
              max_delivery_attempts: MAX_DELIVERY_ATTEMPTS,
            },
          ],
        }
      : {}),
    retry_policy: [{ minimum_backoff: "10s", maximum_backoff: "600s" }],
  });

  if (deadLetterTopic) {
    const agent = new Template([
      "serviceAccount:service-",
      projectNumber(ctx),
      "@gcp-sa-pubsub.iam.gserviceaccount.com",
    ]);
    ctx.add(queue, "google_pubsub_topic_iam_member", ctx.localName(queue, "dlq"), {
      topic: ctx.ref(deadLetterTopic, "id"),
      role: "roles/pubsub.publisher",
      member: agent,
    });
    ctx.add(queue, "google_pubsub_subscription_iam_member", name, {
      subscription: ctx.ref(source, "id"),
      role: "roles/pubsub.subscriber",
      member: agent,
    });
  }

  return {
    attributes: {
      id: ctx.ref(topic, "id"),
      name: ctx.ref(topic, "name"),
      // Pub/Sub has no queue URL; the topic's REST resource is where messages are published (`:publish`).
      url: new Template(["https://pubsub.googleapis.com/v1/", ctx.ref(topic, "id")]),
    },
  };
}

function subscription(topic: Value, name: string, retentionSeconds: number): Record<string, Value> {
  return {
    name,
    topic,
    message_retention_duration: `${retentionSeconds}s`,
    // A subscription expires after 31 days without a subscriber by default; a queue must not vanish.
    expiration_policy: [{ ttl: "" }],
  };
}

/** SQS's visibility timeout is Pub/Sub's ack deadline, which must lie between 10 s and 10 min. */
export function ackDeadline(visibilityTimeoutSeconds: number): number {
  return Math.min(600, Math.max(10, visibilityTimeoutSeconds));
}
