import { type CloudFormationMapping, getAtt, REF } from "../../cloudformation-mapping.ts";

export const iamInstanceProfile: CloudFormationMapping = {
  type: "AWS::IAM::InstanceProfile",
  properties: { name: "InstanceProfileName", path: "Path", role: (value) => ({ Roles: [value] }) },
  // AWS::IAM::InstanceProfile takes no tags.
  tags: "none",
  attributes: { id: REF, name: REF, arn: getAtt("Arn") },
};
