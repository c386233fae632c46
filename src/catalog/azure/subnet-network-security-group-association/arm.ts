import type { ArmMapping } from "../../arm-mapping.ts";

/** The association is the subnet's `networkSecurityGroup` in ARM. */
export const subnetNetworkSecurityGroupAssociation: ArmMapping = {
  type: "Microsoft.Network/virtualNetworks/subnets",
  apiVersion: "2024-05-01",
  mergeInto: "subnet_id",
  body: (args) => {
    args.get("subnet_id");
    return { properties: { networkSecurityGroup: { id: args.get("network_security_group_id") ?? null } } };
  },
  attributes: {},
};
