import { type CostFunction, hourly, usage, usageNumber } from "../../cost-components.ts";

/** azurerm_nat_gateway: hours and data processed from usage (`monthly_data_processed_gb`). */
export const natGatewayCost: CostFunction = (ctx) => ({
  components: [
    hourly("NAT gateway", { service: "NATGateway", key: "gateway-hour" }),
    usage(
      "Data processed",
      "GB",
      { service: "NATGateway", key: "data-processed" },
      usageNumber(ctx, "monthly_data_processed_gb"),
    ),
  ],
});
