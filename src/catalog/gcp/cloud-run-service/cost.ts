import { type CostFunction, scaleUsage, usage, usageNumber } from "../../cost-components.ts";

/**
 * google_cloud_run_service and google_cloud_run_v2_service: CPU, memory and requests from usage
 * (`monthly_vcpu_seconds`, `monthly_gib_seconds`, `monthly_requests`), billed per request as Cloud Run's
 * default CPU allocation is. The free tier is per billing account and not subtracted.
 */
export const cloudRunServiceCost: CostFunction = (ctx) => {
  const requests = usageNumber(ctx, "monthly_requests");
  return {
    components: [
      usage(
        "CPU",
        "vCPU-seconds",
        { service: "CloudRun", key: "cpu-second" },
        usageNumber(ctx, "monthly_vcpu_seconds"),
      ),
      usage(
        "Memory",
        "GiB-seconds",
        { service: "CloudRun", key: "memory-gib-second" },
        usageNumber(ctx, "monthly_gib_seconds"),
      ),
      usage(
        "Requests",
        "1M requests",
        { service: "CloudRun", key: "requests" },
        scaleUsage(requests, 1, 1e6),
        1e6,
      ),
    ],
  };
};
