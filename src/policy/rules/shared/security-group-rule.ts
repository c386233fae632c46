import type { Rule } from "../../rule.ts";
import { awsIngressVerdict, type ExposureRuleOptions } from "./network.ts";

export const SECURITY_GROUP_TYPES = [
  "aws_security_group",
  "aws_security_group_rule",
  "aws_vpc_security_group_ingress_rule",
];

/** A rule refusing security groups (inline or separate rules) that open `query` to the internet. */
export function securityGroupIngressRule(options: ExposureRuleOptions): Rule {
  return {
    meta: {
      id: options.id,
      title: options.title,
      description: `No security group ingress — inline \`ingress\` blocks, aws_security_group_rule, or aws_vpc_security_group_ingress_rule — admits ${options.what} from 0.0.0.0/0 or ::/0. Rules for every protocol (\`-1\`) count as every port.`,
      severity: options.severity,
      cloud: "aws",
      resourceTypes: {
        terraform: SECURITY_GROUP_TYPES,
        cloudformation: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"],
      },
      remediation: {
        summary: `Admit ${options.what} only from known ranges (a VPN, a bastion's security group), or use Session Manager instead of open ports.`,
        terraform: `resource "aws_vpc_security_group_ingress_rule" "admin" {\n  security_group_id = aws_security_group.app.id\n  ip_protocol       = "tcp"\n  from_port         = ${options.port}\n  to_port           = ${options.port}\n  cidr_ipv4         = "10.0.0.0/16" # not 0.0.0.0/0\n}`,
        cloudformation: `SecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: ${options.port}\n    ToPort: ${options.port}\n    CidrIp: 10.0.0.0/16`,
        plinth: "plinth refuses SSH and RDP from 0.0.0.0/0 in `ingress:`; give a narrower `cidr`.",
      },
      frameworks: options.frameworks,
      aliases: options.aliases,
      references: ["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
    },
    check: (resource) => awsIngressVerdict(resource, options.query, options.what),
  };
}
