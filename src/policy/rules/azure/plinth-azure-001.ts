import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 3.1: secure transfer required. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-001",
    title: "Storage accounts accept HTTPS only",
    description:
      "Secure transfer is required (`https_traffic_only_enabled`, `enable_https_traffic_only` before azurerm 4.0), so requests over plain HTTP are refused.",
    severity: "high",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_storage_account"], cloudformation: [] },
    remediation: {
      summary: "Require secure transfer.",
      terraform: 'resource "azurerm_storage_account" "sa" {\n  https_traffic_only_enabled = true\n}',
      plinth: "`type: bucket` components on Azure are HTTPS-only.",
    },
    frameworks: [cisAzure("3.1"), soc2("CC6.7")],
    aliases: ["CKV_AZURE_3", "AVD-AZU-0008", "azure-storage-enforce-https"],
    references: ["https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer"],
    defaults: "The provider's default is true.",
  },
  check: (account) => {
    const path =
      account.get("enable_https_traffic_only") !== undefined
        ? "enable_https_traffic_only"
        : "https_traffic_only_enabled";
    return expectBool(account, path, true, {
      whenAbsent: "pass",
      pass: "Only HTTPS requests are accepted.",
      fail: `${path} is false: requests over plain HTTP are accepted.`,
      absent: "Secure transfer is required (the provider's default).",
    });
  },
};
