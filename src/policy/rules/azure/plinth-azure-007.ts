import type { Rule } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 4.1.1: SQL server auditing on. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-007",
    title: "SQL servers have auditing enabled",
    description:
      "An azurerm_mssql_server_extended_auditing_policy (or the server's legacy inline extended_auditing_policy) records database events to storage, Log Analytics or Event Hubs.",
    severity: "medium",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_mssql_server", "azurerm_sql_server"], cloudformation: [] },
    remediation: {
      summary: "Add a server auditing policy.",
      terraform:
        'resource "azurerm_mssql_server_extended_auditing_policy" "audit" {\n  server_id              = azurerm_mssql_server.sql.id\n  log_monitoring_enabled = true\n  retention_in_days      = 120\n}',
    },
    frameworks: [cisAzure("4.1.1"), soc2("CC7.2")],
    aliases: ["CKV_AZURE_23", "AVD-AZU-0027", "azure-database-enable-audit"],
    references: ["https://learn.microsoft.com/azure/azure-sql/database/auditing-overview"],
    defaults: "Auditing is off unless a policy is declared.",
  },
  check: (server, graph) =>
    attachedVerdict(server, graph, {
      types: ["azurerm_mssql_server_extended_auditing_policy"],
      attribute: "server_id",
      keys: ["id"],
      inline: () =>
        server.get("extended_auditing_policy") === undefined
          ? undefined
          : {
              status: "pass",
              message: "Its inline extended_auditing_policy enables auditing.",
              attribute: "extended_auditing_policy",
            },
      evaluate: (policy) =>
        expectBool(policy, "enabled", true, {
          whenAbsent: "pass",
          pass: "Auditing is enabled.",
          fail: "The auditing policy is disabled (enabled = false).",
        }),
      missing: "Auditing is off: no azurerm_mssql_server_extended_auditing_policy refers to this server.",
    }),
};
