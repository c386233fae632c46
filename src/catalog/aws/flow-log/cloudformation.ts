import { type CloudFormationMapping, REF } from "../../cloudformation-mapping.ts";

export const flowLog: CloudFormationMapping = {
  type: "AWS::EC2::FlowLog",
  properties: {
    vpc_id: (value) => ({ ResourceId: value, ResourceType: "VPC" }),
    subnet_id: (value) => ({ ResourceId: value, ResourceType: "Subnet" }),
    traffic_type: "TrafficType",
    log_destination_type: "LogDestinationType",
    log_destination: "LogDestination",
    iam_role_arn: "DeliverLogsPermissionArn",
    max_aggregation_interval: "MaxAggregationInterval",
    log_format: "LogFormat",
  },
  attributes: { id: REF },
};
