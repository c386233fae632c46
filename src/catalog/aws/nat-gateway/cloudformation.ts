import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const natGateway: CloudFormationMapping = {
  type: "AWS::EC2::NatGateway",
  properties: { allocation_id: "AllocationId", subnet_id: "SubnetId", connectivity_type: "ConnectivityType" },
  attributes: { id: REF },
};
