import { type CostFunction, hourly } from "../../cost-components.ts";

/**
 * aws_eip: every public IPv4 address is charged by the hour since February 2024, attached (to an
 * instance or a NAT gateway) or idle, at the same price.
 */
export const eipCost: CostFunction = () => ({
  components: [hourly("Public IPv4 address", { service: "AmazonVPC-PublicIPv4", key: "public-ipv4-in-use" })],
});
