import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { unknown } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

const IAM_AUTH_ENGINES = /^(mysql|postgres|mariadb|aurora|aurora-mysql|aurora-postgresql)$/;

/** IAM database authentication. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-042",
    title: "RDS instances use IAM database authentication",
    description:
      "`iam_database_authentication_enabled = true` lets applications connect with short-lived IAM tokens instead of long-lived passwords. Applies to MySQL, MariaDB and PostgreSQL engines.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_db_instance"], cloudformation: ["AWS::RDS::DBInstance"] },
    remediation: {
      summary: "Enable IAM database authentication.",
      terraform: 'resource "aws_db_instance" "db" {\n  iam_database_authentication_enabled = true\n}',
      cloudformation: "EnableIAMDatabaseAuthentication: true",
      plinth: "`type: database` components always enable it.",
    },
    frameworks: [soc2("CC6.1")],
    aliases: ["CKV_AWS_161", "AVD-AWS-0176", "aws-rds-enable-iam-auth"],
    references: ["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"],
    defaults: "Terraform's default is false. Other engines are not applicable (unknown).",
  },
  check: (db) => {
    const engine = db.get("engine");
    if (isUnresolved(engine))
      return unknown(`engine is not known statically: ${describeUnresolved(engine)}.`, "engine");
    if (typeof engine === "string" && !IAM_AUTH_ENGINES.test(engine))
      return unknown(`Not applicable: ${engine} does not support IAM database authentication.`, "engine");
    return expectBool(db, "iam_database_authentication_enabled", true, {
      whenAbsent: "fail",
      pass: "IAM database authentication is enabled.",
      fail: "iam_database_authentication_enabled is false.",
      absent: "iam_database_authentication_enabled is not set, so only passwords can authenticate.",
    });
  },
};
