import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 3.2: infrastructure encryption. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-006",
    title: "Storage accounts enable infrastructure (double) encryption",
    description:
      "`infrastructure_encryption_enabled = true` adds a second layer of encryption at the infrastructure level, with a different key and algorithm.",
    severity: "low",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_storage_account"], cloudformation: [] },
    remediation: {
      summary: "Create the account with infrastructure encryption (it cannot be changed later).",
      terraform: 'resource "azurerm_storage_account" "sa" {\n  infrastructure_encryption_enabled = true\n}',
      plinth: "`type: bucket` components on Azure enable it.",
    },
    frameworks: [cisAzure("3.2"), soc2("CC6.1")],
    aliases: ["AVD-AZU-0061", "azure-storage-infrastructure-encryption-enabled"],
    references: ["https://learn.microsoft.com/azure/storage/common/infrastructure-encryption-enable"],
    defaults: "The provider's default is false.",
  },
  check: (account) =>
    expectBool(account, "infrastructure_encryption_enabled", true, {
      whenAbsent: "fail",
      pass: "Infrastructure encryption is enabled.",
      fail: "infrastructure_encryption_enabled is false.",
      absent: "infrastructure_encryption_enabled is not set, so data is encrypted once only.",
    }),
};
