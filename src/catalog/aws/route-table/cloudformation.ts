import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const routeTable: CloudFormationMapping = {
  type: "AWS::EC2::RouteTable",
  properties: { vpc_id: "VpcId" },
  attributes: { id: REF },
};
