import { type CloudFormationMapping, tags } from "../type-mapping.ts";

export const ec2RouteTable: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::RouteTable",
  main: {
    terraformType: "aws_route_table",
    rules: [
      ["VpcId", "vpc_id"],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { RouteTableId: "id" },
};

export const ec2Route: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::Route",
  main: {
    terraformType: "aws_route",
    rules: [
      ["RouteTableId", "route_table_id"],
      ["DestinationCidrBlock", "destination_cidr_block"],
      ["DestinationIpv6CidrBlock", "destination_ipv6_cidr_block"],
      ["DestinationPrefixListId", "destination_prefix_list_id"],
      ["GatewayId", "gateway_id"],
      ["NatGatewayId", "nat_gateway_id"],
      ["EgressOnlyInternetGatewayId", "egress_only_gateway_id"],
      ["TransitGatewayId", "transit_gateway_id"],
      ["VpcEndpointId", "vpc_endpoint_id"],
      ["VpcPeeringConnectionId", "vpc_peering_connection_id"],
      ["NetworkInterfaceId", "network_interface_id"],
      ["CarrierGatewayId", "carrier_gateway_id"],
      ["LocalGatewayId", "local_gateway_id"],
      ["CoreNetworkArn", "core_network_arn"],
    ],
  },
};

export const ec2SubnetRouteTableAssociation: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::SubnetRouteTableAssociation",
  main: {
    terraformType: "aws_route_table_association",
    rules: [
      ["SubnetId", "subnet_id"],
      ["RouteTableId", "route_table_id"],
    ],
  },
};

export const ec2GatewayRouteTableAssociation: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::GatewayRouteTableAssociation",
  main: {
    terraformType: "aws_route_table_association",
    rules: [
      ["GatewayId", "gateway_id"],
      ["RouteTableId", "route_table_id"],
    ],
  },
};

export const ec2InternetGateway: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::InternetGateway",
  main: { terraformType: "aws_internet_gateway", rules: [["Tags", "tags", tags]] },
  attributes: { InternetGatewayId: "id" },
};

/** Attaches an internet gateway or a VPN gateway, whichever id it holds: two Terraform types. */
export const ec2VpcGatewayAttachment: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::VPCGatewayAttachment",
  main: {
    terraformType: "aws_internet_gateway_attachment",
    rules: [
      ["VpcId", "vpc_id"],
      ["InternetGatewayId", "internet_gateway_id"],
    ],
  },
  variants: [
    {
      when: "VpnGatewayId",
      terraformType: "aws_vpn_gateway_attachment",
      rules: [
        ["VpcId", "vpc_id"],
        ["VpnGatewayId", "vpn_gateway_id"],
      ],
    },
  ],
};

export const ec2EipAssociation: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::EIPAssociation",
  main: {
    terraformType: "aws_eip_association",
    rules: [
      ["AllocationId", "allocation_id"],
      ["InstanceId", "instance_id"],
      ["NetworkInterfaceId", "network_interface_id"],
      ["PrivateIpAddress", "private_ip_address"],
      ["EIP", "public_ip"],
    ],
  },
};
