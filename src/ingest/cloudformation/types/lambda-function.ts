import { type CloudFormationMapping, number, type PropertyRule, tags } from "../type-mapping.ts";

/** The properties a Lambda function and a SAM function spell alike. */
export const functionRules = [
  ["FunctionName", "function_name"],
  ["Runtime", "runtime"],
  ["Handler", "handler"],
  ["Role", "role"],
  ["MemorySize", "memory_size", number],
  ["Timeout", "timeout", number],
  ["Architectures", "architectures"],
  ["PackageType", "package_type"],
  ["KmsKeyArn", "kms_key_arn"],
  ["ReservedConcurrentExecutions", "reserved_concurrent_executions", number],
  ["Layers", "layers"],
  ["VpcConfig.SubnetIds", "vpc_config[0].subnet_ids"],
  ["VpcConfig.SecurityGroupIds", "vpc_config[0].security_group_ids"],
  ["Environment.Variables", "environment[0].variables"],
  ["EphemeralStorage.Size", "ephemeral_storage[0].size", number],
  ["CodeSigningConfigArn", "code_signing_config_arn"],
  ["Tags", "tags", tags],
] satisfies PropertyRule[];

export const lambdaFunction: CloudFormationMapping = {
  cloudFormationType: "AWS::Lambda::Function",
  main: {
    terraformType: "aws_lambda_function",
    rules: [
      ...functionRules,
      ["TracingConfig.Mode", "tracing_config[0].mode"],
      ["DeadLetterConfig.TargetArn", "dead_letter_config[0].target_arn"],
    ],
  },
  ref: "function_name",
  attributes: { Arn: "arn" },
};

export const lambdaPermission: CloudFormationMapping = {
  cloudFormationType: "AWS::Lambda::Permission",
  main: {
    terraformType: "aws_lambda_permission",
    rules: [
      ["FunctionName", "function_name"],
      ["Action", "action"],
      ["Principal", "principal"],
      ["SourceArn", "source_arn"],
      ["SourceAccount", "source_account"],
      ["PrincipalOrgID", "principal_org_id"],
      ["EventSourceToken", "event_source_token"],
      ["FunctionUrlAuthType", "function_url_auth_type"],
    ],
  },
};
