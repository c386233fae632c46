import {
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  DeleteInternetGatewayCommand,
  DescribeInternetGatewaysCommand,
  DetachInternetGatewayCommand,
  type InternetGateway,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { AwsError } from "../../../providers/aws/aws-errors.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateEc2Tags } from "../ec2-tags.ts";
import { str } from "../properties.ts";

/** aws_internet_gateway: created, then attached to its VPC; detached before deletion. */
export const internetGateway: AwsCrud = {
  type: "aws_internet_gateway",
  forceNew: [],
  async create(aws, call) {
    const { InternetGateway: created } = await aws.clients.ec2().send(
      new CreateInternetGatewayCommand({
        TagSpecifications: tagSpecifications("internet-gateway", call.properties.tags),
      }),
    );
    const id = created?.InternetGatewayId as string;
    const vpcId = str(call.properties, "vpc_id");
    if (vpcId) await attach(aws, id, vpcId);
    return observed(aws, created as InternetGateway);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found) return undefined;
    return { ...observed(aws, found), properties: { vpc_id: found.Attachments?.[0]?.VpcId ?? null } };
  },
  async update(aws, call) {
    if (call.changed.includes("vpc_id")) {
      const before = str(call.previous, "vpc_id");
      const after = str(call.properties, "vpc_id");
      if (before) await detach(aws, call.id, before);
      if (after) await attach(aws, call.id, after);
    }
    if (call.changed.includes("tags"))
      await updateEc2Tags(aws, call.id, call.previous.tags, call.properties.tags);
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    const found = await describe(aws, call.id);
    if (!found) return;
    for (const attachment of found.Attachments ?? [])
      if (attachment.VpcId) await detach(aws, call.id, attachment.VpcId);
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new DeleteInternetGatewayCommand({ InternetGatewayId: call.id })),
    );
  },
  async find(aws, call) {
    const { InternetGateways } = await aws.clients
      .ec2()
      .send(new DescribeInternetGatewaysCommand({ Filters: identityFilters(call.identity) }));
    const found = InternetGateways?.[0];
    if (!found) return undefined;
    const vpcId = str(call.properties, "vpc_id");
    if (vpcId && !found.Attachments?.some((a) => a.VpcId === vpcId))
      await attach(aws, found.InternetGatewayId as string, vpcId);
    return observed(aws, found);
  },
};

async function describe(aws: AwsContext, id: string): Promise<InternetGateway | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeInternetGatewaysCommand({ InternetGatewayIds: [id] })),
  );
  return result?.InternetGateways?.[0];
}

async function attach(aws: AwsContext, id: string, vpcId: string) {
  await aws.clients.ec2().send(new AttachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId }));
}

async function detach(aws: AwsContext, id: string, vpcId: string) {
  try {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new DetachInternetGatewayCommand({ InternetGatewayId: id, VpcId: vpcId })),
    );
  } catch (error) {
    // Already detached (an interrupted delete got that far): the goal is reached.
    if (!(error instanceof AwsError && error.code === "Gateway.NotAttached")) throw error;
  }
}

function observed(aws: AwsContext, found: InternetGateway): Observed {
  const id = found.InternetGatewayId as string;
  return {
    id,
    outputs: { arn: ec2Arn(aws, found.OwnerId, `internet-gateway/${id}`), owner_id: found.OwnerId ?? null },
  };
}
