import { Ref } from "../../../model/value.ts";
import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const route: CloudFormationMapping = {
  type: "AWS::EC2::Route",
  properties: {
    route_table_id: "RouteTableId",
    destination_cidr_block: "DestinationCidrBlock",
    gateway_id: "GatewayId",
    nat_gateway_id: "NatGatewayId",
  },
  tags: "none",
  attributes: { id: REF },
  // A route through an internet gateway fails until the gateway is attached to the VPC.
  waitsFor: (node) => {
    const gateway = node.properties.gateway_id;
    return gateway instanceof Ref && gateway.address.startsWith("aws_internet_gateway.")
      ? [{ address: gateway.address, suffix: "Attachment" }]
      : [];
  },
};
