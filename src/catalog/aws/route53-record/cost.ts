import {
  blocks,
  type CostFunction,
  scaleUsage,
  type Tier,
  tiered,
  usageNumber,
} from "../../cost-components.ts";

const TIERS: Tier[] = [
  { label: "first 1B", price: { service: "AmazonRoute53", key: "standard-queries-first-1B" }, size: 1000 },
  { label: "over 1B", price: { service: "AmazonRoute53", key: "standard-queries-over-1B" }, size: Infinity },
];

/**
 * aws_route53_record: standard queries from usage (`monthly_standard_queries`) in two tiers. Queries
 * to alias records that point at AWS resources are free, so alias records have no lines.
 */
export const route53RecordCost: CostFunction = (ctx) => {
  if (blocks(ctx, "alias").length > 0) return { components: [] };
  return {
    components: tiered(
      "Standard queries",
      "1M queries",
      scaleUsage(usageNumber(ctx, "monthly_standard_queries"), 1, 1e6),
      TIERS,
      { unitScale: 1e6 },
    ),
  };
};
