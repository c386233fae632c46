import { bool, type CloudFormationMapping, number, string, tags } from "../type-mapping.ts";

export const ec2NetworkAcl: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::NetworkAcl",
  main: {
    terraformType: "aws_network_acl",
    rules: [
      ["VpcId", "vpc_id"],
      ["Tags", "tags", tags],
    ],
  },
};

/** CloudFormation gives the protocol as its number (`-1`, `6`); Terraform takes it as a string. */
export const ec2NetworkAclEntry: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::NetworkAclEntry",
  main: {
    terraformType: "aws_network_acl_rule",
    rules: [
      ["NetworkAclId", "network_acl_id"],
      ["RuleNumber", "rule_number", number],
      ["Egress", "egress", bool],
      ["Protocol", "protocol", string],
      ["RuleAction", "rule_action"],
      ["CidrBlock", "cidr_block"],
      ["Ipv6CidrBlock", "ipv6_cidr_block"],
      ["PortRange.From", "from_port", number],
      ["PortRange.To", "to_port", number],
      ["Icmp.Type", "icmp_type", number],
      ["Icmp.Code", "icmp_code", number],
    ],
  },
};

export const ec2SubnetNetworkAclAssociation: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::SubnetNetworkAclAssociation",
  main: {
    terraformType: "aws_network_acl_association",
    rules: [
      ["SubnetId", "subnet_id"],
      ["NetworkAclId", "network_acl_id"],
    ],
  },
  attributes: { AssociationId: "id" },
};
