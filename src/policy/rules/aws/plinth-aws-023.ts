import type { Rule } from "../../rule.ts";
import { expectBool } from "../shared/attribute-checks.ts";
import { soc2 } from "../shared/frameworks.ts";

/** No public IP on instances. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-023",
    title: "EC2 instances do not get a public IP address",
    description:
      "`associate_public_ip_address` is not true, so the instance is not directly reachable from the internet.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_instance"], cloudformation: ["AWS::EC2::Instance"] },
    remediation: {
      summary:
        "Place the instance in a private subnet and reach it through a load balancer or Session Manager.",
      terraform: 'resource "aws_instance" "web" {\n  associate_public_ip_address = false\n}',
      cloudformation: "NetworkInterfaces:\n  - AssociatePublicIpAddress: false\n    DeviceIndex: 0",
      plinth: "`type: vm` components never get a public IP.",
    },
    frameworks: [soc2("CC6.6")],
    aliases: ["CKV_AWS_88"],
    references: ["https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html"],
    defaults:
      "Absent follows the subnet's map_public_ip_on_launch (checked by PLINTH-AWS-024), so it passes here.",
  },
  check: (instance) =>
    expectBool(instance, "associate_public_ip_address", false, {
      whenAbsent: "pass",
      pass: "It does not ask for a public IP address.",
      fail: "associate_public_ip_address is true: the instance gets a public IP address.",
    }),
};
