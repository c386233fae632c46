import {
  CreateDBSubnetGroupCommand,
  type DBSubnetGroup,
  DeleteDBSubnetGroupCommand,
  DescribeDBSubnetGroupsCommand,
  ModifyDBSubnetGroupCommand,
} from "@aws-sdk/client-rds";
import type { Observed } from "../../../engine/resource-handler.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { tagList } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound, unlessNotFound } from "../aws-crud.ts";
import { requiredStr, str, strings } from "../properties.ts";
import { updateRdsTags } from "../rds-tags.ts";

/** aws_db_subnet_group: the subnets an RDS instance may use; its id is the name. */
export const dbSubnetGroup: AwsCrud = {
  type: "aws_db_subnet_group",
  forceNew: ["name", "name_prefix"],
  async create(aws, call) {
    const name = requiredStr(call.properties, "name", "aws_db_subnet_group");
    try {
      const { DBSubnetGroup: created } = await aws.clients.rds().send(
        new CreateDBSubnetGroupCommand({
          DBSubnetGroupName: name,
          DBSubnetGroupDescription: str(call.properties, "description") ?? "Managed by plinth",
          SubnetIds: strings(call.properties, "subnet_ids"),
          Tags: tagList(call.properties.tags),
        }),
      );
      return observed(created as DBSubnetGroup);
    } catch (error) {
      if (!(error instanceof AwsConflictError)) throw error;
      const found = await describe(aws, name);
      if (!found) throw error;
      return observed(found);
    }
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    if (!found) return undefined;
    const subnetIds = (found.Subnets ?? []).map((s) => s.SubnetIdentifier as string).sort();
    const applied = strings(call.properties, "subnet_ids").sort();
    return {
      ...observed(found),
      properties: {
        subnet_ids: subnetIds.join() === applied.join() ? strings(call.properties, "subnet_ids") : subnetIds,
      },
    };
  },
  async update(aws, call) {
    if (call.changed.includes("subnet_ids") || call.changed.includes("description"))
      await aws.clients.rds().send(
        new ModifyDBSubnetGroupCommand({
          DBSubnetGroupName: call.id,
          DBSubnetGroupDescription: str(call.properties, "description") ?? "Managed by plinth",
          SubnetIds: strings(call.properties, "subnet_ids"),
        }),
      );
    if (call.changed.includes("tags"))
      await updateRdsTags(aws, String(call.outputs.arn), call.previous.tags, call.properties.tags);
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.rds().send(new DeleteDBSubnetGroupCommand({ DBSubnetGroupName: call.id })),
    );
  },
};

async function describe(aws: AwsContext, name: string): Promise<DBSubnetGroup | undefined> {
  const result = await unlessNotFound(
    aws.clients.rds().send(new DescribeDBSubnetGroupsCommand({ DBSubnetGroupName: name })),
  );
  return result?.DBSubnetGroups?.[0];
}

function observed(group: DBSubnetGroup): Observed {
  const name = group.DBSubnetGroupName as string;
  return { id: name, outputs: { name, arn: group.DBSubnetGroupArn ?? null, vpc_id: group.VpcId ?? null } };
}
