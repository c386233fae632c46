import { type CloudFormationMapping, getAtt } from "../../cloudformation-mapping.ts";

export const securityGroup: CloudFormationMapping = {
  type: "AWS::EC2::SecurityGroup",
  properties: { name: "GroupName", description: "GroupDescription", vpc_id: "VpcId" },
  fixed: {
    // Terraform removes the allow-all egress rule AWS adds to a new group; CloudFormation keeps it unless
    // the group lists egress itself. This rule matches no traffic, so only the declared egress rules apply.
    SecurityGroupEgress: [
      {
        CidrIp: "255.255.255.255/32",
        Description: "Disallow all traffic",
        IpProtocol: "icmp",
        FromPort: 252,
        ToPort: 86,
      },
    ],
  },
  attributes: { id: getAtt("GroupId"), name: { property: "name" } },
};
