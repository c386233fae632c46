import { type CloudFormationMapping, number, type PropertyRule } from "../type-mapping.ts";

const common = [
  ["GroupId", "security_group_id"],
  ["IpProtocol", "ip_protocol", (v) => String(v)],
  ["FromPort", "from_port", number],
  ["ToPort", "to_port", number],
  ["CidrIp", "cidr_ipv4"],
  ["CidrIpv6", "cidr_ipv6"],
  ["Description", "description"],
] satisfies PropertyRule[];

/** Stand-alone rules, as the Terraform resources of one rule each. */
export const ec2SecurityGroupIngress: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::SecurityGroupIngress",
  main: {
    terraformType: "aws_vpc_security_group_ingress_rule",
    rules: [
      ...common,
      ["SourceSecurityGroupId", "referenced_security_group_id"],
      ["SourcePrefixListId", "prefix_list_id"],
    ],
  },
};

export const ec2SecurityGroupEgress: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::SecurityGroupEgress",
  main: {
    terraformType: "aws_vpc_security_group_egress_rule",
    rules: [
      ...common,
      ["DestinationSecurityGroupId", "referenced_security_group_id"],
      ["DestinationPrefixListId", "prefix_list_id"],
    ],
  },
};
