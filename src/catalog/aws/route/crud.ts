import { CreateRouteCommand, DeleteRouteCommand, ReplaceRouteCommand } from "@aws-sdk/client-ec2";
import type { JsonObject } from "../../../model/value.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound } from "../aws-crud.ts";
import { requiredStr, str } from "../properties.ts";
import { describeRouteTable } from "../route-table/crud.ts";

/**
 * aws_route: one route in a table. Its identity is the table and destination (Terraform's
 * `r-<table><hash>` id, here `<table>_<destination>`), so creating it again after a crash finds the
 * route instead of duplicating it; a changed target is replaced in place.
 */
export const route: AwsCrud = {
  type: "aws_route",
  forceNew: ["route_table_id", "destination_cidr_block", "destination_ipv6_cidr_block"],
  async create(aws, call) {
    try {
      await aws.clients.ec2().send(new CreateRouteCommand(routeInput(call.properties)));
    } catch (error) {
      if (!(error instanceof AwsConflictError || (error as { code?: string }).code === "RouteAlreadyExists"))
        throw error;
      await aws.clients.ec2().send(new ReplaceRouteCommand(routeInput(call.properties)));
    }
    return { id: idOf(call.properties), outputs: { origin: "CreateRoute", state: "active" } };
  },
  async read(aws, call) {
    const found = await findRoute(aws, call.properties);
    if (!found) return undefined;
    return {
      id: call.id,
      outputs: call.outputs,
      properties: {
        ...(found.GatewayId ? { gateway_id: found.GatewayId } : {}),
        ...(found.NatGatewayId ? { nat_gateway_id: found.NatGatewayId } : {}),
      },
    };
  },
  async update(aws, call) {
    await aws.clients.ec2().send(new ReplaceRouteCommand(routeInput(call.properties)));
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(
        new DeleteRouteCommand({
          RouteTableId: requiredStr(call.properties, "route_table_id", "aws_route"),
          DestinationCidrBlock: str(call.properties, "destination_cidr_block"),
          DestinationIpv6CidrBlock: str(call.properties, "destination_ipv6_cidr_block"),
        }),
      ),
    );
  },
  async find(aws, call) {
    return (await findRoute(aws, call.properties))
      ? { id: idOf(call.properties), outputs: { origin: "CreateRoute", state: "active" } }
      : undefined;
  },
};

function routeInput(props: JsonObject) {
  return {
    RouteTableId: requiredStr(props, "route_table_id", "aws_route"),
    DestinationCidrBlock: str(props, "destination_cidr_block"),
    DestinationIpv6CidrBlock: str(props, "destination_ipv6_cidr_block"),
    GatewayId: str(props, "gateway_id"),
    NatGatewayId: str(props, "nat_gateway_id"),
    InstanceId: str(props, "instance_id"),
    NetworkInterfaceId: str(props, "network_interface_id"),
    VpcPeeringConnectionId: str(props, "vpc_peering_connection_id"),
    TransitGatewayId: str(props, "transit_gateway_id"),
  };
}

function idOf(props: JsonObject): string {
  return `${str(props, "route_table_id")}_${str(props, "destination_cidr_block") ?? str(props, "destination_ipv6_cidr_block")}`;
}

async function findRoute(aws: AwsContext, props: JsonObject) {
  const table = await describeRouteTable(aws, requiredStr(props, "route_table_id", "aws_route"));
  const cidr = str(props, "destination_cidr_block");
  const ipv6 = str(props, "destination_ipv6_cidr_block");
  return table?.Routes?.find(
    (r) => (cidr && r.DestinationCidrBlock === cidr) || (ipv6 && r.DestinationIpv6CidrBlock === ipv6),
  );
}
