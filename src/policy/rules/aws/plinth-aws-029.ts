import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** The trail is logging. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-029",
    title: "CloudTrail trails are logging",
    description: "`enable_logging` is not false: a trail that is stopped records nothing.",
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_cloudtrail"], cloudformation: ["AWS::CloudTrail::Trail"] },
    remediation: {
      summary: "Start logging.",
      terraform: 'resource "aws_cloudtrail" "main" {\n  enable_logging = true\n}',
      cloudformation: "IsLogging: true",
    },
    frameworks: [cisAws("3.1"), soc2("CC7.2")],
    aliases: ["CKV_AWS_251"],
    references: ["https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_StopLogging.html"],
    defaults: "Terraform's default is true.",
  },
  check: (trail) =>
    expectBool(trail, "enable_logging", true, {
      whenAbsent: "pass",
      pass: "The trail is logging.",
      fail: "enable_logging is false: the trail records nothing.",
    }),
};
