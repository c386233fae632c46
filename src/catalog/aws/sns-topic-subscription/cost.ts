import {
  type CostFunction,
  chunksPerMessage,
  lookupTable,
  scaleUsage,
  str,
  unknownPrice,
  usage,
  usageNumber,
} from "../../cost-components.ts";
import { SNS_CHUNK_KB } from "../sns-topic/cost.ts";

/** Delivery prices by subscription protocol (SQS and Lambda deliveries are free of charge). */
const DELIVERY: Record<string, string> = lookupTable({
  http: "http-notifications",
  https: "http-notifications",
  email: "email-notifications",
  "email-json": "email-notifications",
  sqs: "sqs-notifications",
  lambda: "lambda-notifications",
  application: "mobile-push-notifications",
  firehose: "firehose-notifications",
});

/**
 * aws_sns_topic_subscription: deliveries from usage (`monthly_requests`, `request_size_kb`) at the
 * price of the subscription's protocol; SMS prices depend on the destination country and are not priced.
 */
export const snsTopicSubscriptionCost: CostFunction = (ctx) => {
  const protocol = str(ctx, "protocol") ?? "unknown";
  const key = DELIVERY[protocol];
  if (!key) {
    return {
      components: [
        unknownPrice(
          `Notifications (${protocol})`,
          "1M notifications",
          `${protocol} deliveries are priced by destination; plinth has no list price for them`,
          true,
        ),
      ],
    };
  }
  return {
    components: [
      usage(
        `Notifications (${protocol})`,
        "1M notifications",
        { service: "AmazonSNS", key },
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
