import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const dbSubnetGroup: CloudFormationMapping = {
  type: "AWS::RDS::DBSubnetGroup",
  properties: {
    name: (value, node) => ({
      DBSubnetGroupName: value,
      // Required by CloudFormation; Terraform's default description is "Managed by Terraform".
      ...(node.properties.description === undefined
        ? { DBSubnetGroupDescription: `Subnets of ${node.address}` }
        : {}),
    }),
    description: "DBSubnetGroupDescription",
    subnet_ids: "SubnetIds",
  },
  attributes: { id: REF, name: REF },
};
