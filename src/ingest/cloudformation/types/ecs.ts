import { bool, type CloudFormationMapping, each, json, number, tags } from "../type-mapping.ts";

/** CloudFormation container definitions are PascalCase; Terraform holds the ECS API JSON (camelCase). */
function camelCase(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelCase);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelCase(v)]),
  );
}

export const ecsService: CloudFormationMapping = {
  cloudFormationType: "AWS::ECS::Service",
  main: {
    terraformType: "aws_ecs_service",
    rules: [
      ["ServiceName", "name"],
      ["Cluster", "cluster"],
      ["TaskDefinition", "task_definition"],
      ["DesiredCount", "desired_count", number],
      ["LaunchType", "launch_type"],
      ["PlatformVersion", "platform_version"],
      ["EnableExecuteCommand", "enable_execute_command", bool],
      ["PropagateTags", "propagate_tags"],
      ["NetworkConfiguration.AwsvpcConfiguration.Subnets", "network_configuration[0].subnets"],
      ["NetworkConfiguration.AwsvpcConfiguration.SecurityGroups", "network_configuration[0].security_groups"],
      [
        "NetworkConfiguration.AwsvpcConfiguration.AssignPublicIp",
        "network_configuration[0].assign_public_ip",
        (v) => v === "ENABLED",
      ],
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
  attributes: { Name: "name", ServiceArn: "arn" },
};

export const ecsTaskDefinition: CloudFormationMapping = {
  cloudFormationType: "AWS::ECS::TaskDefinition",
  main: {
    terraformType: "aws_ecs_task_definition",
    rules: [
      ["Family", "family"],
      ["Cpu", "cpu", (v) => String(v)],
      ["Memory", "memory", (v) => String(v)],
      ["NetworkMode", "network_mode"],
      ["RequiresCompatibilities", "requires_compatibilities"],
      ["ExecutionRoleArn", "execution_role_arn"],
      ["TaskRoleArn", "task_role_arn"],
      [
        "ContainerDefinitions",
        "container_definitions",
        (v, all, owner) => json(camelCase(v) as never, all, owner),
      ],
      ["RuntimePlatform.CpuArchitecture", "runtime_platform[0].cpu_architecture"],
      ["RuntimePlatform.OperatingSystemFamily", "runtime_platform[0].operating_system_family"],
      ["EphemeralStorage.SizeInGiB", "ephemeral_storage[0].size_in_gib", number],
      ["Tags", "tags", tags],
    ],
  },
  ref: "arn",
};

export const ecsCluster: CloudFormationMapping = {
  cloudFormationType: "AWS::ECS::Cluster",
  main: {
    terraformType: "aws_ecs_cluster",
    rules: [
      ["ClusterName", "name"],
      each("ClusterSettings", "setting", [
        ["Name", "name"],
        ["Value", "value"],
      ]),
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn" },
};
