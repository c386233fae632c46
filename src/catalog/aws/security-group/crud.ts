import {
  CreateSecurityGroupCommand,
  DeleteSecurityGroupCommand,
  DescribeSecurityGroupsCommand,
  RevokeSecurityGroupEgressCommand,
  type SecurityGroup,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateTagsOnly } from "../ec2-tags.ts";
import { requiredStr, str } from "../properties.ts";

/**
 * aws_security_group: the group without inline rules. Like Terraform, the allow-all egress rule AWS
 * adds to every new group is removed: egress is granted only by aws_vpc_security_group_egress_rule.
 */
export const securityGroup: AwsCrud = {
  type: "aws_security_group",
  forceNew: ["name", "name_prefix", "description", "vpc_id"],
  async create(aws, call) {
    const { GroupId } = await aws.clients.ec2().send(
      new CreateSecurityGroupCommand({
        GroupName: requiredStr(call.properties, "name", "aws_security_group"),
        Description: str(call.properties, "description") ?? "Managed by plinth",
        VpcId: str(call.properties, "vpc_id"),
        TagSpecifications: tagSpecifications("security-group", call.properties.tags),
      }),
    );
    const id = GroupId as string;
    await revokeDefaultEgress(aws, id);
    return observed(aws, (await describe(aws, id)) as SecurityGroup);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    return found ? observed(aws, found) : undefined;
  },
  update: updateTagsOnly,
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.ec2().send(new DeleteSecurityGroupCommand({ GroupId: call.id })),
    );
  },
  async find(aws, call) {
    const { SecurityGroups } = await aws.clients
      .ec2()
      .send(new DescribeSecurityGroupsCommand({ Filters: identityFilters(call.identity) }));
    const found = SecurityGroups?.[0];
    if (!found) return undefined;
    await revokeDefaultEgress(aws, found.GroupId as string);
    return observed(aws, found);
  },
};

async function describe(aws: AwsContext, id: string): Promise<SecurityGroup | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: [id] })),
  );
  return result?.SecurityGroups?.[0];
}

async function revokeDefaultEgress(aws: AwsContext, id: string): Promise<void> {
  const group = await describe(aws, id);
  const allowAll = group?.IpPermissionsEgress?.find(
    (p) => p.IpProtocol === "-1" && p.IpRanges?.some((r) => r.CidrIp === "0.0.0.0/0"),
  );
  if (!allowAll) return;
  await aws.clients.ec2().send(
    new RevokeSecurityGroupEgressCommand({
      GroupId: id,
      IpPermissions: [{ IpProtocol: "-1", IpRanges: [{ CidrIp: "0.0.0.0/0" }] }],
    }),
  );
}

function observed(aws: AwsContext, found: SecurityGroup): Observed {
  const id = found.GroupId as string;
  return {
    id,
    outputs: { arn: ec2Arn(aws, found.OwnerId, `security-group/${id}`), owner_id: found.OwnerId ?? null },
  };
}
