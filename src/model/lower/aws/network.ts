import { zoneOf } from "../../../catalog/regions.ts";
import type { NetworkComponent } from "../../../spec/types.ts";
import { Template } from "../../value.ts";
import { defaultZone, type LoweredComponent, type LoweringContext, type SubnetInfo } from "../context.ts";
import { assumeRolePolicy, policyDocument } from "./iam.ts";

/**
 * VPC with DNS, one subnet per declared subnet (no public IPs on launch), a route table for public and
 * one for private subnets, an internet gateway when any subnet is public, an optional NAT gateway, and
 * flow logs to CloudWatch Logs.
 */
export function lowerAwsNetwork(network: NetworkComponent, ctx: LoweringContext): LoweredComponent {
  const name = ctx.localName(network);
  const vpc = ctx.add(network, "aws_vpc", name, {
    cidr_block: network.props.cidr,
    enable_dns_support: true,
    enable_dns_hostnames: true,
  });
  const vpcId = ctx.ref(vpc, "id");

  const subnets: SubnetInfo[] = [];
  Object.entries(network.props.subnets ?? {}).forEach(([subnetName, subnet], index) => {
    const zone = subnet.zone ?? defaultZone(index);
    const address = ctx.add(network, "aws_subnet", ctx.localName(network, subnetName), {
      vpc_id: vpcId,
      cidr_block: subnet.cidr,
      availability_zone: zoneOf("aws", ctx.region, zone),
      map_public_ip_on_launch: false,
    });
    subnets.push({
      name: subnetName,
      id: ctx.ref(address, "id"),
      cidr: subnet.cidr,
      public: subnet.public ?? false,
      zone,
    });
  });

  const publicSubnets = subnets.filter((s) => s.public);
  const privateSubnets = subnets.filter((s) => !s.public);
  if (publicSubnets.length > 0) {
    const gateway = ctx.add(network, "aws_internet_gateway", name, { vpc_id: vpcId });
    const table = ctx.add(network, "aws_route_table", ctx.localName(network, "public"), { vpc_id: vpcId });
    ctx.add(network, "aws_route", ctx.localName(network, "public_internet"), {
      route_table_id: ctx.ref(table, "id"),
      destination_cidr_block: "0.0.0.0/0",
      gateway_id: ctx.ref(gateway, "id"),
    });
    associate(ctx, network, publicSubnets, table);
  }
  if (privateSubnets.length > 0) {
    const table = ctx.add(network, "aws_route_table", ctx.localName(network, "private"), { vpc_id: vpcId });
    associate(ctx, network, privateSubnets, table);
    if (network.props.nat) {
      const [first] = publicSubnets;
      if (!first) {
        ctx.error(
          `The network \`${network.name}\` asks for NAT but has no public subnet to put the NAT gateway in.`,
          ctx.spec.sources.value(`${network.pointer}/nat`),
          "Add a subnet with `public: true`.",
        );
      } else {
        const ip = ctx.add(network, "aws_eip", ctx.localName(network, "nat"), { domain: "vpc" });
        const nat = ctx.add(network, "aws_nat_gateway", name, {
          allocation_id: ctx.ref(ip, "id"),
          subnet_id: first.id,
        });
        ctx.add(network, "aws_route", ctx.localName(network, "private_nat"), {
          route_table_id: ctx.ref(table, "id"),
          destination_cidr_block: "0.0.0.0/0",
          nat_gateway_id: ctx.ref(nat, "id"),
        });
      }
    }
  }

  if (network.props.flowLogs !== false) {
    const logName = ctx.localName(network, "flow_logs");
    const logGroup = ctx.add(network, "aws_cloudwatch_log_group", logName, {
      name: `/plinth/${ctx.spec.app}/${ctx.spec.env}/${network.name}/flow-logs`,
      retention_in_days: 365,
    });
    const role = ctx.add(network, "aws_iam_role", logName, {
      name: ctx.physicalName(network, { max: 64 }, "flow-logs"),
      assume_role_policy: assumeRolePolicy("vpc-flow-logs.amazonaws.com"),
    });
    ctx.add(network, "aws_iam_role_policy", logName, {
      name: "write-flow-logs",
      role: ctx.ref(role, "id"),
      policy: policyDocument([
        {
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
          Resource: new Template([ctx.ref(logGroup, "arn"), ":*"]),
        },
      ]),
    });
    ctx.add(network, "aws_flow_log", name, {
      vpc_id: vpcId,
      traffic_type: "ALL",
      log_destination_type: "cloud-watch-logs",
      log_destination: ctx.ref(logGroup, "arn"),
      iam_role_arn: ctx.ref(role, "arn"),
      max_aggregation_interval: 60,
    });
  }

  return {
    attributes: { id: vpcId, cidr: ctx.ref(vpc, "cidr_block") },
    network: { component: network.name, id: vpcId, cidr: network.props.cidr, subnets, handles: {} },
  };
}

function associate(
  ctx: LoweringContext,
  network: NetworkComponent,
  subnets: SubnetInfo[],
  table: string,
): void {
  for (const subnet of subnets) {
    ctx.add(network, "aws_route_table_association", ctx.localName(network, subnet.name), {
      subnet_id: subnet.id,
      route_table_id: ctx.ref(table, "id"),
    });
  }
}
