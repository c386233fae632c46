import {
  type CostFunction,
  hourly,
  prop,
  str,
  type Tier,
  tiered,
  usageNumber,
} from "../../cost-components.ts";

/** Data processed by interface endpoints, per region and month: 1 PB, the next 4 PB, then the rest. */
const DATA_TIERS: Tier[] = [
  { label: "first 1 PB", price: { service: "AmazonVPC", key: "vpc-endpoint-data-tier1" }, size: 1_048_576 },
  { label: "next 4 PB", price: { service: "AmazonVPC", key: "vpc-endpoint-data-tier2" }, size: 4_194_304 },
  { label: "over 5 PB", price: { service: "AmazonVPC", key: "vpc-endpoint-data-tier3" }, size: Infinity },
];

/**
 * aws_vpc_endpoint: gateway endpoints (S3, DynamoDB; the default type) are free; interface and gateway
 * load balancer endpoints bill each availability zone (one per subnet) by the hour, and data processed
 * from usage (`monthly_data_processed_gb`).
 */
export const vpcEndpointCost: CostFunction = (ctx) => {
  const type = str(ctx, "vpc_endpoint_type") ?? "Gateway";
  if (type === "Gateway") return { components: [] };
  const subnets = prop(ctx, "subnet_ids");
  const zones = Math.max(1, Array.isArray(subnets) ? subnets.length : 1);
  const key = type === "GatewayLoadBalancer" ? "gwlb-endpoint-hour" : "vpc-endpoint-hour";
  return {
    components: [
      hourly(
        `Endpoint (${type}, ${zones} zone${zones === 1 ? "" : "s"})`,
        { service: "AmazonVPC", key },
        zones,
      ),
      ...tiered(
        "Data processed",
        "GB",
        usageNumber(ctx, "monthly_data_processed_gb", "monthly_gb_data_processed"),
        DATA_TIERS,
      ),
    ],
  };
};
