import { type ArmMapping, defined, ID, NAME } from "../../arm-mapping.ts";

export const mysqlFlexibleDatabase: ArmMapping = {
  type: "Microsoft.DBforMySQL/flexibleServers/databases",
  apiVersion: "2023-12-30",
  parent: { argument: "server_name" },
  body: (args) => ({
    properties: defined({ charset: args.get("charset"), collation: args.get("collation") }),
  }),
  attributes: { id: ID, name: NAME },
};
