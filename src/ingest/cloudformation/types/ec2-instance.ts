import type { ValueObject } from "../../../model/value.ts";
import { bool, type CloudFormationMapping, each, number, type PropertyRule, tags } from "../type-mapping.ts";

/** A block device on the usual root device names is the root volume; the others are EBS volumes. */
export const isRoot = (v: ValueObject) => v.DeviceName === "/dev/xvda" || v.DeviceName === "/dev/sda1";

const ebs = [
  ["Ebs.VolumeSize", "volume_size", number],
  ["Ebs.VolumeType", "volume_type"],
  ["Ebs.Encrypted", "encrypted", bool],
  ["Ebs.KmsKeyId", "kms_key_id"],
  ["Ebs.Iops", "iops", number],
  ["Ebs.Throughput", "throughput", number],
  ["Ebs.DeleteOnTermination", "delete_on_termination", bool],
] satisfies PropertyRule[];

export const ec2Instance: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::Instance",
  main: {
    terraformType: "aws_instance",
    rules: [
      ["ImageId", "ami"],
      ["InstanceType", "instance_type"],
      ["SubnetId", "subnet_id"],
      ["SecurityGroupIds", "vpc_security_group_ids"],
      ["SecurityGroups", "security_groups"],
      ["IamInstanceProfile", "iam_instance_profile"],
      ["KeyName", "key_name"],
      ["Monitoring", "monitoring", bool],
      ["EbsOptimized", "ebs_optimized", bool],
      ["Tenancy", "tenancy"],
      ["AvailabilityZone", "availability_zone"],
      ["DisableApiTermination", "disable_api_termination", bool],
      ["UserData", "user_data"],
      ["MetadataOptions.HttpTokens", "metadata_options[0].http_tokens"],
      ["MetadataOptions.HttpEndpoint", "metadata_options[0].http_endpoint"],
      ["MetadataOptions.HttpPutResponseHopLimit", "metadata_options[0].http_put_response_hop_limit", number],
      ["CreditSpecification.CPUCredits", "credit_specification[0].cpu_credits"],
      ["NetworkInterfaces[0].AssociatePublicIpAddress", "associate_public_ip_address", bool],
      each("BlockDeviceMappings", "root_block_device", [...ebs], isRoot),
      each(
        "BlockDeviceMappings",
        "ebs_block_device",
        [["DeviceName", "device_name"], ...ebs],
        (v) => !isRoot(v),
      ),
      ["Tags", "tags", tags],
    ],
  },
  attributes: {
    PrivateIp: "private_ip",
    PublicIp: "public_ip",
    PrivateDnsName: "private_dns",
    PublicDnsName: "public_dns",
    AvailabilityZone: "availability_zone",
  },
};
