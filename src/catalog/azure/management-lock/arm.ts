import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const managementLock: ArmMapping = {
  type: "Microsoft.Authorization/locks",
  apiVersion: "2020-05-01",
  scope: "scope",
  body: (args) => ({ properties: defined({ level: args.get("lock_level"), notes: args.get("notes") }) }),
  attributes: { id: ID, name: NAME },
};
