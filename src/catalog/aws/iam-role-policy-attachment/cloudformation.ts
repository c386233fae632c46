import type { CloudFormationMapping } from "../../cloudformation-mapping.ts";

/** A managed policy attached to a role: one entry of its role's `ManagedPolicyArns`. */
export const iamRolePolicyAttachment: CloudFormationMapping = {
  type: "AWS::IAM::Role",
  mergeInto: "role",
  properties: { role: () => ({}), policy_arn: (value) => ({ ManagedPolicyArns: [value] }) },
  tags: "none",
  attributes: {},
};
