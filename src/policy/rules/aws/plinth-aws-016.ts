import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** Aurora / RDS cluster storage encrypted. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-016",
    title: "RDS clusters are encrypted at rest",
    description:
      "An Aurora or Multi-AZ DB cluster sets `storage_encrypted = true`. Aurora Serverless v1 clusters are always encrypted.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_rds_cluster"], cloudformation: ["AWS::RDS::DBCluster"] },
    remediation: {
      summary: "Create the cluster with encrypted storage.",
      terraform: 'resource "aws_rds_cluster" "db" {\n  storage_encrypted = true\n}',
      cloudformation: "StorageEncrypted: true",
    },
    frameworks: [cisAws("2.3.1"), soc2("CC6.1")],
    aliases: ["CKV_AWS_96", "AVD-AWS-0079", "aws-rds-encrypt-cluster-storage-data"],
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html"],
    defaults: "Absent means unencrypted, except `engine_mode = serverless`, which is always encrypted.",
  },
  check: (cluster) => {
    if (cluster.get("engine_mode") === "serverless" && cluster.get("storage_encrypted") === undefined)
      return {
        status: "pass",
        message: "Aurora Serverless v1 clusters are always encrypted.",
        attribute: "engine_mode",
      };
    return expectBool(cluster, "storage_encrypted", true, {
      whenAbsent: "fail",
      pass: "Storage is encrypted.",
      fail: "storage_encrypted is false: the cluster's storage is unencrypted.",
      absent: "storage_encrypted is not set, so the cluster's storage is unencrypted.",
    });
  },
};
