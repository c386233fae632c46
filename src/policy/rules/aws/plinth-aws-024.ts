import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** Subnets do not hand out public IPs. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-024",
    title: "Subnets do not assign public IP addresses on launch",
    description:
      "`map_public_ip_on_launch` is not true, so instances launched in the subnet are not given public addresses by default.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_subnet"], cloudformation: ["AWS::EC2::Subnet"] },
    remediation: {
      summary:
        "Turn off automatic public IPs; give public addresses only to load balancers and NAT gateways.",
      terraform: 'resource "aws_subnet" "a" {\n  map_public_ip_on_launch = false\n}',
      cloudformation: "MapPublicIpOnLaunch: false",
      plinth: "Network components never map public IPs on launch.",
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AWS_130", "AVD-AWS-0164", "aws-ec2-no-public-ip-subnet"],
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/modify-subnets.html"],
    defaults: "Terraform's default is false.",
  },
  check: (subnet) =>
    expectBool(subnet, "map_public_ip_on_launch", false, {
      whenAbsent: "pass",
      pass: "It does not assign public IP addresses on launch.",
      fail: "map_public_ip_on_launch is true: instances launched here get public IP addresses.",
    }),
};
