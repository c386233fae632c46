import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 3.15: minimum TLS 1.2. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-002",
    title: "Storage accounts require TLS 1.2 or newer",
    description: "`min_tls_version` is TLS1_2 or TLS1_3, refusing clients on TLS 1.0 and 1.1.",
    severity: "high",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_storage_account"], cloudformation: [] },
    remediation: {
      summary: "Set the minimum TLS version to 1.2.",
      terraform: 'resource "azurerm_storage_account" "sa" {\n  min_tls_version = "TLS1_2"\n}',
      plinth: "`type: bucket` components on Azure require TLS 1.2.",
    },
    frameworks: [cisAzure("3.15"), soc2("CC6.7")],
    aliases: ["CKV_AZURE_44", "AVD-AZU-0011", "azure-storage-use-secure-tls-policy"],
    references: [
      "https://learn.microsoft.com/azure/storage/common/transport-layer-security-configure-minimum-version",
    ],
    defaults: "The azurerm provider defaults to TLS1_2, which passes.",
  },
  check: (account) =>
    expectAttribute(account, "min_tls_version", {
      ok: (v) => v === "TLS1_2" || v === "TLS1_3",
      whenAbsent: "pass",
      pass: "TLS 1.2 or newer is required.",
      fail: "min_tls_version allows TLS versions older than 1.2.",
      absent: "min_tls_version is not set; the provider's default is TLS1_2.",
    }),
};
