import { bool, type CloudFormationMapping, number, tags } from "../type-mapping.ts";

export const ec2Volume: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::Volume",
  main: {
    terraformType: "aws_ebs_volume",
    rules: [
      ["AvailabilityZone", "availability_zone"],
      ["Size", "size", number],
      ["VolumeType", "type"],
      ["Iops", "iops", number],
      ["Throughput", "throughput", number],
      ["Encrypted", "encrypted", bool],
      ["KmsKeyId", "kms_key_id"],
      ["SnapshotId", "snapshot_id"],
      ["MultiAttachEnabled", "multi_attach_enabled", bool],
      ["Tags", "tags", tags],
    ],
  },
};
