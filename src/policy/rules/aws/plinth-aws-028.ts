import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 3.2: log file validation. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-028",
    title: "CloudTrail log file validation is enabled",
    description:
      "`enable_log_file_validation = true` writes signed digest files, so tampering with delivered logs can be detected.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_cloudtrail"], cloudformation: ["AWS::CloudTrail::Trail"] },
    remediation: {
      summary: "Enable log file validation.",
      terraform: 'resource "aws_cloudtrail" "main" {\n  enable_log_file_validation = true\n}',
      cloudformation: "EnableLogFileValidation: true",
    },
    frameworks: [cisAws("3.2"), soc2("CC7.2")],
    aliases: ["CKV_AWS_36", "AVD-AWS-0016", "aws-cloudtrail-enable-log-validation"],
    references: [
      "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
    ],
    defaults: "Terraform's default is false.",
  },
  check: (trail) =>
    expectBool(trail, "enable_log_file_validation", true, {
      whenAbsent: "fail",
      pass: "Log file validation is enabled.",
      fail: "enable_log_file_validation is false: changes to delivered logs cannot be detected.",
      absent: "enable_log_file_validation is not set, so log files are not validated.",
    }),
};
