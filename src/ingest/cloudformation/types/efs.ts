import { bool, type CloudFormationMapping, each, json, number, tags } from "../type-mapping.ts";

/** A file system, and its resource policy when it has one (a separate resource in Terraform). */
export const efsFileSystem: CloudFormationMapping = {
  cloudFormationType: "AWS::EFS::FileSystem",
  main: {
    terraformType: "aws_efs_file_system",
    rules: [
      ["Encrypted", "encrypted", bool],
      ["KmsKeyId", "kms_key_id"],
      ["PerformanceMode", "performance_mode"],
      ["ThroughputMode", "throughput_mode"],
      ["ProvisionedThroughputInMibps", "provisioned_throughput_in_mibps", number],
      ["AvailabilityZoneName", "availability_zone_name"],
      each("LifecyclePolicies", "lifecycle_policy", [
        ["TransitionToIA", "transition_to_ia"],
        ["TransitionToPrimaryStorageClass", "transition_to_primary_storage_class"],
        ["TransitionToArchive", "transition_to_archive"],
      ]),
      ["FileSystemTags", "tags", tags],
    ],
  },
  split: [
    {
      terraformType: "aws_efs_file_system_policy",
      when: "FileSystemPolicy",
      link: { argument: "file_system_id", attribute: "id" },
      rules: [["FileSystemPolicy", "policy", json]],
    },
  ],
  attributes: { FileSystemId: "id", Arn: "arn" },
};

export const efsMountTarget: CloudFormationMapping = {
  cloudFormationType: "AWS::EFS::MountTarget",
  main: {
    terraformType: "aws_efs_mount_target",
    rules: [
      ["FileSystemId", "file_system_id"],
      ["SubnetId", "subnet_id"],
      ["SecurityGroups", "security_groups"],
      ["IpAddress", "ip_address"],
    ],
  },
  attributes: { IpAddress: "ip_address" },
};

export const efsAccessPoint: CloudFormationMapping = {
  cloudFormationType: "AWS::EFS::AccessPoint",
  main: {
    terraformType: "aws_efs_access_point",
    rules: [
      ["FileSystemId", "file_system_id"],
      ["PosixUser.Uid", "posix_user[0].uid", number],
      ["PosixUser.Gid", "posix_user[0].gid", number],
      ["RootDirectory.Path", "root_directory[0].path"],
      ["AccessPointTags", "tags", tags],
    ],
  },
  attributes: { AccessPointId: "id", Arn: "arn" },
};
