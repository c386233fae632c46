import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const vpcSecurityGroupEgressRule: CloudFormationMapping = {
  type: "AWS::EC2::SecurityGroupEgress",
  properties: {
    security_group_id: "GroupId",
    description: "Description",
    cidr_ipv4: "CidrIp",
    cidr_ipv6: "CidrIpv6",
    ip_protocol: "IpProtocol",
    from_port: "FromPort",
    to_port: "ToPort",
    referenced_security_group_id: "DestinationSecurityGroupId",
  },
  // Standalone security group rules take no tags in CloudFormation.
  tags: "none",
  attributes: { id: REF },
};
