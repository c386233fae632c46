import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 3.7: no anonymous blob access. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-003",
    title: "Storage accounts disallow public blob access",
    description:
      "`allow_nested_items_to_be_public = false` (`allow_blob_public_access` in azurerm 2.x): no container in the account can be opened to anonymous readers.",
    severity: "high",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_storage_account"], cloudformation: [] },
    remediation: {
      summary: "Disallow anonymous access to blobs for the whole account.",
      terraform: 'resource "azurerm_storage_account" "sa" {\n  allow_nested_items_to_be_public = false\n}',
      plinth: "`public: false` (the default) on the bucket component.",
    },
    frameworks: [cisAzure("3.7"), soc2("CC6.1")],
    aliases: ["CKV_AZURE_190", "CKV_AZURE_59"],
    references: ["https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent"],
    defaults: "The provider's default is true (allowed), which fails.",
  },
  check: (account) => {
    const path =
      account.get("allow_blob_public_access") !== undefined
        ? "allow_blob_public_access"
        : "allow_nested_items_to_be_public";
    return expectBool(account, path, false, {
      whenAbsent: "fail",
      pass: "Anonymous blob access is disallowed.",
      fail: `${path} is true: containers can be made public.`,
      absent: `${path} is not set; the provider's default allows containers to be made public.`,
    });
  },
};
