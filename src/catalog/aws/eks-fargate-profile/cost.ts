import { type CostFunction, usage, usageNumber } from "../../cost-components.ts";

/**
 * aws_eks_fargate_profile: pods scheduled on it bill Fargate vCPU and memory; how many run is usage
 * (`monthly_vcpu_hrs`, `monthly_gb_hrs`).
 */
export const eksFargateProfileCost: CostFunction = (ctx) => ({
  components: [
    usage(
      "Fargate vCPU (Linux/x86)",
      "vCPU-hours",
      { service: "AmazonECS", key: "fargate-vcpu-hour-linux-x86" },
      usageNumber(ctx, "monthly_vcpu_hrs"),
    ),
    usage(
      "Fargate memory (Linux/x86)",
      "GB-hours",
      { service: "AmazonECS", key: "fargate-gb-hour-linux-x86" },
      usageNumber(ctx, "monthly_gb_hrs"),
    ),
  ],
});
