import {
  type CostContext,
  type CostFunction,
  hourly,
  lookupTable,
  scaleUsage,
  str,
  usage,
  usageNumber,
} from "../../cost-components.ts";

/**
 * What one load balancer capacity unit covers per type (AWS's definitions): new connections per
 * second, active connections per minute, GB processed per hour, rule evaluations per second.
 */
const LCU: Record<
  string,
  { newConnections: number; activeConnections: number; gbPerHour: number; rules?: number }
> = lookupTable({
  application: { newConnections: 25, activeConnections: 3000, gbPerHour: 1, rules: 1000 },
  network: { newConnections: 800, activeConnections: 100000, gbPerHour: 1 },
  gateway: { newConnections: 600, activeConnections: 60000, gbPerHour: 1 },
});
const PREFIX: Record<string, string> = lookupTable({ application: "alb", network: "nlb", gateway: "gwlb" });
const NAME: Record<string, string> = lookupTable({
  application: "Application",
  network: "Network",
  gateway: "Gateway",
});

/** Capacity units per hour from usage: the usage key `capacity_units`, or the largest dimension. */
function capacityUnits(ctx: CostContext, type: string): number | undefined {
  const given = usageNumber(ctx, "capacity_units");
  if (given !== undefined) return given;
  const per = LCU[type];
  const newConnections = usageNumber(ctx, "new_connections");
  const active = usageNumber(ctx, "active_connections");
  const gb = usageNumber(ctx, "processed_bytes_gb");
  const rules = usageNumber(ctx, "rule_evaluations");
  if (!per || [newConnections, active, gb, rules].every((v) => v === undefined)) return undefined;
  return Math.max(
    (newConnections ?? 0) / per.newConnections,
    (active ?? 0) / per.activeConnections,
    (gb ?? 0) / per.gbPerHour,
    per.rules ? (rules ?? 0) / per.rules : 0,
  );
}

/** aws_lb / aws_alb: hours by type (application by default) and capacity units from usage. */
export const lbCost: CostFunction = (ctx) => {
  const type = str(ctx, "load_balancer_type") ?? "application";
  const prefix = PREFIX[type] ?? type;
  const units = capacityUnits(ctx, type);
  return {
    components: [
      hourly(`${NAME[type] ?? type} load balancer`, { service: "AWSELB", key: `${prefix}-hour` }),
      usage(
        "Load balancer capacity units",
        "LCU-hours",
        { service: "AWSELB", key: `${prefix}-lcu` },
        scaleUsage(units, 730),
      ),
    ],
  };
};
