import { bool, type CloudFormationMapping, number, tags } from "../type-mapping.ts";

export const rdsDbCluster: CloudFormationMapping = {
  cloudFormationType: "AWS::RDS::DBCluster",
  main: {
    terraformType: "aws_rds_cluster",
    rules: [
      ["DBClusterIdentifier", "cluster_identifier"],
      ["Engine", "engine"],
      ["EngineVersion", "engine_version"],
      ["EngineMode", "engine_mode"],
      ["DatabaseName", "database_name"],
      ["DBClusterInstanceClass", "db_cluster_instance_class"],
      ["AllocatedStorage", "allocated_storage", number],
      ["StorageType", "storage_type"],
      ["Iops", "iops", number],
      ["StorageEncrypted", "storage_encrypted", bool],
      ["KmsKeyId", "kms_key_id"],
      ["BackupRetentionPeriod", "backup_retention_period", number],
      ["DeletionProtection", "deletion_protection", bool],
      ["EnableIAMDatabaseAuthentication", "iam_database_authentication_enabled", bool],
      ["EnableCloudwatchLogsExports", "enabled_cloudwatch_logs_exports"],
      ["MasterUsername", "master_username"],
      ["MasterUserPassword", "master_password"],
      ["ManageMasterUserPassword", "manage_master_user_password", bool],
      ["VpcSecurityGroupIds", "vpc_security_group_ids"],
      ["DBSubnetGroupName", "db_subnet_group_name"],
      ["CopyTagsToSnapshot", "copy_tags_to_snapshot", bool],
      [
        "ServerlessV2ScalingConfiguration.MinCapacity",
        "serverlessv2_scaling_configuration[0].min_capacity",
        number,
      ],
      [
        "ServerlessV2ScalingConfiguration.MaxCapacity",
        "serverlessv2_scaling_configuration[0].max_capacity",
        number,
      ],
      ["Tags", "tags", tags],
    ],
  },
  attributes: {
    "Endpoint.Address": "endpoint",
    "Endpoint.Port": "port",
    "ReadEndpoint.Address": "reader_endpoint",
    DBClusterArn: "arn",
  },
};
