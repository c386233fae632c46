import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** SQL server minimum TLS 1.2. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-010",
    title: "SQL servers require TLS 1.2 or newer",
    description: "`minimum_tls_version` is 1.2 or 1.3.",
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_mssql_server"], cloudformation: [] },
    remediation: {
      summary: "Require TLS 1.2.",
      terraform: 'resource "azurerm_mssql_server" "sql" {\n  minimum_tls_version = "1.2"\n}',
    },
    frameworks: [soc2("CC6.7")],
    aliases: ["CKV_AZURE_52", "AVD-AZU-0026", "azure-database-secure-tls-policy"],
    references: [
      "https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#minimal-tls-version",
    ],
    defaults: "The azurerm 4 default is 1.2, which passes.",
  },
  check: (server) =>
    expectAttribute(server, "minimum_tls_version", {
      ok: (v) => v === "1.2" || v === "1.3",
      whenAbsent: "pass",
      pass: "TLS 1.2 or newer is required.",
      fail: "minimum_tls_version allows TLS older than 1.2 (or is Disabled).",
      absent: "minimum_tls_version is not set; the provider's default is 1.2.",
    }),
};
