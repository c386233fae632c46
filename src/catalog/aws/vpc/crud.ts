import {
  CreateVpcCommand,
  DeleteVpcCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcsCommand,
  ModifyVpcAttributeCommand,
  type Vpc,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import type { JsonObject } from "../../../model/value.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound, wait } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateEc2Tags } from "../ec2-tags.ts";
import { bool, requiredStr, str } from "../properties.ts";

/** aws_vpc: the VPC, its DNS attributes (one ModifyVpcAttribute call each, as the API requires) and tags. */
export const vpc: AwsCrud = {
  type: "aws_vpc",
  forceNew: ["cidr_block", "instance_tenancy"],
  async create(aws, call) {
    const { Vpc: created } = await aws.clients.ec2().send(
      new CreateVpcCommand({
        CidrBlock: requiredStr(call.properties, "cidr_block", "aws_vpc"),
        InstanceTenancy: str(call.properties, "instance_tenancy") as "default" | undefined,
        TagSpecifications: tagSpecifications("vpc", call.properties.tags),
      }),
    );
    const id = created?.VpcId as string;
    await wait(aws, async () => ((await describe(aws, id))?.State === "available" ? true : undefined), {
      what: `${call.address} to be available`,
    });
    await setDns(aws, id, call.properties, {});
    return observed(aws, (await describe(aws, id)) as Vpc);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found) return undefined;
    const ec2 = aws.clients.ec2();
    const [support, hostnames] = await Promise.all([
      ec2.send(new DescribeVpcAttributeCommand({ VpcId: call.id, Attribute: "enableDnsSupport" })),
      ec2.send(new DescribeVpcAttributeCommand({ VpcId: call.id, Attribute: "enableDnsHostnames" })),
    ]);
    return {
      ...observed(aws, found),
      properties: {
        cidr_block: found.CidrBlock ?? null,
        enable_dns_support: support.EnableDnsSupport?.Value ?? false,
        enable_dns_hostnames: hostnames.EnableDnsHostnames?.Value ?? false,
      },
    };
  },
  async update(aws, call) {
    await setDns(aws, call.id, call.properties, call.previous);
    if (call.changed.includes("tags"))
      await updateEc2Tags(aws, call.id, call.previous.tags, call.properties.tags);
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(aws.clients.ec2().send(new DeleteVpcCommand({ VpcId: call.id })));
  },
  async find(aws, call) {
    const { Vpcs } = await aws.clients
      .ec2()
      .send(new DescribeVpcsCommand({ Filters: identityFilters(call.identity) }));
    const found = Vpcs?.[0];
    return found ? observed(aws, found) : undefined;
  },
};

async function describe(aws: AwsContext, id: string): Promise<Vpc | undefined> {
  const result = await unlessNotFound(aws.clients.ec2().send(new DescribeVpcsCommand({ VpcIds: [id] })));
  return result?.Vpcs?.[0];
}

async function setDns(aws: AwsContext, id: string, props: JsonObject, previous: JsonObject): Promise<void> {
  const ec2 = aws.clients.ec2();
  const support = bool(props, "enable_dns_support") ?? true;
  const hostnames = bool(props, "enable_dns_hostnames") ?? false;
  if (support !== (bool(previous, "enable_dns_support") ?? true))
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: id, EnableDnsSupport: { Value: support } }));
  if (hostnames !== (bool(previous, "enable_dns_hostnames") ?? false))
    await ec2.send(new ModifyVpcAttributeCommand({ VpcId: id, EnableDnsHostnames: { Value: hostnames } }));
}

function observed(aws: AwsContext, found: Vpc): Observed {
  const id = found.VpcId as string;
  return {
    id,
    outputs: { arn: ec2Arn(aws, found.OwnerId, `vpc/${id}`), owner_id: found.OwnerId ?? null },
  };
}
