import { type ArmMapping, ID, NAME } from "../../arm-mapping.ts";

/** Its public addresses come from azurerm_nat_gateway_public_ip_association, merged in. */
export const natGateway: ArmMapping = {
  type: "Microsoft.Network/natGateways",
  apiVersion: "2024-05-01",
  body: (args) => ({ sku: { name: args.get("sku_name") ?? "Standard" }, properties: {} }),
  attributes: { id: ID, name: NAME },
};
