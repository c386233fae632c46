import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 8.5: recoverable key vault. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-017",
    title: "Key vaults have purge protection",
    description:
      "`purge_protection_enabled = true`: deleted vaults and secrets stay recoverable for the retention period and cannot be purged early.",
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_key_vault"], cloudformation: [] },
    remediation: {
      summary: "Enable purge protection (it cannot be turned off later).",
      terraform:
        'resource "azurerm_key_vault" "kv" {\n  purge_protection_enabled   = true\n  soft_delete_retention_days = 90\n}',
      plinth: "`type: secret` components on Azure enable it.",
    },
    frameworks: [cisAzure("8.5"), soc2("A1.2", "CC6.1")],
    aliases: ["CKV_AZURE_110", "CKV_AZURE_42", "AVD-AZU-0016", "azure-keyvault-no-purge"],
    references: ["https://learn.microsoft.com/azure/key-vault/general/soft-delete-overview"],
    defaults: "The provider's default is false.",
  },
  check: (vault) =>
    expectBool(vault, "purge_protection_enabled", true, {
      whenAbsent: "fail",
      pass: "Purge protection is enabled.",
      fail: "purge_protection_enabled is false: a deleted vault can be purged at once.",
      absent: "purge_protection_enabled is not set, so a deleted vault can be purged at once.",
    }),
};
