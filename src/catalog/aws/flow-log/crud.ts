import {
  CreateFlowLogsCommand,
  DeleteFlowLogsCommand,
  DescribeFlowLogsCommand,
  type FlowLog,
} from "@aws-sdk/client-ec2";
import type { Observed } from "../../../engine/resource-handler.ts";
import { type AwsContext, type AwsCrud, unlessNotFound } from "../aws-crud.ts";
import { ec2Arn, identityFilters, tagSpecifications, updateTagsOnly } from "../ec2-tags.ts";
import { num, str } from "../properties.ts";

/** aws_flow_log: VPC (or subnet, ENI) traffic logs to CloudWatch Logs or S3, with an idempotency token. */
export const flowLog: AwsCrud = {
  type: "aws_flow_log",
  forceNew: [
    "vpc_id",
    "subnet_id",
    "eni_id",
    "traffic_type",
    "log_destination",
    "log_destination_type",
    "iam_role_arn",
    "max_aggregation_interval",
    "log_format",
  ],
  async create(aws, call) {
    const p = call.properties;
    const [resourceType, resourceId] = str(p, "vpc_id")
      ? (["VPC", str(p, "vpc_id")] as const)
      : str(p, "subnet_id")
        ? (["Subnet", str(p, "subnet_id")] as const)
        : (["NetworkInterface", str(p, "eni_id")] as const);
    const result = await aws.clients.ec2().send(
      new CreateFlowLogsCommand({
        ResourceType: resourceType,
        ResourceIds: [resourceId as string],
        TrafficType: (str(p, "traffic_type") ?? "ALL") as "ALL",
        LogDestinationType: (str(p, "log_destination_type") ?? "cloud-watch-logs") as "cloud-watch-logs",
        LogDestination: str(p, "log_destination"),
        DeliverLogsPermissionArn: str(p, "iam_role_arn"),
        MaxAggregationInterval: num(p, "max_aggregation_interval"),
        LogFormat: str(p, "log_format"),
        ClientToken: call.token,
        TagSpecifications: tagSpecifications("vpc-flow-log", p.tags),
      }),
    );
    const problem = result.Unsuccessful?.[0]?.Error;
    if (problem) throw new Error(`${call.address}: ${problem.Message ?? problem.Code}`);
    const id = result.FlowLogIds?.[0] as string;
    return { id, outputs: { arn: ec2Arn(aws, undefined, `vpc-flow-log/${id}`) } };
  },
  async read(aws, call) {
    const found = await describe(aws, call.id);
    return found ? observed(aws, found) : undefined;
  },
  update: updateTagsOnly,
  async delete(aws, call) {
    if (!(await describe(aws, call.id))) return;
    await aws.clients.ec2().send(new DeleteFlowLogsCommand({ FlowLogIds: [call.id] }));
  },
  async find(aws, call) {
    const { FlowLogs } = await aws.clients
      .ec2()
      .send(new DescribeFlowLogsCommand({ Filter: identityFilters(call.identity) }));
    return FlowLogs?.[0] ? observed(aws, FlowLogs[0]) : undefined;
  },
};

async function describe(aws: AwsContext, id: string): Promise<FlowLog | undefined> {
  const result = await unlessNotFound(
    aws.clients.ec2().send(new DescribeFlowLogsCommand({ FlowLogIds: [id] })),
  );
  return result?.FlowLogs?.[0];
}

function observed(aws: AwsContext, found: FlowLog): Observed {
  const id = found.FlowLogId as string;
  return { id, outputs: { arn: ec2Arn(aws, undefined, `vpc-flow-log/${id}`) } };
}
