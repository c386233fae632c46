import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const routeTableAssociation: CloudFormationMapping = {
  type: "AWS::EC2::SubnetRouteTableAssociation",
  properties: { subnet_id: "SubnetId", route_table_id: "RouteTableId" },
  tags: "none",
  attributes: { id: REF },
};
