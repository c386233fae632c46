import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const privateEndpoint: ArmMapping = {
  type: "Microsoft.Network/privateEndpoints",
  apiVersion: "2024-05-01",
  body: (args) => {
    const connection = args.block("private_service_connection");
    const subnet = args.get("subnet_id");
    const entry = {
      name: connection.name ?? "connection",
      properties: defined({
        privateLinkServiceId: connection.private_connection_resource_id,
        groupIds: connection.subresource_names,
      }),
    };
    return {
      properties: defined({
        subnet: subnet === undefined ? undefined : { id: subnet },
        customNetworkInterfaceName: args.get("custom_network_interface_name"),
        [connection.is_manual_connection === true
          ? "manualPrivateLinkServiceConnections"
          : "privateLinkServiceConnections"]: [entry],
      }),
    };
  },
  // The zone group keeps the endpoint's DNS record in the private zones: a child of the endpoint in ARM.
  companions: (args) => {
    const group = args.block("private_dns_zone_group");
    const zones = group.private_dns_zone_ids;
    if (group.name === undefined || !Array.isArray(zones)) return [];
    return [
      {
        type: "privateDnsZoneGroups",
        name: String(group.name),
        apiVersion: "2024-05-01",
        properties: {
          privateDnsZoneConfigs: zones.map((id, i) => ({
            name: `zone-${i + 1}`,
            properties: { privateDnsZoneId: id },
          })),
        },
      },
    ];
  },
  attributes: { id: ID, name: NAME },
};
