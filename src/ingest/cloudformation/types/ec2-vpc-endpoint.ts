import { bool, type CloudFormationMapping, json, tags } from "../type-mapping.ts";

export const ec2VpcEndpoint: CloudFormationMapping = {
  cloudFormationType: "AWS::EC2::VPCEndpoint",
  main: {
    terraformType: "aws_vpc_endpoint",
    rules: [
      ["VpcId", "vpc_id"],
      ["ServiceName", "service_name"],
      ["VpcEndpointType", "vpc_endpoint_type"],
      ["SubnetIds", "subnet_ids"],
      ["SecurityGroupIds", "security_group_ids"],
      ["RouteTableIds", "route_table_ids"],
      ["PrivateDnsEnabled", "private_dns_enabled", bool],
      ["IpAddressType", "ip_address_type"],
      ["PolicyDocument", "policy", json],
      ["Tags", "tags", tags],
    ],
  },
  attributes: { Id: "id", DnsEntries: "dns_entry", NetworkInterfaceIds: "network_interface_ids" },
};
