import type { Rule } from "../../rule.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";
import { grantsAllActions, IAM_POLICY_CFN_TYPES, IAM_POLICY_TYPES, policyVerdict } from "../shared/iam.ts";

/** CIS 1.16: no full administrative `*:*` policies. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-031",
    title: "IAM policies do not grant full administrative access (*:*)",
    description:
      "No statement of an IAM policy allows every action (`*`) on every resource (`*`). Grant the actions a workload needs, on the resources it uses.",
    severity: "critical",
    cloud: "aws",
    resourceTypes: { terraform: IAM_POLICY_TYPES, cloudformation: IAM_POLICY_CFN_TYPES },
    remediation: {
      summary: "Replace the wildcard statement with the specific actions and resources needed.",
      terraform:
        'policy = jsonencode({ Version = "2012-10-17", Statement = [{\n  Effect = "Allow", Action = ["s3:GetObject"], Resource = "${aws_s3_bucket.b.arn}/*"\n}] })',
      cloudformation:
        "PolicyDocument:\n  Statement:\n    - Effect: Allow\n      Action: [s3:GetObject]\n      Resource: !Sub ${Bucket.Arn}/*",
      plinth: "plinth grants each component only the actions its references need.",
    },
    frameworks: [cisAws("1.16"), soc2("CC6.1", "CC6.3")],
    aliases: ["CKV_AWS_62", "CKV_AWS_1", "CKV2_AWS_40", "AVD-AWS-0057", "aws-iam-no-policy-wildcards"],
    references: [
      "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    ],
  },
  check: (policy) =>
    policyVerdict(policy, (s) => grantsAllActions(s, true), "every action on every resource (*:*)"),
};
