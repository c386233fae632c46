import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

export const eip: CloudFormationMapping = {
  type: "AWS::EC2::EIP",
  properties: { domain: "Domain" },
  attributes: { id: getAtt("AllocationId"), allocation_id: getAtt("AllocationId"), public_ip: REF },
};
