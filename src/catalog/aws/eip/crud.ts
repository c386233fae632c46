import {
  type Address,
  AllocateAddressCommand,
  DescribeAddressesCommand,
  ReleaseAddressCommand,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateTagsOnly } from "../ec2-tags.ts";

/** aws_eip: an Elastic IP allocation in the VPC domain (for a NAT gateway). */
export const eip: AwsCrud = {
  type: "aws_eip",
  forceNew: ["domain", "public_ipv4_pool"],
  async create(aws, call) {
    const result = await aws.clients.ec2().send(
      new AllocateAddressCommand({
        Domain: "vpc",
        TagSpecifications: tagSpecifications("elastic-ip", call.properties.tags),
      }),
    );
    return observed(aws, { AllocationId: result.AllocationId, PublicIp: result.PublicIp });
  },
  async read(aws, call) {
    const result = await unlessNotFound(
      aws.clients.ec2().send(new DescribeAddressesCommand({ AllocationIds: [call.id] })),
    );
    const found = result?.Addresses?.[0];
    return found ? observed(aws, found) : undefined;
  },
  update: updateTagsOnly,
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new ReleaseAddressCommand({ AllocationId: call.id })),
    );
  },
  async find(aws, call) {
    const { Addresses } = await aws.clients
      .ec2()
      .send(new DescribeAddressesCommand({ Filters: identityFilters(call.identity) }));
    return Addresses?.[0] ? observed(aws, Addresses[0]) : undefined;
  },
};

function observed(aws: AwsContext, found: Address): Observed {
  const id = found.AllocationId as string;
  return {
    id,
    outputs: {
      allocation_id: id,
      public_ip: found.PublicIp ?? null,
      arn: ec2Arn(aws, undefined, `elastic-ip/${id}`),
    },
  };
}
