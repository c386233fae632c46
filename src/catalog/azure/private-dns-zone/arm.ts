import { type ArmMapping, ID, NAME } from "../../arm-mapping.ts";

export const privateDnsZone: ArmMapping = {
  type: "Microsoft.Network/privateDnsZones",
  apiVersion: "2024-06-01",
  body: () => ({ location: "global", properties: {} }),
  attributes: { id: ID, name: NAME },
};
