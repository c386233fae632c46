import { isPlainObject, type Value } from "../../../model/value.ts";
import { type ArmMapping, defined, firstBlock, ID } from "../../arm-mapping.ts";

const days = (block: Value | undefined, from: string, to: string) => {
  const value = firstBlock(block)[from];
  return value === undefined ? undefined : { delete: { [to]: value } };
};

/** Lifecycle rules of a storage account; ARM names the policy `default`. */
export const storageManagementPolicy: ArmMapping = {
  type: "Microsoft.Storage/storageAccounts/managementPolicies",
  apiVersion: "2023-05-01",
  parent: { argument: "storage_account_id" },
  name: () => "default",
  body: (args) => {
    const rules = args.get("rule");
    return {
      properties: {
        policy: {
          rules: (Array.isArray(rules) ? rules : []).filter(isPlainObject).map((rule) => {
            const filters = firstBlock(rule.filters);
            const actions = firstBlock(rule.actions);
            return defined({
              name: rule.name,
              enabled: rule.enabled,
              type: "Lifecycle",
              definition: {
                filters: defined({ blobTypes: filters.blob_types, prefixMatch: filters.prefix_match }),
                actions: defined({
                  baseBlob: days(
                    actions.base_blob,
                    "delete_after_days_since_modification_greater_than",
                    "daysAfterModificationGreaterThan",
                  ),
                  version: days(
                    actions.version,
                    "delete_after_days_since_creation",
                    "daysAfterCreationGreaterThan",
                  ),
                  snapshot: days(
                    actions.snapshot,
                    "delete_after_days_since_creation_greater_than",
                    "daysAfterCreationGreaterThan",
                  ),
                }),
              },
            });
          }),
        },
      },
    };
  },
  attributes: { id: ID },
};
