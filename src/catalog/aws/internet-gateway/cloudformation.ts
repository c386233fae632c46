import { Ref } from "../../../model/value.ts";
import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

/**
 * Terraform attaches the gateway through its `vpc_id`; CloudFormation needs a VPCGatewayAttachment,
 * which routes through the gateway must wait for.
 */
export const internetGateway: CloudFormationMapping = {
  type: "AWS::EC2::InternetGateway",
  properties: { vpc_id: () => ({}) },
  attributes: { id: REF },
  companions: (node) =>
    node.properties.vpc_id === undefined
      ? []
      : [
          {
            suffix: "Attachment",
            type: "AWS::EC2::VPCGatewayAttachment",
            properties: { VpcId: node.properties.vpc_id, InternetGatewayId: new Ref(node.address, ["id"]) },
          },
        ],
};
