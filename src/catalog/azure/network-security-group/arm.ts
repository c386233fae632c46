import { type ArmMapping, ID, NAME } from "../../arm-mapping.ts";

export const networkSecurityGroup: ArmMapping = {
  type: "Microsoft.Network/networkSecurityGroups",
  apiVersion: "2024-05-01",
  body: () => ({ properties: {} }),
  attributes: { id: ID, name: NAME },
};
