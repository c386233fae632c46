import type { ArmMapping } from "../../arm-mapping.ts";

/** The association is an entry of the gateway's `publicIpAddresses` in ARM. */
export const natGatewayPublicIpAssociation: ArmMapping = {
  type: "Microsoft.Network/natGateways",
  apiVersion: "2024-05-01",
  mergeInto: "nat_gateway_id",
  body: (args) => ({ properties: { publicIpAddresses: [{ id: args.get("public_ip_address_id") ?? null }] } }),
  attributes: {},
};
