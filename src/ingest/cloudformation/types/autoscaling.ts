import {
  bool,
  type CloudFormationMapping,
  each,
  number,
  type PropertyRule,
  string,
} from "../type-mapping.ts";
import { isRoot } from "./ec2-instance.ts";

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

const launchConfigurationVolume = [
  ["Ebs.VolumeSize", "volume_size", number],
  ["Ebs.VolumeType", "volume_type"],
  ["Ebs.Encrypted", "encrypted", bool],
  ["Ebs.Iops", "iops", number],
  ["Ebs.Throughput", "throughput", number],
  ["Ebs.DeleteOnTermination", "delete_on_termination", bool],
] satisfies PropertyRule[];

export const launchConfiguration: CloudFormationMapping = {
  cloudFormationType: "AWS::AutoScaling::LaunchConfiguration",
  main: {
    terraformType: "aws_launch_configuration",
    rules: [
      ["LaunchConfigurationName", "name"],
      ["ImageId", "image_id"],
      ["InstanceType", "instance_type"],
      ["KeyName", "key_name"],
      ["SecurityGroups", "security_groups"],
      ["IamInstanceProfile", "iam_instance_profile"],
      ["UserData", "user_data"],
      ["AssociatePublicIpAddress", "associate_public_ip_address", bool],
      ["EbsOptimized", "ebs_optimized", bool],
      ["InstanceMonitoring", "enable_monitoring", bool],
      ["PlacementTenancy", "placement_tenancy"],
      ["SpotPrice", "spot_price"],
      ["MetadataOptions.HttpTokens", "metadata_options[0].http_tokens"],
      ["MetadataOptions.HttpEndpoint", "metadata_options[0].http_endpoint"],
      ["MetadataOptions.HttpPutResponseHopLimit", "metadata_options[0].http_put_response_hop_limit", number],
      each("BlockDeviceMappings", "root_block_device", [...launchConfigurationVolume], isRoot),
      each(
        "BlockDeviceMappings",
        "ebs_block_device",
        [["DeviceName", "device_name"], ...launchConfigurationVolume],
        (v) => !isRoot(v),
      ),
    ],
  },
  ref: "name",
};

export const scalingPolicy: CloudFormationMapping = {
  cloudFormationType: "AWS::AutoScaling::ScalingPolicy",
  main: {
    terraformType: "aws_autoscaling_policy",
    rules: [
      ["AutoScalingGroupName", "autoscaling_group_name"],
      ["PolicyType", "policy_type"],
      ["AdjustmentType", "adjustment_type"],
      ["ScalingAdjustment", "scaling_adjustment", number],
      ["Cooldown", "cooldown", number],
      ["MetricAggregationType", "metric_aggregation_type"],
      ["EstimatedInstanceWarmup", "estimated_instance_warmup", number],
      ["MinAdjustmentMagnitude", "min_adjustment_magnitude", number],
      each("StepAdjustments", "step_adjustment", [
        ["MetricIntervalLowerBound", "metric_interval_lower_bound", string],
        ["MetricIntervalUpperBound", "metric_interval_upper_bound", string],
        ["ScalingAdjustment", "scaling_adjustment", number],
      ]),
      ["TargetTrackingConfiguration.TargetValue", "target_tracking_configuration[0].target_value", number],
      [
        "TargetTrackingConfiguration.DisableScaleIn",
        "target_tracking_configuration[0].disable_scale_in",
        bool,
      ],
      [
        "TargetTrackingConfiguration.PredefinedMetricSpecification.PredefinedMetricType",
        "target_tracking_configuration[0].predefined_metric_specification[0].predefined_metric_type",
      ],
      [
        "TargetTrackingConfiguration.PredefinedMetricSpecification.ResourceLabel",
        "target_tracking_configuration[0].predefined_metric_specification[0].resource_label",
      ],
    ],
  },
  ref: "arn",
  attributes: { Arn: "arn", PolicyName: "name" },
};

export const scheduledAction: CloudFormationMapping = {
  cloudFormationType: "AWS::AutoScaling::ScheduledAction",
  main: {
    terraformType: "aws_autoscaling_schedule",
    rules: [
      ["AutoScalingGroupName", "autoscaling_group_name"],
      ["MinSize", "min_size", number],
      ["MaxSize", "max_size", number],
      ["DesiredCapacity", "desired_capacity", number],
      ["Recurrence", "recurrence"],
      ["StartTime", "start_time"],
      ["EndTime", "end_time"],
      ["TimeZone", "time_zone"],
    ],
  },
};
