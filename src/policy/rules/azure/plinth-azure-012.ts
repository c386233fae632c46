import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 4.1.2: no firewall rule for 0.0.0.0/0. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-012",
    title: "Database firewall rules do not admit the whole internet",
    description: "No SQL, PostgreSQL or MySQL firewall rule spans 0.0.0.0 to 255.255.255.255.",
    severity: "critical",
    cloud: "azure",
    resourceTypes: {
      terraform: [
        "azurerm_mssql_firewall_rule",
        "azurerm_sql_firewall_rule",
        "azurerm_postgresql_firewall_rule",
        "azurerm_postgresql_flexible_server_firewall_rule",
        "azurerm_mysql_firewall_rule",
        "azurerm_mysql_flexible_server_firewall_rule",
        "azurerm_mariadb_firewall_rule",
      ],
      cloudformation: [],
    },
    remediation: {
      summary: "Admit only the addresses that need access, or use private endpoints.",
      terraform: 'start_ip_address = "203.0.113.10"\nend_ip_address   = "203.0.113.10"',
    },
    frameworks: [cisAzure("4.1.2"), soc2("CC6.6")],
    aliases: ["CKV_AZURE_11", "AVD-AZU-0029", "azure-database-no-public-firewall-access"],
    references: ["https://learn.microsoft.com/azure/azure-sql/database/firewall-configure"],
  },
  check: (rule) => {
    const start = rule.get("start_ip_address");
    const end = rule.get("end_ip_address");
    for (const [path, value] of [
      ["start_ip_address", start],
      ["end_ip_address", end],
    ] as const)
      if (isUnresolved(value))
        return unknown(`${path} is not known statically: ${describeUnresolved(value)}.`, path);
    return start === "0.0.0.0" && end === "255.255.255.255"
      ? fail("The rule admits every IPv4 address (0.0.0.0–255.255.255.255).", "end_ip_address")
      : pass("The rule admits a limited range.", "start_ip_address");
  },
};
