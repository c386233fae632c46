import { cisAws, soc2 } from "../shared/frameworks.ts";
import { securityGroupIngressRule } from "../shared/security-group-rule.ts";

/** CIS 5.2/5.3: RDP not open to the internet. */
export const rule = securityGroupIngressRule({
  id: "PLINTH-AWS-012",
  title: "Security groups do not admit RDP (3389) from the internet",
  what: "RDP (TCP 3389)",
  query: 3389,
  port: "3389",
  severity: "high",
  frameworks: [cisAws("5.2", "5.3"), soc2("CC6.6")],
  aliases: ["CKV_AWS_25", "AVD-AWS-0107", "aws-ec2-no-public-ingress-sgr", "aws-vpc-no-public-ingress-sgr"],
});
