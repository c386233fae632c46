import {
  bool,
  type CostFunction,
  scaleUsage,
  type Tier,
  tiered,
  usageNumber,
} from "../../cost-components.ts";

/**
 * aws_sqs_queue: requests from usage (`monthly_requests`), each 64 KB chunk of `request_size_kb` a
 * request, in tiers per month (100 billion, the next 100 billion, then the rest); FIFO queues have
 * their own prices. The first million requests a month are free per account and not subtracted.
 */
export const sqsQueueCost: CostFunction = (ctx) => {
  const kind = bool(ctx, "fifo_queue") ? "fifo" : "standard";
  const requests = usageNumber(ctx, "monthly_requests");
  const chunks = Math.max(1, Math.ceil((usageNumber(ctx, "request_size_kb", "request_size") ?? 64) / 64));
  const tiers: Tier[] = [
    {
      label: "first 100B",
      price: { service: "AWSQueueService", key: `${kind}-requests-tier1` },
      size: 100_000,
    },
    {
      label: "next 100B",
      price: { service: "AWSQueueService", key: `${kind}-requests-tier2` },
      size: 100_000,
    },
    {
      label: "over 200B",
      price: { service: "AWSQueueService", key: `${kind}-requests-tier3` },
      size: Infinity,
    },
  ];
  const millions = scaleUsage(requests, chunks, 1e6);
  return { components: tiered(`Requests (${kind})`, "1M requests", millions, tiers, { unitScale: 1e6 }) };
};
