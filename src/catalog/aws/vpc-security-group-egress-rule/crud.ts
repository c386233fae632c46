import { securityGroupRule } from "../security-group-rule.ts";

/** aws_vpc_security_group_egress_rule: see security-group-rule.ts. */
export const vpcSecurityGroupEgressRule = securityGroupRule("egress");
