import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAzure, soc2 } from "../shared/frameworks.ts";

/** CIS Azure 4.1.5: TDE on. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AZURE-009",
    title: "SQL databases use transparent data encryption",
    description:
      "`transparent_data_encryption_enabled` is not false: data, backups and logs are encrypted at rest.",
    severity: "high",
    cloud: "azure",
    resourceTypes: { terraform: ["azurerm_mssql_database"], cloudformation: [] },
    remediation: {
      summary: "Keep TDE on.",
      terraform: 'resource "azurerm_mssql_database" "db" {\n  transparent_data_encryption_enabled = true\n}',
    },
    frameworks: [cisAzure("4.1.5"), soc2("CC6.1")],
    aliases: ["CKV2_AZURE_25"],
    references: [
      "https://learn.microsoft.com/azure/azure-sql/database/transparent-data-encryption-tde-overview",
    ],
    defaults: "The provider's default is true.",
  },
  check: (db) =>
    expectBool(db, "transparent_data_encryption_enabled", true, {
      whenAbsent: "pass",
      pass: "Transparent data encryption is on.",
      fail: "transparent_data_encryption_enabled is false: the database is stored unencrypted.",
      absent: "Transparent data encryption is on (the default).",
    }),
};
