import type { QueueComponent } from "../../../spec/types.ts";
import { Encoded } from "../../value.ts";
import type { LoweredComponent, LoweringContext } from "../context.ts";

const FOURTEEN_DAYS = 14 * 24 * 3600;

/** SQS queue with SSE, optional FIFO ordering and an optional dead-letter queue after 5 receives. */
export function lowerAwsQueue(queue: QueueComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(queue);
  const fifo = queue.props.fifo ?? false;
  const queueName = (suffix?: string) =>
    `${ctx.physicalName(queue, { max: fifo ? 75 : 80, allowed: /[a-z0-9_-]/ }, suffix)}${fifo ? ".fifo" : ""}`;
  const common = { ...(fifo ? { fifo_queue: true } : {}), sqs_managed_sse_enabled: true };

  let redrive: Encoded | undefined;
  if (queue.props.deadLetter) {
    const dlq = ctx.add(queue, "aws_sqs_queue", ctx.localName(queue, "dlq"), {
      name: queueName("dlq"),
      ...common,
      message_retention_seconds: FOURTEEN_DAYS,
    });
    redrive = new Encoded("json", { deadLetterTargetArn: ctx.ref(dlq, "arn"), maxReceiveCount: 5 });
  }
  const address = ctx.add(queue, "aws_sqs_queue", name, {
    name: queueName(),
    ...common,
    message_retention_seconds: (queue.props.retentionDays ?? 4) * 24 * 3600,
    visibility_timeout_seconds: queue.props.visibilityTimeoutSeconds ?? 30,
    ...(redrive ? { redrive_policy: redrive } : {}),
  });

  return {
    attributes: { id: ctx.ref(address, "id"), name: ctx.ref(address, "name"), url: ctx.ref(address, "url") },
  };
}
