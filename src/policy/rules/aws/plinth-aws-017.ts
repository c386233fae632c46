import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 2.3.3: not publicly accessible. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-017",
    title: "RDS instances are not publicly accessible",
    description:
      "A DB instance sets no public endpoint (`publicly_accessible` false), so it is reachable only from its VPC.",
    severity: "critical",
    cloud: "aws",
    resourceTypes: {
      terraform: ["aws_db_instance", "aws_rds_cluster_instance"],
      cloudformation: ["AWS::RDS::DBInstance"],
    },
    remediation: {
      summary: "Turn off public accessibility and reach the database from inside the VPC.",
      terraform: 'resource "aws_db_instance" "db" {\n  publicly_accessible = false\n}',
      cloudformation: "PubliclyAccessible: false",
      plinth: "`type: database` components are never public.",
    },
    frameworks: [cisAws("2.3.3"), soc2("CC6.1", "CC6.6")],
    aliases: ["CKV_AWS_17", "AVD-AWS-0180", "aws-rds-enable-public-access", "aws-rds-no-public-db-access"],
    references: [
      "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html",
    ],
    defaults: "Terraform's default is false (private).",
  },
  check: (db) =>
    expectBool(db, "publicly_accessible", false, {
      whenAbsent: "pass",
      pass: "It is not publicly accessible.",
      fail: "publicly_accessible is true: the instance has a public endpoint.",
      absent: "publicly_accessible is not set, so the instance is private.",
    }),
};
