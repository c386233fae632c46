import { cisAws, soc2 } from "../shared/frameworks.ts";
import { securityGroupIngressRule } from "../shared/security-group-rule.ts";

/** CIS 5.2/5.3: SSH not open to the internet. */
export const rule = securityGroupIngressRule({
  id: "PLINTH-AWS-011",
  title: "Security groups do not admit SSH (22) from the internet",
  what: "SSH (TCP 22)",
  query: 22,
  port: "22",
  severity: "high",
  frameworks: [cisAws("5.2", "5.3"), soc2("CC6.6")],
  aliases: ["CKV_AWS_24", "AVD-AWS-0107", "aws-ec2-no-public-ingress-sgr", "aws-vpc-no-public-ingress-sgr"],
});
