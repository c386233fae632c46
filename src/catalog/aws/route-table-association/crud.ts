import {
  AssociateRouteTableCommand,
  DescribeRouteTablesCommand,
  DisassociateRouteTableCommand,
} from "@aws-sdk/client-ec2";
import type { JsonObject } from "../../../model/value.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { requiredStr, str } from "../properties.ts";

/** aws_route_table_association: a subnet (or gateway) to a route table; found again by the pair. */
export const routeTableAssociation: AwsCrud = {
  type: "aws_route_table_association",
  forceNew: ["subnet_id", "gateway_id", "route_table_id"],
  async create(aws, call) {
    const existing = await findAssociation(aws, call.properties);
    if (existing) return { id: existing, outputs: {} };
    const { AssociationId } = await aws.clients.ec2().send(
      new AssociateRouteTableCommand({
        RouteTableId: requiredStr(call.properties, "route_table_id", "aws_route_table_association"),
        SubnetId: str(call.properties, "subnet_id"),
        GatewayId: str(call.properties, "gateway_id"),
      }),
    );
    return { id: AssociationId as string, outputs: {} };
  },
  async read(aws, call) {
    const id = await findAssociation(aws, call.properties);
    return id === call.id ? { id, outputs: call.outputs } : undefined;
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new DisassociateRouteTableCommand({ AssociationId: call.id })),
    );
  },
  async find(aws, call) {
    const id = await findAssociation(aws, call.properties);
    return id ? { id, outputs: {} } : undefined;
  },
};

async function findAssociation(aws: AwsContext, props: JsonObject): Promise<string | undefined> {
  const subnetId = str(props, "subnet_id");
  const gatewayId = str(props, "gateway_id");
  const result = await unlessNotFound(
    aws.clients.ec2().send(
      new DescribeRouteTablesCommand({
        RouteTableIds: [requiredStr(props, "route_table_id", "aws_route_table_association")],
      }),
    ),
  );
  const association = result?.RouteTables?.[0]?.Associations?.find(
    (a) => (subnetId && a.SubnetId === subnetId) || (gatewayId && a.GatewayId === gatewayId),
  );
  return association?.RouteTableAssociationId;
}
