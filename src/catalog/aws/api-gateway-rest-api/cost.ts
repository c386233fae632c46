import { type CostFunction, scaleUsage, type Tier, tiered, usageNumber } from "../../cost-components.ts";

const price = (key: string) => ({ service: "AmazonApiGateway", key });

/** REST API calls a month in AWS's tiers, in millions. */
const TIERS: Tier[] = [
  { label: "first 333M", price: price("rest-requests-first-333m"), size: 333 },
  { label: "next 667M", price: price("rest-requests-next-667m"), size: 667 },
  { label: "next 19B", price: price("rest-requests-next-19b"), size: 19_000 },
  { label: "over 20B", price: price("rest-requests-over-20b"), size: Infinity },
];

/**
 * aws_api_gateway_rest_api: API calls from usage (`monthly_requests`) in tiers. A stage's cache is
 * priced on aws_api_gateway_stage.
 */
export const apiGatewayRestApiCost: CostFunction = (ctx) => ({
  components: tiered(
    "Requests",
    "1M requests",
    scaleUsage(usageNumber(ctx, "monthly_requests"), 1, 1e6),
    TIERS,
    {
      unitScale: 1e6,
    },
  ),
});
