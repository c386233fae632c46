import { type CostFunction, hourly, usage, usageNumber } from "../../cost-components.ts";

/** aws_nat_gateway: hours, and data processed from usage (`monthly_data_processed_gb`). */
export const natGatewayCost: CostFunction = (ctx) => ({
  components: [
    hourly("NAT gateway", { service: "AmazonVPC-NatGateway", key: "nat-gateway-hour" }),
    usage(
      "Data processed",
      "GB",
      { service: "AmazonVPC-NatGateway", key: "nat-gateway-data-processed" },
      usageNumber(ctx, "monthly_data_processed_gb", "monthly_gb_data_processed"),
    ),
  ],
});
