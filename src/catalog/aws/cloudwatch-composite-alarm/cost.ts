import { type CostFunction, monthly } from "../../cost-components.ts";

/** aws_cloudwatch_composite_alarm: one composite alarm a month. */
export const cloudwatchCompositeAlarmCost: CostFunction = () => ({
  components: [
    monthly("Composite alarm", "alarms", { service: "AmazonCloudWatch", key: "alarm-composite" }, 1),
  ],
});
