import { type CloudFormationMapping, each, first, json, number, tags } from "../type-mapping.ts";

export const iamRole: CloudFormationMapping = {
  cloudFormationType: "AWS::IAM::Role",
  main: {
    terraformType: "aws_iam_role",
    rules: [
      ["RoleName", "name"],
      ["Path", "path"],
      ["Description", "description"],
      ["AssumeRolePolicyDocument", "assume_role_policy", json],
      ["ManagedPolicyArns", "managed_policy_arns"],
      ["PermissionsBoundary", "permissions_boundary"],
      ["MaxSessionDuration", "max_session_duration", number],
      each("Policies", "inline_policy", [
        ["PolicyName", "name"],
        ["PolicyDocument", "policy", json],
      ]),
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn", RoleId: "unique_id" },
};

/** An inline policy attached to roles, users or groups; read as the policy document it grants. */
export const iamPolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::IAM::Policy",
  main: {
    terraformType: "aws_iam_policy",
    rules: [
      ["PolicyName", "name"],
      ["PolicyDocument", "policy", json],
    ],
  },
};

export const iamManagedPolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::IAM::ManagedPolicy",
  main: {
    terraformType: "aws_iam_policy",
    rules: [
      ["ManagedPolicyName", "name"],
      ["Path", "path"],
      ["Description", "description"],
      ["PolicyDocument", "policy", json],
    ],
  },
  ref: "arn",
};

export const iamUserPolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::IAM::UserPolicy",
  main: {
    terraformType: "aws_iam_user_policy",
    rules: [
      ["PolicyName", "name"],
      ["UserName", "user"],
      ["PolicyDocument", "policy", json],
    ],
  },
};

export const iamRolePolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::IAM::RolePolicy",
  main: {
    terraformType: "aws_iam_role_policy",
    rules: [
      ["PolicyName", "name"],
      ["RoleName", "role"],
      ["PolicyDocument", "policy", json],
    ],
  },
};

/** CloudFormation takes a list of roles, of which IAM allows one; Terraform takes the one. */
export const iamInstanceProfile: CloudFormationMapping = {
  cloudFormationType: "AWS::IAM::InstanceProfile",
  main: {
    terraformType: "aws_iam_instance_profile",
    rules: [
      ["InstanceProfileName", "name"],
      ["Path", "path"],
      ["Roles", "role", first],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn" },
};
