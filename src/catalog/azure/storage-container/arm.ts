import { type ArmMapping, ID, NAME } from "../../arm-mapping.ts";

const ACCESS: Readonly<Record<string, string>> = { private: "None", blob: "Blob", container: "Container" };

export const storageContainer: ArmMapping = {
  type: "Microsoft.Storage/storageAccounts/blobServices/containers",
  apiVersion: "2023-05-01",
  parent: { argument: "storage_account_id", via: "blobServices" },
  body: (args) => {
    const access = args.get("container_access_type");
    return { properties: { publicAccess: typeof access === "string" ? (ACCESS[access] ?? access) : "None" } };
  },
  attributes: { id: ID, name: NAME },
};
