import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const postgresqlFlexibleServerDatabase: ArmMapping = {
  type: "Microsoft.DBforPostgreSQL/flexibleServers/databases",
  apiVersion: "2024-08-01",
  parent: { argument: "server_id" },
  body: (args) => ({
    properties: defined({ charset: args.get("charset"), collation: args.get("collation") }),
  }),
  attributes: { id: ID, name: NAME },
};
