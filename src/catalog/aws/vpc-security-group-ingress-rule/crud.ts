import { securityGroupRule } from "../security-group-rule.ts";

/** aws_vpc_security_group_ingress_rule: see security-group-rule.ts. */
export const vpcSecurityGroupIngressRule = securityGroupRule("ingress");
