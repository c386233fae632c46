import { bool, type CloudFormationMapping, each, number, tags } from "../type-mapping.ts";

export const eksCluster: CloudFormationMapping = {
  cloudFormationType: "AWS::EKS::Cluster",
  main: {
    terraformType: "aws_eks_cluster",
    rules: [
      ["Name", "name"],
      ["RoleArn", "role_arn"],
      ["Version", "version"],
      ["ResourcesVpcConfig.SubnetIds", "vpc_config[0].subnet_ids"],
      ["ResourcesVpcConfig.SecurityGroupIds", "vpc_config[0].security_group_ids"],
      ["ResourcesVpcConfig.EndpointPublicAccess", "vpc_config[0].endpoint_public_access", bool],
      ["ResourcesVpcConfig.EndpointPrivateAccess", "vpc_config[0].endpoint_private_access", bool],
      ["ResourcesVpcConfig.PublicAccessCidrs", "vpc_config[0].public_access_cidrs"],
      each("EncryptionConfig", "encryption_config", [
        ["Provider.KeyArn", "provider[0].key_arn"],
        ["Resources", "resources"],
      ]),
      [
        "Logging.ClusterLogging.EnabledTypes",
        "enabled_cluster_log_types",
        (v) => (Array.isArray(v) ? v.map((t) => (t as { Type?: string }).Type ?? null) : undefined),
      ],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn", Endpoint: "endpoint" },
};

export const eksNodegroup: CloudFormationMapping = {
  cloudFormationType: "AWS::EKS::Nodegroup",
  main: {
    terraformType: "aws_eks_node_group",
    rules: [
      ["ClusterName", "cluster_name"],
      ["NodegroupName", "node_group_name"],
      ["NodeRole", "node_role_arn"],
      ["Subnets", "subnet_ids"],
      ["InstanceTypes", "instance_types"],
      ["CapacityType", "capacity_type"],
      ["DiskSize", "disk_size", number],
      ["AmiType", "ami_type"],
      ["ScalingConfig.DesiredSize", "scaling_config[0].desired_size", number],
      ["ScalingConfig.MinSize", "scaling_config[0].min_size", number],
      ["ScalingConfig.MaxSize", "scaling_config[0].max_size", number],
      ["LaunchTemplate.Id", "launch_template[0].id"],
      ["LaunchTemplate.Version", "launch_template[0].version"],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { Arn: "arn" },
};
