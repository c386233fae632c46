import {
  type CostFunction,
  num,
  prop,
  scaleUsage,
  type Tier,
  tiered,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/** Duration tiers per month and account: 6 billion GB-seconds, the next 9 billion, then the rest. */
function durationTiers(arch: string): Tier[] {
  return [
    {
      label: "first 6B GB-seconds",
      price: { service: "AWSLambda", key: `duration-${arch}-tier1` },
      size: 6e9,
    },
    {
      label: "next 9B GB-seconds",
      price: { service: "AWSLambda", key: `duration-${arch}-tier2` },
      size: 9e9,
    },
    {
      label: "over 15B GB-seconds",
      price: { service: "AWSLambda", key: `duration-${arch}-tier3` },
      size: Infinity,
    },
  ];
}

/**
 * aws_lambda_function: requests and duration from usage (`monthly_requests`, `request_duration_ms`);
 * duration is GB-seconds (memory_size defaults to 128 MB) in tiers, by architecture; ephemeral storage
 * above the included 512 MB is charged per GB-second. The free tier is per account and not subtracted.
 */
export const lambdaFunctionCost: CostFunction = (ctx) => {
  const architectures = prop(ctx, "architectures");
  const arch = Array.isArray(architectures) && architectures[0] === "arm64" ? "arm64" : "x86";
  const memoryGb = (num(ctx, "memory_size") ?? 128) / 1024;
  const requests = usageNumber(ctx, "monthly_requests");
  const durationMs = usageNumber(ctx, "request_duration_ms", "average_request_duration");
  const gbSeconds =
    requests === undefined || durationMs === undefined
      ? undefined
      : requests * (durationMs / 1000) * memoryGb;
  const components = [
    usage(
      "Requests",
      "1M requests",
      { service: "AWSLambda", key: `requests-${arch}` },
      scaleUsage(requests, 1, 1e6),
      1e6,
    ),
    ...tiered("Duration", "GB-seconds", gbSeconds, durationTiers(arch)),
  ];
  const storageMb = num(ctx, "ephemeral_storage.size") ?? 512;
  if (storageMb > 512) {
    const storageGbSeconds =
      requests === undefined || durationMs === undefined
        ? undefined
        : requests * (durationMs / 1000) * ((storageMb - 512) / 1024);
    components.push(
      usage(
        "Ephemeral storage (above 512 MB)",
        "GB-seconds",
        { service: "AWSLambda", key: `ephemeral-storage-${arch}` },
        storageGbSeconds,
      ),
    );
  }
  return { components };
};
