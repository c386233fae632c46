import { blocks, type CostFunction, monthly, num, prop } from "../../cost-components.ts";

/**
 * aws_cloudwatch_metric_alarm: one alarm metric a month for a plain alarm, one per metric of a metric
 * math alarm (`metric_query` blocks holding a `metric`), at the high-resolution price when the period
 * is under 60 seconds. Anomaly detection alarms are billed for three metrics by AWS; plinth counts the
 * metrics it can see.
 */
export const cloudwatchMetricAlarmCost: CostFunction = (ctx) => {
  const queries = blocks(ctx, "metric_query");
  const metrics = queries.length > 0 ? queries.filter((q) => prop(ctx, "metric", q) !== undefined).length : 1;
  const periods = [
    num(ctx, "period"),
    ...queries.flatMap((q) => blocks(ctx, "metric", q).map((m) => num(ctx, "period", m))),
  ];
  const highResolution = periods.some((p) => p !== undefined && p < 60);
  return {
    components: [
      monthly(
        `Alarm metrics (${highResolution ? "high resolution" : "standard resolution"})`,
        "alarm metrics",
        { service: "AmazonCloudWatch", key: highResolution ? "alarm-high-resolution" : "alarm-standard" },
        Math.max(1, metrics),
      ),
    ],
  };
};
