import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

export const vpc: CloudFormationMapping = {
  type: "AWS::EC2::VPC",
  properties: {
    cidr_block: "CidrBlock",
    enable_dns_support: "EnableDnsSupport",
    enable_dns_hostnames: "EnableDnsHostnames",
    instance_tenancy: "InstanceTenancy",
  },
  attributes: {
    id: REF,
    cidr_block: getAtt("CidrBlock"),
    default_security_group_id: getAtt("DefaultSecurityGroup"),
  },
};
