import {
  DescribeInstancesCommand,
  type Instance,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import type { JsonObject } from "../../../model/value.ts";
import { type AwsContext, type AwsCrud, unlessNotFound, wait } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateTagsOnly } from "../ec2-tags.ts";
import { block, bool, num, requiredStr, str, strings } from "../properties.ts";

const GONE = new Set(["shutting-down", "terminated"]);

/**
 * aws_instance: RunInstances with the run's idempotency token (a retried or resumed create returns the
 * same instance), then awaited until running. Only tags change in place; other changes replace it
 * (stopping and resizing is left to a later version). User data is sensitive: it may name secrets.
 */
export const instance: AwsCrud = {
  type: "aws_instance",
  sensitive: ["user_data"],
  forceNew: [
    "ami",
    "instance_type",
    "subnet_id",
    "vpc_security_group_ids",
    "iam_instance_profile",
    "associate_public_ip_address",
    "monitoring",
    "ebs_optimized",
    "metadata_options",
    "root_block_device",
    "user_data",
    "user_data_base64",
    "user_data_replace_on_change",
    "key_name",
    "availability_zone",
    "private_ip",
  ],
  async create(aws, call) {
    const p = call.properties;
    const { Instances } = await aws.clients.ec2().send(
      new RunInstancesCommand({
        ImageId: requiredStr(p, "ami", "aws_instance"),
        InstanceType: requiredStr(p, "instance_type", "aws_instance") as "t3.micro",
        MinCount: 1,
        MaxCount: 1,
        ClientToken: call.token,
        SubnetId: str(p, "subnet_id"),
        SecurityGroupIds: strings(p, "vpc_security_group_ids"),
        IamInstanceProfile: str(p, "iam_instance_profile")
          ? { Name: str(p, "iam_instance_profile") }
          : undefined,
        Monitoring: bool(p, "monitoring") !== undefined ? { Enabled: bool(p, "monitoring") } : undefined,
        EbsOptimized: bool(p, "ebs_optimized"),
        KeyName: str(p, "key_name"),
        PrivateIpAddress: str(p, "private_ip"),
        MetadataOptions: metadataOptions(p),
        BlockDeviceMappings: rootDevice(p),
        UserData: userData(p),
        TagSpecifications: [
          ...(tagSpecifications("instance", p.tags) ?? []),
          ...(tagSpecifications("volume", p.tags) ?? []),
        ],
      }),
    );
    const id = Instances?.[0]?.InstanceId as string;
    const running = await wait(
      aws,
      async () => {
        const found = await describe(aws, id);
        return found?.State?.Name === "running" ? found : undefined;
      },
      { what: `${call.address} to be running` },
    );
    return observed(aws, running);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found || GONE.has(found.State?.Name ?? "")) return undefined;
    return { ...observed(aws, found), properties: { instance_type: found.InstanceType ?? null } };
  },
  update: updateTagsOnly,
  async delete(aws, call) {
    const found = await describe(aws, call.id);
    if (!found || found.State?.Name === "terminated") return;
    await aws.clients.ec2().send(new TerminateInstancesCommand({ InstanceIds: [call.id] }));
    await wait(
      aws,
      async () => ((await describe(aws, call.id))?.State?.Name === "terminated" ? true : undefined),
      { what: `${call.address} to terminate` },
    );
  },
  async find(aws, call) {
    const { Reservations } = await aws.clients.ec2().send(
      new DescribeInstancesCommand({
        Filters: [
          ...identityFilters(call.identity),
          { Name: "instance-state-name", Values: ["pending", "running", "stopping", "stopped"] },
        ],
      }),
    );
    const found = Reservations?.flatMap((r) => r.Instances ?? [])[0];
    return found ? observed(aws, found) : undefined;
  },
};

function metadataOptions(p: JsonObject) {
  const options = block(p, "metadata_options");
  if (!options) return undefined;
  return {
    HttpEndpoint: str(options, "http_endpoint") as "enabled" | undefined,
    HttpTokens: str(options, "http_tokens") as "required" | undefined,
    HttpPutResponseHopLimit: num(options, "http_put_response_hop_limit"),
  };
}

function rootDevice(p: JsonObject) {
  const root = block(p, "root_block_device");
  if (!root) return undefined;
  return [
    {
      DeviceName: "/dev/xvda",
      Ebs: {
        VolumeType: str(root, "volume_type") as "gp3" | undefined,
        VolumeSize: num(root, "volume_size"),
        Encrypted: bool(root, "encrypted"),
        DeleteOnTermination: bool(root, "delete_on_termination") ?? true,
      },
    },
  ];
}

function userData(p: JsonObject): string | undefined {
  const base64 = str(p, "user_data_base64");
  if (base64) return base64;
  const text = str(p, "user_data");
  return text === undefined ? undefined : Buffer.from(text).toString("base64");
}

async function describe(aws: AwsContext, id: string): Promise<Instance | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeInstancesCommand({ InstanceIds: [id] })),
  );
  return result?.Reservations?.[0]?.Instances?.[0];
}

function observed(aws: AwsContext, found: Instance): Observed {
  const id = found.InstanceId as string;
  return {
    id,
    outputs: {
      arn: ec2Arn(aws, undefined, `instance/${id}`),
      private_ip: found.PrivateIpAddress ?? null,
      public_ip: found.PublicIpAddress ?? null,
      private_dns: found.PrivateDnsName ?? null,
      availability_zone: found.Placement?.AvailabilityZone ?? null,
      primary_network_interface_id: found.NetworkInterfaces?.[0]?.NetworkInterfaceId ?? null,
    },
  };
}
