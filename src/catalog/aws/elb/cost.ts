import { type CostFunction, hourly, usage, usageNumber } from "../../cost-components.ts";

/** aws_elb (Classic Load Balancer): hours and data processed from usage (`monthly_data_processed_gb`). */
export const elbCost: CostFunction = (ctx) => ({
  components: [
    hourly("Classic load balancer", { service: "AWSELB", key: "clb-hour" }),
    usage(
      "Data processed",
      "GB",
      { service: "AWSELB", key: "clb-data-processed" },
      usageNumber(ctx, "monthly_data_processed_gb"),
    ),
  ],
});
