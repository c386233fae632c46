import {
  bool,
  type CostFunction,
  chunksPerMessage,
  scaleUsage,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/** SNS bills each 64 KB of a message as one request. */
export const SNS_CHUNK_KB = 64;

/**
 * aws_sns_topic: publish and other API requests from usage (`monthly_requests`, `request_size_kb`),
 * standard or FIFO. Deliveries are priced on each aws_sns_topic_subscription. The first million
 * requests a month are free per account and not subtracted.
 */
export const snsTopicCost: CostFunction = (ctx) => {
  const fifo = bool(ctx, "fifo_topic") ?? false;
  return {
    components: [
      usage(
        `API requests (${fifo ? "FIFO" : "standard"})`,
        "1M requests",
        { service: "AmazonSNS", key: fifo ? "fifo-api-requests" : "api-requests" },
        scaleUsage(
          usageNumber(ctx, "monthly_requests"),
          chunksPerMessage(ctx, SNS_CHUNK_KB, "request_size_kb"),
          1e6,
        ),
        1e6,
      ),
    ],
  };
};
