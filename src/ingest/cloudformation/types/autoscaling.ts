import { bool, type CloudFormationMapping, each, number, type PropertyRule } from "../type-mapping.ts";

const ebs = [
  ["DeviceName", "device_name"],
  ["Ebs.VolumeSize", "ebs[0].volume_size", number],
  ["Ebs.VolumeType", "ebs[0].volume_type"],
  ["Ebs.Encrypted", "ebs[0].encrypted", bool],
  ["Ebs.KmsKeyId", "ebs[0].kms_key_id"],
  ["Ebs.Iops", "ebs[0].iops", number],
  ["Ebs.Throughput", "ebs[0].throughput", number],
] satisfies PropertyRule[];

export const autoScalingGroup: CloudFormationMapping = {
  cloudFormationType: "AWS::AutoScaling::AutoScalingGroup",
  main: {
    terraformType: "aws_autoscaling_group",
    rules: [
      ["AutoScalingGroupName", "name"],
      ["MinSize", "min_size", number],
      ["MaxSize", "max_size", number],
      ["DesiredCapacity", "desired_capacity", number],
      ["VPCZoneIdentifier", "vpc_zone_identifier"],
      ["AvailabilityZones", "availability_zones"],
      ["LaunchTemplate.LaunchTemplateId", "launch_template[0].id"],
      ["LaunchTemplate.LaunchTemplateName", "launch_template[0].name"],
      ["LaunchTemplate.Version", "launch_template[0].version"],
      ["LaunchConfigurationName", "launch_configuration"],
      ["HealthCheckType", "health_check_type"],
      ["TargetGroupARNs", "target_group_arns"],
      each("Tags", "tag", [
        ["Key", "key"],
        ["Value", "value"],
        ["PropagateAtLaunch", "propagate_at_launch", bool],
      ]),
    ],
  },
  ref: "name",
};

export const launchTemplate: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::LaunchTemplate",
  main: {
    terraformType: "aws_launch_template",
    rules: [
      ["LaunchTemplateName", "name"],
      ["LaunchTemplateData.ImageId", "image_id"],
      ["LaunchTemplateData.InstanceType", "instance_type"],
      ["LaunchTemplateData.KeyName", "key_name"],
      ["LaunchTemplateData.UserData", "user_data"],
      ["LaunchTemplateData.EbsOptimized", "ebs_optimized", bool],
      ["LaunchTemplateData.SecurityGroupIds", "vpc_security_group_ids"],
      ["LaunchTemplateData.MetadataOptions.HttpTokens", "metadata_options[0].http_tokens"],
      ["LaunchTemplateData.MetadataOptions.HttpEndpoint", "metadata_options[0].http_endpoint"],
      [
        "LaunchTemplateData.MetadataOptions.HttpPutResponseHopLimit",
        "metadata_options[0].http_put_response_hop_limit",
        number,
      ],
      ["LaunchTemplateData.IamInstanceProfile.Arn", "iam_instance_profile[0].arn"],
      ["LaunchTemplateData.IamInstanceProfile.Name", "iam_instance_profile[0].name"],
      ["LaunchTemplateData.Monitoring.Enabled", "monitoring[0].enabled", bool],
      ["LaunchTemplateData.CreditSpecification.CpuCredits", "credit_specification[0].cpu_credits"],
      each("LaunchTemplateData.BlockDeviceMappings", "block_device_mappings", [...ebs]),
      each("LaunchTemplateData.NetworkInterfaces", "network_interfaces", [
        ["AssociatePublicIpAddress", "associate_public_ip_address", bool],
        ["DeviceIndex", "device_index", number],
        ["SubnetId", "subnet_id"],
        ["Groups", "security_groups"],
      ]),
    ],
  },
  attributes: {
    LatestVersionNumber: "latest_version",
    DefaultVersionNumber: "default_version",
    LaunchTemplateId: "id",
  },
};
