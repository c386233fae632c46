import { describeUnresolved, isUnresolved } from "../../resource-view.ts";
import type { Rule } from "../../rule.ts";
import { fail, pass, unknown } from "../../rule.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 5.4: the default security group allows nothing. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-014",
    title: "Default security groups restrict all traffic",
    description:
      "The VPC's default security group, which resources join when no group is given, has no ingress and no egress rules, so nothing is reachable by accident.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_default_security_group"], cloudformation: [] },
    remediation: {
      summary: "Manage the default security group with no rules.",
      terraform: 'resource "aws_default_security_group" "default" {\n  vpc_id = aws_vpc.main.id\n}',
    },
    frameworks: [cisAws("5.4"), soc2("CC6.6")],
    aliases: ["CKV2_AWS_12", "AVD-AWS-0173", "aws-ec2-restrict-all-in-default-sg"],
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html"],
    defaults: "Terraform removes every rule of a default security group it manages unless declared.",
  },
  check: (group) => {
    for (const direction of ["ingress", "egress"]) {
      const rules = group.blocks(direction);
      if (isUnresolved(rules))
        return unknown(
          `Its ${direction} rules are not known statically: ${describeUnresolved(rules)}.`,
          direction,
        );
      if (rules.length > 0)
        return fail(
          `It declares ${rules.length} ${direction} rule(s); the default group should allow nothing.`,
          direction,
        );
    }
    return pass("It declares no ingress or egress rules.");
  },
};
