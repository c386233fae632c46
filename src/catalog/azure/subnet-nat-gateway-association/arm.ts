import type { ArmMapping } from "../../arm-mapping.ts";

/** The association is the subnet's `natGateway` in ARM. */
export const subnetNatGatewayAssociation: ArmMapping = {
  type: "Microsoft.Network/virtualNetworks/subnets",
  apiVersion: "2024-05-01",
  mergeInto: "subnet_id",
  body: (args) => ({ properties: { natGateway: { id: args.get("nat_gateway_id") ?? null } } }),
  attributes: {},
};
