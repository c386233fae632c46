import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const subnet: ArmMapping = {
  type: "Microsoft.Network/virtualNetworks/subnets",
  apiVersion: "2024-05-01",
  parent: { argument: "virtual_network_name" },
  body: (args) => {
    const endpoints = args.get("service_endpoints");
    return {
      properties: defined({
        addressPrefixes: args.get("address_prefixes"),
        defaultOutboundAccess: args.get("default_outbound_access_enabled"),
        serviceEndpoints: Array.isArray(endpoints) ? endpoints.map((service) => ({ service })) : undefined,
      }),
    };
  },
  attributes: { id: ID, name: NAME },
};
