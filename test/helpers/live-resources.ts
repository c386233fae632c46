import { DescribeLogGroupsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-cloudwatch-logs";
import {
  DescribeFlowLogsCommand,
  DescribeInternetGatewaysCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
} from "@aws-sdk/client-ec2";
import { ListRolesCommand, ListRoleTagsCommand } from "@aws-sdk/client-iam";
import { GetBucketTaggingCommand, ListBucketsCommand } from "@aws-sdk/client-s3";
import { ListSecretsCommand } from "@aws-sdk/client-secrets-manager";
import { ListQueuesCommand, ListQueueTagsCommand } from "@aws-sdk/client-sqs";
import type { AwsClients } from "../../src/providers/aws/aws-clients.ts";

/**
 * What exists in the (emulated) account for an app, found through the services' own APIs by plinth's
 * tags: address → the ids carrying that address. Two ids for one address is a duplicate; an address
 * plinth's state does not know is an orphan.
 */
export async function liveResourcesOf(aws: AwsClients, app: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const add = (tags: Record<string, string | undefined>, id: string) => {
    if (tags["plinth:app"] !== app || !tags["plinth:address"]) return;
    const ids = found.get(tags["plinth:address"]) ?? [];
    ids.push(id);
    found.set(tags["plinth:address"], ids);
  };

  // Each EC2 type through its own Describe call: moto keeps deleted resources' tags in DescribeTags.
  const ec2 = aws.ec2();
  const filters = [{ Name: "tag:plinth:app", Values: [app] }];
  const tagsOf = (tags: Array<{ Key?: string | undefined; Value?: string | undefined }> | undefined) =>
    Object.fromEntries((tags ?? []).map((t) => [t.Key, t.Value]));
  for (const v of (await ec2.send(new DescribeVpcsCommand({ Filters: filters }))).Vpcs ?? [])
    add(tagsOf(v.Tags), v.VpcId as string);
  for (const v of (await ec2.send(new DescribeSubnetsCommand({ Filters: filters }))).Subnets ?? [])
    add(tagsOf(v.Tags), v.SubnetId as string);
  for (const v of (await ec2.send(new DescribeRouteTablesCommand({ Filters: filters }))).RouteTables ?? [])
    add(tagsOf(v.Tags), v.RouteTableId as string);
  for (const v of (await ec2.send(new DescribeInternetGatewaysCommand({ Filters: filters })))
    .InternetGateways ?? [])
    add(tagsOf(v.Tags), v.InternetGatewayId as string);
  for (const v of (await ec2.send(new DescribeSecurityGroupsCommand({ Filters: filters }))).SecurityGroups ??
    [])
    add(tagsOf(v.Tags), v.GroupId as string);
  for (const v of (await ec2.send(new DescribeFlowLogsCommand({ Filter: filters }))).FlowLogs ?? [])
    add(tagsOf(v.Tags), v.FlowLogId as string);

  const { Buckets } = await aws.s3().send(new ListBucketsCommand({}));
  for (const bucket of Buckets ?? []) {
    const tagging = await aws
      .s3()
      .send(new GetBucketTaggingCommand({ Bucket: bucket.Name }))
      .catch(() => ({ TagSet: [] }));
    add(Object.fromEntries((tagging.TagSet ?? []).map((t) => [t.Key, t.Value])), bucket.Name as string);
  }
  const { QueueUrls } = await aws.sqs().send(new ListQueuesCommand({}));
  for (const url of QueueUrls ?? []) {
    const { Tags: queueTags } = await aws.sqs().send(new ListQueueTagsCommand({ QueueUrl: url }));
    add(queueTags ?? {}, url);
  }
  const { SecretList } = await aws.secretsManager().send(new ListSecretsCommand({}));
  for (const secret of SecretList ?? [])
    add(Object.fromEntries((secret.Tags ?? []).map((t) => [t.Key, t.Value])), secret.ARN as string);
  const { logGroups } = await aws.logs().send(new DescribeLogGroupsCommand({}));
  for (const group of logGroups ?? []) {
    const { tags } = await aws
      .logs()
      .send(new ListTagsForResourceCommand({ resourceArn: (group.arn ?? "").replace(/:\*$/, "") }));
    add(tags ?? {}, group.logGroupName as string);
  }
  const { Roles } = await aws.iam().send(new ListRolesCommand({}));
  for (const role of Roles ?? []) {
    const { Tags: roleTags } = await aws.iam().send(new ListRoleTagsCommand({ RoleName: role.RoleName }));
    add(Object.fromEntries((roleTags ?? []).map((t) => [t.Key, t.Value])), role.RoleName as string);
  }
  return found;
}
