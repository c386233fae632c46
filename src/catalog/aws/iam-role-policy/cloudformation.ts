import { Encoded, type Value } from "../../../model/value.ts";
import type { CloudFormationMapping } from "../../cloudformation-mapping.ts";

/** An inline policy: one entry of its role's `Policies`. */
export const iamRolePolicy: CloudFormationMapping = {
  type: "AWS::IAM::Role",
  mergeInto: "role",
  properties: {
    role: () => ({}),
    name: () => ({}),
    policy: (value, node) => ({
      Policies: [
        {
          PolicyName: node.properties.name ?? node.name,
          PolicyDocument: value instanceof Encoded ? value.value : value,
        } as Value,
      ],
    }),
  },
  tags: "none",
  attributes: {},
};
