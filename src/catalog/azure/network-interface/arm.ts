import { isPlainObject } from "../../../model/value.ts";
import { type ArmInput, type ArmMapping, defined, ID, NAME, reference } from "../../arm-mapping.ts";

export const networkInterface: ArmMapping = {
  type: "Microsoft.Network/networkInterfaces",
  apiVersion: "2024-05-01",
  body: (args) => {
    const configurations = args.get("ip_configuration");
    return {
      properties: defined({
        enableIPForwarding: args.get("ip_forwarding_enabled"),
        ipConfigurations: (Array.isArray(configurations) ? configurations : []).filter(isPlainObject).map(
          (c): ArmInput => ({
            name: c.name ?? "internal",
            properties: defined({
              subnet: c.subnet_id === undefined ? undefined : { id: c.subnet_id },
              privateIPAllocationMethod: c.private_ip_address_allocation,
              privateIPAddress: c.private_ip_address,
            }),
          }),
        ),
      }),
    };
  },
  attributes: {
    id: ID,
    name: NAME,
    private_ip_address: reference("ipConfigurations[0].properties.privateIPAddress"),
  },
};
