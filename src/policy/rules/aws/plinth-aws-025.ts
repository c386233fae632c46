import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** DynamoDB point-in-time recovery. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-025",
    title: "DynamoDB tables have point-in-time recovery",
    description:
      "`point_in_time_recovery.enabled = true` keeps continuous backups of the table for up to 35 days.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_dynamodb_table"], cloudformation: ["AWS::DynamoDB::Table"] },
    remediation: {
      summary: "Enable point-in-time recovery.",
      terraform:
        'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery {\n    enabled = true\n  }\n}',
      cloudformation: "PointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true",
    },
    frameworks: [soc2("A1.2")],
    aliases: ["CKV_AWS_28", "AVD-AWS-0024", "aws-dynamodb-enable-recovery"],
    references: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html"],
    defaults: "Off unless enabled.",
  },
  check: (table) =>
    expectBool(table, "point_in_time_recovery.enabled", true, {
      whenAbsent: "fail",
      pass: "Point-in-time recovery is enabled.",
      fail: "point_in_time_recovery.enabled is false.",
      absent: "Point-in-time recovery is not enabled (no point_in_time_recovery block with enabled = true).",
    }),
};
