import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** SQL server public network access off. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-011",
    title: "SQL servers disable public network access",
    description:
      "`public_network_access_enabled = false`: the server is reached through private endpoints only.",
    severity: "high",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_mssql_server"], cloudformation: [] },
    remediation: {
      summary: "Turn off public network access and use a private endpoint.",
      terraform: 'resource "azurerm_mssql_server" "sql" {\n  public_network_access_enabled = false\n}',
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AZURE_113", "AVD-AZU-0022", "azure-database-no-public-access"],
    references: [
      "https://learn.microsoft.com/azure/azure-sql/database/connectivity-settings#deny-public-network-access",
    ],
    defaults: "The provider's default is true (public), which fails.",
  },
  check: (server) =>
    expectBool(server, "public_network_access_enabled", false, {
      whenAbsent: "fail",
      pass: "Public network access is disabled.",
      fail: "public_network_access_enabled is true.",
      absent:
        "public_network_access_enabled is not set, so the server accepts connections from public networks.",
    }),
};
