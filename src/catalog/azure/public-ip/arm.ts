import { type ArmMapping, defined, ID, NAME, reference } from "../../arm-mapping.ts";

export const publicIp: ArmMapping = {
  type: "Microsoft.Network/publicIPAddresses",
  apiVersion: "2024-05-01",
  body: (args) => ({
    sku: { name: args.get("sku") ?? "Standard" },
    properties: defined({ publicIPAllocationMethod: args.get("allocation_method") }),
  }),
  attributes: { id: ID, name: NAME, ip_address: reference("ipAddress") },
};
