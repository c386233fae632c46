import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const virtualNetwork: ArmMapping = {
  type: "Microsoft.Network/virtualNetworks",
  apiVersion: "2024-05-01",
  body: (args) => ({ properties: { addressSpace: defined({ addressPrefixes: args.get("address_space") }) } }),
  attributes: { id: ID, name: NAME },
};
