import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const privateDnsZoneVirtualNetworkLink: ArmMapping = {
  type: "Microsoft.Network/privateDnsZones/virtualNetworkLinks",
  apiVersion: "2024-06-01",
  parent: { argument: "private_dns_zone_name" },
  body: (args) => {
    const network = args.get("virtual_network_id");
    return {
      location: "global",
      properties: defined({
        virtualNetwork: network === undefined ? undefined : { id: network },
        registrationEnabled: args.get("registration_enabled"),
      }),
    };
  },
  attributes: { id: ID, name: NAME },
};
