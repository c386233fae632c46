import {
  CreateSubnetCommand,
  DeleteSubnetCommand,
  DescribeSubnetsCommand,
  ModifySubnetAttributeCommand,
  type Subnet,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { identityFilters, tagSpecifications, updateEc2Tags } from "../ec2-tags.ts";
import { bool, requiredStr, str } from "../properties.ts";

/** aws_subnet: a subnet in one zone; public IPs on launch only when asked for. */
export const subnet: AwsCrud = {
  type: "aws_subnet",
  forceNew: ["vpc_id", "cidr_block", "availability_zone", "availability_zone_id"],
  async create(aws, call) {
    const { Subnet: created } = await aws.clients.ec2().send(
      new CreateSubnetCommand({
        VpcId: requiredStr(call.properties, "vpc_id", "aws_subnet"),
        CidrBlock: requiredStr(call.properties, "cidr_block", "aws_subnet"),
        AvailabilityZone: str(call.properties, "availability_zone"),
        AvailabilityZoneId: str(call.properties, "availability_zone_id"),
        TagSpecifications: tagSpecifications("subnet", call.properties.tags),
      }),
    );
    const id = created?.SubnetId as string;
    if (bool(call.properties, "map_public_ip_on_launch")) await setPublicIp(aws, id, true);
    return observed(created as Subnet);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found) return undefined;
    return {
      ...observed(found),
      properties: { map_public_ip_on_launch: found.MapPublicIpOnLaunch ?? false },
    };
  },
  async update(aws, call) {
    if (call.changed.includes("map_public_ip_on_launch"))
      await setPublicIp(aws, call.id, bool(call.properties, "map_public_ip_on_launch") ?? false);
    if (call.changed.includes("tags"))
      await updateEc2Tags(aws, call.id, call.previous.tags, call.properties.tags);
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(aws.clients.ec2().send(new DeleteSubnetCommand({ SubnetId: call.id })));
  },
  async find(aws, call) {
    const { Subnets } = await aws.clients
      .ec2()
      .send(new DescribeSubnetsCommand({ Filters: identityFilters(call.identity) }));
    return Subnets?.[0] ? observed(Subnets[0]) : undefined;
  },
};

async function describe(aws: AwsContext, id: string): Promise<Subnet | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeSubnetsCommand({ SubnetIds: [id] })),
  );
  return result?.Subnets?.[0];
}

async function setPublicIp(aws: AwsContext, id: string, value: boolean) {
  await aws.clients
    .ec2()
    .send(new ModifySubnetAttributeCommand({ SubnetId: id, MapPublicIpOnLaunch: { Value: value } }));
}

function observed(found: Subnet): Observed {
  return {
    id: found.SubnetId as string,
    outputs: {
      arn: found.SubnetArn ?? null,
      availability_zone: found.AvailabilityZone ?? null,
      availability_zone_id: found.AvailabilityZoneId ?? null,
      owner_id: found.OwnerId ?? null,
    },
  };
}
