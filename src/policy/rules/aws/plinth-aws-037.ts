import type { Rule } from "../../rule.ts";
import { pass } from "../../rule.ts";
import { attachedVerdict } from "../shared/attached.ts";
import { cisAws, soc2 } from "../shared/frameworks.ts";

/** CIS 3.7: every VPC has a flow log. */
export const rule: Rule = {
  meta: {
    id: "PLINTH-AWS-037",
    title: "VPCs have flow logs",
    description:
      "An aws_flow_log records the VPC's IP traffic (at least rejected packets) for investigation and anomaly detection.",
    severity: "medium",
    cloud: "aws",
    resourceTypes: { terraform: ["aws_vpc"], cloudformation: ["AWS::EC2::VPC"] },
    remediation: {
      summary: "Add a flow log for the VPC.",
      terraform:
        'resource "aws_flow_log" "vpc" {\n  vpc_id          = aws_vpc.main.id\n  traffic_type    = "ALL"\n  log_destination = aws_cloudwatch_log_group.flow.arn\n  iam_role_arn    = aws_iam_role.flow.arn\n}',
      cloudformation: "AWS::EC2::FlowLog with ResourceId: !Ref VPC, ResourceType: VPC, TrafficType: ALL",
      plinth: "`flowLogs: true` (the default) on the network component.",
    },
    frameworks: [cisAws("3.7"), soc2("CC7.2")],
    aliases: ["CKV2_AWS_11", "AVD-AWS-0178", "aws-ec2-require-vpc-flow-logs-for-all-vpcs"],
    references: ["https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html"],
  },
  check: (vpc, graph) =>
    attachedVerdict(vpc, graph, {
      types: ["aws_flow_log"],
      attribute: "vpc_id",
      keys: ["id"],
      evaluate: () => pass("A flow log records its traffic."),
      missing: "No aws_flow_log records this VPC's traffic.",
    }),
};
