import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 2.2.1: account-level EBS encryption by default. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-021",
    title: "EBS encryption by default is enabled",
    description: "aws_ebs_encryption_by_default is enabled, so every new volume in the region is encrypted.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_ebs_encryption_by_default"], cloudformation: [] },
    remediation: {
      summary: "Enable EBS encryption by default in every region you use.",
      terraform: 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}',
    },
    frameworks: [cisAws("2.2.1"), soc2("CC6.1")],
    aliases: ["CKV_AWS_106"],
    references: ["https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html"],
    defaults: "The resource's `enabled` defaults to true.",
  },
  check: (setting) =>
    expectBool(setting, "enabled", true, {
      whenAbsent: "pass",
      pass: "EBS encryption by default is enabled.",
      fail: "enabled is false: new volumes are not encrypted by default.",
    }),
};
