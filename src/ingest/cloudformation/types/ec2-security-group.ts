import { type CloudFormationMapping, each, list, number, type PropertyRule, tags } from "../type-mapping.ts";

const rule = (peer: "SourceSecurityGroupId" | "DestinationSecurityGroupId") =>
  [
    ["IpProtocol", "protocol", (v) => (v === -1 || v === "-1" ? "-1" : String(v))],
    ["FromPort", "from_port", number],
    ["ToPort", "to_port", number],
    ["CidrIp", "cidr_blocks", list],
    ["CidrIpv6", "ipv6_cidr_blocks", list],
    [peer, "security_groups", list],
    ["SourcePrefixListId", "prefix_list_ids", list],
    ["DestinationPrefixListId", "prefix_list_ids", list],
    ["Description", "description"],
  ] satisfies PropertyRule[];

/** Security group with inline rules as `ingress`/`egress` blocks. */
export const ec2SecurityGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::SecurityGroup",
  main: {
    terraformType: "aws_security_group",
    rules: [
      ["GroupName", "name"],
      ["GroupDescription", "description"],
      ["VpcId", "vpc_id"],
      each("SecurityGroupIngress", "ingress", rule("SourceSecurityGroupId")),
      each("SecurityGroupEgress", "egress", rule("DestinationSecurityGroupId")),
      ["Tags", "tags", tags],
    ],
  },
  attributes: { GroupId: "id", VpcId: "vpc_id" },
};
