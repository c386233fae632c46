import { type CostFunction, monthly } from "../../cost-components.ts";

/**
 * aws_route53_zone: a hosted zone by the month at the price of the account's first 25 zones (AWS
 * charges less from the 26th on, across the account, which one plan cannot see).
 */
export const route53ZoneCost: CostFunction = () => ({
  components: [
    monthly(
      "Hosted zone",
      "months",
      { service: "AmazonRoute53", key: "hosted-zone-first-25", region: "global" },
      1,
    ),
  ],
});
