import type { Rule } from "../../rule.ts";
import { unknown } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisGcp, soc2 } from "../shared/frameworks.ts";

/** CIS GCP 6.7: automated backups. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-GCP-008",
    title: "Cloud SQL instances have automated backups",
    description:
      "`settings.backup_configuration.enabled = true` takes daily backups. Read replicas are not applicable.",
    severity: "medium",
    cloud: "gcp",
    resourceTypes: { terraform: ["google_sql_database_instance"], cloudformation: [] },
    remediation: {
      summary: "Enable automated backups (and point-in-time recovery).",
      terraform:
        "settings {\n  backup_configuration {\n    enabled                        = true\n    point_in_time_recovery_enabled = true\n  }\n}",
      plinth: "`type: database` components on GCP always have backups and point-in-time recovery.",
    },
    frameworks: [cisGcp("6.7"), soc2("A1.2")],
    aliases: ["CKV_GCP_14", "AVD-GCP-0024", "google-sql-enable-backup"],
    references: ["https://cloud.google.com/sql/docs/postgres/backup-recovery/backups"],
    defaults: "Off unless enabled.",
  },
  check: (db) => {
    if (db.get("master_instance_name") !== undefined)
      return unknown(
        "Not applicable: read replicas are backed up through their primary.",
        "master_instance_name",
      );
    return expectBool(db, "settings.backup_configuration.enabled", true, {
      whenAbsent: "fail",
      pass: "Automated backups are enabled.",
      fail: "backup_configuration.enabled is false.",
      absent: "Automated backups are not enabled (no backup_configuration with enabled = true).",
    });
  },
};
