import type { Rule } from "../../rule.ts";
import { expectAttribute } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Automated backups on (a retention period of 1 to 35 days). */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-018",
    title: "RDS automated backups are enabled",
    description:
      "`backup_retention_period` is between 1 and 35 days: 0 turns automated backups and point-in-time recovery off.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_db_instance", "aws_rds_cluster"],
      cloudformation: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"],
    },
    remediation: {
      summary: "Keep automated backups (7 days or more is a good default).",
      terraform: 'resource "aws_db_instance" "db" {\n  backup_retention_period = 14\n}',
      cloudformation: "BackupRetentionPeriod: 14",
      plinth: "`backupRetentionDays` on the database component (7 by default, 30 in production).",
    },
    frameworks: [soc2("A1.2")],
    aliases: ["CKV_AWS_133"],
    references: [
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html",
    ],
    defaults: "When absent, RDS keeps backups for 1 day: enabled, so the rule passes.",
  },
  check: (db) =>
    expectAttribute(db, "backup_retention_period", {
      ok: (v) => Number(v) >= 1 && Number(v) <= 35,
      whenAbsent: "pass",
      pass: "Automated backups are enabled.",
      fail: "backup_retention_period is 0 (or invalid): automated backups and point-in-time recovery are off.",
      absent: "backup_retention_period is not set, so RDS keeps automated backups for 1 day.",
    }),
};
