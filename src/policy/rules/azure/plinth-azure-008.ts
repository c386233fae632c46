import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 4.1.6: audit retention > 90 days. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-008",
    title: "SQL auditing keeps logs for more than 90 days",
    description: "The auditing policy's `retention_in_days` is 0 (keep forever) or more than 90.",
    severity: "low",
    cloud: "azure",
    resourceTypes: {
      terraform: [
        "azurerm_mssql_server_extended_auditing_policy",
        "azurerm_mssql_database_extended_auditing_policy",
      ],
      cloudformation: [],
    },
    remediation: {
      summary: "Keep audit logs for more than 90 days.",
      terraform: "retention_in_days = 120",
    },
    frameworks: [cisAzure("4.1.6"), soc2("CC7.2")],
    aliases: ["CKV_AZURE_24", "CKV_AZURE_156", "AVD-AZU-0025", "azure-database-retention-period-set"],
    references: ["https://learn.microsoft.com/azure/azure-sql/database/auditing-overview"],
    defaults: "Absent means 0: kept forever, which passes.",
  },
  check: (policy) =>
    expectAttribute(policy, "retention_in_days", {
      ok: (v) => Number(v) === 0 || Number(v) > 90,
      whenAbsent: "pass",
      pass: "Audit logs are kept for more than 90 days.",
      fail: "retention_in_days is 90 or less.",
      absent: "retention_in_days is not set, so audit logs are kept without limit.",
    }),
};
