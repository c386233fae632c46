import type { Rule } from "../../rule.ts";
import { soc2 } from "../shared/frameworks.ts";
import { grantsAllActions, IAM_POLICY_CFN_TYPES, IAM_POLICY_TYPES, policyVerdict } from "../shared/iam.ts";

/** No `*` action, whatever the resource. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-032",
    title: "IAM policies do not allow all actions (*)",
    description:
      'No Allow statement has `Action: "*"`, even when scoped to some resources: it grants every present and future action of every service on them.',
    severity: "high",
    cloud: "aws",
    resourceTypes: { terraform: IAM_POLICY_TYPES, cloudformation: IAM_POLICY_CFN_TYPES },
    remediation: {
      summary: "List the actions needed instead of `*`.",
      terraform:
        'Statement = [{ Effect = "Allow", Action = ["sqs:SendMessage"], Resource = aws_sqs_queue.q.arn }]',
      cloudformation: "Action: [sqs:SendMessage]",
    },
    frameworks: [soc2("CC6.1", "CC6.3")],
    aliases: ["CKV_AWS_63", "CKV_AWS_49"],
    references: ["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"],
  },
  check: (policy) => policyVerdict(policy, (s) => grantsAllActions(s, false), "every action (`*`)"),
};
