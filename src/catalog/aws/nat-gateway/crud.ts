import {
  CreateNatGatewayCommand,
  DeleteNatGatewayCommand,
  DescribeNatGatewaysCommand,
  type NatGateway,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound, wait } from "../aws-crud.ts";
import { identityFilters, tagSpecifications, updateTagsOnly } from "../ec2-tags.ts";
import { requiredStr, str } from "../properties.ts";

/** aws_nat_gateway: created with an idempotency token, then awaited until available (minutes on AWS). */
export const natGateway: AwsCrud = {
  type: "aws_nat_gateway",
  forceNew: ["allocation_id", "subnet_id", "connectivity_type", "private_ip"],
  async create(aws, call) {
    const { NatGateway: created } = await aws.clients.ec2().send(
      new CreateNatGatewayCommand({
        SubnetId: requiredStr(call.properties, "subnet_id", "aws_nat_gateway"),
        AllocationId: str(call.properties, "allocation_id"),
        ConnectivityType:
          (str(call.properties, "connectivity_type") as "public" | "private" | undefined) ?? undefined,
        ClientToken: call.token,
        TagSpecifications: tagSpecifications("natgateway", call.properties.tags),
      }),
    );
    const id = created?.NatGatewayId as string;
    const ready = await wait(
      aws,
      async () => {
        const found = await describe(aws, id);
        if (found?.State === "failed")
          throw new Error(`${call.address} failed: ${found.FailureMessage ?? "no reason given"}`);
        return found?.State === "available" ? found : undefined;
      },
      { what: `${call.address} to be available` },
    );
    return observed(ready);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    return found && found.State !== "deleted" && found.State !== "deleting" ? observed(found) : undefined;
  },
  update: updateTagsOnly,
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new DeleteNatGatewayCommand({ NatGatewayId: call.id })),
    );
    await wait(
      aws,
      async () => {
        const found = await describe(aws, call.id);
        return !found || found.State === "deleted" ? true : undefined;
      },
      { what: `${call.address} to be deleted` },
    );
  },
  async find(aws, call) {
    const { NatGateways } = await aws.clients
      .ec2()
      .send(new DescribeNatGatewaysCommand({ Filter: identityFilters(call.identity) }));
    const found = NatGateways?.find((n) => n.State !== "deleted" && n.State !== "deleting");
    return found ? observed(found) : undefined;
  },
};

async function describe(aws: AwsContext, id: string): Promise<NatGateway | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeNatGatewaysCommand({ NatGatewayIds: [id] })),
  );
  return result?.NatGateways?.[0];
}

function observed(found: NatGateway): Observed {
  const address = found.NatGatewayAddresses?.[0];
  return {
    id: found.NatGatewayId as string,
    outputs: {
      public_ip: address?.PublicIp ?? null,
      private_ip: address?.PrivateIp ?? null,
      network_interface_id: address?.NetworkInterfaceId ?? null,
    },
  };
}
