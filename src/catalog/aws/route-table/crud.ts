import {
  CreateRouteTableCommand,
  DeleteRouteTableCommand,
  DescribeRouteTablesCommand,
  type RouteTable,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateTagsOnly } from "../ec2-tags.ts";
import { requiredStr } from "../properties.ts";

/** aws_route_table: an empty table; routes and associations are their own resources. */
export const routeTable: AwsCrud = {
  type: "aws_route_table",
  forceNew: ["vpc_id"],
  async create(aws, call) {
    const { RouteTable: created } = await aws.clients.ec2().send(
      new CreateRouteTableCommand({
        VpcId: requiredStr(call.properties, "vpc_id", "aws_route_table"),
        TagSpecifications: tagSpecifications("route-table", call.properties.tags),
      }),
    );
    return observed(aws, created as RouteTable);
  },
  async read(aws, call) {
    const found = await describeRouteTable(aws, call.id);
    return found ? observed(aws, found) : undefined;
  },
  update: updateTagsOnly,
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new DeleteRouteTableCommand({ RouteTableId: call.id })),
    );
  },
  async find(aws, call) {
    const { RouteTables } = await aws.clients
      .ec2()
      .send(new DescribeRouteTablesCommand({ Filters: identityFilters(call.identity) }));
    return RouteTables?.[0] ? observed(aws, RouteTables[0]) : undefined;
  },
};

export async function describeRouteTable(aws: AwsContext, id: string): Promise<RouteTable | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeRouteTablesCommand({ RouteTableIds: [id] })),
  );
  return result?.RouteTables?.[0];
}

function observed(aws: AwsContext, found: RouteTable): Observed {
  const id = found.RouteTableId as string;
  return {
    id,
    outputs: { arn: ec2Arn(aws, found.OwnerId, `route-table/${id}`), owner_id: found.OwnerId ?? null },
  };
}
