import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

export const subnet: CloudFormationMapping = {
  type: "AWS::EC2::Subnet",
  properties: {
    vpc_id: "VpcId",
    cidr_block: "CidrBlock",
    availability_zone: "AvailabilityZone",
    map_public_ip_on_launch: "MapPublicIpOnLaunch",
  },
  attributes: { id: REF, availability_zone: getAtt("AvailabilityZone"), cidr_block: getAtt("CidrBlock") },
};
