import { bool, type CloudFormationMapping, number, parameterBlocks, tags } from "../type-mapping.ts";

export const elasticacheCluster: CloudFormationMapping = {
  cloudFormationType: "AWS::ElastiCache::CacheCluster",
  main: {
    terraformType: "aws_elasticache_cluster",
    rules: [
      ["ClusterName", "cluster_id"],
      ["Engine", "engine"],
      ["EngineVersion", "engine_version"],
      ["CacheNodeType", "node_type"],
      ["NumCacheNodes", "num_cache_nodes", number],
      ["Port", "port", number],
      ["AZMode", "az_mode"],
      ["SnapshotRetentionLimit", "snapshot_retention_limit", number],
      ["TransitEncryptionEnabled", "transit_encryption_enabled", bool],
      ["CacheSubnetGroupName", "subnet_group_name"],
      ["VpcSecurityGroupIds", "security_group_ids"],
      ["Tags", "tags", tags],
    ],
  },
};

export const elasticacheReplicationGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::ElastiCache::ReplicationGroup",
  main: {
    terraformType: "aws_elasticache_replication_group",
    rules: [
      ["ReplicationGroupId", "replication_group_id"],
      ["ReplicationGroupDescription", "description"],
      ["Engine", "engine"],
      ["EngineVersion", "engine_version"],
      ["CacheNodeType", "node_type"],
      ["NumCacheClusters", "num_cache_clusters", number],
      ["NumNodeGroups", "num_node_groups", number],
      ["ReplicasPerNodeGroup", "replicas_per_node_group", number],
      ["AutomaticFailoverEnabled", "automatic_failover_enabled", bool],
      ["MultiAZEnabled", "multi_az_enabled", bool],
      ["AtRestEncryptionEnabled", "at_rest_encryption_enabled", bool],
      ["TransitEncryptionEnabled", "transit_encryption_enabled", bool],
      ["KmsKeyId", "kms_key_id"],
      ["AuthToken", "auth_token"],
      ["SnapshotRetentionLimit", "snapshot_retention_limit", number],
      ["CacheSubnetGroupName", "subnet_group_name"],
      ["SecurityGroupIds", "security_group_ids"],
      ["Tags", "tags", tags],
    ],
  },
};

export const elasticacheSubnetGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::ElastiCache::SubnetGroup",
  main: {
    terraformType: "aws_elasticache_subnet_group",
    rules: [
      ["CacheSubnetGroupName", "name"],
      ["Description", "description"],
      ["SubnetIds", "subnet_ids"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
};

export const elasticacheParameterGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::ElastiCache::ParameterGroup",
  main: {
    terraformType: "aws_elasticache_parameter_group",
    rules: [
      ["CacheParameterGroupFamily", "family"],
      ["Description", "description"],
      ["Properties", "parameter", parameterBlocks],
      ["Tags", "tags", tags],
    ],
  },
};
