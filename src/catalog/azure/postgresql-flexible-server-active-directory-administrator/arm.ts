import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

/** Named by the principal's object ID, as the API requires. */
export const postgresqlFlexibleServerActiveDirectoryAdministrator: ArmMapping = {
  type: "Microsoft.DBforPostgreSQL/flexibleServers/administrators",
  apiVersion: "2024-08-01",
  parent: { argument: "server_name" },
  name: (args) => args.get("object_id") ?? null,
  body: (args) => ({
    properties: defined({
      principalType: args.get("principal_type"),
      principalName: args.get("principal_name"),
      tenantId: args.get("tenant_id"),
    }),
  }),
  attributes: { id: ID, name: NAME },
};
