import {
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  ListTagsForResourceCommand,
  type LogGroup,
  PutRetentionPolicyCommand,
  TagResourceCommand,
  UntagResourceCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import type { Observed } from "../../../engine/resource-handler.ts";
import { AwsConflictError } from "../../../providers/aws/aws-errors.ts";
import { hasIdentity, tagChanges, tagList } from "../../../providers/aws/tags.ts";
import { type AwsContext, type AwsCrud, deleteIgnoringNotFound } from "../aws-crud.ts";
import { num, requiredStr, str } from "../properties.ts";

/** aws_cloudwatch_log_group: the group, its retention and tags; its id is the name. */
export const cloudwatchLogGroup: AwsCrud = {
  type: "aws_cloudwatch_log_group",
  forceNew: ["name", "name_prefix", "log_group_class"],
  async create(aws, call) {
    const name = requiredStr(call.properties, "name", "aws_cloudwatch_log_group");
    try {
      await aws.clients.logs().send(
        new CreateLogGroupCommand({
          logGroupName: name,
          kmsKeyId: str(call.properties, "kms_key_id"),
          tags: Object.fromEntries(tagList(call.properties.tags).map((t) => [t.Key, t.Value])),
        }),
      );
    } catch (error) {
      if (!(error instanceof AwsConflictError) || !(await this.find?.(aws, call))) throw error;
    }
    await setRetention(aws, name, num(call.properties, "retention_in_days"));
    return observed((await describe(aws, name)) as LogGroup);
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    return found
      ? { ...observed(found), properties: { retention_in_days: found.retentionInDays ?? 0 } }
      : undefined;
  },
  async update(aws, call) {
    if (call.changed.includes("retention_in_days"))
      await setRetention(aws, call.id, num(call.properties, "retention_in_days"));
    if (call.changed.includes("tags")) {
      const arn = String(call.outputs.arn);
      const { set, remove } = tagChanges(call.previous.tags, call.properties.tags);
      if (set.length > 0)
        await aws.clients.logs().send(
          new TagResourceCommand({
            resourceArn: arn,
            tags: Object.fromEntries(set.map((t) => [t.Key, t.Value])),
          }),
        );
      if (remove.length > 0)
        await aws.clients.logs().send(new UntagResourceCommand({ resourceArn: arn, tagKeys: remove }));
    }
    return { id: call.id, outputs: call.outputs };
  },
  async delete(aws, call) {
    await deleteIgnoringNotFound(
      aws.clients.logs().send(new DeleteLogGroupCommand({ logGroupName: call.id })),
    );
  },
  async find(aws, call) {
    const found = await describe(aws, requiredStr(call.properties, "name", "aws_cloudwatch_log_group"));
    if (!found) return undefined;
    const { tags } = await aws.clients
      .logs()
      .send(new ListTagsForResourceCommand({ resourceArn: arnOf(found) }));
    return hasIdentity(tags ?? {}, call.identity) ? observed(found) : undefined;
  },
};

async function describe(aws: AwsContext, name: string): Promise<LogGroup | undefined> {
  const { logGroups } = await aws.clients
    .logs()
    .send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name }));
  return logGroups?.find((g) => g.logGroupName === name);
}

async function setRetention(aws: AwsContext, name: string, days: number | undefined) {
  if (days && days > 0)
    await aws.clients
      .logs()
      .send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: days }));
  else
    await deleteIgnoringNotFound(
      aws.clients.logs().send(new DeleteRetentionPolicyCommand({ logGroupName: name })),
    );
}

/** Terraform's `arn` omits the `:*` the API appends. */
function arnOf(group: LogGroup): string {
  return (group.arn ?? "").replace(/:\*$/, "");
}

function observed(group: LogGroup): Observed {
  return { id: group.logGroupName as string, outputs: { arn: arnOf(group) } };
}
