import { type CloudFormationMapping, json, tags } from "../type-mapping.ts";

/** The rule itself; its targets (`aws_cloudwatch_event_target` in Terraform) are not read. */
export const eventsRule: CloudFormationMapping = {
  cloudFormationType: "AWS::Events::Rule",
  main: {
    terraformType: "aws_cloudwatch_event_rule",
    rules: [
      ["Name", "name"],
      ["Description", "description"],
      ["EventBusName", "event_bus_name"],
      ["EventPattern", "event_pattern", json],
      ["ScheduleExpression", "schedule_expression"],
      ["State", "state"],
      ["RoleArn", "role_arn"],
      ["Tags", "tags", tags],
    ],
  },
  ref: "name",
  attributes: { Arn: "arn" },
};
