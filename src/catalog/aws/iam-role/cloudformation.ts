import { Encoded } from "../../../model/value.ts";
import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

export const iamRole: CloudFormationMapping = {
  type: "AWS::IAM::Role",
  properties: {
    name: "RoleName",
    description: "Description",
    path: "Path",
    max_session_duration: "MaxSessionDuration",
    permissions_boundary: "PermissionsBoundary",
    // CloudFormation takes the policy document as an object.
    assume_role_policy: (value) => ({
      AssumeRolePolicyDocument: value instanceof Encoded ? value.value : value,
    }),
  },
  attributes: { id: REF, name: REF, arn: getAtt("Arn"), unique_id: getAtt("RoleId") },
};
