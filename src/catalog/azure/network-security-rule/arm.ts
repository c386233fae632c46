import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const networkSecurityRule: ArmMapping = {
  type: "Microsoft.Network/networkSecurityGroups/securityRules",
  apiVersion: "2024-05-01",
  parent: { argument: "network_security_group_name" },
  body: (args) => ({
    properties: defined({
      description: args.get("description"),
      priority: args.get("priority"),
      direction: args.get("direction"),
      access: args.get("access"),
      protocol: args.get("protocol"),
      sourceAddressPrefix: args.get("source_address_prefix"),
      sourcePortRange: args.get("source_port_range"),
      destinationAddressPrefix: args.get("destination_address_prefix"),
      destinationPortRange: args.get("destination_port_range"),
    }),
  }),
  attributes: { id: ID, name: NAME },
};
