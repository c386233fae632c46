import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 2.3.1: RDS instance storage encrypted. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-015",
    title: "RDS instances are encrypted at rest",
    description:
      "An RDS DB instance sets `storage_encrypted = true`, encrypting its storage, snapshots, backups and replicas.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_db_instance"], cloudformation: ["AWS::RDS::DBInstance"] },
    remediation: {
      summary: "Encrypt the instance's storage (a new instance, or restore an encrypted snapshot copy).",
      terraform:
        'resource "aws_db_instance" "db" {\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.db.arn # optional\n}',
      cloudformation: "StorageEncrypted: true",
      plinth: "`type: database` components are always encrypted.",
    },
    frameworks: [cisAws("2.3.1"), soc2("CC6.1")],
    aliases: ["CKV_AWS_16", "AVD-AWS-0080", "aws-rds-encrypt-instance-storage-data"],
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"],
    defaults:
      "Absent means unencrypted. Instances that are read replicas (`replicate_source_db`) inherit the source's encryption and are unknown unless set.",
  },
  check: (db) => {
    if (db.get("replicate_source_db") !== undefined && db.get("storage_encrypted") === undefined)
      return {
        status: "unknown",
        message: "A read replica inherits its source's encryption.",
        attribute: "replicate_source_db",
      };
    return expectBool(db, "storage_encrypted", true, {
      whenAbsent: "fail",
      pass: "Storage is encrypted.",
      fail: "storage_encrypted is false: data, backups and snapshots are stored unencrypted.",
      absent: "storage_encrypted is not set, so storage is unencrypted.",
    });
  },
};
