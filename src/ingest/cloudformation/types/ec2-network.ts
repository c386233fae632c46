import type { Value, ValueObject } from "../../../model/value.ts";
import { bool, type CloudFormationMapping, type Convert, number, tags } from "../type-mapping.ts";

export const ec2Vpc: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::VPC",
  main: {
    terraformType: "aws_vpc",
    rules: [
      ["CidrBlock", "cidr_block"],
      ["EnableDnsSupport", "enable_dns_support", bool],
      ["EnableDnsHostnames", "enable_dns_hostnames", bool],
      ["InstanceTenancy", "instance_tenancy"],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { CidrBlock: "cidr_block", VpcId: "id", DefaultSecurityGroup: "default_security_group_id" },
};

export const ec2Subnet: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::Subnet",
  main: {
    terraformType: "aws_subnet",
    rules: [
      ["VpcId", "vpc_id"],
      ["CidrBlock", "cidr_block"],
      ["AvailabilityZone", "availability_zone"],
      ["MapPublicIpOnLaunch", "map_public_ip_on_launch", bool],
      ["Ipv6CidrBlock", "ipv6_cidr_block"],
      ["AssignIpv6AddressOnCreation", "assign_ipv6_address_on_creation", bool],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { SubnetId: "id", AvailabilityZone: "availability_zone", VpcId: "vpc_id" },
};

export const ec2NatGateway: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::NatGateway",
  main: {
    terraformType: "aws_nat_gateway",
    rules: [
      ["AllocationId", "allocation_id"],
      ["SubnetId", "subnet_id"],
      ["ConnectivityType", "connectivity_type"],
      ["Tags", "tags", tags],
    ],
  },
};

export const ec2Eip: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::EIP",
  main: {
    terraformType: "aws_eip",
    rules: [
      ["Domain", "domain"],
      ["InstanceId", "instance"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "public_ip",
  attributes: { AllocationId: "allocation_id", PublicIp: "public_ip" },
};

/** `ResourceId` is a VPC, subnet, interface or transit gateway id, by `ResourceType`. */
const flowLogTarget = (argument: string): Convert =>
  Object.assign(
    (id: Value, all: ValueObject) =>
      (
        ({
          VPC: "vpc_id",
          Subnet: "subnet_id",
          NetworkInterface: "eni_id",
          TransitGateway: "transit_gateway_id",
        }) as Record<string, string>
      )[String(all.ResourceType)] === argument
        ? id
        : undefined,
    { pending: true },
  );

export const ec2FlowLog: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::FlowLog",
  main: {
    terraformType: "aws_flow_log",
    rules: [
      ["ResourceId", "vpc_id", flowLogTarget("vpc_id")],
      ["ResourceId", "subnet_id", flowLogTarget("subnet_id")],
      ["ResourceId", "eni_id", flowLogTarget("eni_id")],
      ["ResourceId", "transit_gateway_id", flowLogTarget("transit_gateway_id")],
      ["TrafficType", "traffic_type"],
      ["LogDestination", "log_destination"],
      ["LogDestinationType", "log_destination_type"],
      ["LogGroupName", "log_group_name"],
      ["DeliverLogsPermissionArn", "iam_role_arn"],
      ["MaxAggregationInterval", "max_aggregation_interval", number],
      ["LogFormat", "log_format"],
      ["Tags", "tags", tags],
    ],
  },
};

export const ec2NetworkInterface: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::NetworkInterface",
  main: {
    terraformType: "aws_network_interface",
    rules: [
      ["SubnetId", "subnet_id"],
      ["Description", "description"],
      ["GroupSet", "security_groups"],
      ["PrivateIpAddress", "private_ip"],
      ["SourceDestCheck", "source_dest_check", bool],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { PrimaryPrivateIpAddress: "private_ip" },
};
